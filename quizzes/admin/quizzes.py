"""Quizzes, their items, and the attempts made at them (read-only)."""

from decimal import Decimal

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..models import Attempt, Quiz, QuizItem, Response
from ..services import content as content_services
from ..services import quiz_building as quiz_build_services
from ..services import regrade as regrade_services
from ..services.errors import ServiceError
from .base import ModelAdmin, TabularInline
from .forms import QuizBuildForm, QuizItemInlineFormSet
from .interop import QuizInteropAdminMixin
from .questions import QuestionPickerWidget, question_label


class QuizItemInline(TabularInline):
    model = QuizItem
    formset = QuizItemInlineFormSet
    fields = ("position", "question", "points")
    autocomplete_fields = ("question",)
    extra = 0
    ordering = ("position", "id")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        """The question picker: published questions only, each shown with its kind, status and full prompt."""
        if db_field.name == "question":
            kwargs["widget"] = QuestionPickerWidget(db_field, self.admin_site, using=kwargs.get("using"))
            field = super().formfield_for_foreignkey(db_field, request, **kwargs)
            field.label_from_instance = question_label
            return field
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class QuizBuildAdminMixin:
    """For QuizAdmin: «Crear desde un documento», a form that builds a draft quiz and opens it for edits."""

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("crear-desde-documento/", view(self.build_view), name="quizzes_quiz_build"),
            *super().get_urls(),
        ]

    def build_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = QuizBuildForm(request.POST if request.method == "POST" else None, user=request.user)
        if request.method == "POST" and form.is_valid():
            try:
                result = quiz_build_services.quiz_build_from_document(user=request.user, **_build_arguments(form))
            except ServiceError as exc:
                form.add_error(None, exc.message)
            else:
                self.message_user(request, _build_message(result), messages.SUCCESS)
                return HttpResponseRedirect(reverse("admin:quizzes_quiz_change", args=[result.quiz.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Crear un cuestionario desde un documento"),
            "form": form,
        }
        return TemplateResponse(request, "quizzes/admin/quiz_build.html", context)


def _build_arguments(form) -> dict:
    data = form.cleaned_data
    return {
        "document": data["document"],
        "size": data["size"],
        "kinds": data["kinds"],
        "difficulty": data["difficulty"],
        "title": data["title"],
        "per_attempt": data["per_attempt"],
        "once_key": data["once"],
    }


def _build_message(result) -> str:
    if result.repeated:
        return _("Este cuestionario ya se había creado con ese formulario; no se ha hecho otra copia.")
    if result.chosen < result.wanted:
        return _(
            "Borrador creado con %(chosen)d de las %(wanted)d preguntas pedidas: no hay más que cumplan las reglas "
            "(una por oración y ninguna que dé la respuesta de otra). Revíselo y publíquelo."
        ) % {"chosen": result.chosen, "wanted": result.wanted}
    return ngettext(
        "Borrador creado con %(n)d pregunta. Revíselo y publíquelo.",
        "Borrador creado con %(n)d preguntas. Revíselo y publíquelo.",
        result.chosen,
    ) % {"n": result.chosen}


@admin.register(Quiz)
class QuizAdmin(QuizBuildAdminMixin, QuizInteropAdminMixin, ModelAdmin):
    owner_paths = ("created_by", "document__created_by")
    change_list_template = "quizzes/admin/quiz_change_list.html"
    list_display = (
        "title",
        "status",
        "document",
        "n_items",
        "time_limit_minutes",
        "attempts_allowed",
        "opens_at",
        "closes_at",
    )
    list_filter = ("status", "document", "grading_method")
    search_fields = ("title", "description")
    autocomplete_fields = ("document",)
    inlines = [QuizItemInline]
    actions = ["publish", "duplicate"]
    fieldsets = (
        (None, {"fields": ("title", "description", "document", "status")}),
        (_("Tiempo y disponibilidad"), {"fields": ("time_limit_minutes", "opens_at", "closes_at", "closed_book")}),
        (
            _("Intentos y calificación"),
            {"fields": ("attempts_allowed", "grading_method", "pass_mark", "feedback_timing")},
        ),
        (_("Orden y selección"), {"fields": ("shuffle_questions", "shuffle_choices", "questions_per_attempt")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("document").annotate(_n_items=Count("items"))

    @admin.display(description=_("preguntas"), ordering="_n_items")
    def n_items(self, obj):
        return obj._n_items

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Publicar los cuestionarios seleccionados"))
    def publish(self, request, queryset):
        for quiz in queryset:
            try:
                content_services.quiz_publish(quiz=quiz)
            except ServiceError as exc:
                problems = exc.details or (exc.message,)
                self.message_user(request, f"«{quiz}»: " + " ".join(str(p) for p in problems), messages.ERROR)
            else:
                self.message_user(request, _("«%(quiz)s» publicado.") % {"quiz": quiz})

    @admin.action(description=_("Duplicar los cuestionarios seleccionados"))
    def duplicate(self, request, queryset):
        """A draft copy of each: same questions, points and settings; nothing of the attempts or assignments."""
        copies = [content_services.quiz_duplicate(quiz=quiz, user=request.user) for quiz in queryset.order_by("pk")]
        for copy in copies:
            self.message_user(request, _("Copia creada como borrador: «%(quiz)s».") % {"quiz": copy})


class ResponseOverrideForm(forms.ModelForm):
    """A teacher's mark for one response (0..its maximum) and a comment the student sees on the result page."""

    class Meta:
        model = Response
        fields = ("points", "teacher_comment")
        widgets = {"teacher_comment": forms.Textarea(attrs={"rows": 2, "cols": 30})}

    def clean_points(self):
        points = self.cleaned_data.get("points")
        if points is None or not Decimal("0") <= points <= self.instance.max_points:
            raise forms.ValidationError(
                _("La nota debe estar entre 0 y %(max)s."), params={"max": self.instance.max_points.normalize()}
            )
        return points


class ResponseInline(TabularInline):
    model = Response
    form = ResponseOverrideForm
    fields = ("slot", "question", "answer", "fraction", "points", "teacher_comment", "overridden_at", "answered_at")
    readonly_fields = ("slot", "question", "answer", "fraction", "overridden_at", "answered_at")
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Attempt)
class AttemptAdmin(ModelAdmin):
    student_field = "user"
    list_display = ("user", "quiz", "number", "state", "percent", "passed", "started_at", "submitted_at")
    list_filter = ("state", "quiz")
    search_fields = ("user__username", "quiz__title")
    list_select_related = ("user", "quiz")
    readonly_fields = (
        "user",
        "quiz",
        "number",
        "state",
        "started_at",
        "deadline",
        "submitted_at",
        "score",
        "max_score",
        "percent",
        "passed",
    )
    inlines = [ResponseInline]

    def has_add_permission(self, request):
        return False

    def save_formset(self, request, form, formset, change):
        """A changed mark or comment goes through the service: the attempt's score is computed again, under lock."""
        formset.save(commit=False)  # nothing written: only what the admin's change message needs
        for inline in formset.forms:
            if not inline.has_changed() or not isinstance(inline.instance, Response):
                continue
            try:
                regrade_services.response_override(
                    response_id=inline.instance.pk,
                    points=inline.cleaned_data["points"],
                    comment=inline.cleaned_data.get("teacher_comment", ""),
                )
            except ServiceError as exc:
                self.message_user(request, exc.message, messages.ERROR)
