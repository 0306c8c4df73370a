"""Build a draft quiz from a document's published questions (the admin's «Crear desde un documento», the demo)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from django.core.cache import cache
from django.db import transaction
from django.utils.translation import gettext as _

from ..generation.selection import DIFFICULTIES, select_quiz_items
from ..models import Document, QuestionKind, Quiz, QuizItem, Status
from ..selectors.quiz_building import document_candidates, documents_for_authoring
from .content import quiz_unique_title
from .errors import Code, ServiceError

MAX_BUILD_SIZE = 100
MAX_TITLE = 200
_ONCE_SECONDS = 3600


@dataclass(frozen=True)
class BuildResult:
    quiz: Quiz
    wanted: int  # questions asked for (the pool's size when questions are drawn per attempt)
    chosen: int  # questions the rules allowed (fewer when the document has too few that do not give others away)
    repeated: bool = False  # the same form was sent again (a double click): the quiz built the first time


def _check(*, user, document: Document | None, size: int, kinds, difficulty: str, per_attempt: int | None):
    if document is None or not documents_for_authoring(user).filter(pk=document.pk).exists():
        raise ServiceError(Code.BUILD_DOCUMENT_NOT_YOURS)
    if not isinstance(size, int) or not 1 <= size <= MAX_BUILD_SIZE:
        raise ServiceError(Code.BUILD_SIZE_INVALID)
    if any(k not in QuestionKind.values for k in kinds or ()):
        raise ServiceError(Code.BUILD_KIND_INVALID)
    if difficulty and difficulty not in DIFFICULTIES:
        raise ServiceError(Code.BUILD_DIFFICULTY_INVALID)
    if per_attempt is not None and not 1 <= per_attempt <= size:
        raise ServiceError(Code.BUILD_PER_ATTEMPT_INVALID)


def quiz_build_from_document(
    *,
    user,
    document: Document | None,
    size: int,
    kinds: list[str] | None = None,
    difficulty: str = "",
    title: str = "",
    per_attempt: int | None = None,
    once_key: str = "",
    rng: random.Random | None = None,
) -> BuildResult:
    """Create a draft quiz of up to ``size`` of the document's published questions, picked by the selection rules.

    One item per sentence and fact, none whose prompt states another's answer, kinds taken in turn, the best first
    (`generation.selection.select_quiz_items`). With ``per_attempt`` the quiz is a pool: each attempt draws that many
    at random by the same rules. ``once_key`` (the form's one-time key) makes a repeated submission return the quiz
    built the first time instead of a second copy. Raise ServiceError when the input is refused or nothing fits.
    """
    _check(user=user, document=document, size=size, kinds=kinds, difficulty=difficulty, per_attempt=per_attempt)
    cache_key = f"quiz-build:{user.pk}:{once_key[:64]}" if once_key else ""
    if cache_key and not cache.add(cache_key, 0, _ONCE_SECONDS):
        earlier = cache.get(cache_key)
        if not earlier:
            raise ServiceError(Code.BUILD_IN_PROGRESS)  # the first submission is still building
        quiz = Quiz.objects.filter(pk=earlier, created_by=user).first()
        if quiz is not None:
            return BuildResult(quiz=quiz, wanted=size, chosen=quiz.items.count(), repeated=True)
        cache.set(cache_key, 0, _ONCE_SECONDS)  # that quiz was deleted since: build it again
    try:
        quiz, n = _build(
            user=user,
            document=document,
            size=size,
            kinds=kinds,
            difficulty=difficulty,
            title=title,
            per_attempt=per_attempt,
            rng=rng,
        )
    except Exception:
        if cache_key:
            cache.delete(cache_key)  # nothing was built: the same form may be sent again
        raise
    if cache_key:
        cache.set(cache_key, quiz.pk, _ONCE_SECONDS)
    return BuildResult(quiz=quiz, wanted=size, chosen=n)


@transaction.atomic
def _build(*, user, document, size, kinds, difficulty, title, per_attempt, rng) -> tuple[Quiz, int]:
    chosen = select_quiz_items(
        document_candidates(document=document), size, kinds=kinds or None, difficulty=difficulty or None, rng=rng
    )
    if not chosen:
        raise ServiceError(Code.BUILD_NOTHING_FITS)
    title = (title or "").strip()[:MAX_TITLE]
    if title and Quiz.objects.filter(title=title).exists():
        raise ServiceError(Code.BUILD_TITLE_TAKEN)
    title = title or quiz_unique_title(
        _("%(document)s: %(n)d preguntas") % {"document": document.title[: MAX_TITLE - 40], "n": len(chosen)}
    )
    quiz = Quiz.objects.create(
        title=title,
        document=document,
        status=Status.DRAFT,
        created_by=user,
        questions_per_attempt=per_attempt if per_attempt and per_attempt < len(chosen) else None,
        shuffle_questions=bool(per_attempt),
    )
    QuizItem.objects.bulk_create(
        QuizItem(quiz=quiz, question=c.item, position=i, points=Decimal("1")) for i, c in enumerate(chosen, 1)
    )
    return quiz, len(chosen)
