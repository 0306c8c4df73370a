"""Read-only flashcard queries: which cards a student studies, the review queue, counts and statistics.

The queue and the counts filter on (user, due) first, so they walk the ``studentcard_user_due`` index.
"""

from __future__ import annotations

import contextlib
import functools
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.db import connection
from django.db.models import Case, Count, Exists, IntegerField, Min, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from ..domain import scheduling
from ..models import (
    Assignment,
    Attempt,
    AttemptState,
    CardState,
    Classroom,
    Document,
    Enrollment,
    Flashcard,
    Question,
    Quiz,
    QuizItem,
    Review,
    ReviewSource,
    Status,
    StudentCard,
)
from . import summaries
from .availability import GRACE, closed_book_documents
from .summaries import earliest_after

STARTED = (CardState.LEARNING, CardState.REVIEW, CardState.RELEARNING)
LEARNING_STATES = (CardState.LEARNING, CardState.RELEARNING)
MATURE = timedelta(days=21)  # Anki: a card is "mature" once its interval reaches 21 days
CHART_DAYS = 30


def study_documents(*, user) -> QuerySet[Document]:
    """Return the published documents the student studies.

    Those used by the assignments of their (non-archived) classes, through the quiz's document or its
    questions' documents; all published documents when no class gives them any (e.g. in no class).
    """
    mine = Assignment.objects.for_student(user)
    assigned = Document.objects.filter(is_published=True).filter(
        Exists(mine.filter(quiz__document=OuterRef("pk")))
        | Exists(mine.filter(quiz__items__question__document=OuterRef("pk")))
    )
    studied = Document.objects.filter(is_published=True).filter(Q(pk__in=assigned.values("pk")) | ~Exists(assigned))
    # During an open attempt at a closed-book quiz, that quiz's documents are not studied (their cards hold answers).
    return studied.exclude(pk__in=closed_book_documents(user=user, now=timezone.now()).values("pk"))


def study_document_ids(*, user) -> list[int]:
    """Return the ids of study_documents(), memoised on the user object (one query per request).

    Passing a short id list instead of the subquery keeps PostgreSQL's planning time of the queue queries low.
    """
    ids = getattr(user, "_study_document_ids", None)
    if ids is None:
        with connection.cursor() as cursor:
            params = {
                "student": user.pk,
                "yes": True,
                "no": False,
                "in_progress": AttemptState.IN_PROGRESS,
                "since": timezone.now() - GRACE,
            }
            cursor.execute(_study_documents_sql(), params)
            rows = cursor.fetchall()
            ids = [row[0] for row in rows]
        user._study_document_ids = ids
        user._study_document_titles = sorted(((row[0], row[1]) for row in rows), key=lambda r: (r[1], r[0]))
    return ids


def study_document_titles(*, user) -> list[tuple[int, str]]:
    """Return (id, title) of study_documents() by title: read by the same memoised query as the ids (no extra one)."""
    study_document_ids(user=user)
    titles = getattr(user, "_study_document_titles", None)
    if titles is None:  # ids memoised by someone else without titles
        titles = list(
            Document.objects.filter(pk__in=user._study_document_ids).order_by("title", "pk").values_list("pk", "title")
        )
        user._study_document_titles = titles
    return titles


@functools.cache
def _study_documents_sql() -> str:
    """study_documents() as one SQL statement, written once per process.

    The ORM spends several milliseconds of CPU compiling the nested EXISTS of study_documents() on every request
    (far more than the database spends running it); this is the same query, kept equivalent by the tests that
    compare both (tests/selectors/test_study_documents.py).
    """

    def table(model) -> str:
        return connection.ops.quote_name(model._meta.db_table)

    def col(model, field: str) -> str:
        return connection.ops.quote_name(model._meta.get_field(field).column)

    joins = (
        f"FROM {table(Assignment)} a "
        f"JOIN {table(Classroom)} c ON c.{col(Classroom, 'id')} = a.{col(Assignment, 'classroom')} "
        f"JOIN {table(Enrollment)} e ON e.{col(Enrollment, 'classroom')} = a.{col(Assignment, 'classroom')} "
    )
    mine = f"e.{col(Enrollment, 'student')} = %(student)s AND c.{col(Classroom, 'is_archived')} = %(no)s"
    assigned = (
        f"SELECT q.{col(Quiz, 'document')} {joins}"
        f"JOIN {table(Quiz)} q ON q.{col(Quiz, 'id')} = a.{col(Assignment, 'quiz')} "
        f"WHERE {mine} AND q.{col(Quiz, 'document')} IS NOT NULL "
        f"UNION ALL SELECT qu.{col(Question, 'document')} {joins}"
        f"JOIN {table(QuizItem)} i ON i.{col(QuizItem, 'quiz')} = a.{col(Assignment, 'quiz')} "
        f"JOIN {table(Question)} qu ON qu.{col(Question, 'id')} = i.{col(QuizItem, 'question')} "
        f"WHERE {mine} AND qu.{col(Question, 'document')} IS NOT NULL"
    )
    # closed_book_documents(): the quizzes of the student's open attempts at closed-book quizzes still running.
    running = (
        f"FROM {table(Attempt)} t JOIN {table(Quiz)} q ON q.{col(Quiz, 'id')} = t.{col(Attempt, 'quiz')} "
        f"WHERE t.{col(Attempt, 'user')} = %(student)s AND t.{col(Attempt, 'state')} = %(in_progress)s "
        f"AND q.{col(Quiz, 'closed_book')} = %(yes)s "
        f"AND (t.{col(Attempt, 'deadline')} IS NULL OR t.{col(Attempt, 'deadline')} > %(since)s) "
        f"AND (q.{col(Quiz, 'closes_at')} IS NULL OR q.{col(Quiz, 'closes_at')} > %(since)s) "
    )
    closed = (
        f"SELECT q.{col(Quiz, 'document')} {running}AND q.{col(Quiz, 'document')} IS NOT NULL "
        f"UNION ALL SELECT qu.{col(Question, 'document')} "
        f"FROM {table(Attempt)} t JOIN {table(Quiz)} q ON q.{col(Quiz, 'id')} = t.{col(Attempt, 'quiz')} "
        f"JOIN {table(QuizItem)} i ON i.{col(QuizItem, 'quiz')} = q.{col(Quiz, 'id')} "
        f"JOIN {table(Question)} qu ON qu.{col(Question, 'id')} = i.{col(QuizItem, 'question')} "
        f"{running[running.index('WHERE') :]}AND qu.{col(Question, 'document')} IS NOT NULL"
    )
    doc_id, published, title = col(Document, "id"), col(Document, "is_published"), col(Document, "title")
    return (
        f"SELECT d.{doc_id}, d.{title} FROM {table(Document)} d "
        f"WHERE d.{published} = %(yes)s AND (d.{doc_id} IN ({assigned}) "
        f"OR NOT EXISTS (SELECT 1 FROM {table(Document)} d2 "
        f"WHERE d2.{published} = %(yes)s AND d2.{doc_id} IN ({assigned}))) "
        f"AND d.{doc_id} NOT IN ({closed})"
    )


def studied_cards(*, user) -> QuerySet[StudentCard]:
    """Return the student's card states for active cards of the documents they study."""
    return StudentCard.objects.filter(
        user=user, card__is_active=True, card__document_id__in=study_document_ids(user=user)
    )


def local_day_start(now: datetime, days: int = 0) -> datetime:
    """Return the start (local midnight, as an aware datetime) of the day ``days`` after ``now``'s local day."""
    local = timezone.localtime(now)
    day = local.date() + timedelta(days=days)
    return timezone.make_aware(datetime(day.year, day.month, day.day), timezone.get_current_timezone())


def memory_of(row: StudentCard) -> scheduling.Memory:
    """Return the scheduling memory stored in a StudentCard row."""
    return scheduling.Memory(
        state=row.state,
        step=row.step,
        stability=row.stability,
        difficulty=row.difficulty,
        due=row.due,
        last_review=row.last_review,
        reps=row.reps,
        lapses=row.lapses,
    )


def _new_allowance(*, user, new_today: int) -> int:
    return max(0, user.daily_new_cards - new_today)


@dataclass(frozen=True)
class QueueCounts:
    """Anki's three numbers (new · learning · to review) and what the queue needs to pick the next card.

    ``learning`` counts learning and relearning cards due now or within the learn-ahead window (Anki shows those
    too once nothing else is left); ``review`` counts review cards due now. The home page and the review page both
    show these same numbers, so they never disagree.
    """

    due: int  # learning and review cards due now
    learning_ahead: int  # learning cards due within the learn-ahead window
    new_available: int  # new cards that may still be shown today
    reviewed_today: int
    new_today: int
    review: int = 0  # review cards due now
    learning: int = 0  # learning and relearning cards due now or within the learn-ahead window

    @property
    def remaining(self) -> int:
        """Cards the session may still show today: the three numbers added up."""
        return self.due + self.learning_ahead + self.new_available

    @property
    def progress_max(self) -> int:
        return self.reviewed_today + self.remaining


def queue_counts(*, user, now: datetime) -> QueueCounts:
    """Count what is left to study now (two queries, both on indexes: (user, due) and (user, reviewed_at))."""
    today = card_clock(user=user, now=now)
    counts = (
        studied_cards(user=user)
        .filter(due__lte=now + scheduling.LEARN_AHEAD)
        .aggregate(
            n_due=Count("id", filter=Q(due__lte=now, state__in=STARTED)),
            n_ahead=Count("id", filter=Q(due__gt=now, state__in=LEARNING_STATES)),
            n_new=Count("id", filter=Q(state=CardState.NEW)),
            n_review=Count("id", filter=Q(due__lte=now, state=CardState.REVIEW)),
            n_learning=Count("id", filter=Q(state__in=LEARNING_STATES)),
        )
    )
    allowance = _new_allowance(user=user, new_today=today.new_today)
    return QueueCounts(
        due=counts["n_due"],
        learning_ahead=counts["n_ahead"],
        new_available=min(allowance, counts["n_new"]),
        reviewed_today=today.reviewed_today,
        new_today=today.new_today,
        review=counts["n_review"],
        learning=counts["n_learning"],
    )


@dataclass(frozen=True)
class Queue:
    """What the review page needs: the counts, the card to study now, and when the next one falls due if none."""

    counts: QueueCounts
    card: StudentCard | None
    next_due_at: datetime | None


def cached_queue(*, user, now: datetime) -> Queue:
    """The review page's queue, kept in the cache until the student's cards change or one falls due (summaries)."""

    def build():
        with clock_scope(user):
            counts = queue_counts(user=user, now=now)
            card = next_card(user=user, now=now, counts=counts)
            next_due = None if card else card_clock(user=user, now=now).next_due_started
            return Queue(counts=counts, card=card, next_due_at=next_due)

    def until(_queue):
        with clock_scope(user):
            return card_clock(user=user, now=now).until

    with clock_scope(user):
        return summaries.cached("queue", user_id=user.pk, now=now, build=build, until=until)


@contextlib.contextmanager
def clock_scope(user):
    """Within this block, card_clock() queries once per ``now`` and user (nested blocks share it).

    Only for code that writes nothing to the student's cards and reviews once it has read the clock.
    """
    if hasattr(user, "_card_clock"):
        yield
        return
    user._card_clock = {}
    try:
        yield
    finally:
        del user._card_clock


@dataclass(frozen=True)
class CardClock:
    """Today's reviews and the instants at which a student's card counts change by the clock alone."""

    reviewed_today: int  # ratings on the review page since local midnight
    new_today: int  # of which cards that were new
    next_due_started: datetime | None  # when the next started card falls due (next_due_at)
    until: datetime | None  # the first instant after now at which a count of the queue or the panel may change


def card_clock(*, user, now: datetime) -> CardClock:
    """Return today's reviews and when the queue changes by the clock (one query; once in a clock_scope()).

    The instants: a studied card falling due or entering the learn-ahead window, the end of a running closed-book
    attempt (its documents are studied again), a published quiz opening or closing, the next local midnight.
    """
    memo = getattr(user, "_card_clock", None)
    if memo is not None and now in memo:
        return memo[now]
    ids = study_document_ids(user=user)
    adapt = connection.ops.adapt_datetimefield_value
    params = {
        "student": user.pk,
        "day_start": adapt(local_day_start(now)),
        "review": ReviewSource.REVIEW,
        "new": CardState.NEW,
        "now": adapt(now),
        "ahead": adapt(now + scheduling.LEARN_AHEAD),
        "since": adapt(now - GRACE),
        "yes": True,
        "published": Status.PUBLISHED,
        "in_progress": AttemptState.IN_PROGRESS,
        **{f"doc{i}": doc for i, doc in enumerate(ids)},
    }
    with connection.cursor() as cursor:
        cursor.execute(_card_clock_sql(len(ids)), params)
        row = [_as_datetime(v) if i >= 2 else v for i, v in enumerate(cursor.fetchone())]
    n_all, n_new, next_started, next_any, next_ahead, attempt_end, quiz_end, opens, closes = row
    until = earliest_after(
        now,
        [
            next_any,
            next_ahead - scheduling.LEARN_AHEAD if next_ahead else None,
            attempt_end + GRACE if attempt_end else None,
            quiz_end + GRACE if quiz_end else None,
            opens,
            closes,
            local_day_start(now, 1),
        ],
    )
    clock = CardClock(reviewed_today=n_all or 0, new_today=n_new or 0, next_due_started=next_started, until=until)
    if memo is not None:
        memo[now] = clock
    return clock


def _as_datetime(value) -> datetime | None:
    """A timestamp read by a raw query: SQLite gives text in UTC, PostgreSQL an aware datetime."""
    if value is None or isinstance(value, datetime):
        return value
    parsed = parse_datetime(value)
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed, UTC)


@functools.cache
def _card_clock_sql(n_documents: int) -> str:
    """card_clock() as one SQL statement of uncorrelated subqueries, each on an index (written once per size)."""

    def table(model) -> str:
        return connection.ops.quote_name(model._meta.db_table)

    def col(model, field: str) -> str:
        return connection.ops.quote_name(model._meta.get_field(field).column)

    docs = ", ".join(f"%(doc{i})s" for i in range(n_documents)) or "NULL"
    cards = (
        f"FROM {table(StudentCard)} s "
        f"JOIN {table(Flashcard)} f ON f.{col(Flashcard, 'id')} = s.{col(StudentCard, 'card')} "
        f"WHERE s.{col(StudentCard, 'user')} = %(student)s AND f.{col(Flashcard, 'is_active')} = %(yes)s "
        f"AND f.{col(Flashcard, 'document')} IN ({docs}) "
    )
    due, state = f"s.{col(StudentCard, 'due')}", f"s.{col(StudentCard, 'state')}"
    started = ", ".join(str(int(s)) for s in STARTED)
    reviews = (
        f"FROM {table(Review)} r WHERE r.{col(Review, 'user')} = %(student)s "
        f"AND r.{col(Review, 'reviewed_at')} >= %(day_start)s AND r.{col(Review, 'source')} = %(review)s"
    )
    running = (
        f"FROM {table(Attempt)} t JOIN {table(Quiz)} q ON q.{col(Quiz, 'id')} = t.{col(Attempt, 'quiz')} "
        f"WHERE t.{col(Attempt, 'user')} = %(student)s AND t.{col(Attempt, 'state')} = %(in_progress)s "
    )
    quiz = f"FROM {table(Quiz)} q WHERE q.{col(Quiz, 'status')} = %(published)s "
    deadline, q_closes, q_opens = (
        f"t.{col(Attempt, 'deadline')}",
        f"q.{col(Quiz, 'closes_at')}",
        f"q.{col(Quiz, 'opens_at')}",
    )
    return (
        f"SELECT (SELECT COUNT(*) {reviews}), "
        f"(SELECT COUNT(*) {reviews} AND r.{col(Review, 'state_before')} = %(new)s), "
        f"(SELECT MIN({due}) {cards}AND {due} > %(now)s AND {state} IN ({started})), "
        f"(SELECT MIN({due}) {cards}AND {due} > %(now)s), "
        f"(SELECT MIN({due}) {cards}AND {due} > %(ahead)s), "
        f"(SELECT MIN({deadline}) {running}AND {deadline} > %(since)s), "
        f"(SELECT MIN({q_closes}) {running}AND {q_closes} > %(since)s), "
        f"(SELECT MIN({q_opens}) {quiz}AND {q_opens} > %(now)s), "
        f"(SELECT MIN({q_closes}) {quiz}AND {q_closes} > %(now)s)"
    )


def next_card(*, user, now: datetime, counts: QueueCounts) -> StudentCard | None:
    """Return the card to study now: most overdue due card, then a new card (within the daily limit), then a
    learning card due within the learn-ahead window (Anki's order), or None.

    Within each group a card whose sentence gave another card reviewed today comes last (Anki's siblings: two facts
    of one sentence, where one card's answer may stand on the other's front). They are spaced, not buried: the
    counts stay what is due, and a sibling is still shown when nothing else is left."""
    base = (
        studied_cards(user=user)
        .select_related("card__sentence", "card__document", "card__fact")
        .annotate(sibling=_sibling_of_today(user=user, now=now))
    )
    if counts.due:
        card = base.filter(due__lte=now, state__in=STARTED).order_by("sibling", "due", "id").first()
        if card is not None:
            return card
    if counts.new_available:
        card = base.filter(state=CardState.NEW, due__lte=now).order_by("sibling", "due", "id").first()
        if card is not None:
            return card
    if counts.learning_ahead:
        return (
            base.filter(state__in=LEARNING_STATES, due__lte=now + scheduling.LEARN_AHEAD)
            .order_by("sibling", "due", "id")
            .first()
        )
    return None


def _sibling_of_today(*, user, now: datetime) -> Case:
    """1 for a card of a sentence another card of which the student reviewed today (local day), else 0: one SQL
    expression with two uncorrelated subqueries, so the queue's query count does not grow with the reviews."""
    today = Review.objects.filter(user=user, reviewed_at__gte=local_day_start(now), source=ReviewSource.REVIEW)
    sentences = today.filter(student_card__card__sentence__isnull=False).values("student_card__card__sentence_id")
    return Case(
        When(Q(card__sentence_id__in=sentences) & ~Q(pk__in=today.values("student_card_id")), then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )


def next_due_at(*, user, now: datetime) -> datetime | None:
    """Return when the next started card falls due (new cards wait for tomorrow's allowance)."""
    return studied_cards(user=user).filter(state__in=STARTED, due__gt=now).aggregate(m=Min("due"))["m"]


@dataclass(frozen=True)
class CardsPanel:
    """The home page's "flashcards due" panel: the review page's three numbers (QueueCounts), counted the same way."""

    due: int  # learning and review cards due now or within the learn-ahead window (learning + review)
    new: int  # new cards that may still be shown today
    next_due_at: datetime | None  # when the next card falls due, if nothing is due now
    learning: int = 0
    review: int = 0

    @property
    def total(self) -> int:
        return self.due + self.new


def cards_panel(*, user, now: datetime) -> CardsPanel:
    """Return the home page's "flashcards due" panel: due now, new available today, when the next is due."""
    with clock_scope(user):
        counts = queue_counts(user=user, now=now)
        # New cards the student has not been given a state for yet (created lazily when they open the review page).
        unseen = (
            Flashcard.objects.filter(is_active=True, document_id__in=study_document_ids(user=user))
            .exclude(student_cards__user=user)
            .count()
        )
        allowance = _new_allowance(user=user, new_today=counts.new_today)
        new_available = min(allowance, counts.new_available + unseen)
        return CardsPanel(
            due=counts.due + counts.learning_ahead,
            new=new_available,
            learning=counts.learning,
            review=counts.review,
            next_due_at=None if counts.due or new_available else card_clock(user=user, now=now).next_due_started,
        )


# ---------------------------------------------------------------- statistics


@dataclass(frozen=True)
class DayBar:
    day: date
    reviews: int
    again: int  # of which «Otra vez»


@dataclass(frozen=True)
class RetentionRow:
    label: str
    young_passed: int
    young_total: int
    mature_passed: int
    mature_total: int

    @staticmethod
    def _pct(passed: int, total: int) -> float | None:
        return round(100 * passed / total, 1) if total else None

    @property
    def young(self):
        return self._pct(self.young_passed, self.young_total)

    @property
    def mature(self):
        return self._pct(self.mature_passed, self.mature_total)

    @property
    def total(self):
        return self._pct(self.young_passed + self.mature_passed, self.young_total + self.mature_total)

    @property
    def count(self) -> int:
        return self.young_total + self.mature_total


def true_retention(*, user, now: datetime, periods: list[tuple[str, datetime | None]]) -> list[RetentionRow]:
    """Return Anki's true retention per period: among ratings of cards in review state (not learning or
    relearning) on the review page, the share that were not "Again"; split young/mature at 21 days."""
    reviews = Review.objects.filter(user=user, state_before=CardState.REVIEW, source=ReviewSource.REVIEW)
    young = Q(interval_before__lt=MATURE) | Q(interval_before__isnull=True)
    mature = Q(interval_before__gte=MATURE)
    passed = ~Q(rating=scheduling.AGAIN)
    aggregates = {}
    for i, (_label, since) in enumerate(periods):
        when = Q(reviewed_at__gte=since) if since is not None else Q()
        aggregates[f"yp{i}"] = Count("id", filter=when & young & passed)
        aggregates[f"yt{i}"] = Count("id", filter=when & young)
        aggregates[f"mp{i}"] = Count("id", filter=when & mature & passed)
        aggregates[f"mt{i}"] = Count("id", filter=when & mature)
    values = reviews.aggregate(**aggregates)
    return [
        RetentionRow(
            label=label,
            young_passed=values[f"yp{i}"],
            young_total=values[f"yt{i}"],
            mature_passed=values[f"mp{i}"],
            mature_total=values[f"mt{i}"],
        )
        for i, (label, _since) in enumerate(periods)
    ]


def reviews_per_day(*, user, now: datetime, days: int = CHART_DAYS) -> list[DayBar]:
    """Return one bar per local day for the last ``days`` days (reviews on the review page and from quizzes)."""
    start = local_day_start(now, -(days - 1))
    rows = (
        Review.objects.filter(user=user, reviewed_at__gte=start)
        .annotate(day=TruncDate("reviewed_at", tzinfo=timezone.get_current_timezone()))
        .values("day")
        .annotate(n=Count("id"), again=Count("id", filter=Q(rating=scheduling.AGAIN)))
    )
    by_day = {r["day"]: (r["n"], r["again"]) for r in rows}
    first = timezone.localtime(start).date()
    return [DayBar(day=first + timedelta(days=i), reviews=by_day.get(first + timedelta(days=i), (0, 0))[0],
                   again=by_day.get(first + timedelta(days=i), (0, 0))[1]) for i in range(days)]  # fmt: skip


@dataclass(frozen=True)
class DueSoon:
    today: int
    tomorrow: int
    week: int


@dataclass(frozen=True)
class CardStatistics:
    """The student's statistics page."""

    due: DueSoon  # started cards due by the end of today, tomorrow, the next 7 days
    by_state: list[tuple[str, int]]  # (state label, cards)
    leeches: int
    total_cards: int
    per_day: list[DayBar]
    retention: list[RetentionRow]  # today, week, month, all
    weakest: list[tuple[int | None, StudentCard]]  # (probability of recall in %, card), weakest first
    recall_buckets: list[int]  # cards per tenth of the probability of recall
    mean_retrievability: int | None  # in %


def card_statistics(*, user, now: datetime) -> CardStatistics:
    """Return the student's statistics page: due soon, reviews per day, true retention, states, retrievability."""
    cards = studied_cards(user=user)
    today_end, tomorrow_end, week_end = (local_day_start(now, d) for d in (1, 2, 7))
    due = cards.filter(due__lt=week_end, state__in=STARTED).aggregate(
        today=Count("id", filter=Q(due__lt=today_end)),
        tomorrow=Count("id", filter=Q(due__gte=today_end, due__lt=tomorrow_end)),
        week=Count("id"),
    )
    states = dict(cards.values_list("state").annotate(n=Count("id")).values_list("state", "n"))
    leeches = cards.filter(is_leech=True).count()
    by_state = [(label, states.get(value, 0)) for value, label in CardState.choices]

    day_start = local_day_start(now)
    periods = [
        ("today", day_start),
        ("week", local_day_start(now, -6)),
        ("month", local_day_start(now, -29)),
        ("all", None),
    ]
    retention = true_retention(user=user, now=now, periods=periods)

    memories = []
    for row in (
        cards.filter(state__in=STARTED)
        .select_related("card__fact")
        .only(
            "id", "state", "step", "stability", "difficulty", "due", "last_review", "reps", "lapses", "is_leech",
            "card__front", "card__back", "card__fact__kind",
        )
    ):  # fmt: skip
        memories.append((scheduling.retrievability(memory_of(row), now=now), row))
    memories.sort(key=lambda pair: (pair[0] if pair[0] is not None else 2, pair[1].id))
    buckets = [0] * 10
    for value, _row in memories:
        if value is not None:
            buckets[min(int(value * 10), 9)] += 1
    mean = sum(v for v, _r in memories if v is not None) / len(memories) if memories else None
    return CardStatistics(
        due=DueSoon(**due),
        by_state=by_state,
        leeches=leeches,
        total_cards=sum(states.values()),
        per_day=reviews_per_day(user=user, now=now),
        retention=retention,
        weakest=[(round(100 * v) if v is not None else None, r) for v, r in memories[:30]],
        recall_buckets=buckets,
        mean_retrievability=round(100 * mean) if mean is not None else None,
    )
