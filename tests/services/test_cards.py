"""Flashcard services and selectors against the database: cards from facts, reviews, quiz answers, the queue."""

from datetime import UTC, datetime, timedelta

import fsrs
import pytest
from django.db.models import QuerySet

from quizzes.domain import card_fronts
from quizzes.models import (
    Assignment,
    CardState,
    Document,
    Flashcard,
    Origin,
    Question,
    QuestionKind,
    Review,
    ReviewSource,
    Status,
    StudentCard,
)
from quizzes.presentation.cards import typed_answer_ok
from quizzes.selectors import cards as sel
from quizzes.services import cards as svc
from quizzes.services import content
from quizzes.services.errors import Code, ServiceError
from tests import factories

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
SENTENCE = "La guerra comenzó el 30 de noviembre de 1939 con el ataque soviético."


def winter_fact(*, document=None, sentence_start=100, **extra):
    document = document or factories.make_document(text="x" * 100 + SENTENCE)
    sentence = factories.make_sentence(document=document, index=3, text=SENTENCE, start=sentence_start)
    answer = "30 de noviembre de 1939"
    at = SENTENCE.index(answer)
    return factories.make_fact(
        sentence=sentence,
        kind="date",
        answer=answer,
        start=sentence_start + at,
        end=sentence_start + at + len(answer),
        **extra,
    )


def token(n: int = 0) -> str:
    return f"tok{n:010d}"


# ---------------------------------------------------------------- cards from published questions and left-out drafts

WH_PROMPT = "¿Cuándo comenzó la guerra con el ataque soviético?"


def ask(fact, *, prompt=WH_PROMPT, kind=QuestionKind.SHORT_ANSWER, status=Status.PUBLISHED, **extra):
    """A question about the fact, published unless told (a typed wh-question by default)."""
    if kind == QuestionKind.SHORT_ANSWER:
        extra.setdefault("accepted", [fact.answer, "noviembre de 1939"])
    return factories.make_question(
        kind=kind, prompt=prompt, status=status, fact=fact, document=fact.document, origin=Origin.GENERATED, **extra
    )


def another_fact(document, answer, index=5):
    """Another fact of the document, in a sentence of its own."""
    sentence = factories.make_sentence(document=document, index=index, text=f"{answer} es un país.", start=200 + index)
    return factories.make_fact(sentence=sentence, answer=answer, start=200 + index, end=200 + index + len(answer))


def carded_fact(**extra):
    """A fact with a published question, and its card."""
    fact = winter_fact(**extra)
    ask(fact)
    svc.cards_sync_for_document(document=fact.document)
    return fact


def test_sync_makes_cards_only_for_facts_with_a_published_question_and_is_idempotent():
    fact = winter_fact()
    ask(fact)
    unpublished = another_fact(fact.document, "Finlandia")
    ask(unpublished, prompt="¿Qué país fue atacado?", status=Status.DRAFT)
    unasked = another_fact(fact.document, "Suecia", 6)
    report = svc.cards_sync_for_document(document=fact.document)
    assert report.created == 1
    card = Flashcard.objects.get()
    assert card.fact == fact
    assert card.front == WH_PROMPT  # the published question's words, not the sentence with a blank
    assert card.back == "30 de noviembre de 1939"  # its first accepted answer, as the question shows it
    assert card.context == SENTENCE
    assert card.sentence == fact.sentence
    assert card.origin == "generated"
    assert card.sentence.get_absolute_url().endswith("?s=3#s3")
    assert not Flashcard.objects.filter(fact__in=[unpublished, unasked]).exists()
    again = svc.cards_sync_for_document(document=fact.document)
    assert (again.created, again.updated, again.deactivated) == (0, 0, 0)
    assert Flashcard.objects.count() == 1


def test_sync_follows_questions_and_facts_and_deactivates_without_deleting():
    fact = winter_fact()
    question = ask(fact)
    other = another_fact(fact.document, "Finlandia")
    other_question = ask(other, prompt="¿Qué país atacó la Unión Soviética?")
    svc.cards_sync_for_document(document=fact.document)
    question.prompt = "¿En qué fecha empezó la guerra con el ataque soviético?"
    question.save()
    other.is_active = False
    other.save()
    report = svc.cards_sync_for_document(document=fact.document)
    assert (report.updated, report.deactivated) == (1, 1)
    assert Flashcard.objects.get(fact=fact).front == "¿En qué fecha empezó la guerra con el ataque soviético?"
    assert not Flashcard.objects.get(fact=other).is_active
    other.is_active = True
    other.save()
    assert svc.cards_sync_for_document(document=fact.document).updated == 1
    assert Flashcard.objects.get(fact=other).is_active
    other_question.status = Status.ARCHIVED
    other_question.save()
    assert svc.cards_sync_for_document(document=fact.document).deactivated == 1
    fact.delete()
    assert svc.cards_sync_for_document(document=other.document).deactivated == 1
    assert not Flashcard.objects.filter(is_active=True).exists()
    assert Flashcard.objects.count() == 2  # withdrawn, never deleted


def test_the_best_published_question_makes_the_front():
    fact = winter_fact()
    ask(fact, kind=QuestionKind.TRUE_FALSE, prompt="Verdadero o falso: el 30 de noviembre de 1939 empezó la guerra.")
    ask(fact, prompt="La guerra comenzó el _____ con el ataque soviético.", quality=0.6)
    best = ask(fact, prompt=WH_PROMPT, quality=0.9)
    ask(fact, prompt="¿Cuándo empezó la guerra?", quality=1.0, status=Status.DRAFT)
    svc.cards_sync_for_document(document=fact.document)
    assert Flashcard.objects.get(fact=fact).front == WH_PROMPT  # typed over true/false, then by the stored quality
    teachers = ask(fact, prompt="¿Qué día atacó la Unión Soviética a Finlandia?", quality=None)
    teachers.origin, teachers.edited_by_teacher = Origin.AUTHORED, False
    teachers.save()
    svc.cards_sync_for_document(document=fact.document)
    assert Flashcard.objects.get(fact=fact).front == teachers.prompt  # a teacher's own question wins
    teachers.delete()
    best.status = Status.DRAFT
    best.save()
    svc.cards_sync_for_document(document=fact.document)
    assert Flashcard.objects.get(fact=fact).front == "La guerra comenzó el _____ con el ataque soviético."


# What the generator records on an item that passed every check but was left out of the quiz (ranking.py).
LEFT_OUT = {"passed": ["stands_alone", "typable_answer"], "failed": ["selected"]}


def test_a_draft_left_out_only_by_the_selection_makes_the_card_and_follows_its_checks():
    fact = winter_fact()
    draft = ask(fact, status=Status.DRAFT, checks=LEFT_OUT)
    assert svc.cards_sync_for_document(document=fact.document).created == 1
    card = Flashcard.objects.get(fact=fact)
    assert (card.front, card.back, card.context, card.is_active) == (
        WH_PROMPT,
        "30 de noviembre de 1939",
        SENTENCE,
        True,
    )
    # A regeneration that refuses it for quality withdraws the card; passing again brings the same card back.
    Question.objects.filter(pk=draft.pk).update(checks={"passed": [], "failed": ["minor_fact"]})
    assert svc.cards_sync_for_document(document=fact.document).deactivated == 1
    Question.objects.filter(pk=draft.pk).update(checks=LEFT_OUT)
    assert svc.cards_sync_for_document(document=fact.document).updated == 1
    assert Flashcard.objects.get().pk == card.pk and Flashcard.objects.get().is_active
    # Archived: withdrawn, never deleted.
    content.questions_archive(questions=[draft])
    assert not Flashcard.objects.get(pk=card.pk).is_active


def test_a_left_out_true_false_draft_gives_its_statements_cloze():
    fact = winter_fact()
    prompt = "Verdadero o falso: el 30 de noviembre de 1939, la guerra comenzó con el ataque soviético."
    ask(fact, kind=QuestionKind.TRUE_FALSE, prompt=prompt, status=Status.DRAFT, checks=LEFT_OUT)
    svc.cards_sync_for_document(document=fact.document)
    card = Flashcard.objects.get(fact=fact)
    assert (card.front, card.back) == (
        "El _____, la guerra comenzó con el ataque soviético.",
        "30 de noviembre de 1939",
    )


@pytest.mark.parametrize(
    ("status", "checks", "extra"),
    [
        (Status.DRAFT, {"failed": ["minor_fact"]}, {}),  # an incidental fact
        (Status.DRAFT, {"failed": ["long_to_publish"]}, {}),
        (Status.DRAFT, {"failed": ["stands_alone"]}, {}),
        (Status.DRAFT, {"failed": ["selected", "stands_alone"]}, {}),  # left out, and refused for quality too
        (Status.DRAFT, {"failed": []}, {}),  # published once, then unpublished by a teacher
        (Status.DRAFT, {}, {}),  # nothing recorded
        (Status.DRAFT, {"failed": "selected"}, {}),  # not a list
        (Status.ARCHIVED, LEFT_OUT, {}),
        (Status.DRAFT, LEFT_OUT, {"review_note": "La oración de origen cambió o desapareció al regenerar."}),
        (Status.DRAFT, LEFT_OUT, {"origin": Origin.AUTHORED}),  # a teacher's own draft: not ready until published
    ],
    ids=[
        "minor-fact",
        "long",
        "other-check",
        "selected-and-another",
        "unpublished",
        "no-checks",
        "odd-checks",
        "archived",
        "flagged",
        "teachers-draft",
    ],
)
def test_a_question_refused_for_quality_archived_or_not_ready_makes_no_card(status, checks, extra):
    fact = winter_fact()
    question = ask(fact, status=status, checks=checks)
    if extra:
        Question.objects.filter(pk=question.pk).update(**extra)
    svc.cards_sync_for_document(document=fact.document)
    assert not Flashcard.objects.filter(fact=fact).exists()


def test_a_published_question_comes_before_a_left_out_draft():
    fact = winter_fact()
    statement = "Verdadero o falso: el 30 de noviembre de 1939, la guerra comenzó con el ataque soviético."
    published = ask(fact, kind=QuestionKind.TRUE_FALSE, prompt=statement, quality=0.2)
    # Typed, better scored and edited by a teacher: still a draft, so after what publication chose.
    ask(fact, status=Status.DRAFT, checks=LEFT_OUT, quality=1.0, edited_by_teacher=True)
    ask(fact, prompt="¿Cuándo empezó la guerra?", status=Status.DRAFT, checks=LEFT_OUT, quality=0.9)
    svc.cards_sync_for_document(document=fact.document)
    assert Flashcard.objects.get(fact=fact).front == "El _____, la guerra comenzó con el ataque soviético."
    content.questions_archive(questions=[published])  # the drafts' own order: the teacher's edit first
    assert Flashcard.objects.get(fact=fact).front == WH_PROMPT


@pytest.mark.parametrize(
    ("kind", "prompt", "extra", "front", "back"),
    [
        (
            QuestionKind.NUMERIC,
            "¿En qué año comenzó la guerra con el ataque soviético?",
            {"numeric_value": 1939, "unit": "año"},
            "¿En qué año comenzó la guerra con el ataque soviético?",
            "1939",
        ),
        (
            QuestionKind.TRUE_FALSE,
            "Verdadero o falso: el 30 de noviembre de 1939, la guerra comenzó con el ataque soviético.",
            {"correct_bool": True},
            "El _____, la guerra comenzó con el ataque soviético.",
            "30 de noviembre de 1939",
        ),
        (
            QuestionKind.TRUE_FALSE,
            "Verdadero o falso: el 13 de marzo de 1940, la guerra comenzó con el ataque soviético.",
            {
                "correct_bool": False,
                "checks": {"notes": ["Afirmación falsa: «13 de marzo de 1940» en lugar de «30 de noviembre de 1939»."]},
            },
            "El _____, la guerra comenzó con el ataque soviético.",  # the false value is never shown
            "30 de noviembre de 1939",
        ),
        (
            QuestionKind.SINGLE_CHOICE,
            "La guerra comenzó el _____ con el ataque soviético.",
            {"choices": [("13 de marzo de 1940", False), ("30 de noviembre de 1939", True)]},
            "La guerra comenzó el _____ con el ataque soviético.",
            "30 de noviembre de 1939",
        ),
    ],
    ids=["numeric", "true-statement", "false-statement", "single-choice-cloze"],
)
def test_each_kind_gives_its_front_and_the_answer_it_shows(kind, prompt, extra, front, back):
    fact = winter_fact()
    ask(fact, kind=kind, prompt=prompt, **extra)
    svc.cards_sync_for_document(document=fact.document)
    card = Flashcard.objects.get(fact=fact)
    assert (card.front, card.back, card.context) == (front, back, SENTENCE)


@pytest.mark.parametrize(
    ("kind", "prompt", "extra"),
    [
        (QuestionKind.SINGLE_CHOICE, "¿Cuál de estas fechas es la del comienzo de la guerra?", {}),  # leans on options
        (QuestionKind.MULTIPLE_CHOICE, "Marque todas las opciones que completan el texto: _____.", {}),
        (QuestionKind.ORDERING, "Ordene estos hechos del más antiguo al más reciente.", {}),
        (QuestionKind.TRUE_FALSE, "Verdadero o falso: la guerra empezó en otoño.", {"correct_bool": True}),
        (QuestionKind.TRUE_FALSE, "Verdadero o falso: la guerra empezó en 1940.", {"correct_bool": False}),  # no note
    ],
    ids=["choice-wh", "multiple", "ordering", "true-without-answer", "false-without-swap"],
)
def test_questions_that_give_no_stand_alone_front_make_no_card(kind, prompt, extra):
    fact = winter_fact()
    ask(fact, kind=kind, prompt=prompt, **extra)
    svc.cards_sync_for_document(document=fact.document)
    assert not Flashcard.objects.filter(fact=fact).exists()


def test_odd_data_makes_no_error():
    fact = winter_fact()
    ask(fact)
    svc.cards_sync_for_document(document=fact.document)
    fact.sentence.delete()  # the fact keeps its question and loses its sentence (SET_NULL)
    factories.make_question(kind=QuestionKind.SHORT_ANSWER, document=fact.document)  # a question without a fact
    weird = another_fact(fact.document, "Finlandia")
    ask(weird, kind=QuestionKind.TRUE_FALSE, prompt="Verdadero o falso:", correct_bool=True, checks=["not", "a dict"])
    svc.cards_sync_for_document(document=fact.document)
    card = Flashcard.objects.get(fact=fact)
    assert (card.is_active, card.front, card.context, card.sentence) == (True, WH_PROMPT, "", None)
    assert Flashcard.objects.count() == 1


def test_sync_leaves_teacher_cards_alone():
    fact = winter_fact()
    ask(fact)
    authored = factories.make_flashcard(document=fact.document)
    on_a_fact = another_fact(fact.document, "Finlandia")
    ask(on_a_fact, prompt="¿Qué país atacó la Unión Soviética?")
    teachers = factories.make_flashcard(document=fact.document, fact=on_a_fact, front="Mi pregunta", back="Finlandia")
    svc.cards_sync_for_document(document=fact.document)
    authored.refresh_from_db()
    teachers.refresh_from_db()
    assert authored.is_active and authored.fact is None
    assert (teachers.front, teachers.origin, teachers.is_active) == ("Mi pregunta", "authored", True)
    Question.objects.filter(fact=on_a_fact).update(status=Status.DRAFT)
    svc.cards_sync_for_document(document=fact.document)
    teachers.refresh_from_db()
    assert teachers.is_active


def test_a_students_history_survives_unpublishing_and_comes_back_with_the_card(student):
    fact = carded_fact()
    row = factories.make_student_card(user=student, card=fact.flashcard, due=T0)
    review(student, row, 3, T0, 1)
    question = Question.objects.get(fact=fact)
    question.status = Status.DRAFT
    question.save()
    svc.cards_sync_for_document(document=fact.document)
    row.refresh_from_db()
    assert not row.card.is_active and row.reps == 1 and Review.objects.filter(student_card=row).count() == 1
    assert sel.queue_counts(user=student, now=row.due + timedelta(days=400)).due == 0  # withdrawn: not shown
    with pytest.raises(ServiceError) as exc:
        review(student, row, 3, row.due, 2)
    assert exc.value.code == Code.CARD_INACTIVE
    question.status = Status.PUBLISHED
    question.save()
    svc.cards_sync_for_document(document=fact.document)
    row.refresh_from_db()
    assert row.card.is_active and row.reps == 1  # the same card, its schedule kept
    assert sel.queue_counts(user=student, now=row.due).due == 1


# ---------------------------------------------------------------- which documents a student studies


def test_students_in_no_class_study_all_published_documents(student):
    published = factories.make_document()
    factories.make_document(is_published=False)
    assert list(sel.study_documents(user=student)) == [published]


def test_students_in_a_class_study_the_documents_of_its_assignments(student, other_student):
    used, by_question, unused = (factories.make_document() for _ in range(3))
    quiz = factories.make_quiz(document=used, questions=[factories.make_question(document=by_question)])
    classroom = factories.make_classroom(students=[student])
    Assignment.objects.create(classroom=classroom, quiz=quiz)
    assert set(sel.study_documents(user=student)) == {used, by_question}
    assert set(sel.study_documents(user=other_student)) == {used, by_question, unused}


def test_a_class_without_assignments_falls_back_to_all_published(student):
    doc = factories.make_document()
    factories.make_classroom(students=[student])
    assert list(sel.study_documents(user=student)) == [doc]


def test_student_cards_sync_gives_new_states_once(student):
    doc = factories.make_document()
    cards = [factories.make_flashcard(document=doc) for _ in range(3)]
    factories.make_flashcard(document=doc, is_active=False)
    assert svc.student_cards_sync(user=student, now=T0) == 3
    assert svc.student_cards_sync(user=student, now=T0) == 0
    rows = StudentCard.objects.filter(user=student)
    assert {r.card_id for r in rows} == {c.id for c in cards}
    assert {r.state for r in rows} == {CardState.NEW}


# ---------------------------------------------------------------- rating a card


def review(user, row, rating, now, n, **kw):
    return svc.card_review(
        user=user, student_card_id=row.pk, rating=rating, token=token(n), duration_ms=1500, now=now, **kw
    )


def test_days_of_reviews_match_py_fsrs(student):
    """Rate each time the card falls due (plus a delay), for weeks; the row follows py-fsrs exactly."""
    row = factories.make_student_card(user=student, due=T0)
    lib = fsrs.Scheduler(enable_fuzzing=False)
    card = fsrs.Card(card_id=1, due=T0)
    # (delay after the card falls due, rating): learning steps, graduation, a lapse, relearning, easy.
    history = [(0, 3), (60, 3), (3600, 3), (86400, 2), (2 * 86400, 1), (0, 3), (5 * 3600, 4), (0, 3)]
    for n, (delay, rating) in enumerate(history):
        now = row.due + timedelta(seconds=delay)
        result = review(student, row, rating, now, n)
        assert not result.duplicate
        card, _ = lib.review_card(card, fsrs.Rating(rating), review_datetime=now)
        row.refresh_from_db()
        assert row.due == card.due
        assert row.state == int(card.state)
        assert row.stability == pytest.approx(card.stability)
        assert row.difficulty == pytest.approx(card.difficulty)
    assert row.due - T0 > timedelta(days=14)
    assert row.reps == len(history) and row.lapses == 1
    logged = list(Review.objects.filter(student_card=row).order_by("reviewed_at"))
    assert [r.rating for r in logged] == [r for _s, r in history]
    assert logged[0].state_before == CardState.NEW and logged[0].interval_before is None
    assert logged[0].interval_after == timedelta(minutes=10)
    assert logged[4].state_before == CardState.REVIEW and logged[4].interval_before >= timedelta(days=1)
    assert all(r.source == ReviewSource.REVIEW and r.duration_ms == 1500 for r in logged)


def test_same_token_twice_logs_exactly_one_review(student):
    row = factories.make_student_card(user=student, due=T0)
    first = review(student, row, 3, T0, 1)
    second = review(student, row, 1, T0 + timedelta(seconds=5), 1)
    assert (first.duplicate, second.duplicate) == (False, True)
    assert second.review.pk == first.review.pk
    assert Review.objects.count() == 1
    row.refresh_from_db()
    assert row.reps == 1 and row.state == CardState.LEARNING


def test_a_token_used_on_another_card_is_refused(student):
    a = factories.make_student_card(user=student, due=T0)
    b = factories.make_student_card(user=student, due=T0)
    review(student, a, 3, T0, 1)
    with pytest.raises(ServiceError) as exc:
        review(student, b, 3, T0, 1)
    assert exc.value.code == Code.REVIEW_TOKEN_INVALID
    b.refresh_from_db()
    assert (b.reps, b.state, b.due) == (0, CardState.NEW, T0) and Review.objects.count() == 1


def test_a_replayed_token_on_a_card_still_due_changes_nothing(student):
    """The replay gets as far as the write (no expected reps, the card still due): on PostgreSQL the one statement
    that stores the card and logs the review finds the token taken and writes neither; the row returned is the
    card as it is."""
    row = factories.make_student_card(user=student, due=T0)
    first = review(student, row, 1, T0, 1)
    stored = StudentCard.objects.get(pk=row.pk)
    again = review(student, row, 4, T0 + timedelta(minutes=30), 1)
    assert again.duplicate and again.review.pk == first.review.pk and Review.objects.count() == 1
    assert (again.student_card.reps, again.student_card.state, again.student_card.due) == (
        stored.reps,
        stored.state,
        stored.due,
    )
    row.refresh_from_db()
    assert (row.reps, row.state, row.due, row.stability) == (stored.reps, stored.state, stored.due, stored.stability)


def test_two_tabs_rating_the_same_card_one_wins(student):
    row = factories.make_student_card(user=student, due=T0)
    review(student, row, 3, T0, 1, expected_reps=0)
    with pytest.raises(ServiceError) as exc:
        review(student, row, 1, T0 + timedelta(seconds=3), 2, expected_reps=0)
    assert exc.value.code == Code.CARD_STALE
    row.refresh_from_db()
    assert row.reps == 1 and Review.objects.count() == 1
    assert row.due == T0 + timedelta(minutes=10)


def test_a_card_not_due_is_left_alone(student):
    row = factories.make_student_card(user=student, due=T0)
    review(student, row, 4, T0, 1)  # Easy: review state, due in days
    row.refresh_from_db()
    due = row.due
    with pytest.raises(ServiceError) as exc:
        review(student, row, 1, T0 + timedelta(hours=1), 2)
    assert exc.value.code == Code.CARD_NOT_DUE
    row.refresh_from_db()
    assert row.due == due and Review.objects.count() == 1


def test_learning_cards_may_be_reviewed_a_little_early(student):
    row = factories.make_student_card(user=student, due=T0)
    review(student, row, 3, T0, 1)  # due in 10 min
    assert review(student, row, 3, T0 + timedelta(minutes=2), 2).review.rating == 3


def test_another_students_card_does_not_exist_for_me(student, other_student):
    row = factories.make_student_card(user=other_student, due=T0)
    with pytest.raises(StudentCard.DoesNotExist):
        review(student, row, 3, T0, 1)
    assert Review.objects.count() == 0


@pytest.mark.parametrize("rating", [0, 5, -3, "3", None, 2.5, True])
def test_ratings_outside_one_to_four_are_a_validation_error(student, rating):
    row = factories.make_student_card(user=student, due=T0)
    with pytest.raises(ServiceError) as exc:
        review(student, row, rating, T0, 1)
    assert exc.value.code == Code.RATING_INVALID
    assert Review.objects.count() == 0


@pytest.mark.parametrize("bad", ["", "short", "x" * 65, "tok en with spaces", None, 12345678])
def test_malformed_tokens_are_refused(student, bad):
    row = factories.make_student_card(user=student, due=T0)
    with pytest.raises(ServiceError) as exc:
        svc.card_review(user=student, student_card_id=row.pk, rating=3, token=bad, duration_ms=None, now=T0)
    assert exc.value.code == Code.REVIEW_TOKEN_INVALID


def test_huge_or_negative_durations_are_clamped(student):
    row = factories.make_student_card(user=student, due=T0)
    svc.card_review(user=student, student_card_id=row.pk, rating=3, token=token(1), duration_ms=10**12, now=T0)
    assert Review.objects.get().duration_ms == svc.MAX_DURATION_MS


def test_inactive_cards_are_not_rated(student):
    row = factories.make_student_card(user=student, due=T0, card=factories.make_flashcard(is_active=False))
    with pytest.raises(ServiceError) as exc:
        review(student, row, 3, T0, 1)
    assert exc.value.code == Code.CARD_INACTIVE
    assert Review.objects.count() == 0


def test_eighth_lapse_flags_a_leech(student):
    row = factories.make_student_card(
        user=student, due=T0, state=CardState.REVIEW, stability=3.0, difficulty=5.0, last_review=T0 - timedelta(days=3)
    )
    now = T0
    flagged = []
    for n in range(8):
        result = review(student, row, 1, now, 100 + n)
        flagged.append(result.became_leech)
        row.refresh_from_db()
        # Back to review state: relearn it with Good after the 10-minute step, then wait until it is due.
        review(student, row, 3, row.due, 200 + n)
        row.refresh_from_db()
        now = row.due
    assert row.lapses == 8 and row.is_leech
    assert flagged == [False] * 7 + [True]


# ---------------------------------------------------------------- quiz answers feed cards


def test_a_wrong_quiz_answer_makes_the_card_due_now(student):
    fact = carded_fact()
    row = factories.make_student_card(user=student, card=fact.flashcard, due=T0)
    review(student, row, 4, T0, 1)  # Easy: due in days
    later = T0 + timedelta(hours=5)
    logged = svc.card_record_quiz_answer(user=student, fact=fact, correct=False, now=later)
    row.refresh_from_db()
    assert row.due == later and row.state == CardState.RELEARNING and row.lapses == 1
    assert (logged.source, logged.rating, logged.token) == (ReviewSource.QUIZ, 1, None)
    counts = sel.queue_counts(user=student, now=later)
    assert sel.next_card(user=student, now=later, counts=counts) == row


def test_a_wrong_quiz_answer_creates_the_card_state_when_missing(student):
    fact = carded_fact()
    svc.card_record_quiz_answer(user=student, fact=fact, correct=False, now=T0)
    row = StudentCard.objects.get(user=student)
    assert row.due == T0 and row.state == CardState.LEARNING and row.reps == 1


def test_a_right_quiz_answer_counts_as_good_only_for_a_due_card(student):
    fact = carded_fact()
    assert svc.card_record_quiz_answer(user=student, fact=fact, correct=True, now=T0) is None  # never studied
    assert not StudentCard.objects.exists()
    svc.student_cards_sync(user=student, now=T0)
    assert svc.card_record_quiz_answer(user=student, fact=fact, correct=True, now=T0) is None  # new: untouched
    row = StudentCard.objects.get(user=student)
    assert row.reps == 0
    review(student, row, 4, T0, 1)
    row.refresh_from_db()
    assert svc.card_record_quiz_answer(user=student, fact=fact, correct=True, now=T0 + timedelta(hours=1)) is None
    logged = svc.card_record_quiz_answer(user=student, fact=fact, correct=True, now=row.due)
    assert (logged.rating, logged.source, logged.state_before) == (3, ReviewSource.QUIZ, CardState.REVIEW)
    row.refresh_from_db()
    assert row.reps == 2 and row.due > logged.reviewed_at + timedelta(days=1)


def test_a_fact_without_card_is_ignored(student):
    assert svc.card_record_quiz_answer(user=student, fact=winter_fact(), correct=False, now=T0) is None
    assert Review.objects.count() == 0


# ---------------------------------------------------------------- the queue


def test_queue_due_cards_most_overdue_first_then_new_within_the_daily_limit(student):
    student.daily_new_cards = 2
    student.save()
    doc = factories.make_document()
    now = T0 + timedelta(days=10)

    def started(days_overdue):
        return factories.make_student_card(
            user=student,
            card=factories.make_flashcard(document=doc),
            due=now - timedelta(days=days_overdue),
            state=CardState.REVIEW,
            stability=5.0,
            difficulty=5.0,
            last_review=now - timedelta(days=days_overdue + 5),
        )

    a_little, very = started(1), started(6)
    new = [
        factories.make_student_card(user=student, card=factories.make_flashcard(document=doc), due=T0) for _ in range(4)
    ]
    later = factories.make_student_card(
        user=student, card=factories.make_flashcard(document=doc), due=now + timedelta(days=2), state=CardState.REVIEW,
        stability=5.0, difficulty=5.0, last_review=now - timedelta(days=1),
    )  # fmt: skip
    seen = []
    for n in range(10):
        counts = sel.queue_counts(user=student, now=now)
        card = sel.next_card(user=student, now=now, counts=counts)
        if card is None:
            break
        seen.append(card)
        review(student, card, 3, now, n)
    # Due cards by overdueness, then two new cards; their learning steps (10 min) are respected: not yet again.
    assert seen[:4] == [very, a_little, new[0], new[1]]
    assert later not in seen
    counts = sel.queue_counts(user=student, now=now)
    assert counts.new_available == 0 and counts.new_today == 2
    # The two new cards are due again 10 minutes later (learn-ahead shows them after 0 min... within 20 min).
    assert set(seen[4:]) == {new[0], new[1]}
    assert sel.next_card(user=student, now=now, counts=sel.queue_counts(user=student, now=now)) is None
    assert sel.next_due_at(user=student, now=now) is not None


def test_a_cards_siblings_wait_until_the_other_cards_are_seen_and_the_day_is_over(student):
    """Two facts of one sentence (one's answer may be on the other's front): once one is reviewed, the other comes
    after every other card of its group that day; it is spaced, not buried (the counts stay, it comes when nothing
    else is left), and the next day the order is the due date's again."""
    doc = factories.make_document()
    shared = factories.make_sentence(document=doc, index=1, text="En 1809 Suecia cedió Finlandia a Rusia.")
    other = factories.make_sentence(document=doc, index=2, text="Helsinki es la capital.", start=50)
    a, b = (
        factories.make_student_card(
            user=student, card=factories.make_flashcard(document=doc, sentence=shared), due=T0 - timedelta(minutes=m)
        )
        for m in (3, 2)
    )
    c = factories.make_student_card(
        user=student, card=factories.make_flashcard(document=doc, sentence=other), due=T0 - timedelta(minutes=1)
    )
    loose = factories.make_student_card(user=student, card=factories.make_flashcard(document=doc), due=T0)

    def next_at(now):
        return sel.next_card(user=student, now=now, counts=sel.queue_counts(user=student, now=now))

    assert next_at(T0) == a
    review(student, a, 3, T0, 1)
    counts = sel.queue_counts(user=student, now=T0)
    assert counts.new_available == 3  # b is still counted
    assert next_at(T0) == c  # b, a's sibling, waits though it is older
    review(student, c, 3, T0, 2)
    assert next_at(T0) == loose  # a card with no sentence is nobody's sibling
    review(student, loose, 3, T0, 3)
    assert next_at(T0) == b  # nothing else new is left: the sibling is shown


def test_siblings_are_spaced_only_on_the_day_of_the_review_and_only_for_the_student_who_reviewed(
    student, other_student
):
    doc = factories.make_document()
    shared = factories.make_sentence(document=doc, index=1, text="En 1809 Suecia cedió Finlandia a Rusia.")
    cards = [factories.make_flashcard(document=doc, sentence=shared) for _ in range(2)] + [
        factories.make_flashcard(document=doc)
    ]
    rows = {
        user: [
            factories.make_student_card(user=user, card=card, due=T0 - timedelta(minutes=3 - i))
            for i, card in enumerate(cards)
        ]
        for user in (student, other_student)
    }

    def next_for(user, now):
        return sel.next_card(user=user, now=now, counts=sel.queue_counts(user=user, now=now))

    review(student, rows[student][0], 4, T0, 1)  # «Fácil»: out of the queue for days
    assert next_for(student, T0) == rows[student][2]  # today the sibling waits
    tomorrow = T0 + timedelta(days=1)
    assert next_for(student, tomorrow) == rows[student][1]  # tomorrow it is the oldest new card again
    assert next_for(other_student, T0) == rows[other_student][0]  # another student's reviews are not hers


def test_panel_counts_unseen_new_cards_and_says_when_next_is_due(student):
    doc = factories.make_document()
    for _ in range(25):
        factories.make_flashcard(document=doc)
    panel = sel.cards_panel(user=student, now=T0)
    assert panel.new == 20 and panel.due == 0 and panel.next_due_at is None


def test_statistics(student):
    doc = factories.make_document()
    rows = [
        factories.make_student_card(user=student, card=factories.make_flashcard(document=doc), due=T0) for _ in range(3)
    ]
    review(student, rows[0], 4, T0, 1)
    review(student, rows[1], 3, T0, 2)
    rows[0].refresh_from_db()
    review(student, rows[0], 1, rows[0].due, 3)  # a lapse of a review card
    row = StudentCard.objects.get(pk=rows[0].pk)
    review(student, row, 3, row.due, 4)
    row.refresh_from_db()
    review(student, row, 3, row.due, 5)  # passed in review state
    now = row.due
    stats = sel.card_statistics(user=student, now=now)
    assert stats.total_cards == 3
    assert {str(k): v for k, v in stats.by_state}["Nueva"] == 1
    all_time = stats.retention[-1]
    assert (all_time.young_total + all_time.mature_total, all_time.total) == (2, 50.0)
    assert sum(b.reviews for b in stats.per_day) in (0, 1, 2, 3, 4, 5)
    assert stats.weakest[0][0] is not None


def test_bench_command_measures_and_leaves_nothing_behind():
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("bench_cards", cards=5, reviews=3, stdout=out)
    assert "rate (card_review)" in out.getvalue()
    assert not StudentCard.objects.exists() and not Review.objects.exists()


def test_the_seed_documents_cards_ask_what_passed_every_check():
    """Every active card of the generated seed asks a fact's published question, or a generated draft left out of
    the quiz only by the selection (or the cloze of such a true/false statement), never the raw sentence of a fact
    whose every item was refused; a fact with a published question takes its card from it; the others' cards stay
    withdrawn. The deck reaches beyond the quiz bank (8 cards today, 4 of them from published questions)."""
    from pathlib import Path

    from quizzes.models import Document, Fact
    from quizzes.services import generation

    text = (Path(__file__).parents[1] / "data" / "guerra-de-invierno.txt").read_text(encoding="utf-8")
    document = Document.objects.create(title="La Guerra de Invierno", text=text)
    generation.document_generate_questions(document=document)
    facts = list(Fact.objects.filter(document=document).select_related("sentence"))
    sources = [q for q in Question.objects.filter(document=document).exclude(fact=None) if svc.makes_card(q)]
    published_facts = {q.fact_id for q in sources if q.status == Status.PUBLISHED}
    source_facts = {q.fact_id for q in sources}
    raw_clozes = {
        f.sentence.text[: f.start - f.sentence.start] + svc.CLOZE_BLANK + f.sentence.text[f.end - f.sentence.start :]
        for f in facts
        if f.sentence
    }
    cards = list(Flashcard.objects.filter(document=document, is_active=True).select_related("fact__sentence"))
    assert cards, "the seed publishes questions: its deck is not empty"
    assert len(cards) < len(facts)
    assert {c.fact_id for c in cards} - published_facts, "drafts left out by the selection add cards"
    for card in cards:
        assert card.fact_id in source_facts
        asked = [q for q in sources if q.fact_id == card.fact_id]
        if card.fact_id in published_facts:
            asked = [q for q in asked if q.status == Status.PUBLISHED]  # what publication chose comes first
        prompts = {q.prompt for q in asked if q.kind != QuestionKind.TRUE_FALSE}
        statements = {card_fronts.statement_of(q.prompt) for q in asked if q.kind == QuestionKind.TRUE_FALSE}
        assert card.front not in raw_clozes or card.front in prompts
        assert card.context == card.fact.sentence.text
        if card.front in prompts:
            continue
        # The cloze of a true/false statement: the statement with one piece blanked.
        before, after = card.front.split(svc.CLOZE_BLANK, 1)
        assert any(s.startswith(before) and s.endswith(after) for s in statements), card.front
    refused = [f for f in facts if f.pk not in source_facts]
    assert not Flashcard.objects.filter(fact__in=refused, is_active=True).exists()
    again = svc.cards_sync_for_document(document=document)
    assert (again.created, again.updated, again.deactivated) == (0, 0, 0)


@pytest.mark.parametrize(
    "fields",
    [
        {"state": CardState.NEW, "last_review": T0, "stability": 1.0, "reps": 1},
        {"state": CardState.NEW, "reps": 2},
        {"state": CardState.REVIEW, "reps": 1},  # started without FSRS memory
        {"state": CardState.LEARNING, "stability": 0.0, "difficulty": 5.0, "last_review": T0, "reps": 1},
        {"state": 7},
    ],
)
def test_card_state_constraints_hold_in_the_database(student, fields):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        StudentCard.objects.create(user=student, card=factories.make_flashcard(), due=T0, **fields)


def test_sync_locks_the_documents_row_before_reading(monkeypatch):
    """Two syncs of one document run one after the other (the PostgreSQL race is in test_cards_concurrency.py)."""
    fact = winter_fact()
    ask(fact)
    locked = []
    real = QuerySet.select_for_update

    def spy(self, *args, **kwargs):
        locked.append(self.model)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "select_for_update", spy)
    svc.cards_sync_for_document(document=fact.document)
    assert locked[:1] == [Document]


# ---------------------------------------------------------------- what «escribir la respuesta» accepts


def test_a_typed_card_keeps_its_questions_other_accepted_answers_and_checks_them():
    fact = winter_fact()
    ask(fact, accepted=["30 de noviembre de 1939", "noviembre de 1939", "1939"])
    svc.cards_sync_for_document(document=fact.document)
    card = Flashcard.objects.get(fact=fact)
    assert card.back == "30 de noviembre de 1939"
    assert card.answer_key == {"accepted": ["noviembre de 1939", "1939"]}
    assert typed_answer_ok(typed=" Noviembre de 1939. ", card=card)
    assert typed_answer_ok(typed="1939", card=card)
    assert not typed_answer_ok(typed="1940", card=card)
    assert not typed_answer_ok(typed="", card=card)


def test_a_typed_card_accepts_the_words_its_front_implies_and_an_acronym_with_dots():
    fact = winter_fact(aliases=["URSS"])
    ask(fact, accepted=["30 de noviembre de 1939", "1939"])
    svc.cards_sync_for_document(document=fact.document)
    card = Flashcard.objects.get(fact=fact)
    for typed in ("en 1939", "año 1939", "el año 1939", "el 30 de noviembre de 1939", "U.R.S.S."):
        assert typed_answer_ok(typed=typed, card=card), typed
    for typed in ("1938", "en 1938", "el año 1938", "antes de 1939", "U.R.S."):
        assert not typed_answer_ok(typed=typed, card=card), typed


def test_a_numeric_card_takes_a_year_typed_with_the_words_its_front_implies():
    fact = winter_fact()
    ask(fact, kind=QuestionKind.NUMERIC, prompt="¿En qué año empezó la guerra?", numeric_value=1939)
    svc.cards_sync_for_document(document=fact.document)
    card = Flashcard.objects.get(fact=fact)
    for typed in ("1939", "en 1939", "año 1939", "en el año 1939"):
        assert typed_answer_ok(typed=typed, card=card), typed
    for typed in ("1938", "en 1938", "el año 1938"):
        assert not typed_answer_ok(typed=typed, card=card), typed


def test_a_numeric_card_checks_the_number_within_the_questions_tolerance_and_unit():
    fact = winter_fact()
    ask(
        fact,
        kind=QuestionKind.NUMERIC,
        prompt="¿Cuántos kilómetros recorrió el ejército?",
        numeric_value=105,
        numeric_tolerance=5,
        unit="km",
    )
    svc.cards_sync_for_document(document=fact.document)
    card = Flashcard.objects.get(fact=fact)
    assert card.back == "105 km"
    assert card.answer_key == {"value": 105, "tolerance": 5, "unit": "km"}
    for typed in ("105", "105 km", "108", "100 km", "105."):
        assert typed_answer_ok(typed=typed, card=card), typed
    for typed in ("111", "105 millas", "km", "cien"):
        assert not typed_answer_ok(typed=typed, card=card), typed


def test_a_rewording_that_drops_an_accepted_answer_drops_it_from_the_card():
    fact = winter_fact()
    question = ask(fact, accepted=["30 de noviembre de 1939", "1939"])
    svc.cards_sync_for_document(document=fact.document)
    question.accepted_answers.filter(text="1939").delete()
    svc.cards_sync_for_document(document=fact.document)
    card = Flashcard.objects.get(fact=fact)
    assert card.answer_key == {}
    assert not typed_answer_ok(typed="1939", card=card)


@pytest.mark.parametrize(
    "key",
    [
        {"accepted": "1939"},
        {"accepted": [1939, None]},
        {"value": "105"},
        {"value": True},
        ["x"],
        None,
        {"value": 1e400},
    ],
)
def test_a_malformed_answer_key_falls_back_to_the_back(key):
    fact = carded_fact()
    card = Flashcard.objects.get(fact=fact)
    card.answer_key = key
    assert typed_answer_ok(typed="30 de noviembre de 1939", card=card)
    assert not typed_answer_ok(typed="1", card=card)
    assert not typed_answer_ok(typed="9", card=card)
