"""The teacher pages' own reads as SQL written once per process, equal to what the ORM reads: the class taught
(selectors.people.class_taught), the class's quiz (selectors.quizzes.class_quiz) and the teacher's role, answered
with the session's user (selectors.people.user_by_id)."""

import pytest

from quizzes.models import Classroom, Quiz, User
from quizzes.selectors.people import class_taught, teaches_classes, user_by_id
from quizzes.selectors.quizzes import class_quiz
from tests import factories

pytestmark = pytest.mark.django_db


def _values(instance) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in type(instance)._meta.concrete_fields}


def test_class_taught_is_the_orms(teacher, other_teacher, django_assert_num_queries):
    mine = factories.make_classroom(teachers=[teacher, other_teacher], is_archived=True)
    theirs = factories.make_classroom(teachers=[other_teacher])
    admin = factories.make_user(username="raiz", is_superuser=True, is_staff=True)
    for user, classroom in [(teacher, mine), (other_teacher, mine), (other_teacher, theirs), (admin, theirs)]:
        with django_assert_num_queries(1):
            found = class_taught(user=user, pk=classroom.pk)
        assert _values(found) == _values(teaches_classes(user).get(pk=classroom.pk))
        assert found._state.adding is False
    assert class_taught(user=teacher, pk=theirs.pk) is None
    assert not teaches_classes(teacher).filter(pk=theirs.pk).exists()
    assert class_taught(user=admin, pk=10**9) is None
    student = factories.make_student()
    assert class_taught(user=student, pk=mine.pk) is None


def test_class_quiz_is_the_orms(teacher, django_assert_num_queries):
    classroom, other = factories.make_classroom(teachers=[teacher]), factories.make_classroom(teachers=[teacher])
    quiz = factories.make_quiz(n_questions=2, description="Una descripción.", time_limit_minutes=20)
    elsewhere = factories.make_quiz(n_questions=1)
    factories.make_assignment(classroom=classroom, quiz=quiz)
    factories.make_assignment(classroom=other, quiz=quiz)
    factories.make_assignment(classroom=other, quiz=elsewhere)
    with django_assert_num_queries(1):
        found = class_quiz(classroom_id=classroom.pk, pk=quiz.pk)
    assert _values(found) == _values(Quiz.objects.get(pk=quiz.pk, assignments__classroom=classroom))
    assert class_quiz(classroom_id=classroom.pk, pk=elsewhere.pk) is None
    assert class_quiz(classroom_id=classroom.pk, pk=10**9) is None
    assert Classroom.objects.count() == 2


def test_the_role_comes_with_the_user(teacher, student, django_assert_num_queries):
    staff = factories.make_user(username="personal", is_staff=True)
    admin = factories.make_user(username="raiz", is_superuser=True, is_staff=True)
    for user, role in [(teacher, True), (staff, False), (student, False), (admin, True)]:
        with django_assert_num_queries(1):
            read = user_by_id(user.pk)
            assert read.is_teacher is role
        assert User.objects.get(pk=user.pk).is_teacher is role
    assert not hasattr(user_by_id(student.pk), "_is_teacher_cache")  # never asked for a student: not staff
    teacher.groups.clear()
    assert user_by_id(teacher.pk).is_teacher is False
