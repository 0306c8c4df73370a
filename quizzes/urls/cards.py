"""Flashcard URLs (included from quizzes/urls/__init__.py under the "quizzes:" namespace)."""

from django.urls import path

from ..views.flashcards import CardReviewView, CardSettingsView, CardStatsView

urlpatterns = [
    path("tarjetas/", CardReviewView.as_view(), name="cards_review"),
    path("tarjetas/estadisticas/", CardStatsView.as_view(), name="cards_stats"),
    path("tarjetas/ajustes/", CardSettingsView.as_view(), name="cards_settings"),
]
