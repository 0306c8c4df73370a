"""Demo quizzes made from a document's published questions (part of `make run`'s set-up; idempotent)."""

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ..models import Assignment, Document, FeedbackTiming, Question, QuestionKind, Quiz, QuizItem, Status

DEMO_REVIEW_QUIZ = "Tarea: todos los tipos de pregunta"
DEMO_PRACTICE_QUIZ = "Guerra de Invierno: práctica rápida"


@transaction.atomic
def demo_class_quizzes_create(*, document, classroom, teacher) -> list[str]:
    """Create, once, a review quiz with every kind of question (assigned to the class) and a timed practice quiz."""
    created: list[str] = []
    published = list(Question.objects.published().filter(document=document).order_by("id"))
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


DEMO_QUIZZES = [
    ("Fechas y cifras", "Cuándo ocurrió y cuánto: fechas, duraciones y cantidades del texto.", {"date", "number"}),
    ("Lugares y batallas", "Dónde ocurrió: países, regiones, ciudades y acontecimientos.", {"place", "event"}),
    ("Repaso general", "Un poco de todo, con preguntas de todos los tipos.", None),
]


@transaction.atomic
def demo_topic_quizzes_create(*, document: Document, size: int = 10) -> list[Quiz]:
    """Create (once) three published quizzes from the document's published generated questions."""
    quizzes = []
    published = list(
        Question.objects.published().filter(document=document).select_related("fact").order_by("key")
    )
    for title, description, kinds in DEMO_QUIZZES:
        quiz, created = Quiz.objects.get_or_create(
            title=title, defaults={"description": description, "document": document, "status": Status.DRAFT}
        )
        quizzes.append(quiz)
        if not created:
            continue
        pool = [q for q in published if kinds is None or (q.fact and q.fact.kind in kinds)]
        chosen: list[Question] = []
        # Spread over question kinds and facts: a quiz of ten cloze items on one name teaches little.
        by_kind: dict[str, list[Question]] = {}
        for q in pool:
            by_kind.setdefault(q.kind, []).append(q)
        used_facts: set[int] = set()
        while len(chosen) < size and any(by_kind.values()):
            for kind in sorted(by_kind):
                while by_kind[kind]:
                    q = by_kind[kind].pop(0)
                    if q.fact_id in used_facts and any(x.fact_id not in used_facts for x in by_kind[kind]):
                        by_kind[kind].append(q)
                        continue
                    chosen.append(q)
                    used_facts.add(q.fact_id)
                    break
                if len(chosen) >= size:
                    break
        QuizItem.objects.bulk_create(QuizItem(quiz=quiz, question=q, position=i) for i, q in enumerate(chosen, start=1))
        if chosen:
            quiz.status = Status.PUBLISHED
            quiz.save(update_fields=["status", "updated_at"])
    return quizzes
