"""The admin's own forms: documents, questions and their options, quiz items, and the question import pages."""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from ..domain.numbers import format_number, parse_number
from ..domain.uploads import check_size, megabytes, read_text
from ..generation.selection import EASY, HARD, MEDIUM
from ..interop.anki_import import MAX_PACKAGE_BYTES as MAX_APKG_BYTES
from ..interop.schema import MAX_IMPORT_BYTES
from ..models import (
    MAX_DOCUMENT_BYTES,
    Document,
    ImportFormat,
    Question,
    QuestionKind,
    Quiz,
    Status,
    validate_accepted,
    validate_choices,
    validate_document_text,
)
from ..selectors.quiz_building import documents_for_authoring, quizzes_for_authoring
from ..services import content as content_services
from ..services.errors import Code
from ..services.quiz_building import MAX_BUILD_SIZE


def _size_limit(message, max_bytes: int):
    """A help text naming a size limit, translated and formatted when it is shown (not when the module loads)."""
    return lazy(lambda: message % {"mb": megabytes(max_bytes)}, str)()


# ---------------------------------------------------------------- documents


class DocumentForm(forms.ModelForm):
    """A document's text is pasted or uploaded; either way it is checked by the model's one rule."""

    upload = forms.FileField(
        label=_("o suba un archivo .txt"),
        required=False,
        help_text=_size_limit(
            _("Texto plano en UTF-8, de %(mb)s MB como máximo. Sustituye al texto pegado."), MAX_DOCUMENT_BYTES
        ),
    )

    class Meta:
        model = Document
        fields = ["title", "text", "upload", "source", "licence", "is_published"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "text" in self.fields:  # absent when the document is shown read-only
            self.fields["text"].required = False

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("upload")
        if not upload and self.has_error("upload"):
            return cleaned
        try:
            if upload:
                text = read_text(upload, size=upload.size, max_bytes=MAX_DOCUMENT_BYTES)
            elif not (cleaned.get("text") or "").strip():
                raise ValidationError(_("Pegue el texto o suba un archivo."), code="empty")
            else:
                text = cleaned["text"]
            text = text.strip()
            validate_document_text(text)
        except ValidationError as exc:
            self.add_error("upload" if upload else "text", exc)
            return cleaned
        cleaned["text"] = self.instance.text = text
        return cleaned


# ---------------------------------------------------------------- questions


class ChoiceInlineFormSet(forms.BaseInlineFormSet):
    """Check the options against the question's kind (the question form has already been validated)."""

    def clean(self):
        super().clean()
        if not any(self.errors):
            choices = [(row["text"], bool(row.get("is_correct"))) for row in _kept_rows(self)]
            validate_choices(kind=self.instance.kind, choices=choices)


class AcceptedAnswerInlineFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if not any(self.errors):
            validate_accepted(kind=self.instance.kind, accepted=[row["text"] for row in _kept_rows(self)])


def _kept_rows(formset) -> list[dict]:
    """The cleaned data of the rows that are kept (filled in and not deleted)."""
    return [
        f.cleaned_data
        for f in formset.forms
        if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("text")
    ]


class SpanishNumberField(forms.FloatField):
    """A number typed and shown the Spanish way («23,9», «500 000»; «23.9» is understood too), never in float noise."""

    def prepare_value(self, value):
        if isinstance(value, float | int) and not isinstance(value, bool):
            return format_number(float(f"{value:.15g}"), grouping=False, decimals=None)  # no float noise
        return value

    def to_python(self, value):
        if value in self.empty_values or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, float | int):
            return float(value)
        number = parse_number(str(value))
        if number is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return number

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("step", None)
        return attrs


class TrueFalseSelect(forms.NullBooleanSelect):
    """The answer of a true/false question: «Verdadero» or «Falso» (Django's default says «Sí / No / Desconocido»)."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = (("unknown", "—"), ("true", _("Verdadero")), ("false", _("Falso")))


class QuestionForm(forms.ModelForm):
    """The question's own fields; Question.clean() checks them against the kind."""

    class Meta:
        model = Question
        fields = [
            "kind",
            "prompt",
            "explanation",
            "status",
            "document",
            "fact",
            "correct_bool",
            "numeric_value",
            "numeric_tolerance",
            "unit",
            "edited_by_teacher",
            "review_note",
        ]
        field_classes = {"numeric_value": SpanishNumberField, "numeric_tolerance": SpanishNumberField}
        widgets = {
            "correct_bool": TrueFalseSelect,
            "numeric_value": forms.TextInput,
            "numeric_tolerance": forms.TextInput,
        }


# ---------------------------------------------------------------- quizzes


class QuizItemInlineFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        for form in self.forms:
            question = form.cleaned_data.get("question") if form.cleaned_data else None
            added = "question" in form.changed_data and not form.cleaned_data.get("DELETE")
            if added and question is not None and question.status != Status.PUBLISHED:
                form.add_error(
                    "question",
                    ValidationError(
                        _("«%(q)s» no está publicada: publíquela antes de añadirla a un cuestionario."),
                        code="draft_question",
                        params={"q": question},
                    ),
                )
        if any(self.errors) or self.instance.status != Status.PUBLISHED:
            return
        questions = [
            f.cleaned_data["question"]
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("question")
        ]
        if not questions:
            raise ValidationError(_("Un cuestionario publicado necesita al menos una pregunta."), code="empty_quiz")
        errors = content_services.quiz_publish_problems(questions=questions)
        if errors:
            raise ValidationError(errors)


class QuizBuildForm(forms.Form):
    """«Crear desde un documento»: which document, how many questions, which kinds, how hard."""

    document = forms.ModelChoiceField(label=_("Documento"), queryset=Document.objects.none())
    size = forms.IntegerField(
        label=_("Número de preguntas"),
        min_value=1,
        max_value=MAX_BUILD_SIZE,
        initial=10,
        help_text=_("Se toman menos si el documento no tiene bastantes que cumplan las reglas."),
    )
    kinds = forms.MultipleChoiceField(
        label=_("Tipos"),
        choices=QuestionKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Ninguno marcado: todos los tipos, por turnos."),
    )
    difficulty = forms.ChoiceField(
        label=_("Dificultad"),
        choices=[("", _("Cualquiera")), (EASY, _("Fácil")), (MEDIUM, _("Media")), (HARD, _("Difícil"))],
        required=False,
        help_text=_(
            "Por el porcentaje de aciertos cuando la pregunta ya tiene bastantes respuestas; si no, por su tipo "
            "(verdadero o falso y opción única, fáciles; opción múltiple y ordenación, medias; respuesta corta y "
            "numérica, difíciles)."
        ),
    )
    per_attempt = forms.IntegerField(
        label=_("Preguntas por intento"),
        min_value=1,
        max_value=MAX_BUILD_SIZE,
        required=False,
        help_text=_("Vacío: todas. Si pone un número, cada intento saca esa cantidad al azar con las mismas reglas."),
    )
    title = forms.CharField(
        label=_("Título"), max_length=200, required=False, help_text=_("Vacío: el del documento y el número.")
    )
    once = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = documents_for_authoring(user)
        self.fields["once"].initial = uuid.uuid4().hex

    def clean(self):
        cleaned = super().clean()
        size, per_attempt = cleaned.get("size"), cleaned.get("per_attempt")
        if size and per_attempt and per_attempt > size:
            self.add_error("per_attempt", ValidationError(Code.BUILD_PER_ATTEMPT_INVALID.label, code="per_attempt"))
        return cleaned


class AddToQuizForm(forms.Form):
    """«Añadir al cuestionario»: which of the teacher's quizzes the selected questions go to."""

    quiz = forms.ModelChoiceField(
        label=_("Cuestionario"),
        queryset=Quiz.objects.none(),
        empty_label=None,
        help_text=_("Las preguntas se añaden al final; las que ya están y los borradores no se añaden."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quiz"].queryset = quizzes_for_authoring(user)


# ---------------------------------------------------------------- question import


def _document_field(empty_label, help_text):
    return forms.ModelChoiceField(
        label=_("Documento"),
        queryset=Document.objects.all(),
        required=False,
        empty_label=empty_label,
        help_text=help_text,
    )


class _SizedUploadForm(forms.Form):
    """An upload form whose file may not be larger than ``max_bytes``."""

    max_bytes: int

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        check_size(upload.size, max_bytes=self.max_bytes)
        return upload


class ImportUploadForm(_SizedUploadForm):
    max_bytes = MAX_IMPORT_BYTES
    upload = forms.FileField(
        label=_("Archivo"),
        help_text=_size_limit(
            _("GIFT (.txt o .gift), Moodle XML (.xml), CSV (.csv) o Excel (.xlsx), de %(mb)s MB como máximo."),
            MAX_IMPORT_BYTES,
        ),
    )
    format = forms.ChoiceField(
        label=_("Formato"),
        choices=[("", _("Deducirlo del archivo")), *ImportFormat.choices],
        required=False,
    )
    document = _document_field(
        _("El que nombre cada pregunta"), _("Asigna todas las preguntas importadas a este documento.")
    )


class AnkiUploadForm(_SizedUploadForm):
    max_bytes = MAX_APKG_BYTES
    upload = forms.FileField(
        label=_("Paquete de Anki"),
        help_text=_size_limit(
            _("Un mazo exportado de Anki (.apkg o .colpkg), de %(mb)s MB como máximo."), MAX_APKG_BYTES
        ),
    )
    document = _document_field(
        _("El que tenga el nombre de cada mazo"),
        _("Las tarjetas de un mazo que no se llame como un documento solo se importan si elige uno aquí."),
    )


class ImportConfirmForm(forms.Form):
    skip_duplicates = forms.BooleanField(label=_("No importar las preguntas repetidas"), required=False, initial=True)
