"""Read-only teacher reports: the class grid, a student's page, item analysis and mastery over the text.

Every report runs a fixed number of queries whatever the class size: the database aggregates (GROUP BY with
Count/Max/Avg/Sum, Subquery), and Python only arranges the aggregated rows. Item analysis follows Moodle's quiz
statistics report ("Quiz statistics calculations"):

- facility index: mean mark on the question / its maximum mark;
- discrimination index: the correlation between the mark on the question and the mark on the rest of the quiz,
  cov(x, X - x) / sqrt(var(x) * var(X - x)) (Moodle multiplies it by 100; we keep -1..1);
- Cronbach's alpha (Moodle's "coefficient of internal consistency"): k / (k - 1) * (1 - sum var(x_i) / var(X)).
Variances are sample variances (n - 1), as in Moodle.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import (
    Avg,
    Count,
    F,
    FloatField,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Cast, Coalesce, Floor, Least, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import (
    Assignment,
    Attempt,
    AttemptState,
    CardState,
    Classroom,
    Document,
    Enrollment,
    Fact,
    QuestionKind,
    Quiz,
    QuizItem,
    Response,
    Review,
    Sentence,
    StudentCard,
    User,
)

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
RETENTION_DAYS = 30
ACTIVITY_DAYS = 7
CHOICE_KINDS = {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.TRUE_FALSE}


def _f(value) -> float:
    return float(value) if value is not None else 0.0


def class_students(classroom: Classroom) -> QuerySet:
    """Return the class's students, in the order every report lists them."""
    return User.objects.filter(enrollments__classroom=classroom).order_by("last_name", "first_name", "username")


def _student_ids(classroom: Classroom) -> QuerySet:
    return Enrollment.objects.filter(classroom=classroom).values("student_id")


# ---------------------------------------------------------------------------------------------- the class grid


class CellStatus:
    DONE = "done"
    DONE_LATE = "done_late"
    IN_PROGRESS = "in_progress"
    LATE = "late"
    NOT_STARTED = "not_started"


CELL_LABELS = {
    CellStatus.DONE: _("Entregado"),
    CellStatus.DONE_LATE: _("Entregado con retraso"),
    CellStatus.IN_PROGRESS: _("En curso"),
    CellStatus.LATE: _("Atrasado"),
    CellStatus.NOT_STARTED: _("Sin empezar"),
}


@dataclass
class Cell:
    best: float | None = None
    attempts: int = 0
    in_progress: bool = False
    status: str = CellStatus.NOT_STARTED

    @property
    def label(self):
        return CELL_LABELS[self.status]

    @property
    def is_late(self) -> bool:
        return self.status in {CellStatus.LATE, CellStatus.DONE_LATE}


@dataclass
class AssignmentSummary:
    assignment: Assignment
    completed: int = 0
    late: int = 0
    average: float | None = None
    completion: float = 0.0

    @property
    def completion_pct(self) -> float:
        return self.completion * 100


@dataclass
class CardActivity:
    reviews_7d: int = 0
    retention: float | None = None  # share of "review" cards remembered (Anki's true retention), last 30 days
    retention_n: int = 0
    leeches: int = 0
    due: int = 0

    @property
    def retention_pct(self) -> float | None:
        return self.retention * 100 if self.retention is not None else None


@dataclass
class GridRow:
    student: User
    cells: list[Cell]
    cards: CardActivity
    average: float | None = None


@dataclass
class ClassGrid:
    classroom: Classroom
    assignments: list[AssignmentSummary]
    rows: list[GridRow]
    cards: CardActivity
    now: datetime


def _cell_status(*, assignment: Assignment, attempts: int, in_progress: bool, first_submitted, now) -> str:
    due = assignment.due_at
    if attempts:
        return CellStatus.DONE_LATE if due and first_submitted and first_submitted > due else CellStatus.DONE
    if due and now > due:
        return CellStatus.LATE
    return CellStatus.IN_PROGRESS if in_progress else CellStatus.NOT_STARTED


def card_activity(*, user_ids, now: datetime) -> dict[int, CardActivity]:
    """Return flashcard activity per student (two grouped queries)."""
    week_ago = now - timedelta(days=ACTIVITY_DAYS)
    month_ago = now - timedelta(days=RETENTION_DAYS)
    mature = Q(reviewed_at__gte=month_ago, state_before=CardState.REVIEW)
    activity: dict[int, CardActivity] = {}
    for row in (
        Review.objects.filter(user_id__in=user_ids, reviewed_at__gte=min(week_ago, month_ago))
        .values("user_id")
        .annotate(
            week=Count("id", filter=Q(reviewed_at__gte=week_ago)),
            mature=Count("id", filter=mature),
            passed=Count("id", filter=mature & Q(rating__gte=2)),
        )
    ):
        act = activity.setdefault(row["user_id"], CardActivity())
        act.reviews_7d = row["week"]
        act.retention_n = row["mature"]
        act.retention = row["passed"] / row["mature"] if row["mature"] else None
    for row in (
        StudentCard.objects.filter(user_id__in=user_ids)
        .values("user_id")
        .annotate(
            leeches=Count("id", filter=Q(is_leech=True)),
            due=Count("id", filter=Q(due__lte=now) & ~Q(state=CardState.NEW)),
        )
    ):
        act = activity.setdefault(row["user_id"], CardActivity())
        act.leeches = row["leeches"]
        act.due = row["due"]
    return activity


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
            user__in=_student_ids(classroom), quiz__in=Assignment.objects.filter(classroom=classroom).values("quiz")
        )
        .values("user_id", "quiz_id")
        .annotate(
            best=Max("percent", filter=Q(state=AttemptState.SUBMITTED)),
            submitted=Count("id", filter=Q(state=AttemptState.SUBMITTED)),
            open=Count("id", filter=Q(state=AttemptState.IN_PROGRESS)),
            first_submitted=Min("submitted_at", filter=Q(state=AttemptState.SUBMITTED)),
        )
    }
    activity = card_activity(user_ids=_student_ids(classroom), now=now)
    summaries = [AssignmentSummary(assignment=a) for a in assignments]
    rows = []
    for student in students:
        cells = []
        for summary in summaries:
            agg = aggregated.get((student.pk, summary.assignment.quiz_id))
            cell = Cell()
            if agg:
                cell.best = agg["best"]
                cell.attempts = agg["submitted"]
                cell.in_progress = bool(agg["open"])
            cell.status = _cell_status(
                assignment=summary.assignment,
                attempts=cell.attempts,
                in_progress=cell.in_progress,
                first_submitted=agg["first_submitted"] if agg else None,
                now=now,
            )
            cells.append(cell)
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
    for i, summary in enumerate(summaries):
        column = [row.cells[i] for row in rows]
        bests = [c.best for c in column if c.best is not None]
        summary.completed = sum(1 for c in column if c.attempts)
        summary.late = sum(1 for c in column if c.is_late)
        summary.average = sum(bests) / len(bests) if bests else None
        summary.completion = summary.completed / n if n else 0.0
    class_cards = CardActivity(
        reviews_7d=sum(r.cards.reviews_7d for r in rows),
        leeches=sum(r.cards.leeches for r in rows),
        due=sum(r.cards.due for r in rows),
    )
    mature = sum(r.cards.retention_n for r in rows)
    if mature:
        passed = sum(round((r.cards.retention or 0) * r.cards.retention_n) for r in rows)
        class_cards.retention, class_cards.retention_n = passed / mature, mature
    return ClassGrid(classroom=classroom, assignments=summaries, rows=rows, cards=class_cards, now=now)


def class_progress(*, classroom: Classroom) -> list[tuple]:
    """Return (day, average percent, submitted attempts) of the class's submitted attempts on assigned quizzes."""
    return [
        (row["day"], row["avg"], row["n"])
        for row in Attempt.objects.filter(
            user__in=_student_ids(classroom),
            quiz__in=Assignment.objects.filter(classroom=classroom).values("quiz"),
            state=AttemptState.SUBMITTED,
        )
        .annotate(day=TruncDate("submitted_at"))
        .values("day")
        .annotate(avg=Avg("percent"), n=Count("id"))
        .order_by("day")
    ]


# ---------------------------------------------------------------------------------------------- a student's page


@dataclass
class StudentReport:
    student: User
    attempts: list
    weakest_facts: list
    leeches: list
    cards: CardActivity
    progress: list  # (datetime, percent, quiz title)


def student_report(*, classroom: Classroom, student: User, now: datetime | None = None) -> StudentReport:
    """Return one student's attempts on the class's quizzes, weakest facts and leeches."""
    now = now or timezone.now()
    quiz_ids = Assignment.objects.filter(classroom=classroom).values("quiz")
    attempts = list(
        Attempt.objects.filter(user=student, quiz__in=quiz_ids).select_related("quiz").order_by("-started_at")
    )
    weakest = list(
        Response.objects.filter(
            attempt__user=student,
            attempt__state=AttemptState.SUBMITTED,
            attempt__quiz__in=quiz_ids,
            question__fact__isnull=False,
        )
        .values("question__fact_id", "question__fact__answer", "question__fact__sentence__text")
        .annotate(accuracy=Avg(Coalesce("fraction", Value(0.0))), n=Count("id"))
        .filter(accuracy__lt=1)
        .order_by("accuracy", "-n", "question__fact_id")[:10]
    )
    leeches = list(
        StudentCard.objects.filter(user=student, is_leech=True).select_related("card").order_by("-lapses")[:20]
    )
    cards = card_activity(user_ids=[student.pk], now=now).get(student.pk, CardActivity())
    progress = [
        (a.submitted_at, a.percent, a.quiz.title)
        for a in sorted(attempts, key=lambda a: a.submitted_at or a.started_at)
        if a.state == AttemptState.SUBMITTED and a.percent is not None
    ]
    return StudentReport(
        student=student, attempts=attempts, weakest_facts=weakest, leeches=leeches, cards=cards, progress=progress
    )


# ---------------------------------------------------------------------------------------------- item analysis


def selected_attempts(*, quiz: Quiz, classroom: Classroom | None = None, which: str = WHICH_FIRST) -> QuerySet:
    """Return the submitted attempts that count: each student's first, each student's best, or all of them."""
    base = Attempt.objects.filter(quiz=quiz, state=AttemptState.SUBMITTED)
    if classroom is not None:
        base = base.filter(user__in=_student_ids(classroom))
    peers = Attempt.objects.filter(user=OuterRef("user"), quiz=quiz, state=AttemptState.SUBMITTED)
    if which == WHICH_FIRST:
        return base.filter(number=Subquery(peers.order_by("number").values("number")[:1]))
    if which == WHICH_BEST:
        return base.filter(pk=Subquery(peers.order_by(F("percent").desc(nulls_last=True), "number").values("pk")[:1]))
    return base


@dataclass
class OptionStat:
    text: str
    is_correct: bool
    count: int = 0
    rate: float = 0.0

    @property
    def rate_pct(self) -> float:
        return self.rate * 100


@dataclass
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

    @property
    def question(self):
        return self.item.question

    @property
    def facility_pct(self) -> float | None:
        return self.facility * 100 if self.facility is not None else None

    @property
    def needs_review(self) -> bool:
        return bool(self.flags)


@dataclass
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

    @property
    def flagged(self) -> list[QuestionStat]:
        return [q for q in self.questions if q.needs_review]


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


def item_analysis(*, quiz: Quiz, classroom: Classroom | None = None, which: str = WHICH_FIRST) -> ItemAnalysis:
    """Return Moodle-style statistics for a quiz over the attempts that count (a fixed number of queries)."""
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
        stat = QuestionStat(item=item)
        agg = per_question.get(item.question_id)
        if agg and agg["n"]:
            n = agg["n"]
            stat.n = n
            maxp = agg["maxp"] or _f(item.points)
            mean_x = _f(agg["sx"]) / n
            stat.facility = mean_x / maxp if maxp else None
            if n > 1:
                var_x = max(0.0, (_f(agg["sxx"]) - n * mean_x * mean_x) / (n - 1))
                cov_xt = (_f(agg["sxt"]) - _f(agg["sx"]) * _f(agg["st"]) / n) / (n - 1)
                var_t = max(0.0, (_f(agg["stt"]) - _f(agg["st"]) ** 2 / n) / (n - 1))
                var_rest = max(0.0, var_t - 2 * cov_xt + var_x)
                stat.sd = math.sqrt(var_x) / maxp if maxp else None
                if var_x > 1e-12 and var_rest > 1e-12:
                    stat.discrimination = max(-1.0, min(1.0, (cov_xt - var_x) / math.sqrt(var_x * var_rest)))
                sum_var += var_x
                k += 1
        _fill_options(stat, picks.get(item.question_id, {}), answered.get(item.question_id, 0))
        if question.kind not in CHOICE_KINDS and item.question_id in free_wrong:
            answer, count = free_wrong[item.question_id]
            stat.top_wrong = _answer_label(question.kind, answer, {c.pk: c.text for c in question.choices.all()})
            stat.top_wrong_count = count
        stat.flags = _flags(stat)
        stats.append(stat)
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
    )


def _fill_options(stat: QuestionStat, counts: dict, answered: int) -> None:
    question = stat.question
    if question.kind == QuestionKind.TRUE_FALSE:
        options = [
            (True, str(_("Verdadero")), question.correct_bool is True),
            (False, str(_("Falso")), question.correct_bool is False),
        ]
    elif question.kind in CHOICE_KINDS:
        options = [(c.pk, c.text, c.is_correct) for c in question.choices.all()]
    else:
        return
    for key, text, correct in options:
        count = counts.get(key, 0)
        stat.options.append(
            OptionStat(text=text, is_correct=correct, count=count, rate=count / answered if answered else 0)
        )
    wrong = [o for o in stat.options if not o.is_correct and o.count]
    right = [o for o in stat.options if o.is_correct]
    if wrong:
        top = max(wrong, key=lambda o: o.count)
        stat.top_wrong, stat.top_wrong_count = top.text, top.count
        # "A wrong option chosen more often than the right one" (for several right ones: than the least chosen).
        stat.wrong_beats_right = bool(right) and top.count > min(o.count for o in right)


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


# ---------------------------------------------------------------------------------------------- mastery over the text


def class_documents(*, classroom: Classroom) -> list[Document]:
    """Return the documents the class's assigned quizzes ask about."""
    quiz_ids = Assignment.objects.filter(classroom=classroom).values("quiz")
    return list(
        Document.objects.filter(Q(quizzes__in=quiz_ids) | Q(questions__quiz_items__quiz__in=quiz_ids))
        .distinct()
        .order_by("title")
    )


@dataclass
class Accuracy:
    """A share of marks earned (0..1, None when nothing was answered) and how many answers it rests on."""

    value: float | None
    n: int = 0

    @property
    def pct(self) -> float | None:
        return self.value * 100 if self.value is not None else None

    @property
    def level(self) -> str:
        """Return a shading class suffix: "none", or 0..4 from weakest to mastered."""
        if self.value is None:
            return "none"
        return str(min(4, int(self.value * 5)))


@dataclass
class SentenceMastery:
    sentence: Sentence
    accuracy: Accuracy


@dataclass
class Mastery:
    document: Document
    sentences: list[SentenceMastery]
    facts: list[Fact]
    rows: list[tuple[User, list[Accuracy]]]
    fact_accuracy: list[Accuracy]


def _class_responses(classroom: Classroom, document: Document) -> QuerySet:
    return Response.objects.filter(
        attempt__user__in=_student_ids(classroom),
        attempt__state=AttemptState.SUBMITTED,
        attempt__quiz__in=Assignment.objects.filter(classroom=classroom).values("quiz"),
    ).filter(Q(question__document=document) | Q(question__fact__document=document))


def mastery(*, classroom: Classroom, document: Document) -> Mastery:
    """Return the class's accuracy per sentence of a document and a students × facts grid."""
    responses = _class_responses(classroom, document)
    accuracy = Avg(Coalesce("fraction", Value(0.0)))
    by_sentence = {
        row["sid"]: row
        for row in responses.annotate(sid=Coalesce("question__sentence_id", "question__fact__sentence_id"))
        .filter(sid__isnull=False)
        .values("sid")
        .annotate(acc=accuracy, n=Count("id"))
    }
    sentences = [
        SentenceMastery(
            sentence=s, accuracy=Accuracy(by_sentence.get(s.pk, {}).get("acc"), by_sentence.get(s.pk, {}).get("n", 0))
        )
        for s in Sentence.objects.filter(document=document).order_by("index")
    ]
    cells = {
        (row["attempt__user_id"], row["question__fact_id"]): Accuracy(row["acc"], row["n"])
        for row in responses.filter(question__fact__isnull=False)
        .values("attempt__user_id", "question__fact_id")
        .annotate(acc=accuracy, n=Count("id"))
    }
    fact_ids = {fid for _uid, fid in cells}
    facts = list(Fact.objects.filter(pk__in=fact_ids).select_related("sentence").order_by("start"))
    students = list(class_students(classroom))
    rows = [(s, [cells.get((s.pk, f.pk)) or Accuracy(None) for f in facts]) for s in students]
    fact_accuracy = []
    for i, _fact in enumerate(facts):
        column = [r[1][i] for r in rows if r[1][i].value is not None]
        n = sum(a.n for a in column)
        fact_accuracy.append(Accuracy(sum(a.value * a.n for a in column) / n if n else None, n))
    return Mastery(document=document, sentences=sentences, facts=facts, rows=rows, fact_accuracy=fact_accuracy)
