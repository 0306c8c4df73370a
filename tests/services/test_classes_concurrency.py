"""Double clicks in real threads: assigning the same quiz, joining the same class, renewing the same code.

PostgreSQL only (SQLite serialises writers and its in-memory test database refuses concurrent ones).
"""

import pytest
from django.db import connection

from quizzes.models import Assignment, Enrollment, RetiredJoinCode
from quizzes.services import classes as svc
from quizzes.services.errors import ServiceError
from tests import factories
from tests.services.test_quiz_concurrency import run_together

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL's row locks (DATABASE_URL=postgres://...)"
    ),
]


def test_four_simultaneous_assigns_make_one_assignment(teacher):
    classroom = factories.make_classroom(teachers=[teacher])
    quiz = factories.make_quiz(n_questions=1)
    results = run_together(lambda i: svc.assignment_create(teacher=teacher, classroom=classroom, quiz=quiz), n=4)
    assert sum(isinstance(r, Assignment) for r in results) == 1
    assert all(isinstance(r, Assignment | ServiceError) for r in results), results
    assert Assignment.objects.filter(classroom=classroom, quiz=quiz).count() == 1


def test_four_simultaneous_joins_make_one_enrollment(student):
    classroom = factories.make_classroom(join_code="TWICE234")
    results = run_together(lambda i: svc.classroom_join(student=student, code="TWICE234"), n=4)
    assert all(isinstance(r, svc.JoinResult) for r in results), results
    assert sum(r.joined for r in results) == 1
    assert Enrollment.objects.filter(classroom=classroom, student=student).count() == 1


def test_two_simultaneous_new_codes_retire_each_code_once(teacher):
    classroom = factories.make_classroom(teachers=[teacher], join_code="FIRST234")
    results = run_together(lambda i: svc.classroom_new_code(teacher=teacher, classroom=classroom), n=2)
    assert not [r for r in results if isinstance(r, Exception)], results
    classroom.refresh_from_db()
    retired = set(RetiredJoinCode.objects.values_list("code", flat=True))
    assert "FIRST234" in retired and classroom.join_code not in retired and len(retired) == 2
