"""Classrooms, enrollments and assignments."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .quizzes import Quiz

# No 0/O/1/I/L: codes are read aloud and copied from a projector.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 8


def new_join_code() -> str:
    """Return a fresh random join code."""
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


class ClassroomQuerySet(models.QuerySet):
    def active(self):
        """Return the classes that are not archived."""
        return self.filter(is_archived=False)

    def for_student(self, user):
        """Return the active classes this student is enrolled in."""
        return self.active().filter(enrollments__student=user)

    def taught_by(self, user):
        """Return the classes this user may follow: the ones they teach (a superuser: all)."""
        if user.is_superuser:
            return self
        return self.filter(teachers=user)


class Classroom(models.Model):
    """A class: its teachers, its students (through enrollments) and a join code."""

    name = models.CharField(_("nombre"), max_length=200)
    join_code = models.CharField(
        _("código de acceso"),
        max_length=16,
        unique=True,
        default=new_join_code,
        help_text=_("Los estudiantes se unen a la clase con este código."),
    )
    teachers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("docentes"), related_name="classrooms_taught", blank=True
    )
    students = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("estudiantes"),
        through="Enrollment",
        related_name="classrooms",
        blank=True,
    )
    is_archived = models.BooleanField(_("archivada"), default=False)
    created_at = models.DateTimeField(_("creada"), auto_now_add=True)

    objects = ClassroomQuerySet.as_manager()

    class Meta:
        verbose_name = _("clase")
        verbose_name_plural = _("clases")
        ordering = ["name"]
        constraints = [models.CheckConstraint(condition=~Q(name=""), name="classroom_name_not_empty")]

    def __str__(self) -> str:
        return self.name


class RetiredJoinCode(models.Model):
    """A join code a class used before: kept so that a student who types it is told it was retired."""

    code = models.CharField(_("código"), max_length=16, unique=True)
    classroom = models.ForeignKey(
        Classroom, verbose_name=_("clase"), on_delete=models.CASCADE, related_name="retired_codes"
    )
    retired_at = models.DateTimeField(_("retirado"), auto_now_add=True)

    class Meta:
        verbose_name = _("código retirado")
        verbose_name_plural = _("códigos retirados")
        ordering = ["-retired_at"]

    def __str__(self) -> str:
        return self.code


class Enrollment(models.Model):
    """A student's membership of a classroom."""

    classroom = models.ForeignKey(
        Classroom, verbose_name=_("clase"), on_delete=models.CASCADE, related_name="enrollments"
    )
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("estudiante"), on_delete=models.CASCADE, related_name="enrollments"
    )
    joined_at = models.DateTimeField(_("fecha de ingreso"), auto_now_add=True)

    class Meta:
        verbose_name = _("matrícula")
        verbose_name_plural = _("matrículas")
        ordering = ["classroom", "student__username"]
        constraints = [models.UniqueConstraint(fields=["classroom", "student"], name="enrollment_unique")]

    def __str__(self) -> str:
        return f"{self.student} → {self.classroom}"


class AssignmentQuerySet(models.QuerySet):
    def for_student(self, user):
        """Return the assignments that reach this student through the active classes they are enrolled in."""
        return self.filter(classroom__enrollments__student=user, classroom__is_archived=False)


class Assignment(models.Model):
    """A quiz given to a classroom, with an optional due date and window."""

    classroom = models.ForeignKey(
        Classroom, verbose_name=_("clase"), on_delete=models.CASCADE, related_name="assignments"
    )
    quiz = models.ForeignKey(Quiz, verbose_name=_("cuestionario"), on_delete=models.PROTECT, related_name="assignments")
    due_at = models.DateTimeField(_("fecha de entrega"), null=True, blank=True)
    opens_at = models.DateTimeField(_("se abre"), null=True, blank=True)
    closes_at = models.DateTimeField(_("se cierra"), null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asignado por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assignments_made",
    )
    created_at = models.DateTimeField(_("creada"), auto_now_add=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("asignación")
        verbose_name_plural = _("asignaciones")
        ordering = ["classroom", "due_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["classroom", "quiz"], name="assignment_unique_quiz"),
            models.CheckConstraint(
                condition=Q(opens_at__isnull=True) | Q(closes_at__isnull=True) | Q(closes_at__gt=models.F("opens_at")),
                name="assignment_closes_after_opens",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quiz} → {self.classroom}"
