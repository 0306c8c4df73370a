"""Mastery over the text: the class's accuracy per sentence of a document and a students × facts grid."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Avg, Count, Q, QuerySet, Value
from django.db.models.functions import Coalesce

from ...models import (
    Assignment,
    Classroom,
    Document,
    Fact,
    Response,
    Sentence,
    User,
)
from . import class_students, student_ids


def class_documents(*, classroom: Classroom) -> list[Document]:
    """Return the documents the class's assigned quizzes ask about."""
    quiz_ids = Assignment.objects.filter(classroom=classroom).values("quiz")
    return list(
        Document.objects.filter(Q(quizzes__in=quiz_ids) | Q(questions__quiz_items__quiz__in=quiz_ids))
        .distinct()
        .order_by("title")
    )


@dataclass(frozen=True)
class Accuracy:
    """A share of marks earned (0..1, None when nothing was answered) and how many answers it rests on."""

    value: float | None
    n: int = 0

    @property
    def pct(self) -> float | None:
        return self.value * 100 if self.value is not None else None

    @property
    def level(self) -> str:
        """Return a shading class suffix: "none", or 0..4 from weakest to mastered."""
        if self.value is None:
            return "none"
        return str(min(4, int(self.value * 5)))


@dataclass(frozen=True)
class SentenceMastery:
    sentence: Sentence
    accuracy: Accuracy


@dataclass(frozen=True)
class Mastery:
    document: Document
    sentences: list[SentenceMastery]
    facts: list[Fact]
    rows: list[tuple[User, list[Accuracy]]]
    fact_accuracy: list[Accuracy]


def _class_responses(classroom: Classroom, document: Document) -> QuerySet:
    return (
        Response.objects.submitted()
        .filter(
            attempt__user__in=student_ids(classroom),
            attempt__quiz__in=Assignment.objects.filter(classroom=classroom).values("quiz"),
        )
        .filter(Q(question__document=document) | Q(question__fact__document=document))
    )


def mastery(*, classroom: Classroom, document: Document) -> Mastery:
    """Return the class's accuracy per sentence of a document and a students × facts grid."""
    responses = _class_responses(classroom, document)
    accuracy = Avg(Coalesce("fraction", Value(0.0)))
    by_sentence = {
        row["sid"]: row
        for row in responses.annotate(sid=Coalesce("question__sentence_id", "question__fact__sentence_id"))
        .filter(sid__isnull=False)
        .values("sid")
        .annotate(acc=accuracy, n=Count("id"))
    }
    sentences = [
        SentenceMastery(
            sentence=s, accuracy=Accuracy(by_sentence.get(s.pk, {}).get("acc"), by_sentence.get(s.pk, {}).get("n", 0))
        )
        for s in Sentence.objects.filter(document=document).order_by("index")
    ]
    cells = {
        (row["attempt__user_id"], row["question__fact_id"]): Accuracy(row["acc"], row["n"])
        for row in responses.filter(question__fact__isnull=False)
        .values("attempt__user_id", "question__fact_id")
        .annotate(acc=accuracy, n=Count("id"))
    }
    fact_ids = {fid for _uid, fid in cells}
    facts = list(Fact.objects.filter(pk__in=fact_ids).select_related("sentence").order_by("start"))
    students = list(class_students(classroom))
    rows = [(s, [cells.get((s.pk, f.pk)) or Accuracy(None) for f in facts]) for s in students]
    fact_accuracy = []
    for i, _fact in enumerate(facts):
        column = [r[1][i] for r in rows if r[1][i].value is not None]
        n = sum(a.n for a in column)
        fact_accuracy.append(Accuracy(sum(a.value * a.n for a in column) / n if n else None, n))
    return Mastery(document=document, sentences=sentences, facts=facts, rows=rows, fact_accuracy=fact_accuracy)
