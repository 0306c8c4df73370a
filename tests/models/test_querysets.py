"""The QuerySet vocabulary: every filter on attempts, responses, classes, assignments and quiz items has one name."""

import pytest

from quizzes.models import Assignment, Attempt, AttemptState, Classroom, QuizItem, Response, Status
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def attempts(student):
    quiz = factories.make_quiz(n_questions=2)
    other = factories.make_student()
    return {
        "submitted": factories.make_attempt(user=student, quiz=quiz, fractions=[1, 0]),
        "abandoned": factories.make_attempt(user=student, quiz=quiz, state=AttemptState.ABANDONED),
        "open": factories.make_attempt(user=student, quiz=quiz, state=AttemptState.IN_PROGRESS),
        "other": factories.make_attempt(user=other, quiz=quiz, fractions=[1, 1]),
    }


def test_attempt_states_have_one_name_each_and_finished_agrees_with_is_finished(student, attempts):
    assert set(Attempt.objects.submitted()) == {attempts["submitted"], attempts["other"]}
    assert set(Attempt.objects.in_progress()) == {attempts["open"]}
    finished = set(Attempt.objects.finished())
    assert finished == {attempts["submitted"], attempts["abandoned"], attempts["other"]}
    assert finished == {a for a in Attempt.objects.all() if a.is_finished}
    assert {a for a in Attempt.objects.all() if a.is_submitted} == set(Attempt.objects.submitted())
    assert set(Attempt.objects.for_student(student)) == {attempts["submitted"], attempts["abandoned"], attempts["open"]}
    assert list(Attempt.objects.for_student(student).submitted()) == [attempts["submitted"]]


def test_attempt_conditions_work_in_aggregates(student, attempts):
    from django.db.models import Count

    from quizzes.models.attempts import AttemptQuerySet

    counts = Attempt.objects.for_student(student).aggregate(
        submitted=Count("id", filter=AttemptQuerySet.SUBMITTED), open=Count("id", filter=AttemptQuerySet.IN_PROGRESS)
    )
    assert counts == {"submitted": 1, "open": 1}


def test_responses_of_submitted_attempts_of_one_student(student, attempts):
    assert set(Response.objects.for_student(student).submitted()) == set(attempts["submitted"].responses.all())
    assert Response.objects.submitted().count() == 4  # two submitted attempts of two questions


def test_classes_and_assignments_reach_a_student_through_active_classes_only(student):
    quiz = factories.make_quiz(n_questions=1)
    mine = factories.make_classroom(students=[student])
    archived = factories.make_classroom(students=[student], is_archived=True)
    foreign = factories.make_classroom(students=[factories.make_student()])
    reaching = factories.make_assignment(classroom=mine, quiz=quiz)
    factories.make_assignment(classroom=archived, quiz=quiz)
    factories.make_assignment(classroom=foreign, quiz=quiz)
    assert list(Classroom.objects.for_student(student)) == [mine]
    assert set(Classroom.objects.active()) == {mine, foreign}
    assert list(Assignment.objects.for_student(student)) == [reaching]


def test_quiz_items_published_are_those_with_a_published_question():
    draft = factories.make_question(status=Status.DRAFT)
    published = factories.make_question()
    quiz = factories.make_quiz(questions=[draft, published])
    assert [item.question for item in quiz.items.published()] == [published]
    assert QuizItem.objects.published().filter(quiz=quiz).count() == 1
