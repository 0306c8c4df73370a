"""The admin's own forms: documents, questions and their options, quiz items, and the question import pages."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from ..interop.schema import MAX_IMPORT_BYTES
from ..models import Document, ImportFormat, Question, QuestionKind, Status, validate_question_parts
from ..services import content as content_services

MAX_DOCUMENT_BYTES = 1024 * 1024


# ---------------------------------------------------------------- documents


def read_uploaded_text(upload) -> str:
    """Return the text of an uploaded .txt file, or raise ValidationError saying what is wrong with it."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(_("El archivo ocupa más de 1 MB."), code="too_big")
    data = upload.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ValidationError(_("El archivo ocupa más de 1 MB."), code="too_big")
    if b"\x00" in data:
        raise ValidationError(_("El archivo es binario, no un texto."), code="binary")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            _("El archivo no está en UTF-8 (byte no válido en la posición %(pos)s). Guárdelo como UTF-8."),
            code="not_utf8",
            params={"pos": exc.start},
        ) from exc
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t")
    if controls:
        raise ValidationError(_("El archivo contiene caracteres de control: no parece un texto."), code="binary")
    if not text.strip():
        raise ValidationError(_("El archivo está vacío."), code="empty")
    return text


class DocumentForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("o suba un archivo .txt"),
        required=False,
        help_text=_("Texto plano en UTF-8, de 1 MB como máximo. Sustituye al texto pegado."),
    )

    class Meta:
        model = Document
        fields = ["title", "text", "upload", "source", "licence", "is_published"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].required = False

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("upload")
        if upload:
            try:
                cleaned["text"] = read_uploaded_text(upload)
            except ValidationError as exc:
                self.add_error("upload", exc)
                return cleaned
        text = (cleaned.get("text") or "").strip()
        if not text and not self.has_error("upload"):
            self.add_error("text", ValidationError(_("Pegue el texto o suba un archivo."), code="empty"))
        elif len(text.encode("utf-8")) > MAX_DOCUMENT_BYTES:
            self.add_error("text", ValidationError(_("El texto ocupa más de 1 MB."), code="too_big"))
        else:
            cleaned["text"] = text
            self.instance.text = text
        return cleaned


# ---------------------------------------------------------------- questions


class ChoiceInlineFormSet(forms.BaseInlineFormSet):
    """Check the options against the question's kind (the question form has already been validated)."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kind = self.instance.kind
        rows = [
            (f.cleaned_data["text"], bool(f.cleaned_data.get("is_correct")))
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("text")
        ]
        if kind in {QuestionKind.TRUE_FALSE, QuestionKind.NUMERIC, QuestionKind.SHORT_ANSWER}:
            if rows:
                raise ValidationError(
                    _("Las preguntas de tipo «%(kind)s» no usan opciones: borre las opciones."),
                    code="choices_unused",
                    params={"kind": self.instance.get_kind_display()},
                )
            return
        if kind == QuestionKind.ORDERING and any(c for _t, c in rows):
            rows = [(t, False) for t, _c in rows]
        validate_question_parts(
            kind=kind, choices=rows, accepted=[], correct_bool=None, numeric_value=None, tolerance=None
        )


class AcceptedAnswerInlineFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        answers = [
            f.cleaned_data["text"]
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("text")
        ]
        kind = self.instance.kind
        if kind == QuestionKind.SHORT_ANSWER:
            validate_question_parts(
                kind=kind, choices=[], accepted=answers, correct_bool=None, numeric_value=None, tolerance=None
            )
        elif answers:
            raise ValidationError(
                _("Solo las preguntas de respuesta corta usan respuestas aceptadas: bórrelas."), code="accepted_unused"
            )


class QuestionForm(forms.ModelForm):
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

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == QuestionKind.TRUE_FALSE and cleaned.get("correct_bool") is None:
            self.add_error(
                "correct_bool",
                ValidationError(_("Indique si la afirmación es verdadera o falsa."), code="true_false_answer"),
            )
        if kind == QuestionKind.NUMERIC:
            if cleaned.get("numeric_value") is None:
                self.add_error("numeric_value", ValidationError(_("Indique el valor correcto."), code="numeric_value"))
            tolerance = cleaned.get("numeric_tolerance")
            if tolerance is not None and tolerance < 0:
                self.add_error(
                    "numeric_tolerance",
                    ValidationError(_("La tolerancia no puede ser negativa."), code="numeric_tolerance"),
                )
        prompt = cleaned.get("prompt")
        if prompt is not None and not prompt.strip():
            self.add_error("prompt", ValidationError(_("El enunciado no puede estar vacío."), code="empty_prompt"))
        return cleaned


# ---------------------------------------------------------------- quizzes


class QuizItemInlineFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
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


# ---------------------------------------------------------------- question import


class ImportUploadForm(forms.Form):
    upload = forms.FileField(
        label=_("Archivo"),
        help_text=_("GIFT (.txt o .gift), Moodle XML (.xml) o CSV (.csv), en UTF-8, de %(mb)d MB como máximo.")
        % {"mb": MAX_IMPORT_BYTES // 1024 // 1024},
    )
    format = forms.ChoiceField(
        label=_("Formato"),
        choices=[("", _("Deducirlo del archivo")), *ImportFormat.choices],
        required=False,
    )
    document = forms.ModelChoiceField(
        label=_("Documento"),
        queryset=Document.objects.all(),
        required=False,
        empty_label=_("El que nombre cada pregunta"),
        help_text=_("Asigna todas las preguntas importadas a este documento."),
    )

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        if upload.size > MAX_IMPORT_BYTES:
            raise ValidationError(
                _("El archivo ocupa %(size)s MB; el máximo es %(max)d MB."),
                code="too_big",
                params={"size": number_format(upload.size / 1024 / 1024, 1), "max": MAX_IMPORT_BYTES // 1024 // 1024},
            )
        return upload


class ImportConfirmForm(forms.Form):
    skip_duplicates = forms.BooleanField(label=_("No importar las preguntas repetidas"), required=False, initial=True)
