"""The FSRS adapter against py-fsrs itself: same history, same schedule (no database)."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import fsrs
import pytest

from quizzes.domain import scheduling
from quizzes.domain.scheduling import AGAIN, EASY, GOOD, HARD, LEARNING, NEW, RELEARNING, REVIEW

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

# Several days of study: (offset from T0, rating). Includes a lapse and relearning.
HISTORY = [
    (timedelta(0), GOOD),
    (timedelta(minutes=10), GOOD),
    (timedelta(days=2), GOOD),
    (timedelta(days=9), HARD),
    (timedelta(days=20), AGAIN),
    (timedelta(days=20, minutes=12), GOOD),
    (timedelta(days=23), EASY),
    (timedelta(days=40), GOOD),
]


def library_scheduler() -> fsrs.Scheduler:
    return fsrs.Scheduler(
        desired_retention=0.9,
        learning_steps=(timedelta(minutes=1), timedelta(minutes=10)),
        relearning_steps=(timedelta(minutes=10),),
        enable_fuzzing=False,
    )


def test_a_whole_history_matches_py_fsrs_step_by_step():
    lib = library_scheduler()
    card = fsrs.Card(card_id=1, due=T0)
    memory = scheduling.new_memory(now=T0)
    for offset, rating in HISTORY:
        now = T0 + offset
        card, _log = lib.review_card(card, fsrs.Rating(rating), review_datetime=now)
        memory = scheduling.review(memory, rating=rating, now=now).memory
        assert memory.state == int(card.state)
        assert memory.step == card.step
        assert memory.stability == pytest.approx(card.stability, rel=1e-12)
        assert memory.difficulty == pytest.approx(card.difficulty, rel=1e-12)
        assert memory.due == card.due
        assert memory.last_review == card.last_review
    assert memory.reps == len(HISTORY)
    assert memory.lapses == 1
    later = T0 + timedelta(days=60)
    assert scheduling.retrievability(memory, now=later) == pytest.approx(
        lib.get_card_retrievability(card, current_datetime=later)
    )


def test_history_matches_library_reschedule_card():
    """py-fsrs's own replay of the review logs gives the same card as our step-by-step reviews."""
    lib = library_scheduler()
    memory = scheduling.new_memory(now=T0)
    logs = []
    for offset, rating in HISTORY:
        memory = scheduling.review(memory, rating=rating, now=T0 + offset).memory
        logs.append(
            fsrs.ReviewLog(card_id=7, rating=fsrs.Rating(rating), review_datetime=T0 + offset, review_duration=None)
        )
    replayed = lib.reschedule_card(fsrs.Card(card_id=7, due=T0), logs)
    assert memory.due == replayed.due
    assert memory.stability == pytest.approx(replayed.stability)


@pytest.mark.parametrize("rating", [AGAIN, HARD, GOOD, EASY])
def test_first_rating_of_a_new_card(rating):
    lib = library_scheduler()
    expected, _log = lib.review_card(fsrs.Card(card_id=1, due=T0), fsrs.Rating(rating), review_datetime=T0)
    outcome = scheduling.review(scheduling.new_memory(now=T0), rating=rating, now=T0)
    assert outcome.state_before == NEW
    assert outcome.interval_before is None
    assert outcome.memory.due == expected.due
    assert outcome.interval_after == expected.due - T0


def test_new_card_preview_is_anki_like_and_matches_what_each_rating_gives():
    memory = scheduling.new_memory(now=T0)
    intervals = scheduling.preview(memory, now=T0)
    assert intervals[AGAIN] == timedelta(minutes=1)
    assert intervals[HARD] == timedelta(minutes=5, seconds=30)
    assert intervals[GOOD] == timedelta(minutes=10)
    assert intervals[EASY] >= timedelta(days=1)
    for rating, interval in intervals.items():
        assert scheduling.review(memory, rating=rating, now=T0).interval_after == interval
    labels = {r: scheduling.interval_label(i) for r, i in intervals.items()}
    assert labels[AGAIN] == "1 min"
    assert labels[GOOD] == "10 min"


def test_learning_steps_then_review_state():
    memory = scheduling.new_memory(now=T0)
    memory = scheduling.review(memory, rating=GOOD, now=T0).memory
    assert (memory.state, memory.step) == (LEARNING, 1)
    memory = scheduling.review(memory, rating=GOOD, now=T0 + timedelta(minutes=10)).memory
    assert memory.state == REVIEW and memory.step is None
    assert memory.due - memory.last_review >= timedelta(days=1)


def test_lapse_goes_to_relearning_and_counts():
    memory = scheduling.new_memory(now=T0)
    memory = scheduling.review(memory, rating=EASY, now=T0).memory
    outcome = scheduling.review(memory, rating=AGAIN, now=memory.due)
    assert outcome.state_before == REVIEW
    assert outcome.memory.state == RELEARNING
    assert outcome.memory.lapses == 1
    assert outcome.interval_before == memory.due - memory.last_review
    assert outcome.interval_after == timedelta(minutes=10)


def test_eighth_lapse_makes_a_leech_once():
    memory = scheduling.Memory(state=REVIEW, due=T0, stability=5.0, difficulty=5.0, last_review=T0 - timedelta(days=5))
    flags = []
    for i in range(9):
        now = T0 + timedelta(days=30 * i)
        memory = scheduling.Memory(**{**memory.__dict__, "state": REVIEW, "step": None, "due": now})
        outcome = scheduling.review(memory, rating=AGAIN, now=now)
        flags.append(outcome.became_leech)
        memory = outcome.memory
    assert memory.lapses == 9
    assert flags == [False] * 7 + [True, False]
    assert memory.is_leech


def test_make_due_rates_again_and_is_due_now():
    memory = scheduling.review(scheduling.new_memory(now=T0), rating=EASY, now=T0).memory
    now = T0 + timedelta(days=1, hours=3)
    outcome = scheduling.make_due(memory, now=now)
    assert outcome.rating == AGAIN
    assert outcome.memory.due == now
    assert outcome.interval_after == timedelta(0)
    assert outcome.memory.state == RELEARNING
    assert scheduling.is_due(outcome.memory, now=now)


def test_times_in_other_zones_are_converted_to_utc_and_naive_ones_refused():
    madrid = T0.astimezone(ZoneInfo("Europe/Madrid"))
    a = scheduling.review(scheduling.new_memory(now=madrid), rating=GOOD, now=madrid).memory
    b = scheduling.review(scheduling.new_memory(now=T0), rating=GOOD, now=T0).memory
    assert a == b
    assert a.due.tzinfo == UTC
    with pytest.raises(ValueError):
        scheduling.review(scheduling.new_memory(now=T0), rating=GOOD, now=datetime(2026, 1, 5, 9, 0))


@pytest.mark.parametrize("rating", [0, 5, -1, "3", 3.0, None, True])
def test_ratings_outside_one_to_four_are_refused(rating):
    with pytest.raises(ValueError):
        scheduling.review(scheduling.new_memory(now=T0), rating=rating, now=T0)


def test_retrievability_is_none_for_new_cards_and_falls_with_time():
    memory = scheduling.new_memory(now=T0)
    assert scheduling.retrievability(memory, now=T0) is None
    memory = scheduling.review(memory, rating=GOOD, now=T0).memory
    r1 = scheduling.retrievability(memory, now=T0 + timedelta(days=1))
    r10 = scheduling.retrievability(memory, now=T0 + timedelta(days=10))
    assert 0 < r10 < r1 <= 1


def test_learn_ahead_only_for_learning_cards():
    learning = scheduling.Memory(state=LEARNING, step=1, due=T0 + timedelta(minutes=9), stability=1, difficulty=5)
    review_card = scheduling.Memory(state=REVIEW, due=T0 + timedelta(minutes=9), stability=1, difficulty=5)
    assert not scheduling.is_due(learning, now=T0)
    assert scheduling.is_due(learning, now=T0, learn_ahead=True)
    assert not scheduling.is_due(review_card, now=T0, learn_ahead=True)


@pytest.mark.parametrize(
    ("interval", "label"),
    [
        (timedelta(seconds=20), "<1 min"),
        (timedelta(minutes=1), "1 min"),
        (timedelta(minutes=5, seconds=30), "6 min"),
        (timedelta(hours=3), "3 h"),
        (timedelta(days=1), "1 día"),
        (timedelta(days=3), "3 días"),
        (timedelta(days=75), "2,5 meses"),
        (timedelta(days=60), "2 meses"),
        (timedelta(days=730), "2 años"),
    ],
)
def test_interval_labels(interval, label):
    assert scheduling.interval_label(interval) == label
