"""The demo has flashcards and every demo student has studied some, even after quiz mistakes fed their cards."""

import pytest
from django.core.management import call_command

from quizzes.models import Flashcard, Review, ReviewSource, Status, StudentCard

pytestmark = pytest.mark.django_db


def test_setup_demo_gives_cards_and_card_reviews_to_every_demo_student():
    call_command("setup_demo", verbosity=0)
    cards = Flashcard.objects.filter(is_active=True, fact__isnull=False)
    # The deck is what the bank publishes: a card for each fact with a published question, and only those.
    assert cards.exists()
    assert not cards.exclude(fact__questions__status=Status.PUBLISHED).exists()
    for username in ("ana", "bruno", "carla"):
        assert Review.objects.filter(user__username=username, source=ReviewSource.REVIEW).exists(), username
        assert StudentCard.objects.filter(user__username=username).exists()
    assert Review.objects.filter(source=ReviewSource.QUIZ).exists()  # some quiz mistakes came back as cards
    before = Review.objects.count()
    call_command("setup_demo", verbosity=0)
    assert Review.objects.count() == before
