"""The writes of an answer and a rating (selectors.rows.update / insert): one statement written once per process,
the same row as the ORM's save and create would leave, on SQLite and PostgreSQL."""

from datetime import timedelta

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from quizzes.models import CardState, Response, Review, ReviewSource
from quizzes.selectors import rows
from quizzes.services import attempts as attempt_svc
from tests import factories

pytestmark = pytest.mark.django_db


def _values(instance, leave_out=("id",)) -> dict:
    return {
        f.attname: getattr(instance, f.attname)
        for f in type(instance)._meta.concrete_fields
        if f.attname not in leave_out
    }


def test_an_update_writes_the_fields_as_the_orms_save(student):
    attempt = attempt_svc.attempt_start(user=student, quiz=factories.make_quiz(n_questions=2))
    mine, orm = list(attempt.responses.order_by("slot"))
    now = timezone.now()
    for response in (mine, orm):
        response.answer = {"text": '1939 «ñ» "x"', "value": 1939.0, "unit": ""}
        response.sequence += 3
        response.answered_at = now
        response.fraction, response.points = 0.5, 1.25
    fields = ["answer", "sequence", "answered_at", "fraction", "points"]
    with CaptureQueriesContext(connection) as queries:
        rows.update(mine, fields)
    assert len(queries) == 1 and queries[0]["sql"].startswith("UPDATE")
    orm.save(update_fields=fields)
    mine.refresh_from_db()
    orm.refresh_from_db()
    assert _values(mine, ("id", "slot", "question_id", "choice_order")) == _values(
        orm, ("id", "slot", "question_id", "choice_order")
    )
    assert mine.answer == {"text": '1939 «ñ» "x"', "value": 1939.0, "unit": ""} and mine.answered_at == now


def test_an_update_of_a_row_that_is_gone_is_the_orms_error(student):
    attempt = attempt_svc.attempt_start(user=student, quiz=factories.make_quiz(n_questions=1))
    response = attempt.responses.get()
    Response.objects.filter(pk=response.pk).delete()
    with pytest.raises(DatabaseError):
        rows.update(response, ["sequence"])


@pytest.fixture
def review_values(student) -> dict:
    """The fields of a review of a card in review, as the rating service writes them (no token)."""
    now = timezone.now()
    card = factories.make_student_card(
        user=student,
        due=now,
        state=CardState.REVIEW,
        stability=3.0,
        difficulty=5.0,
        last_review=now - timedelta(days=5),
    )
    return {
        "student_card": card,
        "user_id": student.pk,
        "rating": 3,
        "reviewed_at": now,
        "duration_ms": None,
        "state_before": CardState.REVIEW,
        "interval_before": timedelta(days=2, seconds=5),
        "interval_after": timedelta(days=6),
        "source": ReviewSource.REVIEW,
    }


def test_an_insert_is_the_orms_create(review_values):
    values = review_values
    mine = Review(**values, token="mine-token-1")
    with CaptureQueriesContext(connection) as queries:
        rows.insert(mine)
    assert len(queries) == 1 and queries[0]["sql"].startswith("INSERT")
    orm = Review.objects.create(**values, token="orm-token-1")
    assert mine.pk is not None and not mine._state.adding and mine.pk != orm.pk
    stored, stored_orm = Review.objects.get(pk=mine.pk), Review.objects.get(pk=orm.pk)
    assert _values(stored, ("id", "token")) == _values(stored_orm, ("id", "token")) == _values(orm, ("id", "token"))
    assert stored.token == "mine-token-1"


def test_a_duplicate_token_is_still_an_integrity_error(review_values):
    values = {**review_values, "token": "same-token-1"}
    rows.insert(Review(**values))
    with pytest.raises(IntegrityError), transaction.atomic():
        rows.insert(Review(**values))
