"""A student's "Mi progreso" page: every attempt, per-quiz results and accuracy by kind of fact."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Sum

from ..domain import grading
from ..models import Attempt, FactKind, Quiz, Response


@dataclass(frozen=True)
class QuizResult:
    """A student's submitted attempts at one quiz, summed up."""

    quiz: Quiz
    n: int
    best: float
    last: float
    average: float
    grade: float  # by the quiz's grading method
    passed: bool  # some attempt passed


@dataclass(frozen=True)
class KindAccuracy:
    kind: str
    label: str
    n: int  # answers on questions about facts of this kind
    accuracy: float  # percent of marks earned


@dataclass(frozen=True)
class StudentProgress:
    attempts: list[Attempt]  # every attempt, newest first
    quiz_rows: list[QuizResult]  # by quiz title
    by_kind: list[KindAccuracy]  # weakest first
    score_points: list[tuple[datetime, float, str]]  # (submitted at, percent, quiz title), oldest first


def student_progress(*, user) -> StudentProgress:
    """Return "Mi progreso": every attempt, per-quiz best/last/average/grade, the scores over time and accuracy by
    fact kind. Four queries whatever the number of attempts.
    """
    attempts = list(Attempt.objects.for_student(user).select_related("quiz").order_by("started_at", "pk"))
    finished = [a for a in attempts if a.is_submitted and a.percent is not None]
    per_quiz: dict[int, list[Attempt]] = {}
    for attempt in finished:
        per_quiz.setdefault(attempt.quiz_id, []).append(attempt)
    quiz_rows = []
    for done in per_quiz.values():
        quiz, percents = done[0].quiz, [a.percent for a in done]
        quiz_rows.append(
            QuizResult(
                quiz=quiz,
                n=len(percents),
                best=max(percents),
                last=percents[-1],
                average=sum(percents) / len(percents),
                grade=grading.quiz_grade(percents, quiz.grading_method),
                passed=any(bool(a.passed) for a in done),
            )
        )
    quiz_rows.sort(key=lambda r: r.quiz.title)
    kinds = dict(FactKind.choices)
    by_kind = [
        KindAccuracy(
            kind=row["question__fact__kind"],
            label=kinds.get(row["question__fact__kind"], row["question__fact__kind"]),
            n=row["n"],
            accuracy=100 * (row["right"] or 0) / row["n"] if row["n"] else 0,
        )
        for row in Response.objects.for_student(user)
        .submitted()
        .filter(question__fact__isnull=False)
        .values("question__fact__kind")
        .annotate(n=Count("id"), right=Sum("fraction"))
        .order_by("question__fact__kind")
    ]
    by_kind.sort(key=lambda r: r.accuracy)
    return StudentProgress(
        attempts=list(reversed(attempts)),
        quiz_rows=quiz_rows,
        by_kind=by_kind,
        score_points=[(a.submitted_at, a.percent, a.quiz.title) for a in finished],
    )
