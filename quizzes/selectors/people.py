"""Who a teacher may see: the one rule behind the teacher pages and every admin page.

A teacher sees the students of the classes they teach (archived classes included: their history stays readable),
the student accounts they created or imported, and themselves; a superuser sees everyone. Teachers never see other
teachers' or administrators' accounts.
"""

from __future__ import annotations

import functools

from django.db.models import Exists, OuterRef, Q, QuerySet

from ..models import Classroom, Enrollment, User
from . import rows


def teaches_classes(user) -> QuerySet:
    """The classes this user teaches (a superuser: all)."""
    return Classroom.objects.taught_by(user)


def visible_students(user) -> QuerySet:
    """The users this teacher may see and enrol (a superuser: every user; anybody else: none but themselves)."""
    if user.is_superuser:
        return User.objects.all()
    if not getattr(user, "is_teacher", False):
        return User.objects.filter(pk=user.pk)
    in_my_classes = Enrollment.objects.filter(student=OuterRef("pk"), classroom__teachers=user)
    return User.objects.filter(
        Q(pk=user.pk) | (Q(is_staff=False, is_superuser=False) & (Exists(in_my_classes) | Q(created_by=user)))
    )


def visible_student_ids(user) -> QuerySet:
    """The ids of :func:`visible_students`, for ``user__in=`` filters (one subquery, no rows loaded)."""
    return visible_students(user).values("pk")


def is_visible_student(user, student) -> bool:
    return visible_students(user).filter(pk=student.pk).exists()


@functools.cache
def _user_sql() -> tuple[str, rows.Columns]:
    """The user's row by primary key as SQL written once per process, with its columns and their converters."""
    u = rows.Columns(User, "u")
    return f"SELECT {u.sql} FROM {rows.table(User)} u WHERE u.{rows.column(User, 'id')} = %(pk)s", u


def user_by_id(pk: int) -> User | None:
    """Return the user with this primary key, or None: ``User._default_manager.get(pk=pk)`` without the ORM's compiler.

    The session's user is read on every request of a logged-in user; the ORM spent three times the CPU of the read
    itself compiling the same statement each time (tests/selectors/test_user_by_id.py compares the two).
    """
    sql, u = _user_sql()
    found = rows.fetch_one(sql, {"pk": pk})
    return u.instance(found) if found is not None else None
