"""Source documents and the facts read from them."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..models import Document, Fact, Sentence
from ..services import cards as card_services
from ..services.errors import ServiceError
from .base import ModelAdmin, TabularInline
from .forms import DocumentForm
from .interop import DocumentInteropAdminMixin


class SentenceInline(TabularInline):
    model = Sentence
    fields = ("index", "text")
    readonly_fields = ("index", "text")
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Document)
class DocumentAdmin(DocumentInteropAdminMixin, ModelAdmin):
    owner_paths = ("created_by",)
    form = DocumentForm
    list_display = ("title", "language", "is_published", "n_sentences", "n_facts", "n_questions", "updated_at")
    list_filter = ("is_published", "language")
    search_fields = ("title", "text", "source")
    inlines = [SentenceInline]
    actions = ["generate_questions"]
    # A document without questions says what comes next, with the «Generar preguntas» button at hand.
    change_form_template = "quizzes/admin/document_change_form.html"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                _n_sentences=Count("sentences", distinct=True),
                _n_facts=Count("facts", distinct=True),
                _n_questions=Count("questions", distinct=True),
            )
        )

    @admin.display(description=_("oraciones"), ordering="_n_sentences")
    def n_sentences(self, obj):
        return obj._n_sentences

    @admin.display(description=_("hechos"), ordering="_n_facts")
    def n_facts(self, obj):
        url = reverse("admin:quizzes_fact_changelist") + f"?document__id__exact={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, obj._n_facts)

    @admin.display(description=_("preguntas"), ordering="_n_questions")
    def n_questions(self, obj):
        url = reverse("admin:quizzes_question_changelist") + f"?document__id__exact={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, obj._n_questions)

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["without_questions"] = obj is not None and not obj.questions.exists()
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_add(self, request, obj, post_url_continue=None):
        """A new document opens again (not the list): its page says what to do next and has the button."""
        response = super().response_add(request, obj, post_url_continue)
        if "_generate" in request.POST:
            return self._generate_and_show(request, obj)
        if not {"_addanother", "_popup", "_continue"} & set(request.POST):
            return HttpResponseRedirect(reverse("admin:quizzes_document_change", args=[obj.pk]))
        return response

    def response_change(self, request, obj):
        response = super().response_change(request, obj)
        return self._generate_and_show(request, obj) if "_generate" in request.POST else response

    def _generate_and_show(self, request, document):
        """Generate (the text just saved), then show the document's questions."""
        self.generate_questions(request, [document])
        return HttpResponseRedirect(
            reverse("admin:quizzes_question_changelist") + f"?document__id__exact={document.pk}"
        )

    @admin.action(description=_("Generar preguntas"))
    def generate_questions(self, request, queryset):
        from ..services import generation  # imported lazily: spaCy loads on first use

        for document in queryset:
            try:
                report = generation.document_generate_questions(document=document)
            except (ValidationError, ServiceError) as exc:
                self.message_user(request, f"{document}: {' '.join(exc.messages)}", messages.ERROR)
                continue
            self.message_user(request, f"{document}: {report}", messages.SUCCESS)


@admin.register(Fact)
class FactAdmin(ModelAdmin):
    owner_paths = ("document__created_by",)
    list_display = ("answer", "kind", "subtype", "document", "sentence_index", "uncertain", "is_active")
    list_filter = ("kind", "uncertain", "is_active", "document")
    search_fields = ("answer", "key", "sentence__text")
    list_select_related = ("document", "sentence")
    readonly_fields = ("document", "sentence", "key", "start", "end")
    fields = (
        "document",
        "sentence",
        "key",
        "kind",
        "subtype",
        "answer",
        "start",
        "end",
        "value",
        "aliases",
        "uncertain",
        "is_active",
    )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if form.changed_data:  # a fact withdrawn («vigente» off) or corrected: its card follows
            card_services.cards_sync_for_facts(fact_ids=[obj.pk])

    # A deleted fact's card loses its fact (set NULL) and would stay active until the next sync: the documents the
    # facts came from are synced in the same transaction, which withdraws it.
    def delete_model(self, request, obj):
        with transaction.atomic():
            document_id = obj.document_id
            super().delete_model(request, obj)
            self._sync_documents([document_id])

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            document_ids = list(queryset.order_by().values_list("document_id", flat=True).distinct())
            super().delete_queryset(request, queryset)
            self._sync_documents(document_ids)

    @staticmethod
    def _sync_documents(document_ids):
        for document in Document.objects.filter(pk__in=set(document_ids)).order_by("pk"):
            card_services.cards_sync_for_document(document=document)

    @admin.display(description=_("oración"), ordering="sentence__index")
    def sentence_index(self, obj):
        return obj.sentence.index + 1 if obj.sentence else "—"

    def has_add_permission(self, request):
        return False
