"""Item analysis of a quiz, following Moodle's quiz statistics report ("Quiz statistics calculations"):

- facility index: mean mark on the question / its maximum mark;
- discrimination index: the correlation between the mark on the question and the mark on the rest of the quiz,
  cov(x, X - x) / sqrt(var(x) * var(X - x)) (Moodle multiplies it by 100; we keep -1..1);
- Cronbach's alpha (Moodle's "coefficient of internal consistency"): k / (k - 1) * (1 - sum var(x_i) / var(X)).
Variances are sample variances (n - 1), as in Moodle.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from django.conf import settings
from django.db.models import Avg, Count, F, FloatField, Max, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Cast, Coalesce, Floor, Least
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ...models import (
    Attempt,
    Classroom,
    QuestionKind,
    Quiz,
    QuizItem,
    Response,
)
from .. import summaries
from . import student_ids

# Which attempts count in the item analysis (Moodle offers first / all / highest graded / last).
WHICH_FIRST = "first"
WHICH_ALL = "all"
WHICH_BEST = "best"
WHICH_CHOICES = [
    (WHICH_FIRST, _("Primer intento de cada estudiante")),
    (WHICH_ALL, _("Todos los intentos")),
    (WHICH_BEST, _("Mejor intento de cada estudiante")),
]

FACILITY_HIGH = 0.95
FACILITY_LOW = 0.2
CHOICE_KINDS = {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.TRUE_FALSE}


def _f(value) -> float:
    return float(value) if value is not None else 0.0


def selected_attempts(*, quiz: Quiz, classroom: Classroom | None = None, which: str = WHICH_FIRST) -> QuerySet:
    """Return the submitted attempts that count: each student's first, each student's best, or all of them."""
    base = Attempt.objects.submitted().filter(quiz=quiz)
    if classroom is not None:
        base = base.filter(user__in=student_ids(classroom))
    peers = Attempt.objects.submitted().filter(user=OuterRef("user"), quiz=quiz)
    if which == WHICH_FIRST:
        return base.filter(number=Subquery(peers.order_by("number").values("number")[:1]))
    if which == WHICH_BEST:
        return base.filter(pk=Subquery(peers.order_by(F("percent").desc(nulls_last=True), "number").values("pk")[:1]))
    return base


@dataclass(frozen=True)
class OptionStat:
    text: str
    is_correct: bool
    count: int = 0
    rate: float = 0.0

    @property
    def rate_pct(self) -> float:
        return self.rate * 100


@dataclass(frozen=True)
class QuestionStat:
    item: QuizItem
    n: int = 0
    facility: float | None = None
    sd: float | None = None
    discrimination: float | None = None
    options: list[OptionStat] = field(default_factory=list)
    top_wrong: str | None = None
    top_wrong_count: int = 0
    wrong_beats_right: bool = False
    flags: list = field(default_factory=list)
    min_answers: int = 0  # below this many answers the flags are only a hint (greyed out, not counted)

    @property
    def question(self):
        return self.item.question

    @property
    def reliable(self) -> bool:
        """Whether enough students answered for the statistics to mean something (the setting's minimum)."""
        return self.n >= self.min_answers

    @property
    def facility_pct(self) -> float | None:
        return self.facility * 100 if self.facility is not None else None

    @property
    def needs_review(self) -> bool:
        return bool(self.flags) and self.reliable

    @property
    def tentative(self) -> bool:
        """Flagged on too few answers: shown greyed out, not counted among the questions to review."""
        return bool(self.flags) and not self.reliable


@dataclass(frozen=True)
class ItemAnalysis:
    quiz: Quiz
    which: str
    n_attempts: int
    mean: float | None
    median: float | None
    sd: float | None
    alpha: float | None
    questions: list[QuestionStat]
    histogram: list[int]  # ten bins of percent: 0-9, 10-19, ..., 90-100
    min_answers: int = 0

    @property
    def flagged(self) -> list[QuestionStat]:
        return [q for q in self.questions if q.needs_review]

    @property
    def tentative(self) -> list[QuestionStat]:
        return [q for q in self.questions if q.tentative]


def _answer_label(kind: str, answer, choice_text: dict[int, str]) -> str:
    """Return a readable form of a stored wrong answer (see domain/grading.py for the stored shapes)."""
    if not isinstance(answer, dict):
        return str(answer)
    if kind == QuestionKind.ORDERING:
        return " → ".join(choice_text.get(_int(i), "?") for i in answer.get("order") or [])
    if "text" in answer:
        return str(answer["text"])
    if "value" in answer:
        return str(answer["value"])
    return str(answer)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _chosen_ids(kind: str, answer) -> list:
    """Return the options a stored answer picks: choice ids, or True/False for a true-or-false question."""
    if not isinstance(answer, dict):
        return []
    if kind == QuestionKind.SINGLE_CHOICE:
        value = _int(answer.get("choice"))
        return [value] if value is not None else []
    if kind == QuestionKind.MULTIPLE_CHOICE:
        return [v for v in (_int(c) for c in answer.get("choices") or []) if v is not None]
    if kind == QuestionKind.TRUE_FALSE:
        value = answer.get("value")
        if isinstance(value, str):
            value = {"true": True, "false": False}.get(value.lower())
        return [value] if isinstance(value, bool) else []
    return []


def _median(attempts: QuerySet, n: int) -> float | None:
    if not n:
        return None
    ordered = attempts.order_by("percent").values_list("percent", flat=True)
    if n % 2:
        return ordered[n // 2]
    low, high = list(ordered[n // 2 - 1 : n // 2 + 1])
    return (low + high) / 2


def item_analysis(
    *, quiz: Quiz, classroom: Classroom | None = None, which: str = WHICH_FIRST, min_answers: int | None = None
) -> ItemAnalysis:
    """Return Moodle-style statistics for a quiz over the attempts that count (a fixed number of queries).

    A question is flagged for review only once ``min_answers`` students answered it (the setting
    ``ITEM_ANALYSIS_MIN_ANSWERS``, 30 by default): below that its flags are tentative.
    """
    if min_answers is None:
        min_answers = settings.ITEM_ANALYSIS_MIN_ANSWERS
    if which not in {WHICH_FIRST, WHICH_ALL, WHICH_BEST}:
        which = WHICH_FIRST
    attempts = selected_attempts(quiz=quiz, classroom=classroom, which=which)
    items = list(
        QuizItem.objects.filter(quiz=quiz)
        .select_related("question")
        .prefetch_related("question__choices")
        .order_by("position", "id")
    )
    # Sums rather than StdDev/Variance: SQLite's sample-variance aggregate fails on a single row.
    pct = F("percent")
    score = Cast("score", FloatField())
    totals = attempts.aggregate(
        n=Count("id"),
        mean=Avg("percent"),
        sp=Sum(pct),
        spp=Sum(pct * pct),
        ss=Sum(score),
        sss=Sum(score * score),
    )
    n_attempts = totals["n"]
    sd = var_total = None
    if n_attempts > 1:
        sd = math.sqrt(max(0.0, (_f(totals["spp"]) - _f(totals["sp"]) ** 2 / n_attempts) / (n_attempts - 1)))
        var_total = max(0.0, (_f(totals["sss"]) - _f(totals["ss"]) ** 2 / n_attempts) / (n_attempts - 1))
    median = _median(attempts, n_attempts)
    bins = {
        int(row["bin"]): row["n"]
        for row in attempts.filter(percent__isnull=False)
        .annotate(bin=Least(Floor(F("percent") / 10), Value(9.0)))
        .values("bin")
        .annotate(n=Count("id"))
    }
    histogram = [bins.get(i, 0) for i in range(10)]

    responses = Response.objects.filter(attempt__in=attempts)
    x = Coalesce(Cast("points", FloatField()), Value(0.0))
    total = Cast("attempt__score", FloatField())
    per_question = {
        row["question_id"]: row
        for row in responses.values("question_id").annotate(
            n=Count("id"),
            sx=Sum(x),
            sxx=Sum(x * x),
            sxt=Sum(x * total),
            st=Sum(total),
            stt=Sum(total * total),
            maxp=Max(Cast("max_points", FloatField())),
        )
    }
    kinds = {item.question_id: item.question.kind for item in items}
    choice_qids = [qid for qid, kind in kinds.items() if kind in CHOICE_KINDS]
    picks: dict[int, dict] = {}
    answered: dict[int, int] = {}
    for row in (
        responses.filter(question_id__in=choice_qids, answer__isnull=False)
        .values("question_id", "answer")
        .annotate(n=Count("id"))
    ):
        chosen = _chosen_ids(kinds[row["question_id"]], row["answer"])
        if not chosen:
            continue
        answered[row["question_id"]] = answered.get(row["question_id"], 0) + row["n"]
        counts = picks.setdefault(row["question_id"], {})
        for option in chosen:
            counts[option] = counts.get(option, 0) + row["n"]
    free_wrong: dict[int, tuple[object, int]] = {}
    for row in (
        responses.filter(answer__isnull=False, fraction__lt=1)
        .exclude(question_id__in=choice_qids)
        .values("question_id", "answer")
        .annotate(n=Count("id"))
        .order_by("question_id", "-n")
    ):
        if row["question_id"] not in free_wrong:
            free_wrong[row["question_id"]] = (row["answer"], row["n"])

    stats = []
    sum_var = 0.0
    k = 0
    for item in items:
        question = item.question
        measured: dict = {}  # the QuestionStat fields this question has data for
        agg = per_question.get(item.question_id)
        if agg and agg["n"]:
            n = agg["n"]
            measured["n"] = n
            maxp = agg["maxp"] or _f(item.points)
            mean_x = _f(agg["sx"]) / n
            measured["facility"] = mean_x / maxp if maxp else None
            if n > 1:
                var_x = max(0.0, (_f(agg["sxx"]) - n * mean_x * mean_x) / (n - 1))
                cov_xt = (_f(agg["sxt"]) - _f(agg["sx"]) * _f(agg["st"]) / n) / (n - 1)
                var_t = max(0.0, (_f(agg["stt"]) - _f(agg["st"]) ** 2 / n) / (n - 1))
                var_rest = max(0.0, var_t - 2 * cov_xt + var_x)
                measured["sd"] = math.sqrt(var_x) / maxp if maxp else None
                if var_x > 1e-12 and var_rest > 1e-12:
                    discrimination = (cov_xt - var_x) / math.sqrt(var_x * var_rest)
                    measured["discrimination"] = max(-1.0, min(1.0, discrimination))
                sum_var += var_x
                k += 1
        measured.update(_option_stats(question, picks.get(item.question_id, {}), answered.get(item.question_id, 0)))
        if question.kind not in CHOICE_KINDS and item.question_id in free_wrong:
            answer, count = free_wrong[item.question_id]
            measured["top_wrong"] = _answer_label(question.kind, answer, {c.pk: c.text for c in question.choices.all()})
            measured["top_wrong_count"] = count
        stat = QuestionStat(item=item, **measured)
        stats.append(replace(stat, flags=_flags(stat), min_answers=min_answers))
    alpha = None
    if k > 1 and var_total and var_total > 1e-12:
        alpha = k / (k - 1) * (1 - sum_var / var_total)
    return ItemAnalysis(
        quiz=quiz,
        which=which,
        n_attempts=n_attempts,
        mean=totals["mean"],
        median=median,
        sd=sd,
        alpha=alpha,
        questions=stats,
        histogram=histogram,
        min_answers=min_answers,
    )


def cached_item_analysis(
    *, quiz: Quiz, classroom: Classroom, which: str = WHICH_FIRST, present: Callable[[ItemAnalysis], Any] | None = None
) -> Any:
    """Return ``item_analysis`` of a class, cached until a student of the class, the class or the content changes.

    With the shared cache (``summaries.cached_report``) a second look at the page runs none of its queries; nothing
    in it changes by the clock alone. With ``present`` the cache keeps ``present(analysis)`` instead (the page's
    rendered body, with the analysis).
    """
    if which not in {WHICH_FIRST, WHICH_ALL, WHICH_BEST}:
        which = WHICH_FIRST
    min_answers = settings.ITEM_ANALYSIS_MIN_ANSWERS
    # The key's last part names the entry's shape (``body``: the page's, its analysis a summaries.Pickled since the
    # seventh round), so a process still running the code of before, in a rolling deploy, never reads the new one.
    return summaries.cached_report(
        "items",
        classroom_id=classroom.pk,
        key=f"{quiz.pk}:{which}:{min_answers}:{get_language()}:{'body' if present else ''}",
        now=timezone.now(),
        roster=lambda: student_ids(classroom).values_list("student_id", flat=True),
        build=lambda: (present or (lambda analysis: analysis))(
            item_analysis(quiz=quiz, classroom=classroom, which=which, min_answers=min_answers)
        ),
        until=lambda _analysis: None,
    )


def _option_stats(question, counts: dict, answered: int) -> dict:
    """Return the QuestionStat fields about options: how often each was chosen, the wrong one chosen most."""
    if question.kind == QuestionKind.TRUE_FALSE:
        options = [
            (True, str(_("Verdadero")), question.correct_bool is True),
            (False, str(_("Falso")), question.correct_bool is False),
        ]
    elif question.kind in CHOICE_KINDS:
        options = [(c.pk, c.text, c.is_correct) for c in question.choices.all()]
    else:
        return {}
    stats = [
        OptionStat(
            text=text,
            is_correct=correct,
            count=counts.get(key, 0),
            rate=counts.get(key, 0) / answered if answered else 0,
        )
        for key, text, correct in options
    ]
    found: dict = {"options": stats}
    wrong = [o for o in stats if not o.is_correct and o.count]
    right = [o for o in stats if o.is_correct]
    if wrong:
        top = max(wrong, key=lambda o: o.count)
        found["top_wrong"], found["top_wrong_count"] = top.text, top.count
        # "A wrong option chosen more often than the right one" (for several right ones: than the least chosen).
        found["wrong_beats_right"] = bool(right) and top.count > min(o.count for o in right)
    return found


def _flags(stat: QuestionStat) -> list:
    flags = []
    if stat.n == 0:
        return flags
    if stat.facility is not None and stat.facility > FACILITY_HIGH:
        flags.append(_("Demasiado fácil (facilidad > 95 %)"))
    if stat.facility is not None and stat.facility < FACILITY_LOW:
        flags.append(_("Demasiado difícil (facilidad < 20 %)"))
    if stat.discrimination is not None and stat.discrimination <= 0:
        flags.append(_("No discrimina (índice ≤ 0)"))
    if stat.wrong_beats_right:
        flags.append(_("Una opción incorrecta se elige más que la correcta"))
    return flags
