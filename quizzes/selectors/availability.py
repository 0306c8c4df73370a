"""When a student may take a quiz: the quiz's own window, widened or narrowed by their class assignments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from ..models import Assignment, Attempt, Document, FeedbackTiming, Quiz
from . import summaries

# Answers that arrive this long after the deadline still count (the page auto-submits at zero; the network is slow).
GRACE = timedelta(seconds=15)


@dataclass(frozen=True)
class Availability:
    opens_at: datetime | None
    closes_at: datetime | None
    due_at: datetime | None
    assigned: bool

    def is_open(self, now: datetime) -> bool:
        return (self.opens_at is None or self.opens_at <= now) and (self.closes_at is None or now < self.closes_at)

    def is_closed(self, now: datetime) -> bool:
        return self.closes_at is not None and now >= self.closes_at


def availability_from(*, quiz: Quiz, assignments: list[Assignment]) -> Availability:
    """Combine a quiz's window with its assignments to one student (an assignment's dates override the quiz's)."""
    if not assignments:
        return Availability(opens_at=quiz.opens_at, closes_at=quiz.closes_at, due_at=None, assigned=False)
    opens = [a.opens_at or quiz.opens_at for a in assignments]
    closes = [a.closes_at or quiz.closes_at for a in assignments]
    dues = [a.due_at for a in assignments if a.due_at]
    # A student in two classes gets the more generous of the windows.
    return Availability(
        opens_at=None if None in opens else min(opens),
        closes_at=None if None in closes else max(closes),
        due_at=min(dues) if dues else None,
        assigned=True,
    )


def quiz_availability(*, quiz: Quiz, user) -> Availability:
    """Return when this student may take the quiz (cached per student and quiz until a quiz, an assignment or an
    enrolment changes: read on every question page, answer and autosave; see summaries)."""

    def build() -> Availability:
        return availability_from(quiz=quiz, assignments=list(Assignment.objects.for_student(user).filter(quiz=quiz)))

    user_id = getattr(user, "pk", user)
    return summaries.cached(
        availability_summary(quiz.pk), user_id=user_id, now=timezone.now(), build=build, until=lambda _value: None
    )


def availability_summary(quiz_id: int) -> str:
    """The name of a student's window for a quiz among their summaries (for ``summaries.prefetched``)."""
    return f"availability:{quiz_id}"


def feedback_visible(*, attempt: Attempt, availability: Availability, now: datetime) -> bool:
    """Return True when the right answers and explanations of a finished attempt may be shown."""
    if not attempt.is_finished:
        return False
    if attempt.quiz.feedback_timing == FeedbackTiming.AFTER_CLOSE:
        return availability.is_closed(now)
    return True


def effective_deadline(attempt: Attempt, availability: Availability) -> datetime | None:
    """The earliest of the attempt's time limit and the close time of the quiz or of the student's assignment, now.

    The close time is read again at every request: a teacher who closes a quiz early also ends attempts in progress.
    """
    candidates = [d for d in (attempt.deadline, availability.closes_at) if d is not None]
    return min(candidates, default=None)


def attempt_deadline(attempt: Attempt) -> datetime | None:
    """Return the effective deadline of an attempt (one query: the student's assignments of the quiz)."""
    return effective_deadline(attempt, quiz_availability(quiz=attempt.quiz, user=attempt.user_id))


def is_expired(deadline: datetime | None, now: datetime) -> bool:
    """Return True when a deadline (see ``attempt_deadline``) has passed, grace period included."""
    return deadline is not None and now > deadline + GRACE


def closed_book_documents(*, user, now: datetime) -> QuerySet[Document]:
    """Return the documents closed to a student right now: those of a closed-book quiz they have an attempt open at.

    A quiz's documents are its own and its questions'. An attempt past its time or at a closed quiz no longer counts
    (it is being closed). A lazy queryset: used as a subquery, it adds no query of its own.
    """
    running = (
        Attempt.objects.for_student(user)
        .in_progress()
        .filter(quiz__closed_book=True)
        .filter(Q(deadline__isnull=True) | Q(deadline__gt=now - GRACE))
        .filter(Q(quiz__closes_at__isnull=True) | Q(quiz__closes_at__gt=now - GRACE))
    )
    return Document.objects.filter(
        Exists(running.filter(quiz__document=OuterRef("pk")))
        | Exists(running.filter(quiz__items__question__document=OuterRef("pk")))
    )
