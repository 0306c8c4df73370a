"""Attempts at quizzes and the responses in them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .content import Question
from .quizzes import Quiz


class AttemptState(models.TextChoices):
    IN_PROGRESS = "in_progress", _("En curso")
    SUBMITTED = "submitted", _("Entregado")
    ABANDONED = "abandoned", _("Abandonado")


class AttemptQuerySet(models.QuerySet):
    """The words for attempts: a student's, submitted (graded), in progress, finished (submitted or abandoned)."""

    # The same conditions as Q objects, for aggregates: Count("id", filter=AttemptQuerySet.SUBMITTED).
    SUBMITTED = Q(state=AttemptState.SUBMITTED)
    IN_PROGRESS = Q(state=AttemptState.IN_PROGRESS)

    def for_student(self, user):
        return self.filter(user=user)

    def submitted(self):
        return self.filter(self.SUBMITTED)

    def in_progress(self):
        return self.filter(self.IN_PROGRESS)

    def finished(self):
        """Return the attempts that are over, graded or not (what ``Attempt.is_finished`` says of one)."""
        return self.exclude(self.IN_PROGRESS)


class ResponseQuerySet(models.QuerySet):
    def for_student(self, user):
        return self.filter(attempt__user=user)

    def submitted(self):
        """Return the responses of submitted (graded) attempts."""
        return self.filter(attempt__state=AttemptState.SUBMITTED)


class Attempt(models.Model):
    """One try at a quiz. Its question and option order are fixed when it starts."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("estudiante"), on_delete=models.CASCADE, related_name="attempts"
    )
    quiz = models.ForeignKey(Quiz, verbose_name=_("cuestionario"), on_delete=models.PROTECT, related_name="attempts")
    number = models.PositiveSmallIntegerField(_("número"))
    state = models.CharField(_("estado"), max_length=20, choices=AttemptState.choices, default=AttemptState.IN_PROGRESS)
    started_at = models.DateTimeField(_("empezado"))
    deadline = models.DateTimeField(_("hora límite"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("entregado"), null=True, blank=True)
    # When the answers were fed to the flashcards: at submission, or once the student may see the feedback.
    cards_fed_at = models.DateTimeField(_("tarjetas actualizadas"), null=True, blank=True, editable=False)
    score = models.DecimalField(_("puntuación"), max_digits=8, decimal_places=3, null=True, blank=True)
    max_score = models.DecimalField(_("puntuación máxima"), max_digits=8, decimal_places=3, default=0)
    percent = models.FloatField(_("porcentaje"), null=True, blank=True)
    passed = models.BooleanField(_("aprobado"), null=True, blank=True)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("intento")
        verbose_name_plural = _("intentos")
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "quiz", "number"], name="attempt_unique_number"),
            models.UniqueConstraint(
                fields=["user", "quiz"], condition=Q(state="in_progress"), name="attempt_one_open_per_quiz"
            ),
            models.CheckConstraint(condition=Q(state__in=AttemptState.values), name="attempt_state_valid"),
            models.CheckConstraint(condition=Q(number__gte=1), name="attempt_number_positive"),
            models.CheckConstraint(
                condition=Q(percent__isnull=True) | Q(percent__gte=0, percent__lte=100), name="attempt_percent_range"
            ),
            models.CheckConstraint(
                condition=~Q(state="submitted") | Q(submitted_at__isnull=False, score__isnull=False),
                name="attempt_submitted_is_scored",
            ),
        ]
        indexes = [models.Index(fields=["quiz", "state"], name="attempt_quiz_state")]

    def __str__(self) -> str:
        return f"{self.user} · {self.quiz} · #{self.number}"

    @property
    def is_finished(self) -> bool:
        return self.state != AttemptState.IN_PROGRESS

    @property
    def is_submitted(self) -> bool:
        return self.state == AttemptState.SUBMITTED


class Response(models.Model):
    """The slot of one question in an attempt and the answer given to it (saved as soon as it is given)."""

    attempt = models.ForeignKey(Attempt, verbose_name=_("intento"), on_delete=models.CASCADE, related_name="responses")
    question = models.ForeignKey(
        Question, verbose_name=_("pregunta"), on_delete=models.PROTECT, related_name="responses"
    )
    slot = models.PositiveSmallIntegerField(_("posición"))
    max_points = models.DecimalField(_("puntos posibles"), max_digits=6, decimal_places=2)
    choice_order = models.JSONField(_("orden de opciones"), default=list, blank=True)
    answer = models.JSONField(_("respuesta"), null=True, blank=True)
    fraction = models.FloatField(_("fracción"), null=True, blank=True)
    points = models.DecimalField(_("puntos"), max_digits=6, decimal_places=3, null=True, blank=True)
    sequence = models.PositiveIntegerField(_("secuencia"), default=0, help_text=_("Crece con cada respuesta guardada."))
    answered_at = models.DateTimeField(_("respondida"), null=True, blank=True)
    # A teacher's mark for this one response, with a comment the student sees; a regrade keeps it.
    overridden_at = models.DateTimeField(_("nota cambiada por el docente"), null=True, blank=True, editable=False)
    teacher_comment = models.TextField(_("comentario del docente"), blank=True, max_length=2000)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("respuesta")
        verbose_name_plural = _("respuestas")
        ordering = ["attempt", "slot"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="response_unique_question"),
            models.UniqueConstraint(fields=["attempt", "slot"], name="response_unique_slot"),
            models.CheckConstraint(
                condition=Q(fraction__isnull=True) | Q(fraction__gte=0, fraction__lte=1), name="response_fraction_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.attempt} · {self.slot}"

    @property
    def is_answered(self) -> bool:
        return self.answer is not None
