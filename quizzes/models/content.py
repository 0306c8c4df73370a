"""The text and what is taught from it: documents, sentences, facts, questions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

# The one limit on a document's text, wherever it comes from (the admin's form or upload, the generation service, the
# generate_questions command): 1 MB of UTF-8, which is what an uploaded file's size says before it is read. About 350
# times the seed text; generating its questions stays under a minute.
MAX_DOCUMENT_BYTES = 1024 * 1024
# A text is taken for a binary file read as text when it has more control characters than this in its first 4 096
# (tab, line and page breaks aside: Word pastes a manual line break as a vertical tab).
MAX_CONTROL_CHARACTERS = 8


def validate_document_text(text: str) -> None:
    """Raise ValidationError when a document's text is empty, looks binary or is longer than the limit."""
    if not text or not text.strip():
        raise ValidationError(_("El texto está vacío."), code="empty")
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\n\r\x0b\x0c")
    if "\x00" in text or controls > MAX_CONTROL_CHARACTERS:
        raise ValidationError(_("El texto contiene caracteres de control: no parece un texto."), code="binary")
    size = len(text.encode("utf-8"))
    if size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("El texto es demasiado largo: ocupa %(size)s MB y el máximo es %(max)s MB."),
            code="too_long",
            params={"size": number_format(size / 1024 / 1024, 1), "max": MAX_DOCUMENT_BYTES // 1024 // 1024},
        )


class Document(models.Model):
    """A source text (Spanish encyclopedic prose) that facts and questions are drawn from."""

    title = models.CharField(_("título"), max_length=200)
    language = models.CharField(_("idioma"), max_length=10, default="es")
    text = models.TextField(_("texto"), help_text=_("El texto completo, tal como se estudia."))
    source = models.CharField(
        _("fuente"), max_length=500, blank=True, help_text=_("De dónde procede el texto (URL o referencia).")
    )
    licence = models.CharField(_("licencia"), max_length=200, blank=True, help_text=_("Por ejemplo, CC BY-SA 4.0."))
    is_published = models.BooleanField(
        _("publicado"), default=True, help_text=_("Los estudiantes solo estudian documentos publicados.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("creado por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents_created",
    )
    created_at = models.DateTimeField(_("creado"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modificado"), auto_now=True)

    class Meta:
        verbose_name = _("documento")
        verbose_name_plural = _("documentos")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["title"], name="document_unique_title"),
            models.CheckConstraint(condition=~Q(title=""), name="document_title_not_empty"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("quizzes:document_read", args=[self.pk])


class Sentence(models.Model):
    """One sentence of a document, with its character offsets (made by the generator's segmenter)."""

    document = models.ForeignKey(
        Document, verbose_name=_("documento"), on_delete=models.CASCADE, related_name="sentences"
    )
    index = models.PositiveIntegerField(_("posición"))
    text = models.TextField(_("texto"))
    start = models.PositiveIntegerField(_("inicio"))
    end = models.PositiveIntegerField(_("fin"))

    class Meta:
        verbose_name = _("oración")
        verbose_name_plural = _("oraciones")
        ordering = ["document", "index"]
        constraints = [
            models.UniqueConstraint(fields=["document", "index"], name="sentence_unique_index"),
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="sentence_end_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.index + 1}. {Truncator(self.text).chars(80)}"

    def get_absolute_url(self) -> str:
        return reverse("quizzes:document_read", args=[self.document_id]) + f"?s={self.index}#s{self.index}"


class FactKind(models.TextChoices):
    DATE = "date", _("Fecha")
    NUMBER = "number", _("Número o cantidad")
    PERSON = "person", _("Persona")
    PLACE = "place", _("Lugar")
    ORGANIZATION = "organization", _("Organización")
    EVENT = "event", _("Acontecimiento")
    TERM = "term", _("Término")


class Fact(models.Model):
    """The atom of study: one answerable piece of a sentence (a date, a number, a name...)."""

    document = models.ForeignKey(Document, verbose_name=_("documento"), on_delete=models.CASCADE, related_name="facts")
    sentence = models.ForeignKey(
        Sentence, verbose_name=_("oración"), on_delete=models.SET_NULL, null=True, blank=True, related_name="facts"
    )
    key = models.CharField(_("clave"), max_length=64, help_text=_("Clave estable; la regeneración la reutiliza."))
    kind = models.CharField(_("tipo"), max_length=20, choices=FactKind.choices)
    subtype = models.CharField(_("subtipo"), max_length=40, blank=True)
    answer = models.CharField(_("respuesta"), max_length=500)
    start = models.PositiveIntegerField(_("inicio"), help_text=_("Posición del primer carácter en el documento."))
    end = models.PositiveIntegerField(_("fin"))
    value = models.JSONField(_("valor normalizado"), null=True, blank=True)
    aliases = models.JSONField(_("alias"), default=list, blank=True)
    uncertain = models.BooleanField(_("incierto"), default=False, help_text=_("Valor deducido del contexto."))
    is_active = models.BooleanField(
        _("vigente"), default=True, help_text=_("Falso cuando la oración de origen cambió o desapareció.")
    )

    class Meta:
        verbose_name = _("hecho")
        verbose_name_plural = _("hechos")
        ordering = ["document", "start"]
        constraints = [
            models.UniqueConstraint(fields=["document", "key"], name="fact_unique_key"),
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="fact_end_after_start"),
            models.CheckConstraint(condition=Q(kind__in=FactKind.values), name="fact_kind_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.answer} ({self.get_kind_display()})"


class QuestionKind(models.TextChoices):
    SINGLE_CHOICE = "single_choice", _("Opción única")
    MULTIPLE_CHOICE = "multiple_choice", _("Opción múltiple")
    TRUE_FALSE = "true_false", _("Verdadero o falso")
    SHORT_ANSWER = "short_answer", _("Respuesta corta")
    NUMERIC = "numeric", _("Numérica")
    ORDERING = "ordering", _("Ordenación")


class Status(models.TextChoices):
    DRAFT = "draft", _("Borrador")
    PUBLISHED = "published", _("Publicada")
    ARCHIVED = "archived", _("Archivada")


class Origin(models.TextChoices):
    GENERATED = "generated", _("Generada")
    AUTHORED = "authored", _("Escrita por docente")
    IMPORTED = "imported", _("Importada")


class PublishableQuerySet(models.QuerySet):
    """Shared by every model with a draft / published / archived ``status``."""

    def published(self):
        return self.filter(status=Status.PUBLISHED)


class QuestionQuerySet(PublishableQuerySet):
    pass


class Question(models.Model):
    """A question of one of six kinds, tied to the fact and sentence it asks about."""

    kind = models.CharField(_("tipo"), max_length=20, choices=QuestionKind.choices)
    prompt = models.TextField(_("enunciado"), help_text=_("Lo que ve el estudiante. Use _____ para un hueco."))
    explanation = models.TextField(
        _("explicación"), blank=True, help_text=_("Se muestra tras responder; normalmente la oración de origen.")
    )
    document = models.ForeignKey(
        Document, verbose_name=_("documento"), on_delete=models.PROTECT, null=True, blank=True, related_name="questions"
    )
    fact = models.ForeignKey(
        Fact, verbose_name=_("hecho"), on_delete=models.SET_NULL, null=True, blank=True, related_name="questions"
    )
    sentence = models.ForeignKey(
        Sentence,
        verbose_name=_("oración de origen"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
    )
    status = models.CharField(_("estado"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    origin = models.CharField(_("origen"), max_length=20, choices=Origin.choices, default=Origin.AUTHORED)
    edited_by_teacher = models.BooleanField(
        _("editada por docente"), default=False, help_text=_("La regeneración nunca sobrescribe estas preguntas.")
    )
    key = models.CharField(_("clave de generación"), max_length=64, blank=True)
    quality = models.FloatField(_("calidad"), null=True, blank=True)
    checks = models.JSONField(_("comprobaciones"), default=dict, blank=True)
    review_note = models.TextField(_("nota de revisión"), blank=True)
    correct_bool = models.BooleanField(
        _("respuesta correcta (V/F)"), null=True, blank=True, help_text=_("Solo para verdadero o falso.")
    )
    numeric_value = models.FloatField(_("valor correcto"), null=True, blank=True)
    numeric_tolerance = models.FloatField(
        _("tolerancia"),
        null=True,
        blank=True,
        help_text=_(
            "Diferencia aceptada respecto al valor correcto, en las mismas unidades (vacía o 0: solo el valor exacto). "
            "Las preguntas generadas la fijan así: un año, exacto; una cantidad, exacta salvo que el texto diga "
            "«unos», «más de», «cerca de»… (entonces ±10 %). La página de resultados dice qué intervalo se aceptaba."
        ),
    )
    unit = models.CharField(_("unidad"), max_length=30, blank=True)
    moodle_category = models.CharField(
        _("categoría de Moodle"),
        max_length=255,
        blank=True,
        default="",
        editable=False,
        help_text=_("La ruta de categoría con la que llegó de Moodle; se vuelve a escribir al exportar."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("creada por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions_created",
    )
    created_at = models.DateTimeField(_("creada"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modificada"), auto_now=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("pregunta")
        verbose_name_plural = _("preguntas")
        ordering = ["document", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=QuestionKind.values), name="question_kind_valid"),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="question_status_valid"),
            models.CheckConstraint(condition=Q(origin__in=Origin.values), name="question_origin_valid"),
            models.CheckConstraint(condition=~Q(prompt=""), name="question_prompt_not_empty"),
            models.CheckConstraint(
                condition=Q(numeric_tolerance__isnull=True) | Q(numeric_tolerance__gte=0),
                name="question_tolerance_not_negative",
            ),
            models.CheckConstraint(
                condition=~Q(kind="true_false") | Q(correct_bool__isnull=False), name="question_true_false_has_answer"
            ),
            models.CheckConstraint(
                condition=~Q(kind="numeric") | Q(numeric_value__isnull=False), name="question_numeric_has_value"
            ),
            models.UniqueConstraint(
                fields=["document", "key"], condition=~Q(key=""), name="question_unique_generation_key"
            ),
        ]
        indexes = [models.Index(fields=["status", "kind"], name="question_status_kind")]

    def __str__(self) -> str:
        return Truncator(" ".join(self.prompt.split())).chars(90)  # a cut text ends with «…»

    def clean(self):
        # An empty prompt is the field's own error (blank=False); a blank one («   ») is this rule's.
        validate_question(
            kind=self.kind,
            prompt=self.prompt or None,
            correct_bool=self.correct_bool,
            numeric_value=self.numeric_value,
            tolerance=self.numeric_tolerance,
        )

    @property
    def is_choice(self) -> bool:
        return self.kind in {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE}


class Choice(models.Model):
    """An option of a choice question, or an item of an ordering question (``position`` is its right place)."""

    question = models.ForeignKey(Question, verbose_name=_("pregunta"), on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("texto"), max_length=500)
    is_correct = models.BooleanField(_("correcta"), default=False)
    partial_credit = models.FloatField(
        _("crédito parcial"),
        default=0.0,
        help_text=_(
            "Opción única: la parte de la nota (entre 0 y 1) que da esta opción sin ser la correcta, como el "
            "«~%50%» de Moodle."
        ),
    )
    position = models.PositiveSmallIntegerField(
        _("posición"), default=0, help_text=_("Orden de presentación; en ordenación, el lugar correcto (1, 2, 3...).")
    )
    fact = models.ForeignKey(
        Fact, verbose_name=_("hecho"), on_delete=models.SET_NULL, null=True, blank=True, related_name="choices"
    )

    class Meta:
        verbose_name = _("opción")
        verbose_name_plural = _("opciones")
        ordering = ["question", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["question", "text"], name="choice_unique_text"),
            models.CheckConstraint(condition=~Q(text=""), name="choice_text_not_empty"),
            models.CheckConstraint(
                condition=Q(partial_credit__gte=0, partial_credit__lt=1), name="choice_partial_credit_range"
            ),
        ]

    def __str__(self) -> str:
        return self.text


class AcceptedAnswer(models.Model):
    """A right answer to a short-answer question (the first is shown as the answer)."""

    question = models.ForeignKey(
        Question, verbose_name=_("pregunta"), on_delete=models.CASCADE, related_name="accepted_answers"
    )
    text = models.CharField(_("respuesta aceptada"), max_length=300)

    class Meta:
        verbose_name = _("respuesta aceptada")
        verbose_name_plural = _("respuestas aceptadas")
        ordering = ["question", "id"]
        constraints = [
            models.UniqueConstraint(fields=["question", "text"], name="accepted_answer_unique_text"),
            models.CheckConstraint(condition=~Q(text=""), name="accepted_answer_not_empty"),
        ]

    def __str__(self) -> str:
        return self.text


# ---------------------------------------------------------------- question rules
# The one set of rules on a question's answer data, wherever the question comes from: Question.clean() (and so the
# admin's question form) checks the question's own fields, the admin's option and answer formsets call
# validate_choices and validate_accepted, and a question stored or imported whole is checked by
# validate_question_parts (publishing, the import).

KINDS_WITH_CHOICES = frozenset({QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.ORDERING})


def validate_question(*, kind: str, prompt: str | None, correct_bool, numeric_value, tolerance) -> None:
    """Raise ValidationError, by field, when a question's own fields do not fit its kind.

    ``prompt`` None is not checked (a form reports a missing prompt itself).
    """
    errors: dict[str, list[ValidationError]] = {}
    if prompt is not None and not prompt.strip():
        errors["prompt"] = [ValidationError(_("El enunciado está vacío."), code="empty_prompt")]
    if kind == QuestionKind.TRUE_FALSE and correct_bool is None:
        errors["correct_bool"] = [
            ValidationError(_("Indique si la afirmación es verdadera o falsa."), code="true_false_answer")
        ]
    if kind == QuestionKind.NUMERIC:
        if numeric_value is None:
            errors["numeric_value"] = [ValidationError(_("Indique el valor correcto."), code="numeric_value")]
        if tolerance is not None and tolerance < 0:
            errors["numeric_tolerance"] = [
                ValidationError(_("La tolerancia no puede ser negativa."), code="numeric_tolerance")
            ]
    if errors:
        raise ValidationError(errors)


def validate_choices(*, kind: str, choices: list[tuple[str, bool]]) -> None:
    """Raise ValidationError when the options (text, is correct) do not fit the kind.

    For ordering, the options are the items in their right order and «is correct» is not used.
    """
    if kind not in KINDS_WITH_CHOICES:
        if choices:
            raise ValidationError(
                _("Las preguntas de tipo «%(kind)s» no usan opciones: borre las opciones."),
                code="choices_unused",
                params={"kind": QuestionKind(kind).label if kind in QuestionKind.values else kind},
            )
        return
    errors: list[ValidationError] = []
    texts = [" ".join(t.split()).casefold() for t, _c in choices]
    if len(set(texts)) != len(texts):
        errors.append(ValidationError(_("Hay opciones repetidas."), code="duplicate_choices"))
    n_correct = sum(1 for _t, c in choices if c)
    if kind == QuestionKind.SINGLE_CHOICE:
        if len(choices) < 2:
            errors.append(
                ValidationError(_("Una pregunta de opción única necesita al menos dos opciones."), code="few_choices")
            )
        if n_correct != 1:
            errors.append(
                ValidationError(
                    _("Una pregunta de opción única necesita exactamente una opción correcta."), code="single_correct"
                )
            )
    elif kind == QuestionKind.MULTIPLE_CHOICE:
        if n_correct < 1 or n_correct == len(choices):
            errors.append(
                ValidationError(
                    _("Una pregunta de opción múltiple necesita al menos una opción correcta y una incorrecta."),
                    code="multiple_correct_and_wrong",
                )
            )
    elif len(choices) < 3:
        errors.append(
            ValidationError(_("Una pregunta de ordenación necesita al menos tres elementos."), code="ordering_three")
        )
    if errors:
        raise ValidationError(errors)


def validate_accepted(*, kind: str, accepted: list[str]) -> None:
    """Raise ValidationError when the accepted answers do not fit the kind (only short answers have them)."""
    if kind == QuestionKind.SHORT_ANSWER:
        if not [a for a in accepted if a.strip()]:
            raise ValidationError(
                _("Una respuesta corta necesita al menos una respuesta aceptada."), code="short_answer_accepted"
            )
    elif accepted:
        raise ValidationError(
            _("Solo las preguntas de respuesta corta usan respuestas aceptadas: bórrelas."), code="accepted_unused"
        )


def validate_question_parts(
    *,
    kind: str,
    prompt: str,
    choices: list[tuple[str, bool]],
    accepted: list[str],
    correct_bool,
    numeric_value,
    tolerance,
) -> None:
    """Raise one ValidationError listing every rule a whole question (fields, options, answers) breaks."""
    errors: list[ValidationError] = []
    try:
        validate_question(
            kind=kind, prompt=prompt, correct_bool=correct_bool, numeric_value=numeric_value, tolerance=tolerance
        )
    except ValidationError as exc:
        errors.append(exc)  # by field: a list of ValidationErrors flattens it
    for check, parts in ((validate_choices, {"choices": choices}), (validate_accepted, {"accepted": accepted})):
        try:
            check(kind=kind, **parts)
        except ValidationError as exc:
            errors.append(exc)
    if errors:
        raise ValidationError(errors)
