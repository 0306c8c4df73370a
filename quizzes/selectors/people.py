"""Who a teacher may see: the one rule behind the teacher pages and every admin page.

A teacher sees the students of the classes they teach (archived classes included: their history stays readable),
the student accounts they created or imported, and themselves; a superuser sees everyone. Teachers never see other
teachers' or administrators' accounts.
"""

from __future__ import annotations

import functools

from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef, Q, QuerySet

from ..models import Classroom, Enrollment, User
from ..models.users import TEACHERS_GROUP
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
    """The user's row by primary key as SQL written once per process, with its columns and their converters, and for
    a staff member who is not a superuser whether they are in the Teachers group (``User.is_teacher``'s own query)."""
    u = rows.Columns(User, "u")
    table, col = rows.table, rows.column
    through = User.groups.through
    teaches = (
        f"CASE WHEN u.{col(User, 'is_staff')} AND NOT u.{col(User, 'is_superuser')} THEN EXISTS (SELECT 1 FROM "
        f"{table(through)} ug JOIN {table(Group)} g ON g.{col(Group, 'id')} = ug.{col(through, 'group')} "
        f"WHERE ug.{col(through, 'user')} = u.{col(User, 'id')} AND g.{col(Group, 'name')} = %(teachers)s) END"
    )
    return f"SELECT {u.sql}, {teaches} FROM {table(User)} u WHERE u.{col(User, 'id')} = %(pk)s", u


def user_by_id(pk: int) -> User | None:
    """Return the user with this primary key, or None: ``User._default_manager.get(pk=pk)`` without the ORM's compiler,
    with ``is_teacher`` answered by the same statement.

    The session's user is read on every request of a logged-in user, and a teacher's role on every page (the menu);
    the ORM spent three times the CPU of the read itself compiling the same statement each time, and asked the role
    in a second query (tests/winterwar/test_user_backend.py compares the two).
    """
    sql, u = _user_sql()
    found = rows.fetch_one(sql, {"pk": pk, "teachers": TEACHERS_GROUP})
    if found is None:
        return None
    user = u.instance(found[: len(u)])
    if found[-1] is not None:
        user._is_teacher_cache = bool(found[-1])
    return user


@functools.cache
def _class_taught_sql(*, every_class: bool) -> tuple[str, rows.Columns]:
    """A class by primary key among those a user teaches (a superuser: every class), as SQL written once per process."""
    c = rows.Columns(Classroom, "c")
    table, col = rows.table, rows.column
    through = Classroom.teachers.through
    sql = f"SELECT {c.sql} FROM {table(Classroom)} c WHERE c.{col(Classroom, 'id')} = %(pk)s"
    if not every_class:
        sql += (
            f" AND EXISTS (SELECT 1 FROM {table(through)} t WHERE t.{col(through, 'classroom')} = "
            f"c.{col(Classroom, 'id')} AND t.{col(through, 'user')} = %(user)s)"
        )
    return sql, c


def class_taught(*, user, pk: int) -> Classroom | None:
    """Return the class ``pk`` if this user teaches it (a superuser: any class), else None.

    ``teaches_classes(user).get(pk=pk)`` without the ORM's compiler: every teacher page of a class reads it first
    (tests/selectors/test_teacher_reads.py compares the two).
    """
    sql, c = _class_taught_sql(every_class=user.is_superuser)
    found = rows.fetch_one(sql, {"pk": pk, "user": user.pk})
    return c.instance(found) if found is not None else None
