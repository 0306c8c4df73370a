"""Two requests rating the same card at the same moment (PostgreSQL: real row locks; skipped on SQLite)."""

import threading
from datetime import UTC, datetime

import pytest
from django.db import connection

from quizzes.models import Review, StudentCard
from quizzes.services import cards as svc
from quizzes.services.errors import Code, ServiceError
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def race(user, row, tokens, ratings):
    barrier = threading.Barrier(len(tokens))
    results, errors = [], []

    def rate(token, rating):
        try:
            barrier.wait()
            results.append(
                svc.card_review(
                    user=user, student_card_id=row.pk, rating=rating, token=token, duration_ms=None, now=T0,
                    expected_reps=0,
                )
            )  # fmt: skip
        except ServiceError as exc:
            results.append(exc)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=rate, args=args) for args in zip(tokens, ratings, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    return sorted(
        r.code.value if isinstance(r, ServiceError) else "duplicate" if r.duplicate else "recorded" for r in results
    )


@pytest.fixture
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("row locks are only meaningful on PostgreSQL (SQLite serialises writers)")


@pytest.mark.usefixtures("postgres_only")
def test_the_same_token_twice_at_once_logs_one_review():
    user = factories.make_student()
    row = factories.make_student_card(user=user, due=T0)
    statuses = race(user, row, ["same-token-123", "same-token-123"], [3, 3])
    assert statuses == ["duplicate", "recorded"]
    assert Review.objects.count() == 1
    assert StudentCard.objects.get(pk=row.pk).reps == 1


@pytest.mark.usefixtures("postgres_only")
def test_two_tabs_at_once_one_rating_wins():
    user = factories.make_student()
    row = factories.make_student_card(user=user, due=T0)
    statuses = race(user, row, ["tab-a-token-1", "tab-b-token-2"], [3, 1])
    assert statuses == [Code.CARD_STALE.value, "recorded"]
    assert Review.objects.count() == 1
    assert StudentCard.objects.get(pk=row.pk).reps == 1
