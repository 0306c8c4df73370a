"""selectors.quizzes.attempt_page: the question page's own rows in one SQL statement, equal to what the ORM reads."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from quizzes.models import Attempt, Response
from quizzes.selectors.quizzes import attempt_page
from quizzes.services import attempts as svc
from tests import factories
from tests.quiz_support import post_data, right_answer

pytestmark = pytest.mark.django_db


def _values(instance) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in type(instance)._meta.concrete_fields}


@pytest.fixture
def attempt(student):
    quiz = factories.make_quiz(n_questions=4, description="Una descripción.", time_limit_minutes=30)
    quiz.closes_at = timezone.now() + timedelta(days=3)
    quiz.save()
    attempt = svc.attempt_start(user=student, quiz=quiz)
    # Answer slot 2 through the service: a JSON answer, a fraction, points, a sequence number, answered_at.
    response = Response.objects.select_related("question").get(attempt=attempt, slot=2)
    data = post_data(response, right_answer(response))
    svc.response_save(user=student, attempt_id=attempt.pk, slot=2, token=data["token"], data=data, now=timezone.now())
    return attempt


@pytest.mark.parametrize("slot", [1, 2, 4])
def test_it_reads_what_the_orm_reads(student, attempt, slot, django_assert_num_queries):
    with django_assert_num_queries(1):
        page = attempt_page(user_id=student.pk, attempt_id=attempt.pk, slot=slot)
    orm_attempt = Attempt.objects.select_related("quiz").get(pk=attempt.pk, user=student)
    responses = list(orm_attempt.responses.order_by("slot"))
    assert _values(page.attempt) == _values(orm_attempt)
    assert _values(page.attempt.quiz) == _values(orm_attempt.quiz)
    orm_response = next(r for r in responses if r.slot == slot)
    assert _values(page.response) == _values(orm_response)
    assert page.response.attempt is page.attempt
    assert page.slots == [(r.slot, r.answered_at is not None) for r in responses]
    assert [answered for _slot, answered in page.slots] == [False, True, False, False]


def test_typed_values_come_back_typed(student, attempt):
    page = attempt_page(user_id=student.pk, attempt_id=attempt.pk, slot=2)
    assert isinstance(page.response.max_points, Decimal)
    assert isinstance(page.response.answer, dict)  # JSON, not its text
    assert isinstance(page.response.choice_order, list)
    assert page.response.answered_at.tzinfo is not None
    assert page.attempt.quiz.closes_at.tzinfo is not None
    assert page.attempt.quiz.time_limit_minutes == 30


def test_a_slot_the_attempt_does_not_have(student, attempt):
    page = attempt_page(user_id=student.pk, attempt_id=attempt.pk, slot=9)
    assert page.response is None
    assert [slot for slot, _answered in page.slots] == [1, 2, 3, 4]


def test_another_students_attempt_or_none_at_all(student, other_student, attempt):
    assert attempt_page(user_id=other_student.pk, attempt_id=attempt.pk, slot=1) is None
    assert attempt_page(user_id=student.pk, attempt_id=attempt.pk + 1000, slot=1) is None


def test_the_attempt_its_quiz_and_the_response_come_once_not_once_per_slot(student, attempt):
    """The driver parses every value of every row: each slot's row carries only its slot and state."""
    from quizzes.selectors import quizzes, rows

    sql, a, q, cur = quizzes._attempt_page_sql()
    found = rows.fetch_all(sql, {"slot": 2, "attempt": attempt.pk, "user": student.pk})
    assert len(found) == 1 + 4
    assert sum(value is not None for value in found[0]) > len(a) + len(q)  # the attempt, the quiz, the response
    for slot, row in enumerate(found[1:], start=1):
        assert [value for value in row if value is not None] == [1, slot, 1 if slot == 2 else 0]
