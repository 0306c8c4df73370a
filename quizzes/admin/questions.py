"""Questions of every kind, with their options and accepted answers."""

from django.contrib import admin, messages
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.db.models import F
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..domain.numbers import format_number
from ..models import AcceptedAnswer, Choice, Question, Status
from ..presentation.labels import true_false_label
from ..presentation.quality import quality_summary
from ..services import cards as card_services
from ..services import content as content_services
from ..services import regrade as regrade_services
from ..services.errors import ServiceError
from .base import AutocompleteSelect, ModelAdmin, TabularInline
from .forms import AcceptedAnswerInlineFormSet, AddToQuizForm, ChoiceInlineFormSet, QuestionForm
from .interop import QuestionInteropAdminMixin
from .wording import FEMININE


class ChoiceInline(TabularInline):
    model = Choice
    formset = ChoiceInlineFormSet
    fields = ("text", "is_correct", "position")
    extra = 0
    classes = ("choice-inline",)
    verbose_name = _("opción (o elemento a ordenar)")
    verbose_name_plural = _("opciones · en ordenación, «posición» es el lugar correcto")


class AcceptedAnswerInline(TabularInline):
    model = AcceptedAnswer
    formset = AcceptedAnswerInlineFormSet
    fields = ("text",)
    extra = 0
    classes = ("accepted-inline",)


def question_label(question: Question) -> str:
    """The question as the quiz's question picker shows it: kind, status and the full prompt."""
    prompt = " ".join(question.prompt.split())
    return f"[{question.get_kind_display()} · {question.get_status_display()}] {prompt}"


class QuestionPickerJsonView(AutocompleteJsonView):
    """The quiz's question picker searches published questions only and names each by :func:`question_label`."""

    def get_queryset(self):
        return super().get_queryset().filter(status=Status.PUBLISHED)

    def serialize_result(self, obj, to_field_name):
        return {"id": str(getattr(obj, to_field_name)), "text": question_label(obj)}


class QuestionPickerWidget(AutocompleteSelect):
    def get_url(self):
        return reverse("admin:quizzes_question_picker")


def _added_message(quiz, result) -> str:
    parts = [
        ngettext("%(n)d pregunta añadida a «%(quiz)s».", "%(n)d preguntas añadidas a «%(quiz)s».", result.added)
        % {"n": result.added, "quiz": quiz}
    ]
    if result.already:
        parts.append(ngettext("%d ya estaba.", "%d ya estaban.", result.already) % result.already)
    if result.drafts:
        parts.append(
            ngettext(
                "%d es un borrador y no se ha añadido (publíquela antes).",
                "%d son borradores y no se han añadido (publíquelas antes).",
                result.drafts,
            )
            % result.drafts
        )
    return " ".join(parts)


@admin.register(Question)
class QuestionAdmin(QuestionInteropAdminMixin, ModelAdmin):
    grammatical_gender = FEMININE  # «la pregunta», «la clase», «la tarjeta»: the save messages agree
    owner_paths = ("created_by", "document__created_by")
    read_only_actions = ("duplicate", "add_to_quiz")  # a copy is the teacher's own; the quiz changed is theirs
    form = QuestionForm
    list_display = (
        "short_prompt",
        "kind",
        "status",
        "to_review",
        "quality",
        "document",
        "source_sentence",
        "preview_link",
    )  # origin and «edited by the teacher» are filters: as columns they squeezed the prompt the teacher reads
    # What a teacher reviews first after generating: the published items, then the drafts the generator rates best
    # (a text of 500 words gives some 150 drafts; in text order the weak variants of the first sentences came first).
    # «-status» is that order («published» > «draft» > «archived»): a column, not an expression, because a search
    # across choices and accepted answers makes the list SELECT DISTINCT, and PostgreSQL refuses to order such a
    # query by an expression that is not selected (tests/admin/test_admin.py pins the order).
    ordering = ("-status", F("quality").desc(nulls_last=True), "id")
    list_filter = ("kind", "status", "origin", "edited_by_teacher", "document")
    search_fields = ("prompt", "explanation", "choices__text", "accepted_answers__text")
    list_select_related = ("document", "sentence")
    autocomplete_fields = ("document", "fact")
    readonly_fields = ("key", "quality", "quality_checks", "origin", "sentence", "preview_link", "true_false_answer")
    inlines = [ChoiceInline, AcceptedAnswerInline]
    actions = ["publish", "archive", "duplicate", "add_to_quiz", "regrade"]
    fieldsets = (
        (None, {"fields": ("kind", "prompt", "explanation", "status", "document", "fact", "preview_link")}),
        (_("Verdadero o falso"), {"fields": ("correct_bool",), "classes": ("kind-true_false",)}),
        (_("Numérica"), {"fields": ("numeric_value", "numeric_tolerance", "unit"), "classes": ("kind-numeric",)}),
        (
            _("Detalles de generación"),
            {
                "fields": ("origin", "edited_by_teacher", "key", "quality", "sentence", "review_note"),
                "classes": ("collapse",),
            },
        ),
    )

    class Media:
        js = ("quizzes/admin_question.js",)

    def get_urls(self):
        picker = self.admin_site.admin_view(QuestionPickerJsonView.as_view(admin_site=self.admin_site))
        return [path("elegir/", picker, name="quizzes_question_picker"), *super().get_urls()]

    def get_fieldsets(self, request, obj=None):
        """The generator's checks of a draft, as sentences, right under its status; the true/false answer read-only
        in words («Verdadero», not a «?» icon) where the teacher may not edit the question."""
        fieldsets = [
            (name, {**options, "fields": list(options["fields"])})
            for name, options in super().get_fieldsets(request, obj)
        ]
        main = fieldsets[0][1]["fields"]
        if obj is not None and not quality_summary(obj.checks).is_empty and "quality_checks" not in main:
            main.insert(main.index("status") + 1 if "status" in main else len(main), "quality_checks")
        if obj is not None and not self.has_change_permission(request, obj):
            for _name, options in fieldsets:
                options["fields"] = ["true_false_answer" if f == "correct_bool" else f for f in options["fields"]]
        return fieldsets

    @admin.display(description=_("comprobaciones"))
    def quality_checks(self, obj):
        summary = quality_summary(obj.checks if obj else {})
        if summary.is_empty:
            return "—"
        passed = ngettext(
            "Supera %(n)d comprobación del generador.", "Supera %(n)d comprobaciones del generador.", summary.passed
        ) % {"n": summary.passed}
        if not summary.problems:
            return passed
        items = format_html_join("", "<li>{}</li>", ((p,) for p in summary.problems))
        return format_html('<p>{}</p><ul class="ww-checks">{}</ul><p>{}</p>', _("Qué revisar:"), items, passed)

    @admin.display(description=_("qué revisar"))
    def to_review(self, obj):
        """A draft's first problem found by the generator, so the list says why it is a draft («—» when none)."""
        problems = quality_summary(obj.checks).problems if obj.status == Status.DRAFT else ()
        if not problems:
            return "—"
        return format_html('<span title="{}">{}</span>', problems[0], Truncator(problems[0]).chars(70))

    @admin.display(description=_("respuesta correcta"))
    def true_false_answer(self, obj):
        return true_false_label(obj.correct_bool if obj else None)

    @admin.display(description=_("enunciado"), ordering="prompt")
    def short_prompt(self, obj):
        return str(obj)

    @admin.display(description=_("oración de origen"))
    def source_sentence(self, obj):
        if not obj.sentence:
            return "—"
        return format_html('<a href="{}">{}</a>', obj.sentence.get_absolute_url(), f"#{obj.sentence.index + 1}")

    @admin.display(description=_("vista previa"))
    def preview_link(self, obj):
        if not obj or not obj.pk:
            return "—"
        url = reverse("quizzes:question_preview", args=[obj.pk])
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, _("ver como estudiante"))

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        elif obj.origin != "authored" and form.changed_data:
            # A teacher's edit is never overwritten by a regeneration.
            obj.edited_by_teacher = True
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        """Once the question and its options and answers are saved, the card of its fact follows (and that of the fact
        it was about before, if the teacher changed it): publishing, unpublishing or rewording a question changes what
        students review."""
        super().save_related(request, form, formsets, change)
        card_services.cards_sync_for_facts(fact_ids=[form.instance.fact_id, form.initial.get("fact")])

    def delete_model(self, request, obj):
        fact_id = obj.fact_id
        super().delete_model(request, obj)
        card_services.cards_sync_for_facts(fact_ids=[fact_id])

    def delete_queryset(self, request, queryset):
        fact_ids = list(queryset.exclude(fact=None).values_list("fact_id", flat=True))
        super().delete_queryset(request, queryset)
        card_services.cards_sync_for_facts(fact_ids=fact_ids)

    def save_formset(self, request, form, formset, change):
        if change and formset.has_changed():
            form.instance.edited_by_teacher = form.instance.origin != "authored" or form.instance.edited_by_teacher
            Question.objects.filter(pk=form.instance.pk).update(edited_by_teacher=form.instance.edited_by_teacher)
        super().save_formset(request, form, formset, change)

    @admin.action(description=_("Publicar las preguntas seleccionadas"))
    def publish(self, request, queryset):
        published, problems = content_services.questions_publish(questions=queryset)
        if published:
            self.message_user(
                request, ngettext("%d pregunta publicada.", "%d preguntas publicadas.", published) % published
            )
        for question, message in problems:
            self.message_user(request, f"«{question}»: {message}", messages.ERROR)

    @admin.action(description=_("Archivar las preguntas seleccionadas"))
    def archive(self, request, queryset):
        n = content_services.questions_archive(questions=queryset)
        self.message_user(request, ngettext("%d pregunta archivada.", "%d preguntas archivadas.", n) % n)

    @admin.action(description=_("Duplicar las preguntas seleccionadas"))
    def duplicate(self, request, queryset):
        copies = [content_services.question_duplicate(question=q, user=request.user) for q in queryset]
        self.message_user(
            request,
            ngettext(
                "%d pregunta duplicada (como borrador).", "%d preguntas duplicadas (como borradores).", len(copies)
            )
            % len(copies),
        )

    @admin.action(description=_("Añadir al cuestionario…"))
    def add_to_quiz(self, request, queryset):
        """An intermediate page asks which of the teacher's quizzes; «Añadir» appends the published questions."""
        questions = list(queryset.order_by("pk"))
        form = AddToQuizForm(request.POST if request.POST.get("apply") == "1" else None, user=request.user)
        if form.is_bound and form.is_valid():
            quiz = form.cleaned_data["quiz"]
            try:
                result = content_services.quiz_add_questions(quiz=quiz, questions=questions, user=request.user)
            except ServiceError as exc:
                self.message_user(request, exc.message, messages.ERROR)
                return None
            self.message_user(request, _added_message(quiz, result), messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:quizzes_quiz_change", args=[quiz.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Añadir al cuestionario"),
            "questions": questions,
            "form": form,
        }
        return TemplateResponse(request, "quizzes/admin/add_to_quiz.html", context)

    @admin.action(description=_("Recalificar las respuestas entregadas (primero una simulación)"))
    def regrade(self, request, queryset):
        """Dry run first: whose score changes and by how much; «Aplicar» rewrites the scores and logs the regrade."""
        questions = list(queryset.order_by("pk"))
        ids = [q.pk for q in questions]
        if request.POST.get("apply") != "1":
            changes = regrade_services.regrade_questions(question_ids=ids)
            context = {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Recalificar"),
                "questions": questions,
                "changes": changes,
            }
            return TemplateResponse(request, "quizzes/admin/regrade_confirm.html", context)
        changes = regrade_services.regrade_questions(question_ids=ids, apply=True)
        summary = "; ".join(
            f"{c.student} #{c.number} {format_number(c.old_percent)} → {format_number(c.new_percent)} %"
            for c in changes
        )
        for question in questions:
            self.log_change(request, question, _("Recalificada: %(changes)s") % {"changes": summary or "—"})
        self.message_user(
            request,
            ngettext(
                "Recalificado: cambia la nota de %d intento.",
                "Recalificado: cambia la nota de %d intentos.",
                len(changes),
            )
            % len(changes),
        )
        return None
