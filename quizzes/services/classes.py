"""Classes: creating them, joining with a code, removing students, new codes, assigning quizzes."""

import re
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from ..models import Assignment, Classroom, Enrollment, Quiz, RetiredJoinCode, Status, new_join_code

JOIN_CODE_MAX_LENGTH = 16
_CODE_RE = re.compile(r"^[A-Z0-9]+$")

# Messages are module constants so that tests and views use the same text (HackSoft).
CODE_EMPTY = _("Escriba el código de la clase.")
CODE_MALFORMED = _("Ese código no es válido: tiene letras y números, sin espacios ni símbolos (por ejemplo, K7QM2XTP).")
CODE_UNKNOWN = _("No hay ninguna clase con ese código. Compruébelo con su docente.")
CODE_RETIRED = _("Ese código ya no está en uso: la clase tiene uno nuevo. Pídaselo a su docente.")
CLASS_ARCHIVED = _("Esa clase está archivada y ya no admite estudiantes.")
ALREADY_TEACHER = _("Usted es docente de esa clase; no hace falta unirse.")
NAME_EMPTY = _("Escriba un nombre para la clase.")
NAME_TOO_LONG = _("El nombre es demasiado largo (200 caracteres como máximo).")
NOT_YOUR_CLASS = _("Usted no da clase en ese grupo.")
NOT_ENROLLED = _("Ese estudiante no está en la clase.")
QUIZ_NOT_PUBLISHED = _("Solo se pueden asignar cuestionarios publicados.")
ALREADY_ASSIGNED = _("Ese cuestionario ya está asignado a esta clase.")
WINDOW_INVALID = _("La hora de cierre debe ser posterior a la de apertura.")
DUE_OUTSIDE_WINDOW = _("La fecha de entrega debe caer antes del cierre.")


def join_code_normalise(raw: str) -> str:
    """Return the code as stored (upper case, no spaces or dashes) or raise ValidationError if it cannot be one."""
    if raw is None:
        raw = ""
    if len(raw) > 64:
        raise ValidationError(CODE_MALFORMED, code="code_malformed")
    code = re.sub(r"[\s\-]", "", raw).upper()
    if not code:
        raise ValidationError(CODE_EMPTY, code="code_empty")
    if len(code) > JOIN_CODE_MAX_LENGTH or not _CODE_RE.match(code):
        raise ValidationError(CODE_MALFORMED, code="code_malformed")
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
        raise ValidationError(NOT_YOUR_CLASS, code="not_your_class")


@transaction.atomic
def classroom_create(*, teacher, name: str) -> Classroom:
    """Create a class taught by this teacher, with a fresh join code."""
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError(NAME_EMPTY, code="name_empty")
    if len(name) > 200:
        raise ValidationError(NAME_TOO_LONG, code="name_too_long")
    classroom = Classroom(name=name, join_code=_unused_code())
    classroom.full_clean()
    classroom.save()
    classroom.teachers.add(teacher)
    return classroom


@dataclass(frozen=True)
class JoinResult:
    classroom: Classroom
    joined: bool  # False when the student was already in the class


@transaction.atomic
def classroom_join(*, student, code: str) -> JoinResult:
    """Enrol a student in the class with this code; joining twice changes nothing."""
    code = join_code_normalise(code)
    classroom = Classroom.objects.filter(join_code=code).first()
    if classroom is None:
        if RetiredJoinCode.objects.filter(code=code).exists():
            raise ValidationError(CODE_RETIRED, code="code_retired")
        raise ValidationError(CODE_UNKNOWN, code="code_unknown")
    if classroom.is_archived:
        raise ValidationError(CLASS_ARCHIVED, code="class_archived")
    if classroom.teachers.filter(pk=student.pk).exists():
        raise ValidationError(ALREADY_TEACHER, code="already_teacher")
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
        raise ValidationError(NOT_ENROLLED, code="not_enrolled")


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
        raise ValidationError(QUIZ_NOT_PUBLISHED, code="quiz_not_published")
    if Assignment.objects.filter(classroom=classroom, quiz=quiz).exists():
        raise ValidationError(ALREADY_ASSIGNED, code="already_assigned")
    if opens_at and closes_at and closes_at <= opens_at:
        raise ValidationError(WINDOW_INVALID, code="window_invalid")
    if due_at and closes_at and due_at > closes_at:
        raise ValidationError(DUE_OUTSIDE_WINDOW, code="due_outside_window")
    assignment = Assignment(
        classroom=classroom, quiz=quiz, due_at=due_at, opens_at=opens_at, closes_at=closes_at, assigned_by=teacher
    )
    try:
        with transaction.atomic():
            assignment.save()
    except IntegrityError as exc:
        raise ValidationError(ALREADY_ASSIGNED, code="already_assigned") from exc
    return assignment


@transaction.atomic
def assignment_delete(*, teacher, assignment: Assignment) -> None:
    """Withdraw an assignment (attempts already made stay)."""
    _check_teaches(teacher=teacher, classroom=assignment.classroom)
    assignment.delete()
