"""Two requests rating the same card at the same moment, and two syncs of one document's cards at once (PostgreSQL:
real row locks; skipped on SQLite)."""

import threading
from datetime import UTC, datetime

import pytest
from django.db import connection

from quizzes.models import Flashcard, Origin, QuestionKind, Review, Status, StudentCard
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


@pytest.mark.usefixtures("postgres_only")
def test_two_concurrent_syncs_of_a_document_create_its_card_once():
    """The document's row lock makes a second sync (a double-clicked «Publicar», two teachers) wait for the first and
    find its card, instead of creating it again (an IntegrityError on the one-to-one ``fact``)."""
    text = "La guerra terminó con el Tratado de Paz de Moscú en 1940."
    document = factories.make_document(text=text)
    sentence = factories.make_sentence(document=document, text=text)
    answer = "Tratado de Paz de Moscú"
    start = text.index(answer)
    fact = factories.make_fact(sentence=sentence, kind="event", answer=answer, start=start, end=start + len(answer))
    factories.make_question(
        kind=QuestionKind.SHORT_ANSWER, prompt="¿Con qué tratado terminó la guerra?", status=Status.PUBLISHED,
        fact=fact, document=document, origin=Origin.GENERATED, accepted=[answer],
    )  # fmt: skip
    barrier = threading.Barrier(4)
    results, errors = [], []

    def sync():
        try:
            barrier.wait()
            results.append(svc.cards_sync_for_document(document=document))
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=sync) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(r.created for r in results) == [0, 0, 0, 1]
    assert Flashcard.objects.filter(fact=fact, is_active=True).count() == 1
