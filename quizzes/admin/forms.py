"""The admin's own forms: documents, questions and their options, quiz items, and the question import pages."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..domain.uploads import check_size, megabytes, read_text
from ..interop.schema import MAX_IMPORT_BYTES
from ..models import (
    MAX_DOCUMENT_BYTES,
    Document,
    ImportFormat,
    Question,
    QuestionKind,
    Status,
    validate_document_text,
    validate_question_parts,
)
from ..services import content as content_services

# ---------------------------------------------------------------- documents


class DocumentForm(forms.ModelForm):
    """A document's text is pasted or uploaded; either way it is checked by the model's one rule."""

    upload = forms.FileField(
        label=_("o suba un archivo .txt"),
        required=False,
        help_text=_("Texto plano en UTF-8, de %(mb)s MB como máximo. Sustituye al texto pegado.")
        % {"mb": megabytes(MAX_DOCUMENT_BYTES)},
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
        help_text=_("GIFT (.txt o .gift), Moodle XML (.xml) o CSV (.csv), en UTF-8, de %(mb)s MB como máximo.")
        % {"mb": megabytes(MAX_IMPORT_BYTES)},
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
        check_size(upload.size, max_bytes=MAX_IMPORT_BYTES)
        return upload


class ImportConfirmForm(forms.Form):
    skip_duplicates = forms.BooleanField(label=_("No importar las preguntas repetidas"), required=False, initial=True)
