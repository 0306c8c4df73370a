"""Classes: creating them, joining with a code, removing students, new codes, assigning quizzes."""

import re
from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction

from ..models import Assignment, Classroom, Enrollment, Quiz, RetiredJoinCode, Status, new_join_code
from .errors import Code, ServiceError

JOIN_CODE_MAX_LENGTH = 16
_CODE_RE = re.compile(r"^[A-Z0-9]+$")


def join_code_normalise(raw: str) -> str:
    """Return the code as stored (upper case, no spaces or dashes) or raise ServiceError if it cannot be one."""
    if raw is None:
        raw = ""
    if len(raw) > 64:
        raise ServiceError(Code.JOIN_CODE_MALFORMED)
    code = re.sub(r"[\s\-]", "", raw).upper()
    if not code:
        raise ServiceError(Code.JOIN_CODE_EMPTY)
    if len(code) > JOIN_CODE_MAX_LENGTH or not _CODE_RE.match(code):
        raise ServiceError(Code.JOIN_CODE_MALFORMED)
    return code


def _unused_code() -> str:
    """Return a fresh code that no class uses now and none used before."""
    while True:
        code = new_join_code()
        if not (
            Classroom.objects.filter(join_code=code).exists() or RetiredJoinCode.objects.filter(code=code).exists()
        ):
            return code


def _check_teaches(*, teacher, classroom: Classroom) -> None:
    if not Classroom.objects.taught_by(teacher).filter(pk=classroom.pk).exists():
        raise ServiceError(Code.NOT_YOUR_CLASS)


@transaction.atomic
def classroom_create(*, teacher, name: str) -> Classroom:
    """Create a class taught by this teacher, with a fresh join code."""
    name = " ".join((name or "").split())
    if not name:
        raise ServiceError(Code.CLASS_NAME_EMPTY)
    if len(name) > 200:
        raise ServiceError(Code.CLASS_NAME_TOO_LONG)
    classroom = Classroom(name=name, join_code=_unused_code())
    classroom.full_clean()
    classroom.save()
    classroom.teachers.add(teacher)
    return classroom


def classroom_by_code(code: str) -> Classroom:
    """Return the class a student may join with this code, or raise ServiceError saying why not."""
    code = join_code_normalise(code)
    classroom = Classroom.objects.filter(join_code=code).first()
    if classroom is None:
        if RetiredJoinCode.objects.filter(code=code).exists():
            raise ServiceError(Code.JOIN_CODE_RETIRED)
        raise ServiceError(Code.JOIN_CODE_UNKNOWN)
    if classroom.is_archived:
        raise ServiceError(Code.CLASS_ARCHIVED)
    return classroom


@dataclass(frozen=True)
class JoinResult:
    classroom: Classroom
    joined: bool  # False when the student was already in the class


@transaction.atomic
def classroom_join(*, student, code: str) -> JoinResult:
    """Enrol a student in the class with this code; joining twice changes nothing."""
    classroom = classroom_by_code(code)
    if classroom.teachers.filter(pk=student.pk).exists():
        raise ServiceError(Code.ALREADY_TEACHER)
    try:
        # A savepoint: two tabs joining at once hit the unique constraint, and the second is "already in".
        with transaction.atomic():
            _enrollment, created = Enrollment.objects.get_or_create(classroom=classroom, student=student)
    except IntegrityError:
        created = False
    return JoinResult(classroom=classroom, joined=created)


@transaction.atomic
def classroom_remove_student(*, teacher, classroom: Classroom, student) -> None:
    """Take a student out of a class (their attempts and cards stay theirs)."""
    _check_teaches(teacher=teacher, classroom=classroom)
    deleted, _detail = Enrollment.objects.filter(classroom=classroom, student=student).delete()
    if not deleted:
        raise ServiceError(Code.NOT_ENROLLED)


@transaction.atomic
def classroom_new_code(*, classroom: Classroom, teacher=None) -> Classroom:
    """Retire the class's code (kept, so it gets the "retired" message) and give it a new one."""
    if teacher is not None:
        _check_teaches(teacher=teacher, classroom=classroom)
    classroom = Classroom.objects.select_for_update().get(pk=classroom.pk)
    RetiredJoinCode.objects.get_or_create(code=classroom.join_code, defaults={"classroom": classroom})
    classroom.join_code = _unused_code()
    classroom.save(update_fields=["join_code"])
    return classroom


@transaction.atomic
def assignment_create(
    *,
    teacher,
    classroom: Classroom,
    quiz: Quiz,
    due_at: datetime | None = None,
    opens_at: datetime | None = None,
    closes_at: datetime | None = None,
) -> Assignment:
    """Give a published quiz to a class the teacher teaches; the same quiz twice is refused."""
    _check_teaches(teacher=teacher, classroom=classroom)
    # Lock the class row so that two simultaneous "assign" clicks are serialised.
    Classroom.objects.select_for_update().filter(pk=classroom.pk).exists()
    if quiz.status != Status.PUBLISHED:
        raise ServiceError(Code.ASSIGN_NOT_PUBLISHED)
    if Assignment.objects.filter(classroom=classroom, quiz=quiz).exists():
        raise ServiceError(Code.ALREADY_ASSIGNED)
    _check_window(due_at=due_at, opens_at=opens_at, closes_at=closes_at)
    assignment = Assignment(
        classroom=classroom, quiz=quiz, due_at=due_at, opens_at=opens_at, closes_at=closes_at, assigned_by=teacher
    )
    try:
        with transaction.atomic():
            assignment.save()
    except IntegrityError as exc:
        raise ServiceError(Code.ALREADY_ASSIGNED) from exc
    return assignment


def _check_window(*, due_at, opens_at, closes_at) -> None:
    if opens_at and closes_at and closes_at <= opens_at:
        raise ServiceError(Code.WINDOW_INVALID)
    if due_at and closes_at and due_at > closes_at:
        raise ServiceError(Code.DUE_OUTSIDE_WINDOW)


@transaction.atomic
def assignment_update_dates(
    *,
    teacher,
    assignment: Assignment,
    due_at: datetime | None = None,
    opens_at: datetime | None = None,
    closes_at: datetime | None = None,
) -> Assignment:
    """Change an assignment's due date and window (open attempts follow at once: their deadline is recomputed)."""
    _check_teaches(teacher=teacher, classroom=assignment.classroom)
    _check_window(due_at=due_at, opens_at=opens_at, closes_at=closes_at)
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    assignment.due_at, assignment.opens_at, assignment.closes_at = due_at, opens_at, closes_at
    assignment.save(update_fields=["due_at", "opens_at", "closes_at"])
    return assignment


@transaction.atomic
def assignment_delete(*, teacher, assignment: Assignment) -> None:
    """Withdraw an assignment (attempts already made stay)."""
    _check_teaches(teacher=teacher, classroom=assignment.classroom)
    assignment.delete()
