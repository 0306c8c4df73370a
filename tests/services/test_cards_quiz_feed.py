"""Quizzes feed cards end to end: submitting an attempt with a wrong answer on a fact makes its card due now."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from quizzes.models import CardState, FeedbackTiming, QuestionKind, Review, ReviewSource, StudentCard
from quizzes.selectors import cards as sel
from quizzes.services import attempts
from quizzes.services import cards as svc
from tests import factories
from tests.quiz_support import right_answer, wrong_answer

pytestmark = pytest.mark.django_db

NOW = timezone.now().replace(microsecond=0)


def quiz_on_facts(n=2):
    document = factories.make_document()
    facts, questions = [], []
    for i in range(n):
        sentence = factories.make_sentence(document=document, index=i, text=f"Finlandia {i} es un país.", start=100 * i)
        fact = factories.make_fact(sentence=sentence, answer="Finlandia", start=100 * i, end=100 * i + 9)
        facts.append(fact)
        questions.append(factories.make_question(kind=QuestionKind.SHORT_ANSWER, fact=fact, document=document))
    svc.cards_sync_for_document(document=document)
    return facts, factories.make_quiz(questions=questions, document=document)


def take(user, quiz, hows, now):
    attempt = attempts.attempt_start(user=user, quiz=quiz, now=now)
    for response, how in zip(attempt.responses.select_related("question").order_by("slot"), hows, strict=True):
        attempts.response_save(
            user=user,
            attempt_id=attempt.pk,
            slot=response.slot,
            token=attempts.response_token(response),
            data=how(response),
            now=now,
        )
    return attempts.attempt_submit(user=user, attempt_id=attempt.pk, now=now)


def test_a_wrong_answer_makes_the_facts_card_due_now_and_a_right_one_leaves_a_new_card_new(student):
    (wrong_fact, right_fact), quiz = quiz_on_facts()
    take(student, quiz, [wrong_answer, right_answer], NOW)
    wrong_card = StudentCard.objects.get(user=student, card__fact=wrong_fact)
    assert wrong_card.due == NOW and wrong_card.state == CardState.LEARNING
    review = Review.objects.get(user=student)
    assert (review.source, review.rating, review.student_card) == (ReviewSource.QUIZ, 1, wrong_card)
    assert not StudentCard.objects.filter(user=student, card__fact=right_fact).exists()
    # The mistake is the first card of the student's queue.
    counts = sel.queue_counts(user=student, now=NOW)
    assert sel.next_card(user=student, now=NOW, counts=counts) == wrong_card


def test_a_right_answer_counts_as_good_for_a_due_card(student):
    (fact, _other), quiz = quiz_on_facts()
    svc.student_cards_sync(user=student, now=NOW - timedelta(days=10))
    row = StudentCard.objects.get(user=student, card__fact=fact)
    svc.card_review(user=student, student_card_id=row.pk, rating=4, token="t" * 12, duration_ms=None, now=row.due)
    row.refresh_from_db()
    take(student, quiz, [right_answer, right_answer], row.due + timedelta(hours=1))
    row.refresh_from_db()
    quiz_review = Review.objects.get(user=student, source=ReviewSource.QUIZ)
    assert quiz_review.rating == 3 and quiz_review.student_card == row
    assert row.reps == 2 and row.due > quiz_review.reviewed_at


def test_feedback_after_close_does_not_reach_the_cards_until_the_quiz_closes(student):
    """A wrong answer in an «after close» quiz would put the answer on a card: the feed waits for the close time."""
    (wrong_fact, _right), quiz = quiz_on_facts()
    quiz.feedback_timing = FeedbackTiming.AFTER_CLOSE
    quiz.closes_at = NOW + timedelta(days=1)
    quiz.save()
    attempt = take(student, quiz, [wrong_answer, right_answer], NOW)
    assert attempt.cards_fed_at is None
    assert not StudentCard.objects.filter(user=student, card__fact=wrong_fact).exists()
    assert attempts.feed_cards_after_close(now=NOW + timedelta(hours=2)) == 0  # still open
    assert not Review.objects.filter(user=student).exists()

    closed = NOW + timedelta(days=1, minutes=1)
    assert attempts.feed_cards_after_close(now=closed) == 1
    card = StudentCard.objects.get(user=student, card__fact=wrong_fact)
    assert card.due == closed and card.state == CardState.LEARNING
    assert attempts.feed_cards_after_close(now=closed + timedelta(minutes=1)) == 0  # once per attempt
    assert Review.objects.filter(user=student).count() == 1


def test_a_quiz_without_a_close_time_never_feeds_after_close_answers_and_the_cron_feeds_the_others(student):
    (wrong_fact, _right), quiz = quiz_on_facts()
    quiz.feedback_timing = FeedbackTiming.AFTER_CLOSE
    quiz.save()
    take(student, quiz, [wrong_answer, right_answer], NOW)
    call_command("close_expired_attempts", stdout=io.StringIO())
    assert not StudentCard.objects.filter(user=student, card__fact=wrong_fact).exists()
    # The teacher closes the quiz: the next cron run feeds the attempt.
    quiz.closes_at = timezone.now() - timedelta(minutes=1)
    quiz.save()
    out = io.StringIO()
    call_command("close_expired_attempts", stdout=out)
    assert "1 intento(s) pasados" in out.getvalue()
    assert StudentCard.objects.filter(user=student, card__fact=wrong_fact).exists()


@pytest.mark.parametrize("timing", [FeedbackTiming.IMMEDIATE, FeedbackTiming.AFTER_SUBMIT])
def test_other_feedback_timings_feed_the_cards_at_submission(student, timing):
    (wrong_fact, _right), quiz = quiz_on_facts()
    quiz.feedback_timing = timing
    quiz.closes_at = NOW + timedelta(days=1)
    quiz.save()
    attempt = take(student, quiz, [wrong_answer, right_answer], NOW)
    assert attempt.cards_fed_at == NOW
    assert StudentCard.objects.get(user=student, card__fact=wrong_fact).due == NOW
