"""Authoring services: validating, publishing and duplicating questions and quizzes."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ..models import AcceptedAnswer, Choice, Question, Quiz, QuizItem, Status, validate_question_parts
from . import invalidation
from .cards import cards_sync_for_facts
from .errors import Code, ServiceError, lazy_message


def question_problems(*, question: Question) -> list[str]:
    """Return what makes a stored question invalid for its kind (empty when it is fine)."""
    try:
        validate_question_parts(
            kind=question.kind,
            prompt=question.prompt,
            choices=[(c.text, c.is_correct) for c in question.choices.all()],
            accepted=[a.text for a in question.accepted_answers.all()],
            correct_bool=question.correct_bool,
            numeric_value=question.numeric_value,
            tolerance=question.numeric_tolerance,
        )
    except ValidationError as exc:
        return list(exc.messages)
    return []


@transaction.atomic
def questions_publish(*, questions: Iterable[Question]) -> tuple[int, list[tuple[Question, str]]]:
    """Publish every valid question; return how many were published and the problems of the others.

    The flashcards of the facts they ask about follow (a published question gives its fact a card).
    """
    published, problems, changed_facts = 0, [], []
    qs = Question.objects.filter(pk__in=[q.pk for q in questions]).prefetch_related("choices", "accepted_answers")
    for question in qs:
        found = question_problems(question=question)
        if found:
            problems.append((question, " ".join(found)))
            continue
        if question.status != Status.PUBLISHED:
            question.status = Status.PUBLISHED
            question.save(update_fields=["status", "updated_at"])
            changed_facts.append(question.fact_id)
        published += 1
    cards_sync_for_facts(fact_ids=changed_facts)
    return published, problems


@transaction.atomic
def questions_archive(*, questions: Iterable[Question]) -> int:
    """Archive the questions; return how many. Cards made from them go to the next best published question of their
    fact, or are withdrawn (never deleted) when there is none."""
    qs = Question.objects.filter(pk__in=[q.pk for q in questions])
    changed_facts = list(qs.exclude(status=Status.ARCHIVED).values_list("fact_id", flat=True))
    n = qs.update(status=Status.ARCHIVED)
    invalidation.changed(everyone=True)  # an update sends no signal: quizzes may count fewer questions
    cards_sync_for_facts(fact_ids=changed_facts)
    return n


@transaction.atomic
def question_duplicate(*, question: Question, user=None) -> Question:
    """Copy a question with its options and accepted answers, as an authored draft."""
    choices = list(question.choices.all())
    accepted = list(question.accepted_answers.all())
    copy = Question.objects.get(pk=question.pk)
    copy.pk = None
    copy.key = ""
    copy.status = Status.DRAFT
    copy.origin = "authored"
    copy.edited_by_teacher = False
    copy.created_by = user
    copy.prompt = question.prompt
    copy.full_clean()
    copy.save()
    Choice.objects.bulk_create(
        Choice(question=copy, text=c.text, is_correct=c.is_correct, position=c.position, fact=c.fact) for c in choices
    )
    AcceptedAnswer.objects.bulk_create(AcceptedAnswer(question=copy, text=a.text) for a in accepted)
    return copy


QUESTION_NOT_PUBLISHED = _("La pregunta «%(q)s» no está publicada.")
QUESTION_INVALID = _("La pregunta «%(q)s» no es válida: %(p)s")


def quiz_publish_problems(*, questions: Iterable[Question]) -> list[Promise]:
    """Return why a quiz made of these questions cannot be published (unpublished or invalid questions)."""
    ids = [q.pk for q in questions]
    errors = []
    for question in Question.objects.filter(pk__in=ids).prefetch_related("choices", "accepted_answers"):
        if question.status != Status.PUBLISHED:
            errors.append(lazy_message(QUESTION_NOT_PUBLISHED, q=str(question)))
        for problem in question_problems(question=question):
            errors.append(lazy_message(QUESTION_INVALID, q=str(question), p=problem))
    return errors


@transaction.atomic
def quiz_publish(*, quiz: Quiz) -> Quiz:
    """Publish a quiz if all its questions are published and valid; raise ServiceError (with each problem) if not."""
    quiz = Quiz.objects.select_for_update().get(pk=quiz.pk)
    questions = list(quiz.questions.all())
    if not questions:
        raise ServiceError(Code.QUIZ_WITHOUT_QUESTIONS)
    problems = quiz_publish_problems(questions=questions)
    if problems:
        raise ServiceError(Code.QUIZ_NOT_PUBLISHABLE, details=problems)
    quiz.status = Status.PUBLISHED
    quiz.save(update_fields=["status", "updated_at"])
    return quiz


# --------------------------------------------------------------------------------------------------------------------
# Assembling quizzes: add questions in bulk, duplicate a quiz

MAX_QUIZ_TITLE = 200


def quiz_unique_title(base: str) -> str:
    """Return ``base``, or «base (2)», «base (3)»… for the first title no quiz has (quiz titles are unique)."""
    base = base[: MAX_QUIZ_TITLE - 6]
    taken = set(Quiz.objects.filter(title__startswith=base).values_list("title", flat=True))
    n, title = 1, base
    while title in taken:
        n += 1
        title = f"{base} ({n})"
    return title


def _owns(user, quiz: Quiz) -> bool:
    owner = quiz.created_by_id or (quiz.document.created_by_id if quiz.document_id else None)
    return user.is_superuser or (owner is not None and owner == user.pk)


@dataclass(frozen=True)
class AddResult:
    added: int
    already: int  # already in the quiz: left where they were
    drafts: int  # not published: not added


@transaction.atomic
def quiz_add_questions(*, quiz: Quiz, questions: Iterable[Question], user) -> AddResult:
    """Append published questions at the end of one of the user's quizzes (each once; drafts are left out)."""
    quiz = Quiz.objects.select_for_update(of=("self",)).select_related("document").get(pk=quiz.pk)
    if not _owns(user, quiz):
        raise ServiceError(Code.NOT_YOUR_QUIZ)
    questions = list(questions)
    present = set(quiz.items.values_list("question_id", flat=True))
    new = [q for q in questions if q.status == Status.PUBLISHED and q.pk not in present]
    position = quiz.items.aggregate(m=Max("position"))["m"] or 0
    QuizItem.objects.bulk_create(
        QuizItem(quiz=quiz, question=q, position=position + i, points=Decimal("1")) for i, q in enumerate(new, 1)
    )
    if new:
        invalidation.changed(everyone=True)  # bulk_create sends no signal: quiz lists count the questions
    drafts = sum(1 for q in questions if q.status != Status.PUBLISHED)
    return AddResult(added=len(new), already=len(questions) - len(new) - drafts, drafts=drafts)


@transaction.atomic
def quiz_duplicate(*, quiz: Quiz, user) -> Quiz:
    """Copy one of the user's quizzes with its questions, points and settings, as a draft of theirs."""
    if not _owns(user, quiz):
        raise ServiceError(Code.NOT_YOUR_QUIZ)
    items = list(quiz.items.order_by("position", "pk"))
    copy = Quiz.objects.get(pk=quiz.pk)
    copy.pk = None
    copy.title = quiz_unique_title(_("%(title)s (copia)") % {"title": quiz.title})
    copy.status = Status.DRAFT
    copy.created_by = user
    copy.save()
    QuizItem.objects.bulk_create(
        QuizItem(quiz=copy, question_id=i.question_id, position=i.position, points=i.points) for i in items
    )
    return copy
