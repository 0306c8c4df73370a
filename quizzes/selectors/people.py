"""Who a teacher may see: the one rule behind the teacher pages and every admin page.

A teacher sees the students of the classes they teach (archived classes included: their history stays readable),
the student accounts they created or imported, and themselves; a superuser sees everyone. Teachers never see other
teachers' or administrators' accounts.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from ..models import Classroom, Enrollment, User


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
