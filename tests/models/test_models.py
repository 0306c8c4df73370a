"""Integrity lives in the database: each constraint is checked at the DB level and through full_clean()."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from quizzes.models import (
    AcceptedAnswer,
    Assignment,
    Attempt,
    Choice,
    Enrollment,
    Fact,
    Question,
    Quiz,
    QuizItem,
    Response,
    Review,
    StudentCard,
)
from tests import factories

pytestmark = pytest.mark.django_db


def integrity_error(fn):
    with pytest.raises(IntegrityError), transaction.atomic():
        fn()


def test_question_kind_status_and_prompt_are_checked_in_the_db():
    integrity_error(lambda: Question.objects.create(kind="essay", prompt="¿?"))
    integrity_error(lambda: Question.objects.create(kind="short_answer", prompt="¿?", status="lost"))
    integrity_error(lambda: Question.objects.create(kind="short_answer", prompt=""))


def test_true_false_needs_its_answer_and_numeric_its_value():
    integrity_error(lambda: Question.objects.create(kind="true_false", prompt="Finlandia es un país."))
    integrity_error(lambda: Question.objects.create(kind="numeric", prompt="¿Año?"))
    integrity_error(
        lambda: Question.objects.create(kind="numeric", prompt="¿Año?", numeric_value=1939, numeric_tolerance=-1)
    )


def test_full_clean_reports_constraints_as_validation_errors():
    question = Question(kind="numeric", prompt="¿Año?", numeric_value=1939, numeric_tolerance=-1)
    with pytest.raises(ValidationError):
        question.full_clean()


def test_choice_and_accepted_answer_texts_are_unique_per_question():
    question = factories.make_question()
    integrity_error(lambda: Choice.objects.create(question=question, text="Finlandia"))
    short = factories.make_question(kind="short_answer")
    integrity_error(lambda: AcceptedAnswer.objects.create(question=short, text="URSS"))


def test_generation_key_unique_per_document_but_blank_keys_repeat():
    document = factories.make_document()
    Question.objects.create(kind="short_answer", prompt="a", document=document, key="k1")
    Question.objects.create(kind="short_answer", prompt="b", document=document, key="")
    Question.objects.create(kind="short_answer", prompt="c", document=document, key="")
    integrity_error(lambda: Question.objects.create(kind="short_answer", prompt="d", document=document, key="k1"))


def test_fact_offsets_and_key():
    fact = factories.make_fact()
    integrity_error(
        lambda: Fact.objects.create(document=fact.document, key=fact.key, kind="place", answer="x", start=0, end=1)
    )
    integrity_error(
        lambda: Fact.objects.create(document=fact.document, key="other", kind="place", answer="x", start=5, end=5)
    )
    integrity_error(
        lambda: Fact.objects.create(document=fact.document, key="bad", kind="colour", answer="x", start=0, end=1)
    )


def test_quiz_settings_are_checked():
    integrity_error(lambda: Quiz.objects.create(title="Q1", pass_mark=101))
    now = timezone.now()
    integrity_error(lambda: Quiz.objects.create(title="Q2", opens_at=now, closes_at=now - timedelta(hours=1)))
    integrity_error(lambda: Quiz.objects.create(title="Q3", time_limit_minutes=0))
    quiz = factories.make_quiz(n_questions=1)
    question = quiz.questions.first()
    integrity_error(lambda: QuizItem.objects.create(quiz=quiz, question=question, position=2))
    integrity_error(lambda: QuizItem.objects.create(quiz=quiz, question=factories.make_question(), points=0))


def test_a_question_used_in_a_quiz_cannot_be_deleted():
    from django.db.models import ProtectedError

    quiz = factories.make_quiz(n_questions=1)
    with pytest.raises(ProtectedError):
        quiz.questions.first().delete()


def test_one_enrollment_and_one_assignment_per_class():
    student = factories.make_student()
    classroom = factories.make_classroom(students=[student])
    integrity_error(lambda: Enrollment.objects.create(classroom=classroom, student=student))
    quiz = factories.make_quiz(n_questions=1)
    Assignment.objects.create(classroom=classroom, quiz=quiz)
    integrity_error(lambda: Assignment.objects.create(classroom=classroom, quiz=quiz))


def test_attempt_integrity():
    student = factories.make_student()
    quiz = factories.make_quiz(n_questions=1)
    now = timezone.now()
    attempt = Attempt.objects.create(user=student, quiz=quiz, number=1, started_at=now)
    # One open attempt per user and quiz.
    integrity_error(lambda: Attempt.objects.create(user=student, quiz=quiz, number=2, started_at=now))
    # Numbers are unique per user and quiz.
    integrity_error(
        lambda: Attempt.objects.create(user=student, quiz=quiz, number=1, started_at=now, state="abandoned")
    )
    # A submitted attempt carries its score.
    integrity_error(
        lambda: Attempt.objects.create(user=student, quiz=quiz, number=3, started_at=now, state="submitted")
    )
    question = quiz.questions.first()
    Response.objects.create(attempt=attempt, question=question, slot=1, max_points=1)
    integrity_error(lambda: Response.objects.create(attempt=attempt, question=question, slot=2, max_points=1))
    integrity_error(
        lambda: Response.objects.create(attempt=attempt, question=factories.make_question(), slot=1, max_points=1)
    )


def test_card_state_integrity():
    from quizzes.models import Flashcard

    student = factories.make_student()
    document = factories.make_document()
    card = Flashcard.objects.create(document=document, front="¿Capital de Finlandia?", back="Helsinki")
    now = timezone.now()
    state = StudentCard.objects.create(user=student, card=card, due=now)
    integrity_error(lambda: StudentCard.objects.create(user=student, card=card, due=now))
    integrity_error(
        lambda: Review.objects.create(
            student_card=state, user=student, rating=5, reviewed_at=now, state_before=0, interval_after=timedelta(0)
        )
    )
    Review.objects.create(
        student_card=state,
        user=student,
        rating=3,
        reviewed_at=now,
        state_before=0,
        interval_after=timedelta(0),
        token="t1",
    )
    integrity_error(
        lambda: Review.objects.create(
            student_card=state,
            user=student,
            rating=3,
            reviewed_at=now,
            state_before=0,
            interval_after=timedelta(0),
            token="t1",
        )
    )
