"""Interop in the admin: export actions (Moodle XML, GIFT, CSV, Anki) and the upload → preview → confirm import."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..interop import csv_io
from ..interop.schema import MAX_IMPORT_BYTES, ImportFormatError
from ..models import Flashcard, ImportBatch, ImportFormat, ImportStatus, Origin
from ..services import interop as services
from ..services.errors import ServiceError
from .forms import MAX_APKG_BYTES, AnkiUploadForm, ImportConfirmForm, ImportUploadForm


def _download(export: services.ExportFile) -> HttpResponse:
    response = HttpResponse(export.content, content_type=export.content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=export.filename)
    return response


def _basename(prefix: str, names: list[str]) -> str:
    stem = slugify(names[0])[:60] if len(names) == 1 else prefix
    return f"{stem or prefix}-{timezone.localdate():%Y%m%d}"


def _admin_context(model_admin, request, **extra):
    """The context of an import page: the admin's, the model's options and the URL of its upload page."""
    opts = model_admin.model._meta
    return {
        **model_admin.admin_site.each_context(request),
        "opts": opts,
        "import_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_import"),
        **extra,
    }


class _ExtraActionsMixin:
    """Add ``interop_actions`` to a ModelAdmin's actions for anyone who may view its objects."""

    interop_actions: tuple[str, ...] = ()

    def get_actions(self, request):
        actions = super().get_actions(request)
        if IS_POPUP_VAR not in request.GET and self.has_view_permission(request):
            for name in self.interop_actions:
                func, action_name, description = self.get_action(name)
                actions[action_name] = (func, action_name, description)
        return actions


# ---------------------------------------------------------------------------------------------------- questions


class QuestionInteropAdminMixin(_ExtraActionsMixin):
    """For QuestionAdmin: export actions, an «Importar» button and the import pages."""

    change_list_template = "quizzes/interop/question_change_list.html"
    interop_actions = ("export_moodle_xml", "export_gift", "export_csv", "export_xlsx")

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("importar/", view(self.import_view), name="quizzes_question_import"),
            path("importar/plantilla.csv", view(self.import_template_view), name="quizzes_question_import_template"),
            path("importar/<uuid:token>/", view(self.import_preview_view), name="quizzes_question_import_preview"),
            *super().get_urls(),
        ]

    def _export(self, request, queryset, fmt):
        items = services.questions_to_data(questions=queryset)
        return _download(services.export_questions(items=items, fmt=fmt, basename=_basename("preguntas", [])))

    @admin.action(description=_("Exportar a Moodle XML"))
    def export_moodle_xml(self, request, queryset):
        return self._export(request, queryset, ImportFormat.MOODLE_XML)

    @admin.action(description=_("Exportar a GIFT (Moodle)"))
    def export_gift(self, request, queryset):
        return self._export(request, queryset, ImportFormat.GIFT)

    @admin.action(description=_("Exportar a CSV"))
    def export_csv(self, request, queryset):
        return self._export(request, queryset, ImportFormat.CSV)

    @admin.action(description=_("Exportar a Excel (XLSX)"))
    def export_xlsx(self, request, queryset):
        return self._export(request, queryset, ImportFormat.XLSX)

    # -- import

    def _check_import_permission(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied

    def _context(self, request, **extra):
        return _admin_context(self, request, **extra)

    def import_template_view(self, request):
        """Download a CSV with one example row of every kind, to fill in a spreadsheet."""
        self._check_import_permission(request)
        return _download(
            services.ExportFile(
                csv_io.dumps(csv_io.EXAMPLE).encode("utf-8"), "text/csv; charset=utf-8", "plantilla.csv"
            )
        )

    def import_view(self, request):
        """Upload a file; with no errors it is kept for review, otherwise every error is listed."""
        self._check_import_permission(request)
        errors, notes, skipped = [], [], []
        if request.method == "POST":
            form = ImportUploadForm(request.POST, request.FILES)
            if form.is_valid():
                upload = form.cleaned_data["upload"]
                fmt, result = services.import_parse(
                    data=upload.read(MAX_IMPORT_BYTES + 1), filename=upload.name, fmt=form.cleaned_data["format"]
                )
                if not result.errors:
                    batch = services.import_batch_create(
                        user=request.user,
                        fmt=fmt,
                        filename=upload.name,
                        result=result,
                        document=form.cleaned_data["document"],
                    )
                    return HttpResponseRedirect(reverse("admin:quizzes_question_import_preview", args=[batch.token]))
                errors, notes, skipped = result.errors, result.notes, result.skipped
        else:
            form = ImportUploadForm()
        context = self._context(
            request,
            title=_("Importar preguntas"),
            form=form,
            errors=errors,
            notes=notes,
            skipped=skipped,
        )
        return TemplateResponse(request, "quizzes/interop/import_form.html", context, status=200)

    def import_preview_view(self, request, token):
        """Show what will be created (and what already exists); a POST confirms, once."""
        self._check_import_permission(request)
        batch = get_object_or_404(ImportBatch, token=token, created_by=request.user)
        changelist = reverse("admin:quizzes_question_changelist")
        if batch.status != ImportStatus.PENDING:
            self.message_user(
                request,
                ngettext(
                    "Esta importación ya se confirmó (%(n)d pregunta creada).",
                    "Esta importación ya se confirmó (%(n)d preguntas creadas).",
                    batch.n_created,
                )
                % {"n": batch.n_created},
                messages.WARNING,
            )
            return HttpResponseRedirect(changelist)
        if request.method == "POST":
            form = ImportConfirmForm(request.POST)
            form.is_valid()
            try:
                created = services.import_batch_confirm(
                    batch=batch, user=request.user, skip_duplicates=form.cleaned_data.get("skip_duplicates", False)
                )
            except ServiceError as exc:
                self.message_user(request, exc.message, messages.WARNING)
                return HttpResponseRedirect(changelist)
            except (ImportFormatError, ValidationError) as exc:
                self.message_user(request, _("No se importó nada: %(e)s") % {"e": exc}, messages.ERROR)
                return HttpResponseRedirect(request.path)
            self.message_user(
                request,
                ngettext(
                    "%(n)d pregunta importada como borrador.",
                    "%(n)d preguntas importadas como borradores.",
                    len(created),
                )
                % {"n": len(created)},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(f"{changelist}?origin__exact={Origin.IMPORTED}")
        rows = services.import_preview(batch=batch)
        context = self._context(
            request,
            title=_("Revisar la importación"),
            batch=batch,
            rows=rows,
            notes=batch.payload.get("notes", []),
            skipped=services.import_skipped(batch=batch),
            encoding=batch.payload.get("encoding", ""),
            n_new=sum(1 for r in rows if not r.is_duplicate),
            n_duplicates=sum(1 for r in rows if r.is_duplicate),
            form=ImportConfirmForm(),
        )
        return TemplateResponse(request, "quizzes/interop/import_preview.html", context)


# ---------------------------------------------------------------------------------------------------- quizzes


class QuizInteropAdminMixin(_ExtraActionsMixin):
    """For QuizAdmin: export the selected quizzes' questions, in order."""

    interop_actions = ("export_quiz_moodle_xml", "export_quiz_gift")

    def _export_quiz(self, request, queryset, fmt):
        items = services.quiz_to_data(quizzes=queryset)
        basename = _basename("cuestionarios", [q.title for q in queryset])
        return _download(services.export_questions(items=items, fmt=fmt, basename=basename))

    @admin.action(description=_("Exportar sus preguntas a Moodle XML"))
    def export_quiz_moodle_xml(self, request, queryset):
        return self._export_quiz(request, queryset, ImportFormat.MOODLE_XML)

    @admin.action(description=_("Exportar sus preguntas a GIFT (Moodle)"))
    def export_quiz_gift(self, request, queryset):
        return self._export_quiz(request, queryset, ImportFormat.GIFT)


# ---------------------------------------------------------------------------------------------------- flashcards


class DocumentInteropAdminMixin(_ExtraActionsMixin):
    """For DocumentAdmin: the documents' flashcards as an Anki package, one deck per document."""

    interop_actions = ("export_anki",)

    @admin.action(description=_("Exportar sus tarjetas a Anki (.apkg)"))
    def export_anki(self, request, queryset):
        documents = list(queryset.values_list("pk", "title"))
        cards = Flashcard.objects.filter(document__in=[pk for pk, _title in documents])
        basename = _basename("tarjetas", [title for _pk, title in documents])
        _report_retired(self, request, cards)
        return _download(services.export_flashcards(cards=cards, basename=basename))


def _report_retired(model_admin, request, cards) -> None:
    retired = services.retired_flashcards(cards=cards)
    if retired:
        model_admin.message_user(
            request,
            ngettext(
                "%(n)d tarjeta retirada aquí no va en el paquete; si ya estaba en Anki, bórrela allí "
                "(Anki no borra notas al importar).",
                "%(n)d tarjetas retiradas aquí no van en el paquete; si ya estaban en Anki, bórrelas allí "
                "(Anki no borra notas al importar).",
                retired,
            )
            % {"n": retired},
            messages.WARNING,
        )


class FlashcardInteropAdminMixin(_ExtraActionsMixin):
    """For FlashcardAdmin: the selected cards as an Anki package (one deck per document), and the Anki import."""

    change_list_template = "quizzes/interop/flashcard_change_list.html"
    interop_actions = ("export_cards_anki",)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("importar-anki/", view(self.anki_import_view), name="quizzes_flashcard_import"),
            path("importar-anki/<uuid:token>/", view(self.anki_preview_view), name="quizzes_flashcard_import_preview"),
            *super().get_urls(),
        ]

    def _context(self, request, **extra):
        return _admin_context(self, request, **extra)

    def anki_import_view(self, request):
        """Upload a package; without errors it is kept for review, otherwise every error is listed."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        errors, skipped = [], []
        if request.method == "POST":
            form = AnkiUploadForm(request.POST, request.FILES)
            if form.is_valid():
                upload = form.cleaned_data["upload"]
                result = services.anki_parse(data=upload.read(MAX_APKG_BYTES + 1))
                if not result.errors:
                    batch = services.anki_batch_create(
                        user=request.user, filename=upload.name, result=result, document=form.cleaned_data["document"]
                    )
                    return HttpResponseRedirect(reverse("admin:quizzes_flashcard_import_preview", args=[batch.token]))
                errors, skipped = result.errors, result.skipped
        else:
            form = AnkiUploadForm()
        context = self._context(request, title=_("Importar un mazo de Anki"), form=form, errors=errors, skipped=skipped)
        return TemplateResponse(request, "quizzes/interop/anki_import_form.html", context)

    def anki_preview_view(self, request, token):
        """Show what each card becomes (new, updated, unchanged); a POST confirms, once."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        batch = get_object_or_404(ImportBatch, token=token, created_by=request.user, format=ImportFormat.APKG)
        changelist = reverse("admin:quizzes_flashcard_changelist")
        if batch.status != ImportStatus.PENDING:
            self.message_user(request, _("Esta importación ya se confirmó."), messages.WARNING)
            return HttpResponseRedirect(changelist)
        if request.method == "POST":
            try:
                counts = services.anki_batch_confirm(batch=batch, user=request.user)
            except ServiceError as exc:
                self.message_user(request, exc.message, messages.WARNING)
                return HttpResponseRedirect(changelist)
            self.message_user(
                request,
                _("Tarjetas creadas: %(created)d; actualizadas: %(updated)d; sin cambios: %(same)d.") % counts,
                messages.SUCCESS,
            )
            return HttpResponseRedirect(f"{changelist}?origin__exact={Origin.IMPORTED}")
        rows = services.anki_preview(batch=batch)
        context = self._context(
            request,
            title=_("Revisar el mazo de Anki"),
            batch=batch,
            rows=rows,
            skipped=services.import_skipped(batch=batch),
            counts={
                status: sum(1 for r in rows if r.status == status)
                for status in ("new", "update", "same", "no_document")
            },
        )
        return TemplateResponse(request, "quizzes/interop/anki_import_preview.html", context)

    @admin.action(description=_("Exportar a Anki (.apkg)"))
    def export_cards_anki(self, request, queryset):
        _report_retired(self, request, queryset)
        return _download(services.export_flashcards(cards=queryset, basename=_basename("tarjetas", [])))
