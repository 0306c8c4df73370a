"""Services of the classes area: creating, joining, removing, new codes, assigning (bad input included)."""

import pytest
from django.utils import timezone

from quizzes.models import Assignment, Classroom, Enrollment, RetiredJoinCode, Status
from quizzes.services import classes as svc
from quizzes.services.errors import ServiceError
from tests import factories

pytestmark = pytest.mark.django_db


def _code(exc_info) -> str:
    return exc_info.value.code


def test_create_class_gives_a_code_and_makes_the_teacher_teach_it(teacher):
    classroom = svc.classroom_create(teacher=teacher, name="  4.º ESO   B ")
    assert classroom.name == "4.º ESO B"
    assert len(classroom.join_code) == 8
    assert list(classroom.teachers.all()) == [teacher]


@pytest.mark.parametrize("name", ["", "   ", "x" * 201])
def test_create_class_refuses_empty_or_long_names(teacher, name):
    with pytest.raises(ServiceError):
        svc.classroom_create(teacher=teacher, name=name)
    assert not Classroom.objects.exists()


def test_join_with_code_in_any_case_and_spacing(student):
    classroom = factories.make_classroom(join_code="K7QM2XTP")
    result = svc.classroom_join(student=student, code=" k7qm-2xtp ")
    assert result.joined and result.classroom == classroom
    assert Enrollment.objects.filter(classroom=classroom, student=student).count() == 1


def test_joining_twice_changes_nothing(student):
    classroom = factories.make_classroom(join_code="K7QM2XTP")
    svc.classroom_join(student=student, code="K7QM2XTP")
    again = svc.classroom_join(student=student, code="K7QM2XTP")
    assert again.joined is False
    assert Enrollment.objects.filter(classroom=classroom, student=student).count() == 1


def test_a_student_can_be_in_several_classes(student):
    first = factories.make_classroom(join_code="AAAA2222")
    second = factories.make_classroom(join_code="BBBB3333")
    svc.classroom_join(student=student, code="AAAA2222")
    svc.classroom_join(student=student, code="BBBB3333")
    assert set(student.classrooms.all()) == {first, second}


def test_unknown_code(student):
    with pytest.raises(ServiceError) as exc:
        svc.classroom_join(student=student, code="ZZZZ9999")
    assert _code(exc) == "code_unknown"


@pytest.mark.parametrize("code", ["<script>", "K7QM'; DROP", "ÑÑÑÑ", "K7 QM/2X", "A" * 17, "B" * 10_240, "\x00\x01"])
def test_odd_or_huge_codes_get_the_malformed_message(student, code):
    with pytest.raises(ServiceError) as exc:
        svc.classroom_join(student=student, code=code)
    assert _code(exc) == "code_malformed"
    assert not Enrollment.objects.exists()


def test_empty_code(student):
    with pytest.raises(ServiceError) as exc:
        svc.classroom_join(student=student, code="   ")
    assert _code(exc) == "code_empty"


def test_new_code_retires_the_old_one(teacher, student):
    classroom = factories.make_classroom(teachers=[teacher], join_code="OLDC0DE2")
    svc.classroom_new_code(teacher=teacher, classroom=classroom)
    classroom.refresh_from_db()
    assert classroom.join_code != "OLDC0DE2"
    assert RetiredJoinCode.objects.filter(code="OLDC0DE2", classroom=classroom).exists()
    with pytest.raises(ServiceError) as exc:
        svc.classroom_join(student=student, code="oldc0de2")
    assert _code(exc) == "code_retired"
    assert svc.classroom_join(student=student, code=classroom.join_code).joined


def test_new_code_only_by_a_teacher_of_the_class(other_teacher):
    classroom = factories.make_classroom(join_code="KEEPME22")
    with pytest.raises(ServiceError):
        svc.classroom_new_code(teacher=other_teacher, classroom=classroom)
    classroom.refresh_from_db()
    assert classroom.join_code == "KEEPME22"


def test_archived_class_refuses_joins(student):
    factories.make_classroom(join_code="ARCH1VE2", is_archived=True)
    with pytest.raises(ServiceError) as exc:
        svc.classroom_join(student=student, code="ARCH1VE2")
    assert _code(exc) == "class_archived"


def test_remove_student(teacher, student):
    classroom = factories.make_classroom(teachers=[teacher], students=[student])
    svc.classroom_remove_student(teacher=teacher, classroom=classroom, student=student)
    assert not Enrollment.objects.exists()
    with pytest.raises(ServiceError) as exc:
        svc.classroom_remove_student(teacher=teacher, classroom=classroom, student=student)
    assert _code(exc) == "not_enrolled"


def test_remove_student_from_a_class_you_do_not_teach(other_teacher, student):
    classroom = factories.make_classroom(students=[student])
    with pytest.raises(ServiceError) as exc:
        svc.classroom_remove_student(teacher=other_teacher, classroom=classroom, student=student)
    assert _code(exc) == "not_your_class"
    assert Enrollment.objects.count() == 1


def test_assign_a_published_quiz(teacher):
    classroom = factories.make_classroom(teachers=[teacher])
    quiz = factories.make_quiz(n_questions=1)
    due = timezone.now() + timezone.timedelta(days=3)
    assignment = svc.assignment_create(teacher=teacher, classroom=classroom, quiz=quiz, due_at=due)
    assert assignment.due_at == due and assignment.assigned_by == teacher


def test_assigning_twice_is_refused_and_nothing_duplicated(teacher):
    classroom = factories.make_classroom(teachers=[teacher])
    quiz = factories.make_quiz(n_questions=1)
    svc.assignment_create(teacher=teacher, classroom=classroom, quiz=quiz)
    with pytest.raises(ServiceError) as exc:
        svc.assignment_create(teacher=teacher, classroom=classroom, quiz=quiz)
    assert _code(exc) == "already_assigned"
    assert Assignment.objects.count() == 1


def test_assigning_to_a_class_you_do_not_teach(other_teacher):
    classroom = factories.make_classroom()
    with pytest.raises(ServiceError) as exc:
        svc.assignment_create(teacher=other_teacher, classroom=classroom, quiz=factories.make_quiz(n_questions=1))
    assert _code(exc) == "not_your_class"
    assert not Assignment.objects.exists()


def test_only_published_quizzes(teacher):
    classroom = factories.make_classroom(teachers=[teacher])
    quiz = factories.make_quiz(n_questions=1, status=Status.DRAFT)
    with pytest.raises(ServiceError) as exc:
        svc.assignment_create(teacher=teacher, classroom=classroom, quiz=quiz)
    assert _code(exc) == "quiz_not_published"
    assert not Assignment.objects.exists()


def test_window_must_close_after_it_opens(teacher):
    classroom = factories.make_classroom(teachers=[teacher])
    now = timezone.now()
    with pytest.raises(ServiceError) as exc:
        svc.assignment_create(
            teacher=teacher,
            classroom=classroom,
            quiz=factories.make_quiz(n_questions=1),
            opens_at=now,
            closes_at=now - timezone.timedelta(hours=1),
        )
    assert _code(exc) == "window_invalid"


def test_superuser_may_assign_to_any_class(superuser):
    classroom = factories.make_classroom()
    svc.assignment_create(teacher=superuser, classroom=classroom, quiz=factories.make_quiz(n_questions=1))
    assert Assignment.objects.count() == 1
