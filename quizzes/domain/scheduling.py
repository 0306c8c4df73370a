"""The FSRS adapter: the only module that imports py-fsrs (``fsrs``, pinned in requirements.txt).

Pure: no ORM, no clock. Every function takes ``now`` (a timezone-aware datetime) and works in UTC.
Rows are converted to a ``Memory`` dataclass by the service; this module turns it into an ``fsrs.Card``,
lets ``fsrs.Scheduler`` review it, and turns the result back into a new ``Memory``.

py-fsrs 6 has no "new" state (a fresh ``Card`` is Learning, step 0, without stability). We store
``NEW = 0`` for a card never reviewed, so a student's new cards can be told from cards in learning;
it maps to exactly such a fresh fsrs Card.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from fsrs import Card, Rating, Scheduler, State

# Our stored states (quizzes.models.CardState has the same values).
NEW, LEARNING, REVIEW, RELEARNING = 0, 1, 2, 3
AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
RATINGS = (AGAIN, HARD, GOOD, EASY)

# Anki's defaults: learning steps 1 min and 10 min, one relearning step of 10 min, 90 % desired retention.
# Fuzz is off so that the interval printed on each button is exactly the one the card gets
# (py-fsrs draws fuzz from the global random module, which would also make tests non-deterministic).
SCHEDULER = Scheduler(
    desired_retention=0.9,
    learning_steps=(timedelta(minutes=1), timedelta(minutes=10)),
    relearning_steps=(timedelta(minutes=10),),
    maximum_interval=36500,
    enable_fuzzing=False,
)
# Anki's "learn ahead limit": when nothing else is left, learning cards due within this window are shown.
LEARN_AHEAD = timedelta(minutes=20)
# Anki's leech threshold: a card forgotten this many times is flagged.
LEECH_LAPSES = 8


@dataclass(frozen=True)
class Memory:
    """What we store per student and card: py-fsrs's Card fields plus Anki's reps and lapses counters."""

    state: int
    due: datetime
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    last_review: datetime | None = None
    reps: int = 0
    lapses: int = 0

    @property
    def is_leech(self) -> bool:
        return self.lapses >= LEECH_LAPSES


@dataclass(frozen=True)
class Outcome:
    """The result of one rating: the new memory and the intervals before and after (as Anki's revlog has them)."""

    memory: Memory
    rating: int
    state_before: int
    interval_before: timedelta | None
    interval_after: timedelta
    became_leech: bool


def utc(moment: datetime) -> datetime:
    """Return ``moment`` in UTC; refuse naive datetimes."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("datetime must be timezone-aware")
    return moment.astimezone(UTC)


def new_memory(*, now: datetime) -> Memory:
    """Return the memory of a card never reviewed, due from ``now``."""
    return Memory(state=NEW, due=utc(now))


def _to_card(memory: Memory) -> Card:
    if memory.state == NEW:
        return Card(card_id=0, state=State.Learning, step=0, due=utc(memory.due))
    return Card(
        card_id=0,
        state=State(memory.state),
        step=memory.step,
        stability=memory.stability,
        difficulty=memory.difficulty,
        due=utc(memory.due),
        last_review=utc(memory.last_review) if memory.last_review else None,
    )


def _check_rating(rating: int) -> Rating:
    if isinstance(rating, bool) or not isinstance(rating, int) or rating not in RATINGS:
        raise ValueError(f"rating must be one of 1-4, got {rating!r}")
    return Rating(rating)


def review(memory: Memory, *, rating: int, now: datetime) -> Outcome:
    """Rate a card at ``now`` and return the new memory (FSRS via py-fsrs; reps and lapses as Anki counts them)."""
    fsrs_rating = _check_rating(rating)
    now = utc(now)
    card, _log = SCHEDULER.review_card(_to_card(memory), fsrs_rating, review_datetime=now)
    lapsed = memory.state == REVIEW and rating == AGAIN
    new = Memory(
        state=int(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
        reps=memory.reps + 1,
        lapses=memory.lapses + (1 if lapsed else 0),
    )
    before = None
    if memory.state != NEW and memory.last_review is not None:
        before = utc(memory.due) - utc(memory.last_review)
    return Outcome(
        memory=new,
        rating=rating,
        state_before=memory.state,
        interval_before=before,
        interval_after=new.due - now,
        became_leech=new.is_leech and not memory.is_leech,
    )


def make_due(memory: Memory, *, now: datetime) -> Outcome:
    """Rate "Again" at ``now`` and make the card due immediately (a mistake in a quiz brings the card back now)."""
    outcome = review(memory, rating=AGAIN, now=now)
    return replace(outcome, memory=replace(outcome.memory, due=utc(now)), interval_after=timedelta(0))


def preview(memory: Memory, *, now: datetime) -> dict[int, timedelta]:
    """Return the interval each rating would give now (what Anki prints on its four buttons)."""
    return {rating: review(memory, rating=rating, now=now).interval_after for rating in RATINGS}


def retrievability(memory: Memory, *, now: datetime) -> float | None:
    """Return the probability of recalling the card now (None for a card never reviewed)."""
    if memory.state == NEW or memory.stability is None:
        return None
    return float(SCHEDULER.get_card_retrievability(_to_card(memory), current_datetime=utc(now)))


def is_due(memory: Memory, *, now: datetime, learn_ahead: bool = False) -> bool:
    """Return whether the card may be reviewed now (learning cards up to LEARN_AHEAD early when asked)."""
    due = utc(memory.due)
    now = utc(now)
    if due <= now:
        return True
    return learn_ahead and memory.state in (LEARNING, RELEARNING) and due <= now + LEARN_AHEAD


def interval_label(interval: timedelta) -> str:
    """Return a short label for an interval in the active language, rounded as Anki does ("<1 min", "3 días")."""
    seconds = interval.total_seconds()
    if seconds < 60:
        return _("<1 min")
    minutes = seconds / 60
    if minutes < 60:
        n = round(minutes)
        return ngettext("%(n)d min", "%(n)d min", n) % {"n": n}
    hours = minutes / 60
    if hours < 24:
        n = round(hours)
        return ngettext("%(n)d h", "%(n)d h", n) % {"n": n}
    days = hours / 24
    if days < 30:
        n = round(days)
        return ngettext("%(n)d día", "%(n)d días", n) % {"n": n}
    months = days / 30
    if months < 12:
        value = round(months, 1)
        if value == int(value):
            n = int(value)
            return ngettext("%(n)d mes", "%(n)d meses", n) % {"n": n}
        return _("%(n)s meses") % {"n": number_format(value, 1)}
    years = round(days / 365, 1)
    if years == int(years):
        n = int(years)
        return ngettext("%(n)d año", "%(n)d años", n) % {"n": n}
    return _("%(n)s años") % {"n": number_format(years, 1)}
