"""Demo quizzes made from the Winter War bank (part of `make run`'s set-up; idempotent)."""

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ..models import Assignment, FeedbackTiming, Question, QuestionKind, Quiz, QuizItem, Status

DEMO_REVIEW_QUIZ = "Tarea: todos los tipos de pregunta"
DEMO_PRACTICE_QUIZ = "Guerra de Invierno: práctica rápida"


@transaction.atomic
def demo_quizzes_create(*, document, classroom, teacher) -> list[str]:
    """Create, once, a review quiz with every kind of question (assigned to the class) and a timed practice quiz."""
    created: list[str] = []
    published = list(Question.objects.filter(document=document, status=Status.PUBLISHED).order_by("id"))
    if not published:
        return created
    if not Quiz.objects.filter(title=DEMO_REVIEW_QUIZ).exists():
        picked = []
        for kind in QuestionKind.values:
            picked += [q for q in published if q.kind == kind][:2]
        quiz = Quiz.objects.create(
            title=DEMO_REVIEW_QUIZ,
            description="Un repaso con preguntas de todos los tipos sobre el texto.",
            document=document,
            status=Status.PUBLISHED,
            feedback_timing=FeedbackTiming.AFTER_SUBMIT,
            created_by=teacher,
        )
        QuizItem.objects.bulk_create(
            QuizItem(quiz=quiz, question=q, position=i, points=Decimal("1")) for i, q in enumerate(picked, start=1)
        )
        Assignment.objects.create(
            classroom=classroom, quiz=quiz, due_at=timezone.now() + timedelta(days=7), assigned_by=teacher
        )
        created.append("quiz:review")
    if not Quiz.objects.filter(title=DEMO_PRACTICE_QUIZ).exists():
        quiz = Quiz.objects.create(
            title=DEMO_PRACTICE_QUIZ,
            description="Ocho preguntas al azar con la corrección al momento. Diez minutos.",
            document=document,
            status=Status.PUBLISHED,
            feedback_timing=FeedbackTiming.IMMEDIATE,
            time_limit_minutes=10,
            questions_per_attempt=8,
            shuffle_questions=True,
            created_by=teacher,
        )
        QuizItem.objects.bulk_create(
            QuizItem(quiz=quiz, question=q, position=i, points=Decimal("1")) for i, q in enumerate(published, start=1)
        )
        created.append("quiz:practice")
    return created
