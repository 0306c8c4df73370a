"""Quizzes: ordered questions with points and the settings that govern attempts."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .content import Document, PublishableQuerySet, Question, Status


class GradingMethod(models.TextChoices):
    HIGHEST = "highest", _("Calificación más alta")
    LAST = "last", _("Último intento")
    FIRST = "first", _("Primer intento")
    AVERAGE = "average", _("Promedio de intentos")


class FeedbackTiming(models.TextChoices):
    IMMEDIATE = "immediate", _("Después de cada pregunta")
    AFTER_SUBMIT = "after_submit", _("Al entregar el intento")
    AFTER_CLOSE = "after_close", _("Cuando se cierre el cuestionario")


class QuizQuerySet(PublishableQuerySet):
    def open_now(self, now=None):
        now = now or timezone.now()
        return (
            self.published()
            .filter(Q(opens_at__isnull=True) | Q(opens_at__lte=now))
            .filter(Q(closes_at__isnull=True) | Q(closes_at__gt=now))
        )


class Quiz(models.Model):
    """A set of questions taken in attempts, with Moodle-like settings."""

    title = models.CharField(_("título"), max_length=200)
    description = models.TextField(_("descripción"), blank=True)
    document = models.ForeignKey(
        Document, verbose_name=_("documento"), on_delete=models.PROTECT, null=True, blank=True, related_name="quizzes"
    )
    status = models.CharField(_("estado"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    questions = models.ManyToManyField(
        Question, through="QuizItem", related_name="quizzes", verbose_name=_("preguntas")
    )
    time_limit_minutes = models.PositiveIntegerField(
        _("límite de tiempo (minutos)"), null=True, blank=True, help_text=_("Vacío: sin límite de tiempo.")
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("intentos permitidos"), default=0, help_text=_("0 significa intentos ilimitados.")
    )
    grading_method = models.CharField(
        _("método de calificación"), max_length=20, choices=GradingMethod.choices, default=GradingMethod.HIGHEST
    )
    shuffle_questions = models.BooleanField(_("barajar preguntas"), default=False)
    shuffle_choices = models.BooleanField(_("barajar opciones"), default=True)
    questions_per_attempt = models.PositiveSmallIntegerField(
        _("preguntas por intento"),
        null=True,
        blank=True,
        help_text=_("Vacío: todas. Si se indica, cada intento toma ese número de preguntas al azar."),
    )
    pass_mark = models.DecimalField(
        _("nota para aprobar (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("50"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    feedback_timing = models.CharField(
        _("cuándo mostrar la corrección"),
        max_length=20,
        choices=FeedbackTiming.choices,
        default=FeedbackTiming.AFTER_SUBMIT,
    )
    opens_at = models.DateTimeField(_("se abre"), null=True, blank=True)
    closes_at = models.DateTimeField(_("se cierra"), null=True, blank=True)
    closed_book = models.BooleanField(
        _("a libro cerrado"),
        default=False,
        help_text=_(
            "Mientras un estudiante tiene un intento abierto, no puede leer el documento del cuestionario ni repasar "
            "sus tarjetas. Déjelo desmarcado en los cuestionarios de práctica."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("creado por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quizzes_created",
    )
    created_at = models.DateTimeField(_("creado"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modificado"), auto_now=True)

    objects = QuizQuerySet.as_manager()

    class Meta:
        verbose_name = _("cuestionario")
        verbose_name_plural = _("cuestionarios")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["title"], name="quiz_unique_title"),
            models.CheckConstraint(condition=~Q(title=""), name="quiz_title_not_empty"),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="quiz_status_valid"),
            models.CheckConstraint(condition=Q(pass_mark__gte=0, pass_mark__lte=100), name="quiz_pass_mark_range"),
            models.CheckConstraint(
                condition=Q(grading_method__in=GradingMethod.values), name="quiz_grading_method_valid"
            ),
            models.CheckConstraint(
                condition=Q(feedback_timing__in=FeedbackTiming.values), name="quiz_feedback_timing_valid"
            ),
            models.CheckConstraint(
                condition=Q(opens_at__isnull=True) | Q(closes_at__isnull=True) | Q(closes_at__gt=models.F("opens_at")),
                name="quiz_closes_after_opens",
            ),
            models.CheckConstraint(
                condition=Q(time_limit_minutes__isnull=True) | Q(time_limit_minutes__gt=0),
                name="quiz_time_limit_positive",
            ),
            models.CheckConstraint(
                condition=Q(questions_per_attempt__isnull=True) | Q(questions_per_attempt__gt=0),
                name="quiz_questions_per_attempt_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("quizzes:quiz_detail", args=[self.pk])

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return (self.opens_at is None or self.opens_at <= now) and (self.closes_at is None or now < self.closes_at)


class QuizItemQuerySet(models.QuerySet):
    def published(self):
        """Return the items whose question is published (the ones an attempt draws from)."""
        return self.filter(question__status=Status.PUBLISHED)


class QuizItem(models.Model):
    """A question's place and weight in a quiz."""

    quiz = models.ForeignKey(Quiz, verbose_name=_("cuestionario"), on_delete=models.CASCADE, related_name="items")
    question = models.ForeignKey(
        Question, verbose_name=_("pregunta"), on_delete=models.PROTECT, related_name="quiz_items"
    )
    position = models.PositiveIntegerField(_("posición"), default=0)
    points = models.DecimalField(_("puntos"), max_digits=6, decimal_places=2, default=Decimal("1"))

    objects = QuizItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("pregunta del cuestionario")
        verbose_name_plural = _("preguntas del cuestionario")
        ordering = ["quiz", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["quiz", "question"], name="quizitem_unique_question"),
            models.CheckConstraint(condition=Q(points__gt=0), name="quizitem_points_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.quiz} · {self.position}: {self.question}"
