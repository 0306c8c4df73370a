"""The class page's grid: students × assignments with best score, attempts and lateness, and card activity."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import models
from django.db.models import Avg, Count, Max, Min, Q
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ...models import (
    Assignment,
    Attempt,
    AttemptQuerySet,
    CardState,
    Classroom,
    Review,
    StudentCard,
    User,
)
from .. import summaries
from ..summaries import earliest_after
from . import class_students, student_ids

RETENTION_DAYS = 30
ACTIVITY_DAYS = 7
TICK = timedelta(microseconds=1)  # the clock's resolution in the database


class CellStatus(models.TextChoices):
    DONE = "done", _("Entregado")
    DONE_LATE = "done_late", _("Entregado con retraso")
    IN_PROGRESS = "in_progress", _("En curso")
    LATE = "late", _("Atrasado")
    NOT_STARTED = "not_started", _("Sin empezar")


@dataclass(frozen=True)
class Cell:
    best: float | None = None
    attempts: int = 0
    in_progress: bool = False
    status: CellStatus = CellStatus.NOT_STARTED
    passed: bool | None = None  # the best score against the quiz's pass mark (None: no score yet)

    @property
    def label(self):
        return self.status.label

    @property
    def is_late(self) -> bool:
        return self.status in {CellStatus.LATE, CellStatus.DONE_LATE}


@dataclass(frozen=True)
class AssignmentSummary:
    assignment: Assignment
    completed: int = 0
    late: int = 0
    average: float | None = None
    completion: float = 0.0

    @property
    def completion_pct(self) -> float:
        return self.completion * 100


@dataclass(frozen=True)
class CardActivity:
    reviews_7d: int = 0
    retention: float | None = None  # share of "review" cards remembered (Anki's true retention), last 30 days
    retention_n: int = 0
    leeches: int = 0
    due: int = 0

    @property
    def retention_pct(self) -> float | None:
        return self.retention * 100 if self.retention is not None else None


@dataclass(frozen=True)
class GridRow:
    student: User
    cells: list[Cell]
    cards: CardActivity
    average: float | None = None


@dataclass(frozen=True)
class ClassGrid:
    classroom: Classroom
    assignments: list[AssignmentSummary]
    rows: list[GridRow]
    cards: CardActivity
    now: datetime
    # The next instant the grid changes by the clock alone (a due date passing, a card falling due, a review leaving
    # the 7- or 30-day window); None when nothing will.
    changes_at: datetime | None = None


def _cell_status(*, assignment: Assignment, attempts: int, in_progress: bool, first_submitted, now) -> str:
    due = assignment.due_at
    if attempts:
        return CellStatus.DONE_LATE if due and first_submitted and first_submitted > due else CellStatus.DONE
    if due and now > due:
        return CellStatus.LATE
    return CellStatus.IN_PROGRESS if in_progress else CellStatus.NOT_STARTED


def card_activity(*, user_ids, now: datetime) -> dict[int, CardActivity]:
    """Return flashcard activity per student (two grouped queries)."""
    return _card_activity(user_ids=user_ids, now=now)[0]


def _card_activity(*, user_ids, now: datetime) -> tuple[dict[int, CardActivity], datetime | None]:
    """Return flashcard activity per student, and the next instant it changes by the clock alone (two queries)."""
    week_ago = now - timedelta(days=ACTIVITY_DAYS)
    month_ago = now - timedelta(days=RETENTION_DAYS)
    mature = Q(reviewed_at__gte=month_ago, state_before=CardState.REVIEW)
    reviews, cards, changes = {}, {}, []
    for row in (
        Review.objects.filter(user_id__in=user_ids, reviewed_at__gte=min(week_ago, month_ago))
        .values("user_id")
        .annotate(
            week=Count("id", filter=Q(reviewed_at__gte=week_ago)),
            mature=Count("id", filter=mature),
            passed=Count("id", filter=mature & Q(rating__gte=2)),
            first_week=Min("reviewed_at", filter=Q(reviewed_at__gte=week_ago)),
            first_mature=Min("reviewed_at", filter=mature),
        )
    ):
        # The oldest review in each window leaves it first (once ``now`` is past its day count: one tick later).
        if row["first_week"] is not None:
            changes.append(row["first_week"] + timedelta(days=ACTIVITY_DAYS) + TICK)
        if row["first_mature"] is not None:
            changes.append(row["first_mature"] + timedelta(days=RETENTION_DAYS) + TICK)
        reviews[row["user_id"]] = {
            "reviews_7d": row["week"],
            "retention_n": row["mature"],
            "retention": row["passed"] / row["mature"] if row["mature"] else None,
        }
    for row in (
        StudentCard.objects.filter(user_id__in=user_ids)
        .values("user_id")
        .annotate(
            # Before ``due`` below, which shadows the field's name in the filters after it.
            next_due=Min("due", filter=Q(due__gt=now) & ~Q(state=CardState.NEW)),
            leeches=Count("id", filter=Q(is_leech=True)),
            due=Count("id", filter=Q(due__lte=now) & ~Q(state=CardState.NEW)),
        )
    ):
        cards[row["user_id"]] = {"leeches": row["leeches"], "due": row["due"]}
        changes.append(row["next_due"])
    users = reviews.keys() | cards.keys()
    activity = {uid: CardActivity(**reviews.get(uid, {}), **cards.get(uid, {})) for uid in users}
    return activity, earliest_after(now, changes)


def class_grid(*, classroom: Classroom, now: datetime | None = None) -> ClassGrid:
    """Return students × assignments with best score, attempts and lateness, plus per-assignment summaries."""
    now = now or timezone.now()
    students = list(class_students(classroom))
    assignments = list(
        Assignment.objects.filter(classroom=classroom).select_related("quiz").order_by("due_at", "created_at", "id")
    )
    aggregated = {
        (row["user_id"], row["quiz_id"]): row
        for row in Attempt.objects.filter(
            user__in=student_ids(classroom), quiz__in=Assignment.objects.filter(classroom=classroom).values("quiz")
        )
        .values("user_id", "quiz_id")
        .annotate(
            best=Max("percent", filter=AttemptQuerySet.SUBMITTED),
            submitted=Count("id", filter=AttemptQuerySet.SUBMITTED),
            open=Count("id", filter=AttemptQuerySet.IN_PROGRESS),
            first_submitted=Min("submitted_at", filter=AttemptQuerySet.SUBMITTED),
        )
    }
    activity, changes_at = _card_activity(user_ids=student_ids(classroom), now=now)
    rows = []
    for student in students:
        cells = []
        for assignment in assignments:
            agg = aggregated.get((student.pk, assignment.quiz_id)) or {}
            attempts, in_progress = agg.get("submitted", 0), bool(agg.get("open"))
            status = _cell_status(
                assignment=assignment,
                attempts=attempts,
                in_progress=in_progress,
                first_submitted=agg.get("first_submitted"),
                now=now,
            )
            best = agg.get("best")
            passed = None if best is None else best >= float(assignment.quiz.pass_mark)
            cells.append(Cell(best=best, attempts=attempts, in_progress=in_progress, status=status, passed=passed))
        scored = [c.best for c in cells if c.best is not None]
        rows.append(
            GridRow(
                student=student,
                cells=cells,
                cards=activity.get(student.pk, CardActivity()),
                average=sum(scored) / len(scored) if scored else None,
            )
        )
    n = len(students)
    summaries = []
    for i, assignment in enumerate(assignments):
        column = [row.cells[i] for row in rows]
        bests = [c.best for c in column if c.best is not None]
        completed = sum(1 for c in column if c.attempts)
        summaries.append(
            AssignmentSummary(
                assignment=assignment,
                completed=completed,
                late=sum(1 for c in column if c.is_late),
                average=sum(bests) / len(bests) if bests else None,
                completion=completed / n if n else 0.0,
            )
        )
    mature = sum(r.cards.retention_n for r in rows)
    passed = sum(round((r.cards.retention or 0) * r.cards.retention_n) for r in rows)
    class_cards = CardActivity(
        reviews_7d=sum(r.cards.reviews_7d for r in rows),
        leeches=sum(r.cards.leeches for r in rows),
        due=sum(r.cards.due for r in rows),
        retention=passed / mature if mature else None,
        retention_n=mature,
    )
    # A cell is late once ``now`` is past the due date: one tick after it.
    changes_at = earliest_after(now, [changes_at, *(a.due_at + TICK for a in assignments if a.due_at)])
    return ClassGrid(
        classroom=classroom, assignments=summaries, rows=rows, cards=class_cards, now=now, changes_at=changes_at
    )


def cached_class_report(
    *,
    classroom: Classroom,
    now: datetime | None = None,
    present: Callable[[ClassGrid, list[tuple]], Any] | None = None,
    variant: str = "",
) -> Any:
    """Return the class page's grid and progress (``class_grid``, ``class_progress``), cached while they hold.

    With the shared cache (``summaries.cached_report``) a second look at the page runs none of their queries until a
    student of the class changes something, joins or leaves, the content changes, or the clock moves the grid. With
    ``present`` the cache keeps ``present(grid, progress)`` instead (the page's rendered report, under ``variant``,
    e.g. its language).
    """
    now = now or timezone.now()
    grids: list[ClassGrid] = []

    def build():
        grid = class_grid(classroom=classroom, now=now)
        grids.append(grid)
        progress = class_progress(classroom=classroom)
        return present(grid, progress) if present else (grid, progress)

    return summaries.cached_report(
        "class",
        classroom_id=classroom.pk,
        key=variant,
        now=now,
        roster=lambda: student_ids(classroom).values_list("student_id", flat=True),
        build=build,
        until=lambda _value: grids[0].changes_at,
    )


def class_progress(*, classroom: Classroom) -> list[tuple]:
    """Return (day, average percent, submitted attempts) of the class's submitted attempts on assigned quizzes."""
    return [
        (row["day"], row["avg"], row["n"])
        for row in Attempt.objects.submitted()
        .filter(
            user__in=student_ids(classroom),
            quiz__in=Assignment.objects.filter(classroom=classroom).values("quiz"),
        )
        .annotate(day=TruncDate("submitted_at"))
        .values("day")
        .annotate(avg=Avg("percent"), n=Count("id"))
        .order_by("day")
    ]
