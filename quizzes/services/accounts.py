"""Student accounts: signing up with a class code, teachers adding students (one, or a class list), passwords.

A password a teacher hands out (a new account, a reset) is a one-time password: it is returned once, to be printed
on a login slip, stored only hashed, and the student must choose their own at the first login
(``User.must_change_password``). Everything a teacher does here is limited to the classes they teach and to the
students :func:`~quizzes.selectors.people.visible_students` lets them see.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction

from ..domain.roster import RosterInvalid, RosterProblem, RosterRow, name_key
from ..models import AccountEventKind, Classroom, Enrollment, User
from ..selectors.people import visible_students
from .audit import record, record_created
from .classes import _check_teaches, classroom_by_code
from .errors import Code, ServiceError

# No 0/o/1/l/i: a slip is read from paper and typed on a school computer.
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
USERNAME_MAX = 150


def one_time_password() -> str:
    """A random password in three groups of four (about 59 bits), easy to copy from a printed slip."""
    return "-".join("".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(4)) for _ in range(3))


def open_signup_enabled() -> bool:
    return bool(getattr(settings, "WINTERWAR_OPEN_SIGNUP", False))


@dataclass(frozen=True)
class SignupResult:
    user: User
    classroom: Classroom | None


@transaction.atomic
def student_signup(
    *, code: str | None, username: str, password: str, first_name: str, last_name: str, email: str = ""
) -> SignupResult:
    """Create a student account (and enrol it in the class with ``code``).

    Without a code, only when the deployment allows open sign-up. Two people taking the same username at the same
    moment: the second gets ``USERNAME_TAKEN``, and nothing of theirs is written.
    """
    classroom = classroom_by_code(code) if code else None
    if classroom is None and not open_signup_enabled():
        raise ServiceError(Code.SIGNUP_CLOSED)
    user = User(username=username, first_name=first_name, last_name=last_name, email=email)
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as exc:
        raise ServiceError(Code.USERNAME_TAKEN) from exc
    if classroom is not None:
        Enrollment.objects.create(classroom=classroom, student=user)
    record(AccountEventKind.ACCOUNT_CREATED, user=user)
    return SignupResult(user=user, classroom=classroom)


# ---------------------------------------------------------------------------------------------------------------------
# Teachers adding students


class Action:
    CREATE = "create"  # a new account, with a one-time password
    ENROL = "enrol"  # an existing account of the teacher's, enrolled in this class
    ALREADY = "already"  # already in this class: nothing to do


@dataclass(frozen=True)
class PlannedRow:
    row: RosterRow
    action: str
    username: str
    user_id: int | None = None


@dataclass(frozen=True)
class Slip:
    """A login slip: shown once, never stored (the password is only in this object)."""

    name: str
    username: str
    password: str | None  # None: an existing account, which keeps its password
    action: str


def _ascii_slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "", text)


def _username_base(row: RosterRow) -> str:
    first = _ascii_slug(row.first_name.split()[0]) if row.first_name.split() else ""
    last = _ascii_slug(row.last_name.split()[0]) if row.last_name.split() else ""
    base = ".".join(p for p in (first, last) if p) or "estudiante"
    return base[:40]


def _free_username(base: str, taken: set[str]) -> str:
    existing = {
        u.casefold() for u in User.objects.filter(username__istartswith=base).values_list("username", flat=True)
    }
    n = 1
    candidate = base
    while candidate.casefold() in existing or candidate.casefold() in taken:
        n += 1
        candidate = f"{base}{n}"
    return candidate


def roster_plan(*, teacher, classroom: Classroom, rows: list[RosterRow]) -> list[PlannedRow]:
    """What adding these rows to the class would do, row by row; raise ``RosterInvalid`` for rows it cannot do.

    A row with a username that exists is that student (when the teacher may see them); a row without one is matched
    by name among the students of this class (a list uploaded twice does not make twins); anyone else is new.
    """
    _check_teaches(teacher=teacher, classroom=classroom)
    given = [r.username for r in rows if r.username]
    existing = {u.username.casefold(): u for u in User.objects.filter(username__in=given)}
    for username in given:  # usernames differing only in case are the same login for a person
        if username.casefold() not in existing:
            found = User.objects.filter(username__iexact=username).first()
            if found is not None:
                existing[username.casefold()] = found
    visible = set(
        visible_students(teacher).filter(pk__in=[u.pk for u in existing.values()]).values_list("pk", flat=True)
    )
    enrolled = {
        name_key(first, last): pk
        for pk, first, last in User.objects.filter(enrollments__classroom=classroom).values_list(
            "pk", "first_name", "last_name"
        )
    }
    enrolled_ids = set(enrolled.values())
    problems: list[RosterProblem] = []
    planned: list[PlannedRow] = []
    taken: set[str] = set()
    for row in rows:
        if row.username:
            user = existing.get(row.username.casefold())
            if user is None:
                taken.add(row.username.casefold())
                planned.append(PlannedRow(row, Action.CREATE, row.username))
            elif user.is_staff or user.is_superuser:
                problems.append(RosterProblem(row.line, f"«{row.username}»: {Code.ROSTER_STAFF.label}"))
            elif user.pk not in visible:
                problems.append(RosterProblem(row.line, f"«{row.username}»: {Code.ROSTER_USERNAME_ELSEWHERE.label}"))
            else:
                action = Action.ALREADY if user.pk in enrolled_ids else Action.ENROL
                planned.append(PlannedRow(row, action, user.username, user.pk))
            continue
        pk = enrolled.get(row.name_key())
        if pk is not None:
            username = User.objects.values_list("username", flat=True).get(pk=pk)
            planned.append(PlannedRow(row, Action.ALREADY, username, pk))
            continue
        planned.append(PlannedRow(row, Action.CREATE, ""))
    if problems:
        raise RosterInvalid(problems)
    # Generated usernames last, so that they avoid every username the list gives.
    result = []
    for item in planned:
        if item.action == Action.CREATE and not item.username:
            username = _free_username(_username_base(item.row), taken)
            taken.add(username.casefold())
            item = PlannedRow(item.row, Action.CREATE, username)
        result.append(item)
    return result


@transaction.atomic
def roster_add(*, teacher, classroom: Classroom, rows: list[RosterRow]) -> list[Slip]:
    """Create and enrol the students of a list, all or nothing; return one login slip per row.

    The plan is made again inside the transaction, with the class locked, so that two uploads at once cannot both
    create the same accounts; a username someone else took in the meantime refuses the whole list.
    """
    Classroom.objects.select_for_update().filter(pk=classroom.pk).exists()
    planned = roster_plan(teacher=teacher, classroom=classroom, rows=rows)
    slips: list[Slip] = []
    created: list[User] = []
    try:
        with transaction.atomic():
            for item in planned:
                row = item.row
                if item.action == Action.CREATE:
                    password = one_time_password()
                    user = User(
                        username=item.username,
                        first_name=row.first_name,
                        last_name=row.last_name,
                        email=row.email,
                        must_change_password=True,
                        created_by=teacher,
                    )
                    user.set_password(password)
                    user.save()
                    created.append(user)
                    Enrollment.objects.create(classroom=classroom, student=user)
                    slips.append(Slip(row.full_name, user.username, password, item.action))
                elif item.action == Action.ENROL:
                    Enrollment.objects.get_or_create(classroom=classroom, student_id=item.user_id)
                    slips.append(Slip(row.full_name, item.username, None, item.action))
                else:
                    slips.append(Slip(row.full_name, item.username, None, item.action))
    except IntegrityError as exc:
        raise ServiceError(Code.USERNAME_TAKEN) from exc
    record_created(created, actor=teacher)
    return slips


@transaction.atomic
def student_password_reset(*, teacher, classroom: Classroom, student: User) -> Slip:
    """Give a student of the teacher's class a new one-time password.

    Changing the password ends every session the student has open (Django checks the password hash on each
    request), so a classmate who knew the old one is logged out too.
    """
    _check_teaches(teacher=teacher, classroom=classroom)
    if not Enrollment.objects.filter(classroom=classroom, student=student).exists():
        raise ServiceError(Code.NOT_ENROLLED)
    student = User.objects.select_for_update().get(pk=student.pk)
    if student.is_staff or student.is_superuser:
        raise ServiceError(Code.NOT_A_STUDENT)
    password = one_time_password()
    student.set_password(password)
    student.must_change_password = True
    student.save(update_fields=["password", "must_change_password"])
    record(AccountEventKind.PASSWORD_RESET_BY_TEACHER, user=student, actor=teacher)
    return Slip(student.get_full_name() or student.username, student.username, password, Action.CREATE)


def password_chosen(user: User) -> None:
    """The user has set a password of their own: it is no longer provisional."""
    if user.must_change_password:
        User.objects.filter(pk=user.pk).update(must_change_password=False)
        user.must_change_password = False


def language_chosen(user: User, language: str) -> None:
    """Save the interface language the user chose with the menu's switch (one of settings.LANGUAGES; else nothing)."""
    if language in dict(settings.LANGUAGES) and user.language != language:
        User.objects.filter(pk=user.pk).update(language=language)
        user.language = language
