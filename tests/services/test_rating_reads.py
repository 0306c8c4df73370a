"""The two reads of a rating (services.cards._locked_card, _review_with_token): SQL written once per process, equal to
the ORM queries they replace, and the card's row still locked."""

from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.db.transaction import TransactionManagementError
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from quizzes.models import CardState, Review, StudentCard
from quizzes.services import cards as svc
from tests import factories

pytestmark = pytest.mark.django_db


def _values(instance) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in type(instance)._meta.concrete_fields}


@pytest.fixture
def row(student):
    now = timezone.now()
    return factories.make_student_card(
        user=student,
        due=now - timedelta(hours=1),
        state=CardState.REVIEW,
        stability=5.5,
        difficulty=4.25,
        last_review=now - timedelta(days=5),
    )


def test_the_locked_card_is_the_orms(student, row):
    with transaction.atomic():
        mine = svc._locked_card(user_id=student.pk, student_card_id=row.pk)
        orm = StudentCard.objects.select_for_update(of=("self",)).select_related("card").get(user=student, pk=row.pk)
    assert _values(mine) == _values(orm)
    assert _values(mine.card) == _values(orm.card)
    assert mine.due.tzinfo is not None and isinstance(mine.stability, float)


def test_the_row_is_locked_where_the_database_can(student, row):
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        svc._locked_card(user_id=student.pk, student_card_id=row.pk)
    sql = queries.captured_queries[-1]["sql"]
    if connection.features.has_select_for_update:
        assert sql.rstrip().endswith("FOR UPDATE OF s")
    else:
        assert "FOR UPDATE" not in sql  # SQLite: writers are serialised instead, as with the ORM


def test_another_students_card_or_none_is_does_not_exist(student, other_student, row):
    with transaction.atomic():
        with pytest.raises(StudentCard.DoesNotExist):
            svc._locked_card(user_id=other_student.pk, student_card_id=row.pk)
        with pytest.raises(StudentCard.DoesNotExist):
            svc._locked_card(user_id=student.pk, student_card_id=row.pk + 1000)


def test_the_review_with_a_token_is_the_orms(student, row):
    now = timezone.now()
    assert svc._review_with_token("a" * 32) is None
    result = svc.card_review(user=student, student_card_id=row.pk, rating=3, token="a" * 32, duration_ms=1200, now=now)
    mine = svc._review_with_token("a" * 32)
    assert _values(mine) == _values(Review.objects.filter(token="a" * 32).first()) == _values(result.review)
    # And the service answers a replay with it.
    again = svc.card_review(user=student, student_card_id=row.pk, rating=3, token="a" * 32, duration_ms=None, now=now)
    assert again.duplicate and again.review.pk == result.review.pk


@pytest.mark.django_db(transaction=True)
def test_the_lock_is_refused_outside_a_transaction(student, row):
    """As the ORM's select_for_update(): outside a transaction the lock would be released at once."""
    if not connection.features.has_select_for_update:
        pytest.skip("no row locks on this database")
    with pytest.raises(TransactionManagementError):
        svc._locked_card(user_id=student.pk, student_card_id=row.pk)
