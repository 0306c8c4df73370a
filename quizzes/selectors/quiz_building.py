"""Stored questions as records for `generation.selection`: what a quiz built from a document may draw from.

One place turns a Question into a `Candidate` (its sentences, facts, the answers it asks for, its difficulty), so
that the admin's «crear desde un documento», the demo quizzes and the random subset drawn per attempt from a pool
apply the same rules: one item per sentence and fact, and no item whose prompt states another's answer.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db.models import Avg, Count, Prefetch, Q, QuerySet

from ..domain.numbers import format_number
from ..generation.selection import Candidate, estimate_difficulty
from ..models import AttemptState, Choice, Document, Question, QuestionKind, Quiz


def min_answers() -> int:
    """Return the number of answers below which a question's statistics are not trusted (a setting)."""
    return settings.ITEM_ANALYSIS_MIN_ANSWERS


def _number_forms(value: float) -> list[str]:
    """The ways a prompt may write a number: «450000», «450.000», «450 000», «2520,7»."""
    forms = {format_number(value), format_number(value, grouping=False)}
    if value == int(value) and abs(value) >= 1000:
        n = int(value)
        forms |= {f"{n:,}".replace(",", "."), f"{n:,}".replace(",", " ")}
    return sorted(forms)


def candidate_questions(questions: QuerySet[Question], *, with_stats: bool = True) -> QuerySet[Question]:
    """Return ``questions`` with what a Candidate needs: facts, choices, accepted answers (and answer statistics)."""
    questions = questions.select_related("fact").prefetch_related(
        "accepted_answers", Prefetch("choices", queryset=Choice.objects.select_related("fact"))
    )
    if not with_stats:
        return questions
    submitted = Q(responses__attempt__state=AttemptState.SUBMITTED)
    return questions.annotate(
        n_answers=Count("responses", filter=submitted & Q(responses__fraction__isnull=False)),
        facility=Avg("responses__fraction", filter=submitted),
    )


def to_candidates(questions: Iterable[Question]) -> list[Candidate]:
    """Return selection records for questions fetched through :func:`candidate_questions`."""
    threshold = min_answers()
    out = []
    for q in questions:
        choices = list(q.choices.all())
        facts = {q.fact_id} if q.fact_id else set()
        facts |= {c.fact_id for c in choices if c.fact_id}
        sentences = {q.sentence_id} if q.sentence_id else set()
        if q.fact_id and q.fact.sentence_id:
            sentences.add(q.fact.sentence_id)
        sentences |= {c.fact.sentence_id for c in choices if c.fact_id and c.fact.sentence_id}
        answers: list[str] = []
        if q.kind in {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE}:
            answers = [c.text for c in choices if c.is_correct]
        elif q.kind == QuestionKind.SHORT_ANSWER:
            answers = [a.text for a in q.accepted_answers.all()]
        elif q.kind == QuestionKind.NUMERIC and q.numeric_value is not None:
            answers = _number_forms(q.numeric_value)
        difficulty = estimate_difficulty(
            q.kind,
            facility=getattr(q, "facility", None),
            answers=getattr(q, "n_answers", 0) or 0,
            min_answers=threshold,
        )
        out.append(
            Candidate(
                key=q.key or str(q.pk),
                kind=q.kind,
                prompt=q.prompt,
                sentences=frozenset(sentences),
                facts=frozenset(facts),
                answers=tuple(answers),
                score=q.quality or 0.0,
                difficulty=difficulty,
                item=q,
                labels=tuple(c.text for c in choices) if q.kind == QuestionKind.ORDERING else (),
            )
        )
    return out


def document_candidates(*, document: Document) -> list[Candidate]:
    """Return the published questions of a document as selection records (4 queries)."""
    return to_candidates(candidate_questions(Question.objects.published().filter(document=document).order_by("key")))


def documents_for_authoring(user) -> QuerySet[Document]:
    """Return the documents a teacher may build a quiz from: their own and the shared ones (a superuser: all)."""
    documents = Document.objects.order_by("title", "pk")
    if user.is_superuser:
        return documents
    return documents.filter(Q(created_by=user) | Q(created_by__isnull=True))


def quizzes_for_authoring(user) -> QuerySet[Quiz]:
    """Return the quizzes a teacher may change: their own (made by them, or without a maker on their document)."""
    quizzes = Quiz.objects.select_related("document").order_by("title", "pk")
    if user.is_superuser:
        return quizzes
    return quizzes.filter(Q(created_by=user) | Q(created_by__isnull=True, document__created_by=user))
