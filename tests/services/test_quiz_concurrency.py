"""Concurrent submits, saves and starts, in real threads with their own database connections.

On PostgreSQL the attempt row lock (SELECT ... FOR UPDATE) serialises them; SQLite serialises every writer anyway and
its shared in-memory test database does not take concurrent writers, so these run on PostgreSQL only.
"""

import threading

import pytest
from django.db import OperationalError, close_old_connections, connection, transaction

from quizzes.domain.opaque import option_key
from quizzes.models import Attempt, AttemptState, Question, Quiz, Response
from quizzes.services import attempts as svc
from quizzes.services.errors import Code, ServiceError
from tests import factories
from tests.quiz_support import right_answer

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL's row locks (DATABASE_URL=postgres://...)"
    ),
]


def run_together(target, n=2):
    """Run target(i) in n threads released at the same instant; return their results or exceptions."""
    barrier = threading.Barrier(n)
    results = [None] * n

    def worker(i):
        try:
            barrier.wait()
            results[i] = target(i)
        except Exception as exc:  # noqa: BLE001 - the test inspects it
            results[i] = exc
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results


def test_two_concurrent_submits_finish_and_score_once(student, monkeypatch):
    quiz = factories.make_quiz(n_questions=3)
    attempt = svc.attempt_start(user=student, quiz=quiz)
    response = Response.objects.select_related("question").get(attempt=attempt, slot=1)
    svc.response_save(
        user=student, attempt_id=attempt.pk, slot=1, token=svc.response_token(response), data=right_answer(response)
    )
    finishes = []
    real_finish = svc._finish

    def counting_finish(a, *, now, deadline):
        finishes.append(a.pk)
        return real_finish(a, now=now, deadline=deadline)

    monkeypatch.setattr(svc, "_finish", counting_finish)
    results = run_together(lambda i: svc.attempt_submit(user=student, attempt_id=attempt.pk), n=4)
    assert all(isinstance(r, Attempt) for r in results), results
    assert finishes == [attempt.pk]
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.SUBMITTED
    assert attempt.score == 1
    assert {r.submitted_at for r in results} == {attempt.submitted_at}


def test_two_concurrent_saves_with_the_same_token_record_once(student):
    quiz = factories.make_quiz(n_questions=1)
    attempt = svc.attempt_start(user=student, quiz=quiz)
    response = Response.objects.select_related("question").get(attempt=attempt, slot=1)
    token = svc.response_token(response)
    choices = list(response.question.choices.all())

    def save(i):
        # Two different answers sent from the same page (two tabs, a double click after changing the choice).
        return svc.response_save(
            user=student,
            attempt_id=attempt.pk,
            slot=1,
            token=token,
            data={"choice": [option_key(response.pk, choices[i].pk)]},
        )

    results = run_together(save)
    saved = [r for r in results if isinstance(r, svc.SaveResult) and r.saved]
    refused = [r for r in results if isinstance(r, ServiceError) and r.code == Code.PAGE_STALE]
    assert len(saved) == 1 and len(refused) == 1, results
    response.refresh_from_db()
    assert response.sequence == 1


def test_two_concurrent_starts_make_one_attempt(student):
    quiz = factories.make_quiz(n_questions=2)
    results = run_together(lambda i: svc.attempt_start(user=student, quiz=quiz), n=3)
    assert all(isinstance(r, Attempt) for r in results), results
    assert len({r.pk for r in results}) == 1
    assert Attempt.objects.count() == 1
    assert Response.objects.count() == 2


def lock_nowait(model, pk) -> bool:
    """From another connection (a thread of its own): can that row be locked at once (SELECT ... FOR UPDATE NOWAIT)?"""
    outcome = []

    def probe():
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                table, key = connection.ops.quote_name(model._meta.db_table), connection.ops.quote_name("id")
                cursor.execute(f"SELECT 1 FROM {table} WHERE {key} = %s FOR UPDATE NOWAIT", [pk])
                assert cursor.fetchone() == (1,)
            outcome.append(True)
        except OperationalError:  # could not obtain lock on row
            outcome.append(False)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            outcome.append(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=probe)
    thread.start()
    thread.join(30)
    assert len(outcome) == 1 and isinstance(outcome[0], bool), outcome
    return outcome[0]


def test_a_save_held_open_locks_its_attempt_and_response_but_not_the_quiz_or_question(student):
    """Issue 15: the students of a class answering one quiz do not queue on the quiz's (or a question's) row."""
    quiz = factories.make_quiz(n_questions=2)
    attempt = svc.attempt_start(user=student, quiz=quiz)
    response = Response.objects.select_related("question").get(attempt=attempt, slot=1)
    with transaction.atomic():
        result = svc.response_save(
            user=student, attempt_id=attempt.pk, slot=1, token=svc.response_token(response), data=right_answer(response)
        )
        assert result.saved
        # The save's transaction is still open here, holding its row locks.
        assert lock_nowait(Quiz, quiz.pk)
        assert lock_nowait(Question, response.question_id)
        assert not lock_nowait(Attempt, attempt.pk)
        assert not lock_nowait(Response, response.pk)
    assert lock_nowait(Attempt, attempt.pk)  # released at commit


def test_a_submit_held_open_locks_its_attempt_but_not_the_quiz(student):
    quiz = factories.make_quiz(n_questions=1)
    attempt = svc.attempt_start(user=student, quiz=quiz)
    with transaction.atomic():
        svc.attempt_submit(user=student, attempt_id=attempt.pk)
        assert lock_nowait(Quiz, quiz.pk)
        assert not lock_nowait(Attempt, attempt.pk)
