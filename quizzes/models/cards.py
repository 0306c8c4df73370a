"""Flashcards and their spaced-repetition state per student (FSRS fields, see domain/scheduling.py)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from .content import Document, Fact, Origin, Sentence


class Flashcard(models.Model):
    """A card: one per fact (generated) or written by a teacher."""

    document = models.ForeignKey(
        Document, verbose_name=_("documento"), on_delete=models.CASCADE, related_name="flashcards"
    )
    fact = models.OneToOneField(
        Fact, verbose_name=_("hecho"), on_delete=models.SET_NULL, null=True, blank=True, related_name="flashcard"
    )
    sentence = models.ForeignKey(
        Sentence,
        verbose_name=_("oración de origen"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="flashcards",
        help_text=_("El reverso enlaza con ella en el lector del documento."),
    )
    front = models.TextField(_("anverso"), help_text=_("La pregunta o el hueco que se muestra primero."))
    back = models.TextField(
        _("reverso"), help_text=_("La respuesta (en el modo «escribir la respuesta» se compara con ella).")
    )
    answer_key = models.JSONField(
        _("clave de la respuesta escrita"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_(
            "Lo que el modo «escribir la respuesta» acepta además del reverso, copiado de la pregunta de la que sale "
            "la tarjeta: sus respuestas aceptadas o su valor numérico con su tolerancia."
        ),
    )
    context = models.TextField(
        _("contexto"), blank=True, help_text=_("Se muestra bajo la respuesta; en las tarjetas generadas, la oración.")
    )
    origin = models.CharField(_("origen"), max_length=20, choices=Origin.choices, default=Origin.AUTHORED)
    is_active = models.BooleanField(_("activa"), default=True)
    created_at = models.DateTimeField(_("creada"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modificada"), auto_now=True)
    anki_key = models.CharField(
        _("clave de Anki"),
        max_length=200,
        blank=True,
        default="",
        editable=False,
        help_text=_("La nota de Anki de la que viene (GUID y número de tarjeta): al reimportar se actualiza."),
    )

    class Meta:
        verbose_name = _("tarjeta")
        verbose_name_plural = _("tarjetas")
        ordering = ["document", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(front=""), name="flashcard_front_not_empty"),
            models.CheckConstraint(condition=~Q(back=""), name="flashcard_back_not_empty"),
            models.UniqueConstraint(
                fields=["document", "anki_key"], condition=~Q(anki_key=""), name="flashcard_unique_anki_key"
            ),
        ]

    def __str__(self) -> str:
        return Truncator(self.front).chars(80)

    @property
    def full_back(self) -> str:
        """Return the answer followed by its context (for exports to other tools)."""
        return f"{self.back}\n\n{self.context}" if self.context else self.back


class CardState(models.IntegerChoices):
    # py-fsrs 6 uses Learning=1, Review=2, Relearning=3; 0 is "new" (never reviewed).
    NEW = 0, _("Nueva")
    LEARNING = 1, _("Aprendiendo")
    REVIEW = 2, _("Repaso")
    RELEARNING = 3, _("Reaprendiendo")


class StudentCard(models.Model):
    """A student's FSRS memory state for one card (the fields of py-fsrs's Card)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("estudiante"), on_delete=models.CASCADE, related_name="cards"
    )
    card = models.ForeignKey(
        Flashcard, verbose_name=_("tarjeta"), on_delete=models.CASCADE, related_name="student_cards"
    )
    state = models.PositiveSmallIntegerField(_("estado"), choices=CardState.choices, default=CardState.NEW)
    step = models.PositiveSmallIntegerField(_("paso"), null=True, blank=True)
    stability = models.FloatField(_("estabilidad"), null=True, blank=True)
    difficulty = models.FloatField(_("dificultad"), null=True, blank=True)
    due = models.DateTimeField(_("vence"))
    last_review = models.DateTimeField(_("último repaso"), null=True, blank=True)
    reps = models.PositiveIntegerField(_("repasos"), default=0)
    lapses = models.PositiveIntegerField(_("fallos"), default=0)
    is_leech = models.BooleanField(_("sanguijuela"), default=False, help_text=_("Falla una y otra vez (8 fallos)."))

    class Meta:
        verbose_name = _("tarjeta del estudiante")
        verbose_name_plural = _("tarjetas de los estudiantes")
        constraints = [
            models.UniqueConstraint(fields=["user", "card"], name="studentcard_unique"),
            models.CheckConstraint(condition=Q(state__in=CardState.values), name="studentcard_state_valid"),
            models.CheckConstraint(
                condition=Q(difficulty__isnull=True) | Q(difficulty__gte=1, difficulty__lte=10),
                name="studentcard_difficulty_range",
            ),
            # A new card has never been reviewed; a started one has FSRS memory (see domain/scheduling.py).
            models.CheckConstraint(
                condition=~Q(state=0) | Q(last_review__isnull=True, stability__isnull=True, reps=0),
                name="studentcard_new_is_unreviewed",
            ),
            models.CheckConstraint(
                condition=Q(state=0)
                | Q(last_review__isnull=False, stability__gt=0, difficulty__isnull=False, reps__gte=1),
                name="studentcard_started_has_memory",
            ),
        ]
        indexes = [models.Index(fields=["user", "due"], name="studentcard_user_due")]

    def __str__(self) -> str:
        return f"{self.user} · {self.card}"


class ReviewSource(models.TextChoices):
    REVIEW = "review", _("Repaso")
    QUIZ = "quiz", _("Cuestionario")


class Review(models.Model):
    """One rating of a card by a student (the review log)."""

    student_card = models.ForeignKey(
        StudentCard, verbose_name=_("tarjeta del estudiante"), on_delete=models.CASCADE, related_name="reviews"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("estudiante"), on_delete=models.CASCADE, related_name="reviews"
    )
    rating = models.PositiveSmallIntegerField(_("valoración"))
    reviewed_at = models.DateTimeField(_("repasada"))
    duration_ms = models.PositiveIntegerField(_("duración (ms)"), null=True, blank=True)
    state_before = models.PositiveSmallIntegerField(_("estado antes"), choices=CardState.choices)
    interval_before = models.DurationField(_("intervalo antes"), null=True, blank=True)
    interval_after = models.DurationField(_("intervalo después"))
    source = models.CharField(_("origen"), max_length=10, choices=ReviewSource.choices, default=ReviewSource.REVIEW)
    token = models.CharField(
        _("token de idempotencia"),
        max_length=64,
        null=True,
        blank=True,
        unique=True,
        help_text=_("Evita registrar dos veces el mismo envío."),
    )

    class Meta:
        verbose_name = _("repaso")
        verbose_name_plural = _("repasos")
        ordering = ["-reviewed_at"]
        constraints = [
            models.CheckConstraint(condition=Q(rating__gte=1, rating__lte=4), name="review_rating_range"),
            models.CheckConstraint(condition=Q(source__in=ReviewSource.values), name="review_source_valid"),
        ]
        indexes = [models.Index(fields=["user", "reviewed_at"], name="review_user_time")]

    def __str__(self) -> str:
        return f"{self.user} · {self.rating} · {self.reviewed_at:%Y-%m-%d %H:%M}"
