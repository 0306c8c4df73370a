"""The demo has flashcards and every demo student has studied some, even after quiz mistakes fed their cards."""

import pytest
from django.core.management import call_command

from quizzes.models import Flashcard, Review, ReviewSource, StudentCard
from quizzes.services import cards as card_services

pytestmark = pytest.mark.django_db


def test_setup_demo_gives_cards_and_card_reviews_to_every_demo_student():
    call_command("setup_demo", verbosity=0)
    cards = Flashcard.objects.filter(is_active=True, fact__isnull=False)
    # The deck is what passed the bank's checks: a card for each fact with a published question or a draft left out
    # only by the quiz's selection, and only those.
    assert cards.exists()
    for card in cards.select_related("fact"):
        assert any(card_services.makes_card(q) for q in card.fact.questions.all()), card.front
    for username in ("ana", "bruno", "carla"):
        assert Review.objects.filter(user__username=username, source=ReviewSource.REVIEW).exists(), username
        assert StudentCard.objects.filter(user__username=username).exists()
    assert Review.objects.filter(source=ReviewSource.QUIZ).exists()  # some quiz mistakes came back as cards
    before = Review.objects.count()
    call_command("setup_demo", verbosity=0)
    assert Review.objects.count() == before
