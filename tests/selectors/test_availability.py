"""selectors/availability.py: a quiz's window for one student, from the quiz and their class assignments."""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from quizzes.models import Attempt, FeedbackTiming
from quizzes.selectors.availability import (
    GRACE,
    Availability,
    availability_from,
    effective_deadline,
    feedback_visible,
    is_expired,
)

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def quiz(opens_at=None, closes_at=None):
    return SimpleNamespace(opens_at=opens_at, closes_at=closes_at)


def assignment(opens_at=None, closes_at=None, due_at=None):
    return SimpleNamespace(opens_at=opens_at, closes_at=closes_at, due_at=due_at)


def test_without_assignments_the_quiz_window_holds():
    window = availability_from(quiz=quiz(NOW - DAY, NOW + DAY), assignments=[])
    assert window == Availability(opens_at=NOW - DAY, closes_at=NOW + DAY, due_at=None, assigned=False)
    assert window.is_open(NOW) and not window.is_closed(NOW)
    assert not window.is_open(NOW + DAY) and window.is_closed(NOW + DAY)


def test_an_assignment_overrides_the_quiz_and_two_classes_give_the_more_generous_window():
    window = availability_from(
        quiz=quiz(NOW - DAY, NOW),
        assignments=[
            assignment(closes_at=NOW + DAY, due_at=NOW + 2 * DAY),
            assignment(opens_at=NOW - 3 * DAY, closes_at=NOW + 3 * DAY, due_at=NOW + DAY),
        ],
    )
    assert (window.opens_at, window.closes_at, window.due_at, window.assigned) == (
        NOW - 3 * DAY,
        NOW + 3 * DAY,
        NOW + DAY,
        True,
    )


def test_an_open_ended_assignment_leaves_the_window_open_ended():
    window = availability_from(quiz=quiz(None, None), assignments=[assignment(closes_at=NOW), assignment()])
    assert window.closes_at is None and window.is_open(NOW + 100 * DAY)


@pytest.mark.parametrize(
    ("deadline", "now", "expired"),
    [(None, NOW, False), (NOW, NOW + GRACE, False), (NOW, NOW + GRACE + timedelta(seconds=1), True)],
)
def test_an_attempt_expires_after_its_deadline_and_the_grace_period(deadline, now, expired):
    assert is_expired(deadline, now) is expired


@pytest.mark.parametrize(
    ("deadline", "closes_at", "effective"),
    [(None, None, None), (NOW, None, NOW), (None, NOW, NOW), (NOW + DAY, NOW, NOW), (NOW, NOW + DAY, NOW)],
)
def test_the_effective_deadline_is_the_earliest_of_the_time_limit_and_the_close_time(deadline, closes_at, effective):
    window = Availability(opens_at=None, closes_at=closes_at, due_at=None, assigned=False)
    assert effective_deadline(Attempt(deadline=deadline), window) == effective


@pytest.mark.parametrize(
    ("timing", "state", "closes_at", "visible"),
    [
        (FeedbackTiming.AFTER_SUBMIT, "submitted", None, True),
        (FeedbackTiming.AFTER_SUBMIT, "in_progress", None, False),
        (FeedbackTiming.AFTER_CLOSE, "submitted", NOW + DAY, False),
        (FeedbackTiming.AFTER_CLOSE, "abandoned", NOW, True),
    ],
)
def test_feedback_waits_for_the_end_of_the_attempt_and_if_asked_for_the_close(timing, state, closes_at, visible):
    attempt = SimpleNamespace(is_finished=state != "in_progress", quiz=SimpleNamespace(feedback_timing=timing))
    window = Availability(opens_at=None, closes_at=closes_at, due_at=None, assigned=False)
    assert feedback_visible(attempt=attempt, availability=window, now=NOW) is visible
