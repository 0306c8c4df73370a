"""The attempt lifecycle service: start, save, submit, expiry, settings enforced on the server."""

import random
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from quizzes.domain.opaque import option_key
from quizzes.models import Attempt, AttemptState, FeedbackTiming, QuestionKind, Response, Status
from quizzes.selectors import availability as avail
from quizzes.services import attempts as svc
from quizzes.services.errors import Code, ServiceError
from tests import factories
from tests.quiz_support import right_answer, wrong_answer

pytestmark = pytest.mark.django_db

NOW = timezone.now().replace(microsecond=0)


def save(attempt, slot, answer, *, now=NOW, token=None, user=None, **kwargs):
    response = attempt.responses.get(slot=slot)
    return svc.response_save(
        user=user or attempt.user,
        attempt_id=attempt.pk,
        slot=slot,
        token=token if token is not None else svc.response_token(response),
        data=answer,
        now=now,
        **kwargs,
    )


def answer_all(attempt, how=right_answer, now=NOW):
    for response in attempt.responses.select_related("question"):
        save(attempt, response.slot, how(response), now=now)


# --- start -----------------------------------------------------------------------------------------------------------


def test_start_creates_one_response_per_question_in_quiz_order(student):
    quiz = factories.make_quiz_of_every_kind(shuffle_choices=False)
    attempt = svc.attempt_start(user=student, quiz=quiz, now=NOW)
    assert attempt.number == 1
    assert attempt.state == AttemptState.IN_PROGRESS
    assert attempt.max_score == 6
    responses = list(attempt.responses.order_by("slot"))
    assert [r.question_id for r in responses] == [i.question_id for i in quiz.items.order_by("position")]
    single = responses[0]
    assert single.choice_order == sorted(single.choice_order)  # not shuffled
    ordering = responses[5]
    assert ordering.choice_order != sorted(ordering.choice_order, key=lambda pk: pk)  # items always shuffled


def test_start_twice_continues_the_open_attempt(student):
    quiz = factories.make_quiz(n_questions=2)
    first = svc.attempt_start(user=student, quiz=quiz, now=NOW)
    assert svc.attempt_start(user=student, quiz=quiz, now=NOW + timedelta(minutes=5)) == first
    assert Attempt.objects.count() == 1


def test_one_open_attempt_per_user_and_quiz_is_a_database_constraint(student):
    quiz = factories.make_quiz(n_questions=1)
    svc.attempt_start(user=student, quiz=quiz, now=NOW)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attempt.objects.create(user=student, quiz=quiz, number=2, started_at=NOW)


def test_shuffle_and_subset_are_fixed_once_per_attempt(student):
    quiz = factories.make_quiz(n_questions=10, shuffle_questions=True, shuffle_choices=True, questions_per_attempt=4)
    attempt = svc.attempt_start(user=student, quiz=quiz, now=NOW, rng=random.Random(3))
    first = list(attempt.responses.values_list("slot", "question_id", "choice_order"))
    assert len(first) == 4
    # Coming back (a reload, another device) gives exactly the same order.
    again = svc.attempt_start(user=student, quiz=quiz, now=NOW, rng=random.Random(99))
    assert list(again.responses.values_list("slot", "question_id", "choice_order")) == first
    orders = {tuple(o) for _s, _q, o in first}
    assert len(orders) > 1 or any(list(o) != sorted(o) for o in orders)


def test_subset_draws_differ_between_attempts(student):
    quiz = factories.make_quiz(n_questions=12, questions_per_attempt=3)
    seen = set()
    for i in range(6):
        attempt = svc.attempt_start(user=student, quiz=quiz, now=NOW, rng=random.Random(i))
        seen.add(tuple(sorted(attempt.responses.values_list("question_id", flat=True))))
        svc.attempt_submit(user=student, attempt_id=attempt.pk, now=NOW)
    assert len(seen) > 1


def test_deadline_from_time_limit_and_capped_by_close_time(student):
    quiz = factories.make_quiz(n_questions=1, time_limit_minutes=20)
    assert svc.attempt_start(user=student, quiz=quiz, now=NOW).deadline == NOW + timedelta(minutes=20)
    quiz2 = factories.make_quiz(n_questions=1, time_limit_minutes=20, closes_at=NOW + timedelta(minutes=5))
    assert svc.attempt_start(user=student, quiz=quiz2, now=NOW).deadline == NOW + timedelta(minutes=5)
    quiz3 = factories.make_quiz(n_questions=1)
    assert svc.attempt_start(user=student, quiz=quiz3, now=NOW).deadline is None


def test_attempts_allowed(student):
    quiz = factories.make_quiz(n_questions=1, attempts_allowed=2)
    for _ in range(2):
        attempt = svc.attempt_start(user=student, quiz=quiz, now=NOW)
        svc.attempt_submit(user=student, attempt_id=attempt.pk, now=NOW)
    with pytest.raises(ServiceError) as info:
        svc.attempt_start(user=student, quiz=quiz, now=NOW)
    assert info.value.code == "no_attempts_left"
    assert list(Attempt.objects.values_list("number", flat=True).order_by("number")) == [1, 2]


@pytest.mark.parametrize(
    ("opens", "closes", "code"),
    [(timedelta(hours=1), None, "not_open"), (None, -timedelta(minutes=1), "closed")],
)
def test_open_and_close_times(student, opens, closes, code):
    quiz = factories.make_quiz(
        n_questions=1, opens_at=NOW + opens if opens else None, closes_at=NOW + closes if closes else None
    )
    with pytest.raises(ServiceError) as info:
        svc.attempt_start(user=student, quiz=quiz, now=NOW)
    assert info.value.code == code
    assert not Attempt.objects.exists()


def test_unpublished_or_empty_quiz_cannot_start(student):
    with pytest.raises(ServiceError) as info:
        svc.attempt_start(user=student, quiz=factories.make_quiz(n_questions=1, status=Status.DRAFT), now=NOW)
    assert info.value.code == Code.QUIZ_NOT_PUBLISHED
    with pytest.raises(ServiceError) as info:
        svc.attempt_start(user=student, quiz=factories.make_quiz(), now=NOW)
    assert info.value.code == Code.QUIZ_EMPTY


def test_assignment_window_overrides_the_quiz(student, other_student):
    quiz = factories.make_quiz(n_questions=1, closes_at=NOW - timedelta(days=1), opens_at=NOW - timedelta(days=9))
    classroom = factories.make_classroom(students=[student])
    factories.make_assignment(
        classroom=classroom, quiz=quiz, closes_at=NOW + timedelta(days=2), due_at=NOW + timedelta(days=1)
    )
    attempt = svc.attempt_start(user=student, quiz=quiz, now=NOW)  # the class has an extension
    assert attempt.deadline == NOW + timedelta(days=2)
    with pytest.raises(ServiceError) as info:
        svc.attempt_start(user=other_student, quiz=quiz, now=NOW)  # not in the class
    assert info.value.code == Code.QUIZ_CLOSED


def test_assignment_can_also_narrow_the_window(student):
    quiz = factories.make_quiz(n_questions=1)
    classroom = factories.make_classroom(students=[student])
    factories.make_assignment(classroom=classroom, quiz=quiz, opens_at=NOW + timedelta(days=1))
    with pytest.raises(ServiceError) as info:
        svc.attempt_start(user=student, quiz=quiz, now=NOW)
    assert info.value.code == "not_open"


# --- save ------------------------------------------------------------------------------------------------------------


def test_save_records_answer_and_moves_the_sequence(student):
    quiz = factories.make_quiz_of_every_kind()
    attempt = svc.attempt_start(user=student, quiz=quiz, now=NOW)
    response = attempt.responses.get(slot=1)
    result = save(attempt, 1, right_answer(response))
    assert result.saved
    response.refresh_from_db()
    assert response.sequence == 1
    assert response.answer == {"choice": next(c.pk for c in response.question.choices.all() if c.is_correct)}
    assert response.fraction is None  # graded at submission (feedback after submit)


def test_stale_token_is_refused_and_records_nothing(student):
    quiz = factories.make_quiz(n_questions=1)
    attempt = svc.attempt_start(user=student, quiz=quiz, now=NOW)
    response = attempt.responses.get(slot=1)
    old_token = svc.response_token(response)
    save(attempt, 1, right_answer(response), token=old_token)
    with pytest.raises(ServiceError) as info:
        save(attempt, 1, wrong_answer(response), token=old_token)  # the back button, then a different answer
    assert info.value.code == Code.PAGE_STALE
    response.refresh_from_db()
    assert response.sequence == 1
    assert response.answer == {"choice": next(c.pk for c in response.question.choices.all() if c.is_correct)}


def test_double_click_with_the_same_answer_is_a_quiet_no_op(student):
    quiz = factories.make_quiz(n_questions=1)
    attempt = svc.attempt_start(user=student, quiz=quiz, now=NOW)
    response = attempt.responses.get(slot=1)
    token = svc.response_token(response)
    assert save(attempt, 1, right_answer(response), token=token).saved
    assert not save(attempt, 1, right_answer(response), token=token).saved
    response.refresh_from_db()
    assert response.sequence == 1


def test_token_of_another_question_is_refused(student):
    quiz = factories.make_quiz(n_questions=2)
    attempt = svc.attempt_start(user=student, quiz=quiz, now=NOW)
    first = attempt.responses.get(slot=1)
    second = attempt.responses.get(slot=2)
    with pytest.raises(ServiceError) as info:
        save(attempt, 2, right_answer(second), token=svc.response_token(first))
    assert info.value.code == Code.PAGE_STALE
    assert not Response.objects.filter(answer__isnull=False).exists()


def test_empty_answer_while_navigating_keeps_the_saved_one(student):
    quiz = factories.make_quiz(n_questions=1)
    attempt = svc.attempt_start(user=student, quiz=quiz, now=NOW)
    response = attempt.responses.get(slot=1)
    save(attempt, 1, right_answer(response))
    response.refresh_from_db()
    assert not save(attempt, 1, {}).saved
    with pytest.raises(ServiceError) as info:
        save(attempt, 1, {}, allow_empty=False)
    assert info.value.code == Code.ANSWER_INVALID
    response.refresh_from_db()
    assert response.is_answered


def test_late_answer_is_refused(student):
    quiz = factories.make_quiz(n_questions=1, time_limit_minutes=10)
    attempt = svc.attempt_start(user=student, quiz=quiz, now=NOW)
    response = attempt.responses.get(slot=1)
    # Within the grace period an answer still counts; after it, it is refused.
    assert save(attempt, 1, wrong_answer(response), now=NOW + timedelta(minutes=10, seconds=5)).saved
    response.refresh_from_db()
    with pytest.raises(ServiceError) as info:
        save(attempt, 1, right_answer(response), now=NOW + timedelta(minutes=11))
    assert info.value.code == "expired"
    response.refresh_from_db()
    assert response.answer == {"choice": next(c.pk for c in response.question.choices.all() if not c.is_correct)}


def test_answer_after_submission_is_refused(student):
    quiz = factories.make_quiz(n_questions=1)
    attempt = svc.attempt_start(user=student, quiz=quiz, now=NOW)
    response = attempt.responses.get(slot=1)
    svc.attempt_submit(user=student, attempt_id=attempt.pk, now=NOW)
    with pytest.raises(ServiceError) as info:
        save(attempt, 1, right_answer(response))
    assert info.value.code == "finished"
    assert "entregado" in str(info.value.message)
    response.refresh_from_db()
    assert not response.is_answered


def test_another_students_attempt_is_not_found(student, other_student):
    quiz = factories.make_quiz(n_questions=1)
    attempt = svc.attempt_start(user=student, quiz=quiz, now=NOW)
    response = attempt.responses.get(slot=1)
    with pytest.raises(Attempt.DoesNotExist):
        save(attempt, 1, right_answer(response), user=other_student)
    with pytest.raises(Attempt.DoesNotExist):
        svc.attempt_submit(user=other_student, attempt_id=attempt.pk, now=NOW)


def test_immediate_feedback_grades_at_once_and_locks_the_answer(student):
    quiz = factories.make_quiz(n_questions=1, feedback_timing=FeedbackTiming.IMMEDIATE)
    attempt = svc.attempt_start(user=student, quiz=quiz, now=NOW)
    response = attempt.responses.get(slot=1)
    save(attempt, 1, wrong_answer(response))
    response.refresh_from_db()
    assert response.fraction == 0
    with pytest.raises(ServiceError) as info:
        save(attempt, 1, right_answer(response))
    assert info.value.code == "locked"


# --- submit ----------------------------------------------------------------------------------------------------------


def test_submit_grades_every_kind(student):
    quiz = factories.make_quiz_of_every_kind(pass_mark=Decimal("60"))
    attempt = svc.attempt_start(user=student, quiz=quiz, now=NOW)
    answer_all(attempt, right_answer)
    attempt = svc.attempt_submit(user=student, attempt_id=attempt.pk, now=NOW)
    assert attempt.state == AttemptState.SUBMITTED
    assert attempt.score == 6
    assert attempt.percent == 100
    assert attempt.passed
    assert set(attempt.responses.values_list("fraction", flat=True)) == {1.0}


def test_submit_wrong_answers_and_partial_credit(student):
    quiz = factories.make_quiz_of_every_kind(pass_mark=Decimal("50"))
    attempt = svc.attempt_start(user=student, quiz=quiz, now=NOW)
    answer_all(attempt, wrong_answer)
    multi = attempt.responses.get(question__kind=QuestionKind.MULTIPLE_CHOICE)
    right = [c.pk for c in multi.question.choices.all() if c.is_correct]
    multi.refresh_from_db()
    save(attempt, multi.slot, {"choices": [option_key(multi.pk, right[0])]})  # one of two right options: half the marks
    attempt = svc.attempt_submit(user=student, attempt_id=attempt.pk, now=NOW)
    assert attempt.score == Decimal("0.5")
    assert attempt.passed is False
    assert attempt.percent == pytest.approx(100 * 0.5 / 6, abs=0.001)


def test_unanswered_questions_score_zero(student):
    quiz = factories.make_quiz(n_questions=3)
    attempt = svc.attempt_start(user=student, quiz=quiz, now=NOW)
    attempt = svc.attempt_submit(user=student, attempt_id=attempt.pk, now=NOW)
    assert attempt.score == 0
    assert attempt.percent == 0
    assert attempt.passed is False


def test_submit_is_idempotent(student):
    quiz = factories.make_quiz(n_questions=2)
    attempt = svc.attempt_start(user=student, quiz=quiz, now=NOW)
    answer_all(attempt)
    first = svc.attempt_submit(user=student, attempt_id=attempt.pk, now=NOW)
    second = svc.attempt_submit(user=student, attempt_id=attempt.pk, now=NOW + timedelta(hours=1))
    assert second.submitted_at == first.submitted_at == NOW
    assert second.score == first.score == 2


def test_fact_hook_runs_once_per_answered_response(student, monkeypatch):
    calls = []
    monkeypatch.setattr(svc, "_notify_fact_answered", lambda response, **kw: calls.append(response.pk))
    fact = factories.make_fact()
    with_fact = factories.make_question(fact=fact)
    quiz = factories.make_quiz(questions=[with_fact, factories.make_question(), factories.make_question(fact=fact)])
    attempt = svc.attempt_start(user=student, quiz=quiz, now=NOW)
    for slot in (1, 2):
        response = attempt.responses.get(slot=slot)
        save(attempt, slot, right_answer(response))
    svc.attempt_submit(user=student, attempt_id=attempt.pk, now=NOW)
    svc.attempt_submit(user=student, attempt_id=attempt.pk, now=NOW)
    # Slot 3 has a fact but no answer; slot 2 an answer but no fact (slot order equals quiz order here).
    assert calls == [attempt.responses.get(question=with_fact).pk]


# --- expiry ----------------------------------------------------------------------------------------------------------


def test_expired_attempt_is_closed_with_what_was_saved(student):
    quiz = factories.make_quiz(n_questions=2, time_limit_minutes=5)
    attempt = svc.attempt_start(user=student, quiz=quiz, now=NOW)
    save(attempt, 1, right_answer(attempt.responses.get(slot=1)))
    assert not svc.attempt_close_if_expired(attempt=attempt, now=NOW + timedelta(minutes=5))
    assert svc.attempt_close_if_expired(attempt=attempt, now=NOW + timedelta(minutes=30))
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.SUBMITTED
    assert attempt.score == 1
    assert attempt.submitted_at == NOW + timedelta(minutes=5)  # it ended at its deadline


def test_starting_again_after_expiry_closes_the_old_attempt_first(student):
    quiz = factories.make_quiz(n_questions=1, time_limit_minutes=5)
    old = svc.attempt_start(user=student, quiz=quiz, now=NOW)
    new = svc.attempt_start(user=student, quiz=quiz, now=NOW + timedelta(hours=1))
    assert new.number == 2
    old.refresh_from_db()
    assert old.state == AttemptState.SUBMITTED


def test_close_expired_attempts_command(student, other_student):
    quiz = factories.make_quiz(n_questions=1, time_limit_minutes=1)
    timed_out = svc.attempt_start(user=student, quiz=quiz, now=NOW - timedelta(hours=1))
    running = svc.attempt_start(user=other_student, quiz=quiz, now=timezone.now())
    call_command("close_expired_attempts")
    timed_out.refresh_from_db()
    running.refresh_from_db()
    assert timed_out.state == AttemptState.SUBMITTED
    assert running.state == AttemptState.IN_PROGRESS
    assert svc.close_expired_attempts() == 0  # running it again changes nothing


def test_closing_the_quiz_early_ends_attempts_already_started(student):
    """The effective deadline is the earliest of the time limit and the close time as it is now, at every request."""
    quiz = factories.make_quiz(n_questions=2, time_limit_minutes=60)
    attempt = svc.attempt_start(user=student, quiz=quiz, now=NOW)
    save(attempt, 1, right_answer(attempt.responses.get(slot=1)), now=NOW + timedelta(minutes=1))
    quiz.closes_at = NOW + timedelta(minutes=2)  # the teacher closes the quiz early
    quiz.save()
    assert avail.attempt_deadline(attempt) == NOW + timedelta(minutes=2)
    late = NOW + timedelta(minutes=3)
    with pytest.raises(ServiceError) as refused:
        save(attempt, 2, right_answer(attempt.responses.get(slot=2)), now=late)
    assert refused.value.code == Code.ATTEMPT_EXPIRED
    assert svc.close_expired_attempts(now=late) == 1
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.SUBMITTED
    assert attempt.score == 1  # what was answered is submitted
    assert attempt.submitted_at == NOW + timedelta(minutes=2)


def test_an_assignment_window_that_closes_ends_the_attempt_and_an_extension_keeps_it_open(student, other_student):
    quiz = factories.make_quiz(n_questions=1)
    closed = factories.make_classroom(students=[student])
    factories.make_assignment(classroom=closed, quiz=quiz, closes_at=NOW + timedelta(minutes=10))
    extended = factories.make_classroom(students=[other_student])
    factories.make_assignment(classroom=extended, quiz=quiz, closes_at=NOW + timedelta(days=2))
    mine = svc.attempt_start(user=student, quiz=quiz, now=NOW)
    theirs = svc.attempt_start(user=other_student, quiz=quiz, now=NOW)
    later = NOW + timedelta(hours=1)
    assert svc.close_expired_attempts(now=later) == 1
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.state == AttemptState.SUBMITTED and mine.submitted_at == NOW + timedelta(minutes=10)
    assert theirs.state == AttemptState.IN_PROGRESS
    save(theirs, 1, right_answer(theirs.responses.get(slot=1)), now=later)


def test_submitting_after_an_early_close_records_the_close_time(student):
    quiz = factories.make_quiz(n_questions=1)
    attempt = svc.attempt_start(user=student, quiz=quiz, now=NOW)
    quiz.closes_at = NOW + timedelta(minutes=5)
    quiz.save()
    submitted = svc.attempt_submit(user=student, attempt_id=attempt.pk, now=NOW + timedelta(hours=2))
    assert submitted.submitted_at == NOW + timedelta(minutes=5)


# --- availability and feedback timing --------------------------------------------------------------------------------


def test_feedback_after_close_waits_for_the_close_time(student):
    quiz = factories.make_quiz(
        n_questions=1, feedback_timing=FeedbackTiming.AFTER_CLOSE, closes_at=NOW + timedelta(days=1)
    )
    attempt = svc.attempt_start(user=student, quiz=quiz, now=NOW)
    attempt = svc.attempt_submit(user=student, attempt_id=attempt.pk, now=NOW)
    availability = avail.quiz_availability(quiz=quiz, user=student)
    assert not avail.feedback_visible(attempt=attempt, availability=availability, now=NOW)
    assert avail.feedback_visible(attempt=attempt, availability=availability, now=NOW + timedelta(days=2))


def test_feedback_after_submit(student):
    quiz = factories.make_quiz(n_questions=1)
    attempt = svc.attempt_start(user=student, quiz=quiz, now=NOW)
    availability = avail.quiz_availability(quiz=quiz, user=student)
    assert not avail.feedback_visible(attempt=attempt, availability=availability, now=NOW)
    attempt = svc.attempt_submit(user=student, attempt_id=attempt.pk, now=NOW)
    assert avail.feedback_visible(attempt=attempt, availability=availability, now=NOW)
