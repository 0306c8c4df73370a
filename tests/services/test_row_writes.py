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


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a data-modifying WITH with ON CONFLICT: PostgreSQL only"
)


@postgresql_only
def test_insert_unless_taken_is_the_orms_save_and_create_in_one_statement(review_values):
    values = review_values
    card, twin = values["student_card"], factories.make_student_card(user=values["student_card"].user)
    now = values["reviewed_at"]
    for row in (card, twin):
        row.state, row.reps, row.lapses, row.stability, row.difficulty = CardState.REVIEW, 4, 1, 7.5, 4.25
        row.due, row.last_review = now + timedelta(days=6), now
    fields = ["state", "reps", "lapses", "stability", "difficulty", "due", "last_review"]
    mine = Review(**values, token="mine-token-2")
    with CaptureQueriesContext(connection) as queries:
        assert rows.insert_unless_taken(mine, "token", card, fields) is True
    assert len(queries) == 1 and queries[0]["sql"].startswith("WITH")
    twin.save(update_fields=fields)
    orm = Review.objects.create(**{**values, "student_card": twin}, token="orm-token-2")
    assert mine.pk is not None and not mine._state.adding
    stored, stored_orm = Review.objects.get(pk=mine.pk), Review.objects.get(pk=orm.pk)
    leave_out = ("id", "token", "student_card_id")
    assert _values(stored, leave_out) == _values(stored_orm, leave_out) and stored.token == "mine-token-2"
    card.refresh_from_db()
    twin.refresh_from_db()
    assert _values(card, ("id", "card_id")) == _values(twin, ("id", "card_id"))


@postgresql_only
def test_insert_unless_taken_writes_nothing_when_the_value_is_taken(review_values):
    values = {**review_values, "token": "taken-token-1"}
    card = values["student_card"]
    first = Review(**values)
    rows.insert(first)
    before = (card.reps, card.lapses)
    card.reps, card.lapses = 41, 9
    assert rows.insert_unless_taken(Review(**values), "token", card, ["reps", "lapses"]) is False
    card.refresh_from_db()
    assert (card.reps, card.lapses) == before != (41, 9)
    assert list(Review.objects.values_list("pk", flat=True)) == [first.pk]


@postgresql_only
def test_insert_unless_taken_of_a_row_that_is_gone_is_the_orms_error(review_values):
    card = review_values["student_card"]
    other = factories.make_student_card(user=card.user)
    type(other).objects.filter(pk=other.pk).delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        rows.insert_unless_taken(Review(**review_values, token="gone-token-1"), "token", other, ["reps"])
    assert not Review.objects.filter(token="gone-token-1").exists()


def test_an_instance_from_a_row_is_the_orms(student):
    """rows.Columns.instance: every column through its converters (on SQLite the dates', on PostgreSQL the JSON's),
    the same values as the ORM's instance, not new and from the default database; a row of the wrong length is an
    error."""
    attempt = attempt_svc.attempt_start(user=student, quiz=factories.make_quiz(n_questions=2))
    response = attempt.responses.order_by("slot").first()
    response.answer = {"text": '«ñ» "x"', "value": 1939.0}
    response.answered_at = timezone.now()
    response.save()
    columns = rows.Columns(Response, "r")
    row = rows.fetch_one(f"SELECT {columns.sql} FROM {rows.table(Response)} r WHERE r.id = %(pk)s", {"pk": response.pk})
    mine, orm = columns.instance(row), Response.objects.get(pk=response.pk)
    assert _values(mine, leave_out=()) == _values(orm, leave_out=())
    assert {type(v) for v in _values(mine, leave_out=()).values()} == {
        type(v) for v in _values(orm, leave_out=()).values()
    }
    assert mine._state.adding is False and mine._state.db == orm._state.db == "default"
    with pytest.raises(ValueError):
        columns.instance(row[:-1])
