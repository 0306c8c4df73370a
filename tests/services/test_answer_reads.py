"""The three reads of an answer (services.attempts._locked_attempt, _locked_response, _choices): SQL written once per
process, equal to the ORM queries they replace, with the same row locks."""

import pytest
from django.db import connection, transaction
from django.db.transaction import TransactionManagementError
from django.test.utils import CaptureQueriesContext

from quizzes.models import Attempt, Response
from quizzes.services import attempts as svc
from tests import factories

pytestmark = pytest.mark.django_db


def _values(instance) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in type(instance)._meta.concrete_fields}


@pytest.fixture
def attempt(student):
    return svc.attempt_start(user=student, quiz=factories.make_quiz_of_every_kind())


def test_the_locked_attempt_is_the_orms(student, attempt):
    with transaction.atomic():
        mine = svc._locked_attempt(user_id=student.pk, attempt_id=attempt.pk)
        orm = Attempt.objects.select_for_update(of=("self",)).select_related("quiz").get(pk=attempt.pk, user=student)
    assert _values(mine) == _values(orm) and _values(mine.quiz) == _values(orm.quiz)


def test_each_locked_response_and_its_choices_are_the_orms(attempt):
    n = attempt.responses.count()
    assert n >= 6
    with transaction.atomic():
        for slot in range(1, n + 1):
            mine = svc._locked_response(attempt=attempt, slot=slot)
            orm = (
                Response.objects.select_for_update(of=("self",))
                .select_related("question")
                .get(attempt=attempt, slot=slot)
            )
            assert _values(mine) == _values(orm) and _values(mine.question) == _values(orm.question)
            assert mine.attempt is attempt
            mine_choices = svc._choices(mine.question.pk)
            assert [_values(c) for c in mine_choices] == [_values(c) for c in orm.question.choices.all()]


def test_not_the_students_or_no_such_slot(student, other_student, attempt):
    with transaction.atomic():
        with pytest.raises(Attempt.DoesNotExist):
            svc._locked_attempt(user_id=other_student.pk, attempt_id=attempt.pk)
        with pytest.raises(Response.DoesNotExist):
            svc._locked_response(attempt=attempt, slot=99)


def test_the_rows_are_locked_as_the_orm_locks_them(student, attempt):
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        svc._locked_attempt(user_id=student.pk, attempt_id=attempt.pk)
        svc._locked_response(attempt=attempt, slot=1)
    for query, alias in zip(queries.captured_queries[-2:], ("a", "r"), strict=True):
        if connection.features.has_select_for_update_of:
            # Only the attempt's and the response's own rows, as select_for_update(of=("self",)): not the quiz's nor
            # the question's, which every student answering the quiz reads (issue 15).
            assert query["sql"].rstrip().endswith(f"FOR UPDATE OF {alias}")
        elif connection.features.has_select_for_update:
            assert query["sql"].rstrip().endswith("FOR UPDATE")
        else:
            assert "FOR UPDATE" not in query["sql"]


@pytest.mark.django_db(transaction=True)
def test_the_locks_are_refused_outside_a_transaction(student):
    if not connection.features.has_select_for_update:
        pytest.skip("no row locks on this database")
    attempt = svc.attempt_start(user=student, quiz=factories.make_quiz(n_questions=2))
    with pytest.raises(TransactionManagementError):
        svc._locked_attempt(user_id=student.pk, attempt_id=attempt.pk)
    with pytest.raises(TransactionManagementError):
        svc._locked_response(attempt=attempt, slot=1)
