"""A student's "Mi progreso" page: every attempt, per-quiz results and accuracy by kind of fact."""

from django.db.models import Count, Sum

from ..domain import grading
from ..models import Attempt, FactKind, Response


def student_progress(*, user) -> dict:
    """Return "Mi progreso": every attempt, per-quiz best/last/average/grade, the scores over time and accuracy by
    fact kind.

    Four queries whatever the number of attempts.
    """
    attempts = list(Attempt.objects.for_student(user).select_related("quiz").order_by("started_at", "pk"))
    finished = [a for a in attempts if a.is_submitted and a.percent is not None]
    per_quiz: dict[int, dict] = {}
    for attempt in finished:
        row = per_quiz.setdefault(attempt.quiz_id, {"quiz": attempt.quiz, "percents": [], "passed": False})
        row["percents"].append(attempt.percent)
        row["passed"] = row["passed"] or bool(attempt.passed)
    quizzes = []
    for row in per_quiz.values():
        percents = row["percents"]
        row.update(
            n=len(percents),
            best=max(percents),
            last=percents[-1],
            average=sum(percents) / len(percents),
            grade=grading.quiz_grade(percents, row["quiz"].grading_method),
        )
        quizzes.append(row)
    quizzes.sort(key=lambda r: r["quiz"].title)
    kinds = dict(FactKind.choices)
    by_kind = []
    rows = (
        Response.objects.for_student(user)
        .submitted()
        .filter(question__fact__isnull=False)
        .values("question__fact__kind")
        .annotate(n=Count("id"), right=Sum("fraction"))
        .order_by("question__fact__kind")
    )
    for row in rows:
        kind = row["question__fact__kind"]
        accuracy = 100 * (row["right"] or 0) / row["n"] if row["n"] else 0
        by_kind.append({"kind": kind, "label": kinds.get(kind, kind), "n": row["n"], "accuracy": accuracy})
    by_kind.sort(key=lambda r: r["accuracy"])
    return {
        "attempts": list(reversed(attempts)),
        "quiz_rows": quizzes,
        "score_points": [(a.submitted_at, a.percent, a.quiz.title) for a in finished],
        "by_kind": by_kind,
        "n_finished": len(finished),
    }
