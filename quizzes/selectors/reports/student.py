"""One student's page in a class: their attempts on the class's quizzes, weakest facts and leeches."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Avg, Count, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from ...models import (
    Assignment,
    Attempt,
    Classroom,
    Document,
    Response,
    StudentCard,
    User,
)
from .grid import CardActivity, card_activity


@dataclass(frozen=True)
class WeakFact:
    fact_id: int
    answer: str
    sentence_text: str | None
    accuracy: float  # 0..1
    n: int  # answers it rests on


@dataclass(frozen=True)
class StudentReport:
    student: User
    attempts: list[Attempt]
    weakest_facts: list[WeakFact]
    leeches: list[StudentCard]
    cards: CardActivity
    progress: list[tuple[datetime, float, str]]  # (submitted at, percent, quiz title)


def student_report(*, classroom: Classroom, student: User, now: datetime | None = None) -> StudentReport:
    """Return one student's attempts on the class's quizzes, weakest facts and leeches."""
    now = now or timezone.now()
    quiz_ids = Assignment.objects.filter(classroom=classroom).values("quiz")
    attempts = list(
        Attempt.objects.for_student(student).filter(quiz__in=quiz_ids).select_related("quiz").order_by("-started_at")
    )
    weakest = [
        WeakFact(
            fact_id=row["question__fact_id"],
            answer=row["question__fact__answer"],
            sentence_text=row["question__fact__sentence__text"],
            accuracy=row["accuracy"],
            n=row["n"],
        )
        for row in Response.objects.for_student(student)
        .submitted()
        .filter(attempt__quiz__in=quiz_ids, question__fact__isnull=False)
        .values("question__fact_id", "question__fact__answer", "question__fact__sentence__text")
        .annotate(accuracy=Avg(Coalesce("fraction", Value(0.0))), n=Count("id"))
        .filter(accuracy__lt=1)
        .order_by("accuracy", "-n", "question__fact_id")[:10]
    ]
    # Only this class's work: the leeches among the cards of the documents the class's quizzes ask about.
    class_documents = Document.objects.filter(
        Q(quizzes__in=quiz_ids) | Q(questions__quiz_items__quiz__in=quiz_ids)
    ).values("pk")
    leeches = list(
        StudentCard.objects.filter(user=student, is_leech=True, card__document__in=class_documents)
        .select_related("card")
        .order_by("-lapses")[:20]
    )
    cards = card_activity(user_ids=[student.pk], now=now).get(student.pk, CardActivity())
    progress = [
        (a.submitted_at, a.percent, a.quiz.title)
        for a in sorted(attempts, key=lambda a: a.submitted_at or a.started_at)
        if a.is_submitted and a.percent is not None
    ]
    return StudentReport(
        student=student, attempts=attempts, weakest_facts=weakest, leeches=leeches, cards=cards, progress=progress
    )
