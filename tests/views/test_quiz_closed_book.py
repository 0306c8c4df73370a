"""A closed-book quiz: during an open attempt its documents and their flashcards are not served to that student."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from quizzes.models import QuestionKind
from quizzes.selectors import cards as card_selectors
from quizzes.services import attempts as svc
from quizzes.services import cards as card_services
from tests import factories

pytestmark = pytest.mark.django_db


def _quiz_on_a_document(*, closed_book: bool, **extra):
    document = factories.make_document(is_published=True)
    sentence = factories.make_sentence(document=document, index=0, text="Finlandia es un país.", start=0)
    fact = factories.make_fact(sentence=sentence, answer="Finlandia", start=0, end=9)
    question = factories.make_question(kind=QuestionKind.SHORT_ANSWER, fact=fact, document=document)
    card_services.cards_sync_for_document(document=document)
    quiz = factories.make_quiz(questions=[question], closed_book=closed_book, **extra)
    return document, quiz


def test_the_reader_and_the_cards_of_the_document_are_closed_during_the_attempt(student_client, student):
    document, quiz = _quiz_on_a_document(closed_book=True)
    url = reverse("quizzes:document_read", args=[document.pk])
    assert student_client.get(url).status_code == 200
    assert document.pk in card_selectors.study_document_ids(user=student)
    assert "Finlandia" in student_client.get(reverse("quizzes:cards_review")).content.decode()

    attempt = svc.attempt_start(user=student, quiz=quiz)
    page = student_client.get(url)
    assert page.status_code == 403
    assert "libro cerrado" in page.content.decode()
    fresh = type(student).objects.get(pk=student.pk)  # the ids are memoised on the user object of one request
    assert document.pk not in card_selectors.study_document_ids(user=fresh)
    assert "Finlandia" not in student_client.get(reverse("quizzes:cards_review")).content.decode()

    svc.attempt_submit(user=student, attempt_id=attempt.pk)
    assert student_client.get(url).status_code == 200


def test_a_practice_quiz_leaves_the_document_open(student_client, student):
    document, quiz = _quiz_on_a_document(closed_book=False)
    svc.attempt_start(user=student, quiz=quiz)
    assert student_client.get(reverse("quizzes:document_read", args=[document.pk])).status_code == 200


def test_other_students_and_teachers_still_read_the_document(client, student, other_student, teacher):
    document, quiz = _quiz_on_a_document(closed_book=True)
    svc.attempt_start(user=student, quiz=quiz)
    url = reverse("quizzes:document_read", args=[document.pk])
    client.force_login(other_student)
    assert client.get(url).status_code == 200
    client.force_login(teacher)
    assert client.get(url).status_code == 200


def test_an_attempt_whose_time_ran_out_no_longer_closes_the_book(student_client, student):
    document, quiz = _quiz_on_a_document(closed_book=True, time_limit_minutes=5)
    svc.attempt_start(user=student, quiz=quiz, now=timezone.now() - timedelta(hours=1))
    assert student_client.get(reverse("quizzes:document_read", args=[document.pk])).status_code == 200
