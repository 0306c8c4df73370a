"""Flashcards, the students' cards and their reviews (read-mostly)."""

from django.contrib import admin

from ..models import Flashcard, Review, StudentCard
from .base import ModelAdmin
from .interop import FlashcardInteropAdminMixin
from .wording import FEMININE


@admin.register(Flashcard)
class FlashcardAdmin(FlashcardInteropAdminMixin, ModelAdmin):
    grammatical_gender = FEMININE  # «la pregunta», «la clase», «la tarjeta»: the save messages agree
    owner_paths = ("document__created_by",)
    list_display = ("front", "back", "document", "origin", "is_active")
    list_filter = ("origin", "is_active", "document")
    search_fields = ("front", "back")
    autocomplete_fields = ("document", "fact")
    raw_id_fields = ("sentence",)
    fields = ("document", "front", "back", "context", "sentence", "fact", "origin", "is_active")


@admin.register(StudentCard)
class StudentCardAdmin(ModelAdmin):
    grammatical_gender = FEMININE  # «la pregunta», «la clase», «la tarjeta»: the save messages agree
    student_field = "user"
    list_display = ("user", "card", "state", "due", "reps", "lapses", "is_leech")
    list_filter = ("state", "is_leech")
    search_fields = ("user__username", "card__front")
    list_select_related = ("user", "card")
    readonly_fields = (
        "user",
        "card",
        "state",
        "step",
        "stability",
        "difficulty",
        "due",
        "last_review",
        "reps",
        "lapses",
    )

    def has_add_permission(self, request):
        return False


@admin.register(Review)
class ReviewAdmin(ModelAdmin):
    student_field = "user"
    list_display = ("user", "student_card", "rating", "source", "reviewed_at", "interval_after")
    list_filter = ("rating", "source")
    search_fields = ("user__username",)
    list_select_related = ("user", "student_card__card")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
