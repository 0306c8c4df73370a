"""Demo quizzes made from a document's published questions (part of `make run`'s set-up; idempotent)."""

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ..generation.selection import select_quiz_items
from ..models import Assignment, Document, FeedbackTiming, Quiz, QuizItem, Status
from ..selectors.quiz_building import document_candidates
from ..services import invalidation

DEMO_REVIEW_QUIZ = "Tarea: todos los tipos de pregunta"
DEMO_PRACTICE_QUIZ = "Guerra de Invierno: práctica rápida"


@transaction.atomic
def demo_class_quizzes_create(*, document, classroom, teacher) -> list[str]:
    """Create, once, a review quiz with every kind of question (assigned to the class) and a timed practice quiz."""
    created: list[str] = []
    candidates = document_candidates(document=document)
    published = sorted((c.item for c in candidates), key=lambda q: q.pk)
    if not published:
        return created
    if not Quiz.objects.filter(title=DEMO_REVIEW_QUIZ).exists():
        # Every kind, taken in turn, two of each at most; no item gives another away (as «Crear desde un documento»).
        kinds = {q.kind for q in published}
        picked = [c.item for c in select_quiz_items(candidates, 2 * len(kinds))]
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
        invalidation.changed(everyone=True)  # bulk_create sends no signal
        created.append("quiz:practice")
    return created


DEMO_QUIZZES = [
    ("Fechas y cifras", "Cuándo ocurrió y cuánto: fechas, duraciones y cantidades del texto.", {"date", "number"}),
    (
        "Personas, lugares y batallas",
        "Quién y dónde: personas, países, regiones, ciudades y acontecimientos.",
        {"person", "organization", "place", "event"},
    ),
    ("Repaso general", "Un poco de todo, con preguntas de todos los tipos.", None),
]


@transaction.atomic
def demo_topic_quizzes_create(*, document: Document, size: int = 10) -> list[Quiz]:
    """Create (once) three published quizzes from the document's published generated questions.

    Each quiz is spread over facts, sentences and kinds, and no item gives another's answer away
    (`quizzes.generation.selection.select_quiz_items`).
    """
    quizzes = []
    candidates = document_candidates(document=document)
    for title, description, kinds in DEMO_QUIZZES:
        quiz, created = Quiz.objects.get_or_create(
            title=title, defaults={"description": description, "document": document, "status": Status.DRAFT}
        )
        quizzes.append(quiz)
        if not created:
            continue
        # An ordering item asks the order of events: it belongs with the events.
        pool = [
            c
            for c in candidates
            if kinds is None
            or (c.item.fact and c.item.fact.kind in kinds)
            or (c.kind == "ordering" and "event" in kinds)
        ]
        chosen = [c.item for c in select_quiz_items(pool, size)]
        QuizItem.objects.bulk_create(QuizItem(quiz=quiz, question=q, position=i) for i, q in enumerate(chosen, start=1))
        if chosen:
            quiz.status = Status.PUBLISHED
            quiz.save(update_fields=["status", "updated_at"])
    return quizzes
