"""Explicit factories with unique defaults (djangoproject.com style): make_<thing>(**overrides)."""

import itertools
from decimal import Decimal

from quizzes.models import (
    AcceptedAnswer,
    Assignment,
    Choice,
    Classroom,
    Document,
    Enrollment,
    Fact,
    Flashcard,
    Question,
    QuestionKind,
    Quiz,
    QuizItem,
    Sentence,
    Status,
    StudentCard,
    User,
)
from quizzes.permissions import teachers_group

_seq = itertools.count(1)

PASSWORD = "contraseña-de-prueba"


def make_user(*, username: str | None = None, password: str = PASSWORD, **extra) -> User:
    user = User.objects.create_user(username=username or f"user{next(_seq)}", password=password, **extra)
    return user


def make_student(**kwargs) -> User:
    return make_user(**kwargs)


def make_teacher(**kwargs) -> User:
    user = make_user(is_staff=True, **kwargs)
    user.groups.add(teachers_group())
    return user


def make_document(*, title: str | None = None, text: str = "Finlandia es un país. Helsinki es su capital.", **extra):
    return Document.objects.create(title=title or f"Documento {next(_seq)}", text=text, **extra)


def make_sentence(*, document=None, index: int = 0, text: str = "Finlandia es un país.", start: int = 0):
    document = document or make_document()
    return Sentence.objects.create(document=document, index=index, text=text, start=start, end=start + len(text))


def make_fact(*, document=None, sentence=None, kind: str = "place", answer: str = "Finlandia", **extra) -> Fact:
    sentence = sentence or make_sentence(document=document)
    return Fact.objects.create(
        document=sentence.document,
        sentence=sentence,
        key=extra.pop("key", f"fact-{next(_seq)}"),
        kind=kind,
        answer=answer,
        start=extra.pop("start", 0),
        end=extra.pop("end", len(answer)),
        **extra,
    )


def make_question(
    *,
    kind: str = QuestionKind.SINGLE_CHOICE,
    prompt: str | None = None,
    status: str = Status.PUBLISHED,
    choices: list[tuple[str, bool]] | None = None,
    accepted: list[str] | None = None,
    **extra,
) -> Question:
    """Make a valid question of any kind; choices/accepted answers get sensible defaults per kind."""
    if kind == QuestionKind.TRUE_FALSE:
        extra.setdefault("correct_bool", True)
    if kind == QuestionKind.NUMERIC:
        extra.setdefault("numeric_value", 1939)
        extra.setdefault("numeric_tolerance", 0)
    question = Question.objects.create(
        kind=kind, prompt=prompt or f"Pregunta {next(_seq)}: ¿_____?", status=status, **extra
    )
    if choices is None:
        choices = {
            QuestionKind.SINGLE_CHOICE: [
                ("Finlandia", True),
                ("Suecia", False),
                ("Noruega", False),
                ("Dinamarca", False),
            ],
            QuestionKind.MULTIPLE_CHOICE: [("Salla", True), ("Petsamo", True), ("Madrid", False), ("Lisboa", False)],
            QuestionKind.ORDERING: [("Primero", False), ("Segundo", False), ("Tercero", False)],
        }.get(kind, [])
    for position, (text, correct) in enumerate(choices, start=1):
        Choice.objects.create(question=question, text=text, is_correct=correct, position=position)
    if accepted is None:
        accepted = ["Unión Soviética", "URSS"] if kind == QuestionKind.SHORT_ANSWER else []
    for text in accepted:
        AcceptedAnswer.objects.create(question=question, text=text)
    return question


def make_quiz(
    *, questions: list[Question] | None = None, n_questions: int = 0, status: str = Status.PUBLISHED, **extra
):
    quiz = Quiz.objects.create(title=extra.pop("title", f"Cuestionario {next(_seq)}"), status=status, **extra)
    questions = list(questions or []) + [make_question() for _ in range(n_questions)]
    for position, question in enumerate(questions, start=1):
        QuizItem.objects.create(quiz=quiz, question=question, position=position, points=Decimal("1"))
    return quiz


def make_classroom(*, teachers=(), students=(), **extra) -> Classroom:
    classroom = Classroom.objects.create(name=extra.pop("name", f"Clase {next(_seq)}"), **extra)
    classroom.teachers.add(*teachers)
    for student in students:
        Enrollment.objects.create(classroom=classroom, student=student)
    return classroom


def make_assignment(*, classroom, quiz, **extra) -> Assignment:
    return Assignment.objects.create(classroom=classroom, quiz=quiz, **extra)


def make_quiz_of_every_kind(**extra):
    """A published quiz with one question of each of the six kinds (in the order of QuestionKind)."""
    questions = [
        make_question(kind=QuestionKind.SINGLE_CHOICE, prompt="¿Qué país invadió la URSS en 1939?"),
        make_question(kind=QuestionKind.MULTIPLE_CHOICE, prompt="¿Qué lugares cedió Finlandia?"),
        make_question(kind=QuestionKind.TRUE_FALSE, prompt="La guerra empezó en noviembre de 1939."),
        make_question(kind=QuestionKind.SHORT_ANSWER, prompt="¿Qué país atacó a Finlandia?"),
        make_question(
            kind=QuestionKind.NUMERIC, prompt="¿En qué año empezó la guerra?", numeric_value=1939, numeric_tolerance=0
        ),
        make_question(kind=QuestionKind.ORDERING, prompt="Ordene los acontecimientos."),
    ]
    return make_quiz(questions=questions, **extra)


def make_flashcard(*, document=None, front: str | None = None, back: str = "Helsinki", **extra) -> Flashcard:
    document = document or make_document()
    return Flashcard.objects.create(
        document=document, front=front or f"Tarjeta {next(_seq)}: ¿capital de Finlandia?", back=back, **extra
    )


def make_student_card(*, user, card=None, due=None, **extra) -> StudentCard:
    from django.utils import timezone

    card = card or make_flashcard()
    if extra.get("state"):  # a started card has been reviewed at least once
        extra.setdefault("reps", 1)
    return StudentCard.objects.create(user=user, card=card, due=due or timezone.now(), **extra)


# ---------------------------------------------------------------- classes, attempts and cards (reports)


def make_attempt(*, user, quiz, fractions=None, answers=None, number=None, submitted_at=None, state="submitted"):
    """Make an attempt with one response per quiz item; ``fractions`` (0..1 per item) sets the marks.

    ``answers`` (one stored answer per item, see quizzes/domain/grading.py) defaults to the right/wrong first option for choice
    questions. Score, percent and points are derived as the attempts service would store them.
    """
    from django.utils import timezone

    from quizzes.models import Attempt, Response

    items = list(quiz.items.select_related("question").order_by("position"))
    fractions = list(fractions) if fractions is not None else [1.0] * len(items)
    if number is None:
        number = Attempt.objects.filter(user=user, quiz=quiz).count() + 1
    when = submitted_at or timezone.now()
    submitted = state == "submitted"
    max_score = sum(item.points for item in items)
    score = sum(Decimal(str(f)) * item.points for f, item in zip(fractions, items, strict=True))
    attempt = Attempt.objects.create(
        user=user,
        quiz=quiz,
        number=number,
        state=state,
        started_at=when - timezone.timedelta(minutes=10),
        submitted_at=when if submitted else None,
        score=score if submitted else None,
        max_score=max_score,
        percent=float(score / max_score * 100) if submitted and max_score else None,
    )
    for slot, (item, fraction) in enumerate(zip(items, fractions, strict=True), start=1):
        answer = answers[slot - 1] if answers is not None else _default_answer(item.question, fraction)
        Response.objects.create(
            attempt=attempt,
            question=item.question,
            slot=slot,
            max_points=item.points,
            answer=answer,
            fraction=fraction,
            points=Decimal(str(fraction)) * item.points,
            answered_at=when,
        )
    return attempt


def _default_answer(question, fraction):
    choices = list(question.choices.all())
    if question.kind == QuestionKind.SINGLE_CHOICE:
        right = next(c for c in choices if c.is_correct)
        wrong = next(c for c in choices if not c.is_correct)
        return {"choice": (right if fraction >= 1 else wrong).pk}
    if question.kind == QuestionKind.MULTIPLE_CHOICE:
        return {"choices": [c.pk for c in choices if c.is_correct == (fraction >= 1)]}
    if question.kind == QuestionKind.TRUE_FALSE:
        return {"value": question.correct_bool if fraction >= 1 else not question.correct_bool}
    return {"text": "respuesta" if fraction >= 1 else "otra cosa"}


def make_card(*, user, fact=None, document=None, is_leech=False, lapses=0, state=2, due=None):
    from django.utils import timezone

    from quizzes.models import Flashcard, StudentCard

    fact = fact or make_fact(document=document)
    card, _created = Flashcard.objects.get_or_create(
        fact=fact, defaults={"document": fact.document, "front": f"¿{fact.answer}?", "back": fact.answer}
    )
    memory = {}
    if state:  # a started card has FSRS memory (database constraint studentcard_started_has_memory)
        memory = {"stability": 5.0, "difficulty": 5.0, "last_review": timezone.now() - timezone.timedelta(days=1)}
    return StudentCard.objects.create(
        user=user,
        card=card,
        state=state,
        due=due or timezone.now(),
        is_leech=is_leech,
        lapses=lapses,
        reps=1 if state else 0,
        **memory,
    )


def make_review(*, student_card, rating=3, reviewed_at=None, state_before=2):
    from django.utils import timezone

    from quizzes.models import Review

    return Review.objects.create(
        student_card=student_card,
        user=student_card.user,
        rating=rating,
        reviewed_at=reviewed_at or timezone.now(),
        state_before=state_before,
        interval_after=timezone.timedelta(days=3),
    )
