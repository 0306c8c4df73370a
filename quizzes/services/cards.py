"""Flashcard write paths: cards from facts, a student's cards, rating a card, and quiz answers feeding cards.

Scheduling maths lives in quizzes/domain/scheduling.py (py-fsrs); this module only loads rows, converts them to a
``scheduling.Memory``, and stores the result with a Review row.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import IntegrityError, connection, transaction
from django.db.models import Prefetch, Q

from ..domain import card_fronts, scheduling
from ..domain.numbers import format_amount
from ..models import (
    CardState,
    Choice,
    Document,
    Fact,
    Flashcard,
    Origin,
    Question,
    QuestionKind,
    Review,
    ReviewSource,
    Status,
    StudentCard,
)
from ..selectors import rows, summaries
from ..selectors.cards import card_clock, memory_of, study_document_ids
from . import invalidation
from .errors import Code, ServiceError

CLOZE_BLANK = card_fronts.BLANK
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
MAX_DURATION_MS = 60 * 60 * 1000  # an hour: a longer "duration" is a card left open, not thinking time


@dataclass(frozen=True)
class SyncReport:
    created: int = 0
    updated: int = 0
    deactivated: int = 0


@dataclass(frozen=True)
class ReviewResult:
    student_card: StudentCard
    review: Review
    duplicate: bool = False  # the same submission again (same token): the review it logged, nothing new
    became_leech: bool = False


# ---------------------------------------------------------------- memory <-> rows


MEMORY_FIELDS = ["state", "step", "stability", "difficulty", "due", "last_review", "reps", "lapses", "is_leech"]


def _store(row: StudentCard, memory: scheduling.Memory) -> None:
    row.state = memory.state
    row.step = memory.step
    row.stability = memory.stability
    row.difficulty = memory.difficulty
    row.due = memory.due
    row.last_review = memory.last_review
    row.reps = memory.reps
    row.lapses = memory.lapses
    row.is_leech = row.is_leech or memory.is_leech


def _log_unless_taken() -> bool:
    """Whether a rating logs its review and stores the card in one statement when its token is new
    (rows.insert_unless_taken: a data-modifying WITH with ON CONFLICT, PostgreSQL). Elsewhere (SQLite) the token is
    read first, as before."""
    return connection.vendor == "postgresql"


def _log(
    *,
    row: StudentCard,
    outcome: scheduling.Outcome,
    now: datetime,
    source: str,
    token=None,
    duration_ms=None,
    unless_taken: bool = False,
) -> Review | None:
    """Store the card's new memory and log its review: an UPDATE and an INSERT written once per process (the ORM's
    save and create compiled both on every rating: a third of a rating POST's CPU). They send no signal: the student's
    summaries are made stale here, once, when the transaction commits (services.invalidation).

    ``unless_taken`` (PostgreSQL, a token given): both in one statement, and neither if a review already has the
    token; then None, and ``row`` is left as it was read.
    """
    before = [getattr(row, name) for name in MEMORY_FIELDS] if unless_taken else None
    _store(row, outcome.memory)
    if not unless_taken:
        rows.update(row, MEMORY_FIELDS)
    review = Review(
        student_card=row,
        user_id=row.user_id,
        rating=outcome.rating,
        reviewed_at=now,
        duration_ms=duration_ms,
        state_before=outcome.state_before,
        interval_before=outcome.interval_before,
        interval_after=outcome.interval_after,
        source=source,
        token=token,
    )
    if unless_taken:
        if not rows.insert_unless_taken(review, "token", row, MEMORY_FIELDS):
            for name, value in zip(MEMORY_FIELDS, before, strict=True):
                setattr(row, name, value)
            return None
    else:
        rows.insert(review)
    invalidation.changed(user_ids=[row.user_id])
    return review


# ---------------------------------------------------------------- cards from the items that passed every check
# A generated card asks what the generator's checks passed: the front of a fact's card is the prompt of its best
# published question, or of a generated draft left out of the quiz only for the quiz's size (its one failed check is
# ``selected``) — a stand-alone rewrite, checked — never the fact's raw sentence. A fact with no such item that makes
# a front has no active card (docs/flashcards.md).

# Kinds whose prompt is a front as it is: the student types the answer (a wh-question or a cloze).
TYPED_KINDS = (QuestionKind.SHORT_ANSWER, QuestionKind.NUMERIC)
# Kinds whose prompt is not, but whose statement may give one: a true/false's statement with the answer blanked, a
# single choice whose stem is already that cloze (its statement with the right option blanked). A multiple choice
# («Marque todas…») and an ordering ask about several facts at once: never a card.
STATEMENT_KINDS = (QuestionKind.TRUE_FALSE, QuestionKind.SINGLE_CHOICE)


# The generator's failed check on an item that passed every quality check but was not chosen for the quiz (another
# item of its sentence, or the quiz's size): quizzes/generation/ranking.py.
LEFT_OUT_ONLY = ["selected"]


def makes_card(question: Question) -> bool:
    """Whether a question may give its fact's card: published (by the generator or a teacher), or a generated draft
    whose only failed check is ``selected`` and that no one flagged (no review note: regeneration's orphan note, or a
    teacher's). A draft refused for quality (``minor_fact``, ``long_to_publish``, any other check), a teacher's own
    draft, an unpublished or archived question make none."""
    if question.status == Status.PUBLISHED:
        return True
    if question.status != Status.DRAFT or question.origin != Origin.GENERATED or question.review_note.strip():
        return False
    failed = question.checks.get("failed") if isinstance(question.checks, dict) else None
    return failed == LEFT_OUT_ONLY


@dataclass(frozen=True)
class CardFace:
    """What a question gives a card: its front and back, and how good a source it is (lower is better)."""

    front: str
    back: str
    rank: tuple
    key: dict = field(default_factory=dict)  # what a typed answer may also be (``Flashcard.answer_key``)


def _rank(question: Question, *, typed: bool) -> tuple:
    """Best first: a published question over a draft left out of the quiz (publication chose it); then a typed
    question over a statement's cloze; a teacher's own or edited question over the generator's (a teacher who wrote
    or published it chose it); then the generator's quality score (the checks and the learned confidence it stores,
    highest first); then the oldest."""
    published = question.status == Status.PUBLISHED
    teachers = question.origin != Origin.GENERATED or question.edited_by_teacher
    quality = question.quality if question.quality is not None else -1.0
    return (0 if published else 1, 0 if typed else 1, 0 if teachers else 1, -quality, question.pk)


def card_face_for(*, question: Question, fact: Fact) -> CardFace | None:
    """Return the card a question about ``fact`` makes, or None when it makes none (its kind gives no stand-alone
    front; whether the question may make a card at all is ``makes_card``'s to say).

    Reads ``question.accepted_answers`` and ``question.choices`` (prefetch them for many questions).
    """
    prompt = " ".join((question.prompt or "").split())
    if not prompt:
        return None
    if question.kind == QuestionKind.SHORT_ANSWER:
        accepted = [a.text.strip() for a in question.accepted_answers.all() if a.text.strip()]
        back = accepted[0] if accepted else fact.answer.strip()
        key = {"accepted": accepted[1:]} if len(accepted) > 1 else {}
        return CardFace(prompt, back, _rank(question, typed=True), key) if back else None
    if question.kind == QuestionKind.NUMERIC:
        back = format_amount(question.numeric_value, question.unit) or fact.answer.strip()
        key = {}
        if question.numeric_value is not None and math.isfinite(question.numeric_value):
            key = {
                "value": question.numeric_value,
                "tolerance": question.numeric_tolerance or 0.0,
                "unit": question.unit,
            }
        return CardFace(prompt, back, _rank(question, typed=True), key) if back else None
    if question.kind == QuestionKind.SINGLE_CHOICE:
        right = sorted((c for c in question.choices.all() if c.is_correct), key=lambda c: (c.position, c.pk))
        if CLOZE_BLANK not in prompt or len(right) != 1 or not right[0].text.strip():
            return None  # «¿Cuál de estas…?» leans on its options
        return CardFace(prompt, right[0].text.strip(), _rank(question, typed=False))
    if question.kind == QuestionKind.TRUE_FALSE and question.correct_bool is not None:
        answers = [fact.answer, *(a for a in (fact.aliases or []) if isinstance(a, str))]
        notes = question.checks.get("notes") if isinstance(question.checks, dict) else None
        found = card_fronts.statement_cloze(
            prompt=prompt,
            is_true=question.correct_bool,
            answers=answers,
            notes=notes if isinstance(notes, list) else [],
        )
        if found is None:
            return None
        return CardFace(found[0], found[1], _rank(question, typed=False))
    return None


def _faces_by_fact(*, facts: dict[int, Fact], document: Document) -> dict[int, tuple[CardFace, Question]]:
    """The best card face of each fact of the document that has a question making one (``makes_card``)."""
    questions = (
        Question.objects.filter(
            Q(status=Status.PUBLISHED) | Q(status=Status.DRAFT, origin=Origin.GENERATED),
            fact__document=document,
            kind__in=[*TYPED_KINDS, *STATEMENT_KINDS],
        )
        .select_related("sentence")
        .prefetch_related("accepted_answers", Prefetch("choices", queryset=Choice.objects.filter(is_correct=True)))
        .order_by("pk")
    )
    best: dict[int, tuple[CardFace, Question]] = {}
    for question in questions:
        fact = facts.get(question.fact_id)
        if fact is None or not makes_card(question):
            continue
        face = card_face_for(question=question, fact=fact)
        if face is not None and (question.fact_id not in best or face.rank < best[question.fact_id][0].rank):
            best[question.fact_id] = (face, question)
    return best


@transaction.atomic
def cards_sync_for_document(*, document: Document) -> SyncReport:
    """Give each active fact with a question that makes a card (published, or a generated draft left out only by the
    quiz's selection: ``makes_card``) its card (front and back from its best such question, the source sentence as
    context) and deactivate the other facts' generated cards, never deleting one (students' reviews stay). Cards
    written or imported by a teacher are left as they are.

    The document's row is locked first, so two syncs of one document (a double-clicked «Publicar», two teachers, an
    admin edit during a regeneration, which already holds that lock) run one after the other: the second reads what
    the first wrote, instead of creating the same fact's card again (the one-to-one ``fact``: an IntegrityError) or
    storing a card from a stale snapshot."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    facts = {f.pk: f for f in Fact.objects.filter(document=document).select_related("sentence")}
    faces = _faces_by_fact(facts={pk: f for pk, f in facts.items() if f.is_active}, document=document)
    existing = {c.fact_id: c for c in Flashcard.objects.filter(fact__document=document)}
    to_create, to_update, deactivated, updated = [], [], 0, 0
    for fact in facts.values():
        card = existing.get(fact.pk)
        if card is not None and card.origin != Origin.GENERATED:
            continue  # a teacher's card on this fact: theirs to change
        found = faces.get(fact.pk)
        if found is None:
            if card is not None and card.is_active:
                card.is_active = False
                to_update.append(card)
                deactivated += 1
            continue
        face, question = found
        sentence = fact.sentence or question.sentence
        values = {
            "front": face.front,
            "back": face.back,
            "answer_key": face.key,
            "context": sentence.text if sentence else "",
            "sentence_id": sentence.pk if sentence else None,
            "is_active": True,
        }
        if card is None:
            to_create.append(Flashcard(document=document, fact=fact, origin=Origin.GENERATED, **values))
        elif any(getattr(card, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(card, k, v)
            to_update.append(card)
            updated += 1
    Flashcard.objects.bulk_create(to_create, batch_size=500)
    Flashcard.objects.bulk_update(
        to_update, ["front", "back", "answer_key", "context", "sentence_id", "is_active"], batch_size=500
    )
    # Generated cards whose fact was deleted (fact set to NULL) go too.
    deactivated += Flashcard.objects.filter(
        document=document, origin=Origin.GENERATED, fact__isnull=True, is_active=True
    ).update(is_active=False)
    if to_create or to_update or deactivated:
        invalidation.changed(everyone=True)  # bulk writes send no signal
    return SyncReport(created=len(to_create), updated=updated, deactivated=deactivated)


def cards_sync_for_facts(*, fact_ids: Iterable[int | None]) -> SyncReport:
    """Sync the cards of the documents these facts belong to (after a question about them changed)."""
    ids = {pk for pk in fact_ids if pk is not None}
    if not ids:
        return SyncReport()
    created = updated = deactivated = 0
    for document in Document.objects.filter(facts__pk__in=ids).distinct().order_by("pk"):
        report = cards_sync_for_document(document=document)
        created, updated = created + report.created, updated + report.updated
        deactivated += report.deactivated
    return SyncReport(created=created, updated=updated, deactivated=deactivated)


# ---------------------------------------------------------------- a student's cards


def student_cards_sync(*, user, now: datetime) -> int:
    """Give the student a (new) card state for every active card of the documents they study; return how many.

    Skipped while nothing it depends on has changed since it last ran (see selectors.summaries).
    """

    def until(_created):  # when the documents studied may change by the clock (a closed-book attempt ends)
        return card_clock(user=user, now=now).until

    build = functools.partial(_student_cards_sync, user=user, now=now)
    return summaries.cached("cards-sync", user_id=user.pk, now=now, build=build, until=until)


def _student_cards_sync(*, user, now: datetime) -> int:
    missing = list(
        Flashcard.objects.filter(is_active=True, document_id__in=study_document_ids(user=user))
        .exclude(student_cards__user=user)
        .order_by("document_id", "id")
        .values_list("id", flat=True)
    )
    if not missing:
        return 0
    now = scheduling.utc(now)
    StudentCard.objects.bulk_create(
        [StudentCard(user=user, card_id=card_id, state=CardState.NEW, due=now) for card_id in missing],
        ignore_conflicts=True,
        batch_size=1000,
    )
    invalidation.changed(user_ids=[user.pk])  # bulk_create sends no signal
    return len(missing)


def _check_rating(rating) -> int:
    if isinstance(rating, bool) or not isinstance(rating, int) or rating not in scheduling.RATINGS:
        raise ServiceError(Code.RATING_INVALID)
    return rating


@functools.cache
def _rating_sql() -> tuple[str, rows.Columns, rows.Columns, str, rows.Columns]:
    """The two reads of a rating as SQL written once per process (the ORM compiled them on every rating and spent
    more CPU on it than the database spent running them; tests/services/test_rating_reads.py compares both):

    - the student's card with its flashcard, its row locked (``StudentCard.objects.select_for_update(of=("self",))
      .select_related("card").get(user=user, pk=pk)``; no lock where the database has none, as the ORM does);
    - the review logged with a token (``Review.objects.filter(token=token).first()``).
    """
    table, col = rows.table, rows.column
    card, flashcard, review = rows.Columns(StudentCard, "s"), rows.Columns(Flashcard, "c"), rows.Columns(Review, "r")
    card_sql = (
        f"SELECT {card.sql}, {flashcard.sql} FROM {table(StudentCard)} s "
        f"JOIN {table(Flashcard)} c ON c.{col(Flashcard, 'id')} = s.{col(StudentCard, 'card')} "
        f"WHERE s.{col(StudentCard, 'user')} = %(user)s AND s.{col(StudentCard, 'id')} = %(id)s{rows.lock('s')}"
    )
    review_sql = (
        f"SELECT {review.sql} FROM {table(Review)} r WHERE r.{col(Review, 'token')} = %(token)s "
        f"ORDER BY r.{col(Review, 'id')} LIMIT 1"
    )
    return card_sql, card, flashcard, review_sql, review


def _locked_card(*, user_id: int, student_card_id: int) -> StudentCard:
    """The user's card (with its flashcard), locked until the transaction ends; StudentCard.DoesNotExist if none."""
    rows.require_transaction()
    card_sql, card, flashcard, _review_sql, _review = _rating_sql()
    found = rows.fetch_one(card_sql, {"user": user_id, "id": student_card_id})
    if found is None:
        raise StudentCard.DoesNotExist("StudentCard matching query does not exist.")
    row = card.instance(found[: len(card)])
    row.card = flashcard.instance(found[len(card) :])
    return row


def _review_with_token(token: str) -> Review | None:
    """The review logged with ``token``, if any (the first, as the ORM's ``first()``)."""
    *_card, review_sql, review = _rating_sql()
    found = rows.fetch_one(review_sql, {"token": token})
    return review.instance(found) if found is not None else None


@transaction.atomic
def card_review(
    *,
    user,
    student_card_id: int,
    rating: int,
    token: str,
    duration_ms: int | None,
    now: datetime,
    expected_reps: int | None = None,
) -> ReviewResult:
    """Rate one of the user's cards at ``now``; log exactly one Review per token.

    Raises StudentCard.DoesNotExist for a card that is not the user's (the view answers 404), and ServiceError
    for a rating outside 1-4 or a malformed token, and for a card rated meanwhile in another tab (``expected_reps``
    differs), not due yet or withdrawn, which are left alone. A replayed token returns the review it logged.
    """
    rating = _check_rating(rating)
    if not isinstance(token, str) or not TOKEN_RE.match(token):
        raise ServiceError(Code.REVIEW_TOKEN_INVALID)
    if duration_ms is not None:
        duration_ms = max(0, min(int(duration_ms), MAX_DURATION_MS))
    now = scheduling.utc(now)
    row = _locked_card(user_id=user.pk, student_card_id=student_card_id)
    one_statement = _log_unless_taken()
    refused = None
    if expected_reps is not None and row.reps != expected_reps:
        refused = Code.CARD_STALE
    elif not row.card.is_active:
        refused = Code.CARD_INACTIVE
    else:
        memory = memory_of(row)
        if not scheduling.is_due(memory, now=now, learn_ahead=True):
            refused = Code.CARD_NOT_DUE
    if refused is not None or not one_statement:
        # Checked under the row lock, so two requests with the same token cannot both pass. A token seen before wins
        # over every refusal: the same submission again is answered with the review it logged.
        previous = _review_with_token(token)
        if previous is not None:
            return _duplicate(row, previous)
        if refused is not None:
            raise ServiceError(refused)
    outcome = scheduling.review(memory, rating=rating, now=now)
    if one_statement:
        # PostgreSQL: the review is logged and the card stored in one statement, only if the token is new (its unique
        # index, ON CONFLICT DO NOTHING); the token's read is left for a token seen before. A request with the same
        # token waited on the card's lock above, so it finds the review committed.
        review = _log(
            row=row, outcome=outcome, now=now, source=ReviewSource.REVIEW, token=token, duration_ms=duration_ms,
            unless_taken=True,
        )  # fmt: skip
        if review is None:
            previous = _review_with_token(token)
            if previous is None:  # the review with that token was deleted meanwhile
                raise ServiceError(Code.REVIEW_TOKEN_INVALID)
            return _duplicate(row, previous)
        return ReviewResult(student_card=row, review=review, became_leech=outcome.became_leech)
    # Where rows lock, a request with the same token waited on the card's lock above and found the review:
    # the insert cannot meet a duplicate of this card's token, so no savepoint (two round trips) is needed to recover
    # from one. SQLite has no row locks: there a concurrent request may commit the token first.
    recover = not connection.features.has_select_for_update
    try:
        with transaction.atomic(savepoint=recover):
            review = _log(
                row=row, outcome=outcome, now=now, source=ReviewSource.REVIEW, token=token, duration_ms=duration_ms
            )
    except IntegrityError:
        # Same token committed by a concurrent request that did not wait on our lock (SQLite has no row locks).
        if not recover:
            raise
        previous = Review.objects.filter(token=token, student_card=row).first()
        if previous is None:
            raise
        row.refresh_from_db()
        return ReviewResult(student_card=row, review=previous, duplicate=True)
    return ReviewResult(student_card=row, review=review, became_leech=outcome.became_leech)


def _duplicate(row: StudentCard, previous: Review) -> ReviewResult:
    """A token seen before: the review it logged, if it was this card's; refused if it was another's."""
    if previous.student_card_id != row.pk:
        raise ServiceError(Code.REVIEW_TOKEN_INVALID)
    return ReviewResult(student_card=row, review=previous, duplicate=True)


@transaction.atomic
def card_record_quiz_answer(*, user, fact: Fact | int, correct: bool, now: datetime) -> Review | None:
    """Feed a quiz answer on a fact (a Fact or its id) to that fact's card.

    A wrong answer rates the card "Again" and makes it due now; a right answer counts as "Good" for a card
    that is due (a new card is left for the daily new-card queue). Returns the Review logged, if any.
    """
    fact_id = fact.pk if isinstance(fact, Fact) else fact
    card = Flashcard.objects.filter(fact_id=fact_id, is_active=True).only("id").first()
    if card is None:
        return None
    now = scheduling.utc(now)
    if not correct:  # the card must exist to come back; a right answer on a card never studied changes nothing
        StudentCard.objects.bulk_create(
            [StudentCard(user=user, card=card, state=CardState.NEW, due=now)], ignore_conflicts=True
        )
        invalidation.changed(user_ids=[user.pk])
    row = StudentCard.objects.select_for_update().filter(user=user, card=card).first()
    if row is None:
        return None
    memory = memory_of(row)
    if not correct:
        outcome = scheduling.make_due(memory, now=now)
    elif memory.state != scheduling.NEW and scheduling.is_due(memory, now=now):
        outcome = scheduling.review(memory, rating=scheduling.GOOD, now=now)
    else:
        return None
    return _log(row=row, outcome=outcome, now=now, source=ReviewSource.QUIZ)


@transaction.atomic
def user_set_daily_new_cards(*, user, daily_new_cards: int) -> None:
    """Change how many new cards the student is shown per day."""
    user.daily_new_cards = daily_new_cards
    user.full_clean(validate_unique=False, exclude=["password"])
    user.save(update_fields=["daily_new_cards"])
