"""Regrade: after a teacher edits a question's answer key, points or tolerance, grade its saved answers again.

As Moodle's «regrade attempts»: a dry run first says whose score changes and by how much; applying it rewrites the
responses and the attempts' scores under each attempt's row lock, and the admin logs every regrade. The quiz's own
points for the question (QuizItem.points) become the response's maximum again, so a change of points counts too.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from ..domain import grading
from ..models import AcceptedAnswer, Attempt, Choice, Question, QuizItem, Response
from . import invalidation
from .attempts import _fraction, _points, answer_key
from .errors import Code, ServiceError


@dataclass(frozen=True)
class RegradeChange:
    attempt_id: int
    student: str
    quiz: str
    number: int
    old_percent: float
    new_percent: float
    old_passed: bool
    new_passed: bool

    @property
    def delta(self) -> float:
        return round(self.new_percent - self.old_percent, 3)


def _percent(score: Decimal, max_score: Decimal) -> float:
    return max(0.0, min(100.0, round(float(score / max_score * 100), 3))) if max_score else 0.0


def _regraded(attempt: Attempt, questions: dict[int, Question], points: dict[tuple[int, int], Decimal]):
    """Return (responses with new fraction/points, new score, new max) for one attempt, without saving."""
    responses = list(attempt.responses.all())
    for response in responses:
        question = questions.get(response.question_id)
        if question is None or response.overridden_at is not None:
            continue  # another question, or a mark the teacher set by hand: kept
        key = answer_key(question, list(question.choices.all()), list(question.accepted_answers.all()))
        response.max_points = points.get((attempt.quiz_id, response.question_id), response.max_points)
        response.fraction = _fraction(grading.grade(key, response.answer)) if response.is_answered else 0.0
        response.points = _points(response.fraction, response.max_points)
    score = sum((r.points or Decimal("0") for r in responses), Decimal("0"))
    max_score = sum((r.max_points for r in responses), Decimal("0"))
    return responses, score, max_score


def _attempts_with(question_ids: list[int]):
    return (
        Attempt.objects.submitted()
        .filter(responses__question_id__in=question_ids)
        .distinct()
        .select_related("quiz", "user")
        .prefetch_related("responses")
        .order_by("quiz_id", "user_id", "number")
    )


def _questions(question_ids: list[int]) -> dict[int, Question]:
    return {
        q.pk: q
        for q in Question.objects.filter(pk__in=question_ids).prefetch_related(
            Prefetch("choices", queryset=Choice.objects.all()),
            Prefetch("accepted_answers", queryset=AcceptedAnswer.objects.all()),
        )
    }


def _item_points(question_ids: list[int]) -> dict[tuple[int, int], Decimal]:
    rows = QuizItem.objects.filter(question_id__in=question_ids).values_list("quiz_id", "question_id", "points")
    return {(quiz_id, question_id): points for quiz_id, question_id, points in rows}


def regrade_questions(*, question_ids: list[int], apply: bool = False) -> list[RegradeChange]:
    """Grade again the submitted answers to these questions; return the attempts whose score changes.

    With ``apply=False`` (the dry run) nothing is written. With ``apply=True`` each changed attempt is rewritten in
    its own transaction under its row lock (a student submitting meanwhile waits).
    """
    question_ids = list(question_ids)
    questions, points = _questions(question_ids), _item_points(question_ids)
    changes = []
    for attempt in _attempts_with(question_ids):
        responses, score, max_score = _regraded(attempt, questions, points)
        percent = _percent(score, max_score)
        passed = Decimal(str(percent)) >= attempt.quiz.pass_mark
        if score == attempt.score and max_score == attempt.max_score and passed == attempt.passed:
            continue
        changes.append(
            RegradeChange(
                attempt_id=attempt.pk,
                student=str(attempt.user),
                quiz=str(attempt.quiz),
                number=attempt.number,
                old_percent=attempt.percent or 0.0,
                new_percent=percent,
                old_passed=bool(attempt.passed),
                new_passed=passed,
            )
        )
        if apply:
            with transaction.atomic():
                Attempt.objects.select_for_update().filter(pk=attempt.pk).first()
                Response.objects.bulk_update(responses, ["fraction", "points", "max_points"])
                Attempt.objects.filter(pk=attempt.pk).update(
                    score=score, max_score=max_score, percent=percent, passed=passed
                )
                invalidation.changed(user_ids=[attempt.user_id])  # an update sends no signal
    return changes


def response_override(*, response_id: int, points: Decimal, comment: str, now=None) -> Attempt:
    """Set a teacher's mark for one response of a submitted attempt, with a comment the student sees.

    The attempt's score, percent and pass are computed again under its row lock. Raises ServiceError
    (OVERRIDE_INVALID) for points outside 0..max or an attempt still in progress.
    """
    now = now or timezone.now()
    with transaction.atomic():
        response = Response.objects.select_related("attempt__quiz").get(pk=response_id)
        attempt = Attempt.objects.select_for_update(of=("self",)).select_related("quiz").get(pk=response.attempt_id)
        if not attempt.is_submitted:
            raise ServiceError(Code.OVERRIDE_INVALID, _("Solo se puede cambiar la nota de un intento entregado."))
        if points is None or not Decimal("0") <= points <= response.max_points:
            raise ServiceError(
                Code.OVERRIDE_INVALID,
                _("La nota debe estar entre 0 y %(max)s.") % {"max": response.max_points.normalize()},
            )
        response.points = points.quantize(Decimal("0.001"))
        response.fraction = _fraction(float(points / response.max_points)) if response.max_points else 0.0
        response.teacher_comment = (comment or "").strip()[:2000]
        response.overridden_at = now
        response.save(update_fields=["points", "fraction", "teacher_comment", "overridden_at"])
        responses = list(attempt.responses.all())
        score = sum((r.points or Decimal("0") for r in responses), Decimal("0"))
        attempt.score, attempt.percent = score, _percent(score, attempt.max_score)
        attempt.passed = Decimal(str(attempt.percent)) >= attempt.quiz.pass_mark
        attempt.save(update_fields=["score", "percent", "passed"])
    return attempt
