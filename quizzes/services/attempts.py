"""The attempt lifecycle (Moodle's quiz module): start, save each answer, submit, close when time is up.

Every write locks the attempt row first (select_for_update), so a double click, two tabs or two gunicorn hosts
serialise on it. Each response carries a sequence number: a page shows the number it was rendered with and a save
is refused when the number moved on since (Moodle's "sequence check"), so a replayed or stale POST records nothing.
"""

from __future__ import annotations

import functools
import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db import IntegrityError, transaction
from django.db.models import Max, Prefetch, Q
from django.utils import timezone

from ..domain import grading, opaque
from ..generation.selection import select_quiz_items
from ..models import (
    AcceptedAnswer,
    Attempt,
    AttemptState,
    Choice,
    FeedbackTiming,
    Question,
    QuestionKind,
    Quiz,
    QuizItem,
    Response,
    Status,
)
from ..selectors import rows
from ..selectors.availability import (
    GRACE,
    Availability,
    attempt_deadline,
    feedback_visible,
    is_expired,
    quiz_availability,
)
from ..selectors.quiz_building import candidate_questions, to_candidates
from .cards import card_record_quiz_answer
from .errors import Code, ServiceError

_TOKEN_RE = re.compile(r"^([0-9]{1,12})\.([0-9]{1,9})$")


# --------------------------------------------------------------------------------------------------------------------
# Grading keys


def answer_key(question: Question, choices: list[Choice], accepted: list[AcceptedAnswer] | None = None):
    """Build the pure grading key of a question from its rows."""
    kind = question.kind
    if kind == QuestionKind.ORDERING:
        ordered = sorted(choices, key=lambda c: (c.position, c.pk))
        return grading.AnswerKey(
            kind=kind, option_ids=tuple(c.pk for c in choices), correct_order=tuple(c.pk for c in ordered)
        )
    return grading.AnswerKey(
        kind=kind,
        option_ids=tuple(c.pk for c in choices),
        correct_ids=frozenset(c.pk for c in choices if c.is_correct),
        partial=tuple((c.pk, c.partial_credit) for c in choices if c.partial_credit > 0 and not c.is_correct)
        if kind == QuestionKind.SINGLE_CHOICE
        else (),
        correct_bool=question.correct_bool,
        accepted=tuple(a.text for a in accepted or ()),
        numeric_value=question.numeric_value,
        tolerance=question.numeric_tolerance or 0.0,
        unit=question.unit,
    )


def _points(fraction: float, max_points: Decimal) -> Decimal:
    return (Decimal(str(fraction)) * max_points).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)


def _fraction(value: float) -> float:
    return round(max(0.0, min(1.0, value)), 6)


# --------------------------------------------------------------------------------------------------------------------
# Start


def _deadline(*, quiz: Quiz, availability: Availability, now: datetime) -> datetime | None:
    """The time limit from now, never past the moment the quiz closes (Moodle caps the timer the same way)."""
    candidates = []
    if quiz.time_limit_minutes:
        candidates.append(now + timedelta(minutes=quiz.time_limit_minutes))
    if availability.closes_at:
        candidates.append(availability.closes_at)
    return min(candidates) if candidates else None


def _choice_order(question: Question, choices: list[Choice], *, shuffle: bool, rng: random.Random) -> list[int]:
    ids = [c.pk for c in sorted(choices, key=lambda c: (c.position, c.pk))]
    if question.kind == QuestionKind.ORDERING:
        # Items are always shown out of order, otherwise the question answers itself.
        right = list(ids)
        for _attempt in range(10):
            rng.shuffle(ids)
            if ids != right or len(ids) < 2:
                break
        return ids
    if shuffle and question.is_choice:
        rng.shuffle(ids)
    return ids


def _draw_from_pool(items: list[QuizItem], *, n: int, rng: random.Random):
    """Draw ``n`` of a pool's items at random by the rules of a built quiz: one per sentence and fact, none giving
    another's answer away (fewer when the pool holds fewer such items). Return them in quiz order, with their choices.
    """
    by_question = {item.question_id: item for item in items}
    questions = candidate_questions(Question.objects.filter(pk__in=by_question), with_stats=False)
    drawn = select_quiz_items(to_candidates(questions), n, rng=rng, by_score=False)
    chosen = sorted((by_question[c.item.pk] for c in drawn), key=lambda item: (item.position, item.pk))
    return chosen, {c.item.pk: list(c.item.choices.all()) for c in drawn}


@transaction.atomic
def attempt_start(*, user, quiz: Quiz, now: datetime | None = None, rng: random.Random | None = None) -> Attempt:
    """Return the student's open attempt at a quiz, starting a new one when there is none.

    The question subset, question order and option order are drawn here, once, and stored on the responses.
    """
    now = now or timezone.now()
    rng = rng or random.SystemRandom()
    if quiz.status != Status.PUBLISHED:
        raise ServiceError(Code.QUIZ_NOT_PUBLISHED)
    for open_attempt in Attempt.objects.for_student(user).in_progress().filter(quiz=quiz):
        if not attempt_close_if_expired(attempt=open_attempt, now=now):
            return open_attempt
    availability = quiz_availability(quiz=quiz, user=user)
    if availability.opens_at and now < availability.opens_at:
        raise ServiceError(Code.QUIZ_NOT_OPEN)
    if availability.is_closed(now):
        raise ServiceError(Code.QUIZ_CLOSED)
    previous = Attempt.objects.for_student(user).filter(quiz=quiz).aggregate(n=Max("number"))["n"] or 0
    finished = Attempt.objects.for_student(user).filter(quiz=quiz).finished().count()
    if quiz.attempts_allowed and finished >= quiz.attempts_allowed:
        raise ServiceError(Code.NO_ATTEMPTS_LEFT)

    items = list(quiz.items.published().select_related("question").order_by("position"))
    if not items:
        raise ServiceError(Code.QUIZ_EMPTY)
    choices_by_question: dict[int, list[Choice]] = {}
    if quiz.questions_per_attempt and quiz.questions_per_attempt < len(items):
        items, choices_by_question = _draw_from_pool(items, n=quiz.questions_per_attempt, rng=rng)
    else:
        for choice in Choice.objects.filter(question__in=[i.question_id for i in items]):
            choices_by_question.setdefault(choice.question_id, []).append(choice)
    if quiz.shuffle_questions:
        rng.shuffle(items)

    attempt = Attempt(
        user=user,
        quiz=quiz,
        number=previous + 1,
        started_at=now,
        deadline=_deadline(quiz=quiz, availability=availability, now=now),
        max_score=sum((i.points for i in items), Decimal("0")),
    )
    try:
        with transaction.atomic():
            attempt.save()
    except IntegrityError:
        # Two starts raced (double click on "Empezar"): the other one won; continue that attempt.
        return Attempt.objects.for_student(user).in_progress().get(quiz=quiz)
    Response.objects.bulk_create(
        Response(
            attempt=attempt,
            question=item.question,
            slot=slot,
            max_points=item.points,
            choice_order=_choice_order(
                item.question, choices_by_question.get(item.question_id, []), shuffle=quiz.shuffle_choices, rng=rng
            ),
        )
        for slot, item in enumerate(items, start=1)
    )
    return attempt


# --------------------------------------------------------------------------------------------------------------------
# Saving one answer


def response_token(response: Response) -> str:
    """Return the sequence token a question page carries: the response it belongs to and its sequence number."""
    return f"{response.pk}.{response.sequence}"


@dataclass(frozen=True)
class SaveResult:
    response: Response
    saved: bool  # False when nothing changed (an empty answer while navigating, or a repeated identical POST)


@functools.cache
def _save_sql() -> tuple[str, tuple, str, tuple, str, rows.Columns]:
    """The three reads of an answer as SQL written once per process (the ORM compiled them on every answer and spent
    more CPU on it than the database spent running them; tests/services/test_answer_reads.py compares them):

    - the student's attempt with its quiz, the attempt's row locked (``Attempt.objects.select_for_update(of=("self",))
      .select_related("quiz").get(pk=pk, user=user)``: FOR UPDATE OF a, so the quiz's row is not locked and the
      students of a class answering one quiz do not queue on it);
    - the response at a slot with its question, the response's row locked (``Response.objects
      .select_for_update(of=("self",)).select_related("question").get(attempt=attempt, slot=slot)``: FOR UPDATE OF r);
    - the question's choices in their order (``question.choices.all()``).
    No lock where the database has none, and no OF where it has no OF (then the joined row is locked too), as the
    ORM does.
    """
    table, col, lock = rows.table, rows.column, rows.lock
    a, q = rows.Columns(Attempt, "a"), rows.Columns(Quiz, "q")
    attempt_sql = (
        f"SELECT {a.sql}, {q.sql} FROM {table(Attempt)} a JOIN {table(Quiz)} q ON q.{col(Quiz, 'id')} = "
        f"a.{col(Attempt, 'quiz')} WHERE a.{col(Attempt, 'id')} = %(attempt)s AND a.{col(Attempt, 'user')} = %(user)s"
        f"{lock('a')}"
    )
    r, qu = rows.Columns(Response, "r"), rows.Columns(Question, "qu")
    response_sql = (
        f"SELECT {r.sql}, {qu.sql} FROM {table(Response)} r JOIN {table(Question)} qu ON qu.{col(Question, 'id')} = "
        f"r.{col(Response, 'question')} WHERE r.{col(Response, 'attempt')} = %(attempt)s "
        f"AND r.{col(Response, 'slot')} = %(slot)s{lock('r')}"
    )
    c = rows.Columns(Choice, "c")
    choices_sql = (
        f"SELECT {c.sql} FROM {table(Choice)} c WHERE c.{col(Choice, 'question')} = %(question)s "
        f"ORDER BY c.{col(Choice, 'question')}, c.{col(Choice, 'position')}, c.{col(Choice, 'id')}"
    )
    return attempt_sql, (a, q), response_sql, (r, qu), choices_sql, c


def _locked_attempt(*, user_id: int, attempt_id: int) -> Attempt:
    """The student's attempt with its quiz, locked until the transaction ends; Attempt.DoesNotExist if none."""
    rows.require_transaction()
    sql, (a, q), *_rest = _save_sql()
    found = rows.fetch_one(sql, {"attempt": attempt_id, "user": user_id})
    if found is None:
        raise Attempt.DoesNotExist("Attempt matching query does not exist.")
    attempt = a.instance(found[: len(a)])
    attempt.quiz = q.instance(found[len(a) :])
    return attempt


def _locked_response(*, attempt: Attempt, slot: int) -> Response:
    """The attempt's response at ``slot`` with its question, locked; Response.DoesNotExist if none."""
    rows.require_transaction()
    _a, _aq, sql, (r, qu), *_rest = _save_sql()
    found = rows.fetch_one(sql, {"attempt": attempt.pk, "slot": slot})
    if found is None:
        raise Response.DoesNotExist("Response matching query does not exist.")
    response = r.instance(found[: len(r)])
    response.question = qu.instance(found[len(r) :])
    response.attempt = attempt
    return response


def _choices(question_id: int) -> list[Choice]:
    *_rest, sql, c = _save_sql()
    return [c.instance(found) for found in rows.fetch_all(sql, {"question": question_id})]


@transaction.atomic
def response_save(
    *,
    user,
    attempt_id: int,
    slot: int,
    token: str,
    data,
    now: datetime | None = None,
    allow_empty: bool = True,
    autosave: bool = False,
) -> SaveResult:
    """Record the answer to one question of an open attempt, if the page's sequence token is current.

    ``data`` maps field names to lists of strings (a QueryDict). Raises ServiceError: ANSWER_INVALID or
    TOKEN_MALFORMED for an answer or form that cannot be understood, PAGE_STALE for a page rendered before the last
    save, ATTEMPT_FINISHED / ATTEMPT_EXPIRED / ANSWER_LOCKED when the answer can no longer change; in every case
    nothing is recorded. ``autosave`` (the page saving as the student answers) is
    refused with immediate feedback, where saving grades and locks the answer. Response.DoesNotExist /
    Attempt.DoesNotExist for an attempt or slot that is not this student's.
    """
    now = now or timezone.now()
    match = _TOKEN_RE.fullmatch(token or "")
    if not match:
        raise ServiceError(Code.TOKEN_MALFORMED)
    attempt = _locked_attempt(user_id=user.pk, attempt_id=attempt_id)
    if attempt.is_finished:
        raise ServiceError(Code.ATTEMPT_FINISHED)
    if is_expired(attempt_deadline(attempt), now):
        raise ServiceError(Code.ATTEMPT_EXPIRED)
    response = _locked_response(attempt=attempt, slot=slot)
    question = response.question
    choices = _choices(question.pk) if question.is_choice or question.kind == QuestionKind.ORDERING else []
    key = answer_key(question, choices)
    if choices:
        # The page names options by opaque per-response keys (domain/opaque.py), never by primary key.
        data = opaque.decode_form(response.pk, (c.pk for c in choices), data)
    try:
        answer = grading.clean_answer(key, data)
    except grading.EmptyAnswer as exc:
        if allow_empty:
            return SaveResult(response=response, saved=False)
        raise ServiceError(Code.ANSWER_INVALID, exc.message, detail=exc.code) from exc
    except grading.AnswerError as exc:
        raise ServiceError(Code.ANSWER_INVALID, exc.message, detail=exc.code) from exc

    response_id, sequence = int(match[1]), int(match[2])
    if response_id != response.pk or sequence != response.sequence:
        if response_id == response.pk and answer == response.answer:
            return SaveResult(response=response, saved=False)  # a double click: the same answer is already saved
        raise ServiceError(Code.PAGE_STALE)
    immediate = attempt.quiz.feedback_timing == FeedbackTiming.IMMEDIATE
    if immediate and autosave:
        raise ServiceError(Code.AUTOSAVE_IMMEDIATE)
    if immediate and response.is_answered:
        raise ServiceError(Code.ANSWER_LOCKED)

    response.answer = answer
    response.sequence += 1
    response.answered_at = now
    fields = ["answer", "sequence", "answered_at"]
    if immediate:
        accepted = list(question.accepted_answers.all()) if question.kind == QuestionKind.SHORT_ANSWER else []
        response.fraction = _fraction(grading.grade(answer_key(question, choices, accepted), answer))
        response.points = _points(response.fraction, response.max_points)
        fields += ["fraction", "points"]
    # One UPDATE written once per process (the ORM's save compiled it on every answer). An answer changes no cached
    # summary (services.invalidation: a response is in none), so no signal is missed.
    rows.update(response, fields)
    return SaveResult(response=response, saved=True)


# --------------------------------------------------------------------------------------------------------------------
# Finishing: submit, or close when time is up


def _notify_fact_answered(response: Response, *, user, now: datetime) -> None:
    """Tell the flashcards how the student answered a question about this fact (see docs/flashcards.md).

    Anything short of full marks counts as a mistake: the fact's card becomes due now, and the card shows the answer.
    """
    card_record_quiz_answer(
        user=user, fact=response.question.fact_id, correct=(response.fraction or 0.0) >= 1.0, now=now
    )


def _feed_cards(attempt: Attempt, responses: list[Response], *, now: datetime) -> None:
    """Feed a finished attempt's answers to the flashcards (the caller sets and saves ``cards_fed_at``).

    Runs only once the student may see the quiz's feedback (``feedback_visible``), otherwise a card would show the
    answer while the quiz is still open: at submission, or for «after close» quizzes once the quiz closes
    (``feed_cards_after_close``). Exactly once per attempt: ``cards_fed_at`` is set under the attempt's row lock.
    """
    for response in responses:
        if response.is_answered and response.question.fact_id:
            _notify_fact_answered(response, user=attempt.user, now=now)


def _may_see_feedback(attempt: Attempt, now: datetime) -> bool:
    if attempt.quiz.feedback_timing != FeedbackTiming.AFTER_CLOSE:
        return True  # no query: immediate or after submission
    availability = quiz_availability(quiz=attempt.quiz, user=attempt.user_id)
    return feedback_visible(attempt=attempt, availability=availability, now=now)


def _finish(attempt: Attempt, *, now: datetime, deadline: datetime | None) -> Attempt:
    """Grade every response of a locked, open attempt and mark it submitted (called exactly once per attempt)."""
    responses = list(
        attempt.responses.select_related("question").prefetch_related(
            Prefetch("question__choices", queryset=Choice.objects.all()),
            Prefetch("question__accepted_answers", queryset=AcceptedAnswer.objects.all()),
        )
    )
    score = Decimal("0")
    for response in responses:
        question = response.question
        key = answer_key(question, list(question.choices.all()), list(question.accepted_answers.all()))
        response.fraction = _fraction(grading.grade(key, response.answer)) if response.is_answered else 0.0
        response.points = _points(response.fraction, response.max_points)
        score += response.points
    Response.objects.bulk_update(responses, ["fraction", "points"])
    attempt.score = score
    attempt.max_score = sum((r.max_points for r in responses), Decimal("0"))
    attempt.percent = float(score / attempt.max_score * 100) if attempt.max_score else 0.0
    attempt.percent = max(0.0, min(100.0, round(attempt.percent, 3)))
    attempt.passed = Decimal(str(attempt.percent)) >= attempt.quiz.pass_mark
    attempt.state = AttemptState.SUBMITTED
    # A closed-by-timeout attempt ends at its (effective) deadline, not when somebody noticed.
    attempt.submitted_at = min(now, deadline) if deadline else now
    feed = _may_see_feedback(attempt, now)
    attempt.cards_fed_at = attempt.submitted_at if feed else None
    attempt.save(update_fields=["score", "max_score", "percent", "passed", "state", "submitted_at", "cards_fed_at"])
    if feed:
        _feed_cards(attempt, responses, now=attempt.submitted_at)
    return attempt


def feed_cards_after_close(*, now: datetime | None = None, user=None) -> int:
    """Feed to the flashcards the finished attempts whose feedback has become visible (the cron job); return how many.

    Only «after close» quizzes wait: their attempts are fed once the quiz (or the student's assignment) has closed.
    """
    now = now or timezone.now()
    waiting = Attempt.objects.submitted().filter(cards_fed_at__isnull=True)
    if user is not None:
        waiting = waiting.filter(user=user)
    fed = 0
    for pk in list(waiting.values_list("pk", flat=True)):
        with transaction.atomic():
            attempt = Attempt.objects.select_for_update(of=("self",)).select_related("quiz").filter(pk=pk).first()
            if attempt is None or attempt.cards_fed_at is not None:
                continue
            if not _may_see_feedback(attempt, now):
                continue
            attempt.cards_fed_at = now
            attempt.save(update_fields=["cards_fed_at"])
            _feed_cards(attempt, list(attempt.responses.select_related("question")), now=now)
            fed += 1
    return fed


@transaction.atomic
def attempt_submit(*, user, attempt_id: int, now: datetime | None = None) -> Attempt:
    """Submit and grade an attempt. Idempotent: submitting a finished attempt returns it unchanged."""
    now = now or timezone.now()
    attempt = Attempt.objects.select_for_update(of=("self",)).select_related("quiz").get(pk=attempt_id, user=user)
    if attempt.is_finished:
        return attempt
    return _finish(attempt, now=now, deadline=attempt_deadline(attempt))


def attempt_close_if_expired(*, attempt: Attempt, now: datetime | None = None) -> bool:
    """Close and grade an open attempt whose time ran out; return True when it is (now) finished by timeout.

    Called on every attempt request (page view, answer, autosave, submit). The deadline is the effective one: the
    time limit, or the quiz's or assignment's close time if that is earlier now (a teacher closed the quiz early).
    One policy on expiry, Moodle's default: the attempt is submitted with the answers saved so far. The caller's
    object carries the effective deadline afterwards, so the page's countdown shows it.
    """
    now = now or timezone.now()
    if attempt.is_finished:
        return False
    deadline = attempt_deadline(attempt)
    attempt.deadline = deadline
    if not is_expired(deadline, now):
        return False
    return _close_expired(attempt=attempt, now=now, deadline=deadline)


def student_close_expired(*, user, quiz_id: int, now: datetime | None = None) -> bool:
    """Close the student's open attempt at a quiz if its time ran out; return True when one was closed."""
    open_attempt = Attempt.objects.for_student(user).in_progress().filter(quiz_id=quiz_id).select_related("quiz")
    return any(attempt_close_if_expired(attempt=a, now=now) for a in open_attempt)


@transaction.atomic
def _close_expired(*, attempt: Attempt, now: datetime, deadline: datetime | None) -> bool:
    locked = Attempt.objects.select_for_update(of=("self",)).select_related("quiz").get(pk=attempt.pk)
    if locked.is_finished:
        return False
    _finish(locked, now=now, deadline=deadline)
    # Keep the caller's object in step with the row.
    for field in ("state", "score", "max_score", "percent", "passed", "submitted_at"):
        setattr(attempt, field, getattr(locked, field))
    return True


def close_expired_attempts(*, now: datetime | None = None) -> int:
    """Close every open attempt past its effective deadline (the cron job); return how many were closed.

    Candidates: past their own time limit, or at a quiz or assignment that closed; each is then checked exactly.
    """
    now = now or timezone.now()
    closed = 0
    past = now - GRACE
    candidates = Attempt.objects.in_progress().filter(
        Q(deadline__lt=past) | Q(quiz__closes_at__lt=past) | Q(quiz__assignments__closes_at__lt=past)
    )
    for pk in list(candidates.values_list("pk", flat=True).distinct()):
        # One transaction per attempt: a failure in one leaves the others closed.
        attempt = Attempt.objects.select_related("quiz").filter(pk=pk).first()
        if attempt and attempt_close_if_expired(attempt=attempt, now=now):
            closed += 1
    return closed
