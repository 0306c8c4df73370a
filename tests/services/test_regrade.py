"""Regrade after a teacher edits a question: a dry run says whose score changes; applying it rewrites and logs."""

from decimal import Decimal

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from quizzes.models import Attempt, QuestionKind, QuizItem
from quizzes.services import attempts as svc
from quizzes.services import regrade
from tests import factories
from tests.quiz_support import right_answer, wrong_answer

pytestmark = pytest.mark.django_db


def _take(user, quiz, how):
    attempt = svc.attempt_start(user=user, quiz=quiz)
    for response in attempt.responses.select_related("question"):
        svc.response_save(
            user=user, attempt_id=attempt.pk, slot=response.slot, token=svc.response_token(response), data=how(response)
        )
    return svc.attempt_submit(user=user, attempt_id=attempt.pk)


@pytest.fixture
def numeric_quiz():
    question = factories.make_question(kind=QuestionKind.NUMERIC, numeric_value=239, numeric_tolerance=0, unit="")
    return question, factories.make_quiz(questions=[question, factories.make_question()])


def test_widening_the_tolerance_dry_run_changes_nothing_then_applying_raises_the_score(student, numeric_quiz):
    question, quiz = numeric_quiz
    attempt = _take(student, quiz, lambda r: {"text": ["250"]} if r.question_id == question.pk else right_answer(r))
    assert attempt.percent == 50
    question.numeric_tolerance = 23.9
    question.save()

    changes = regrade.regrade_questions(question_ids=[question.pk])
    assert [(c.attempt_id, c.old_percent, c.new_percent, c.delta, c.new_passed) for c in changes] == [
        (attempt.pk, 50.0, 100.0, 50.0, True)
    ]
    attempt.refresh_from_db()
    assert attempt.percent == 50  # a dry run writes nothing

    regrade.regrade_questions(question_ids=[question.pk], apply=True)
    attempt.refresh_from_db()
    assert (attempt.percent, attempt.score, attempt.passed) == (100.0, Decimal("2"), True)
    assert regrade.regrade_questions(question_ids=[question.pk]) == []  # nothing left to change


def test_a_change_of_points_in_the_quiz_counts(student, numeric_quiz):
    question, quiz = numeric_quiz
    attempt = _take(student, quiz, lambda r: wrong_answer(r) if r.question_id == question.pk else right_answer(r))
    QuizItem.objects.filter(quiz=quiz, question=question).update(points=Decimal("3"))
    regrade.regrade_questions(question_ids=[question.pk], apply=True)
    attempt.refresh_from_db()
    assert (attempt.score, attempt.max_score, attempt.percent) == (Decimal("1"), Decimal("4"), 25.0)


def test_open_attempts_are_left_alone(student, numeric_quiz):
    question, quiz = numeric_quiz
    svc.attempt_start(user=student, quiz=quiz)
    question.numeric_value = 240
    question.save()
    assert regrade.regrade_questions(question_ids=[question.pk], apply=True) == []


def test_the_admin_shows_a_dry_run_then_applies_and_logs(client, superuser, student, numeric_quiz):
    question, quiz = numeric_quiz
    attempt = _take(student, quiz, lambda r: {"text": ["250"]} if r.question_id == question.pk else right_answer(r))
    question.numeric_tolerance = 23.9
    question.save()
    client.force_login(superuser)
    url = reverse("admin:quizzes_question_changelist")
    page = client.post(url, {"action": "regrade", "_selected_action": [question.pk]})
    assert page.status_code == 200
    html = page.content.decode()
    assert "simulación" in html and "50,0 %" in html and "100,0 %" in html and "+50,0" in html
    assert Attempt.objects.get(pk=attempt.pk).percent == 50

    done = client.post(url, {"action": "regrade", "_selected_action": [question.pk], "apply": "1"})
    assert done.status_code == 302
    assert Attempt.objects.get(pk=attempt.pk).percent == 100
    log = LogEntry.objects.get(object_id=str(question.pk))
    assert "Recalificada" in log.get_change_message() and "50 → 100" in log.get_change_message()


def test_the_admin_regrade_with_nothing_to_change_says_so(client, superuser, numeric_quiz):
    question, _quiz = numeric_quiz
    client.force_login(superuser)
    page = client.post(
        reverse("admin:quizzes_question_changelist"), {"action": "regrade", "_selected_action": [question.pk]}
    )
    assert "Ninguna nota cambia" in page.content.decode()
