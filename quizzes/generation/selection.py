"""Quizzes built from a bank: spread over facts, sentences and kinds, and no item that gives another away.

`select_quiz_items` is pure: it takes light `Candidate` records (from a generated bank or from stored
questions) and returns the chosen ones in quiz order. Two items drawn from one sentence give each other
away (the cloze of one is the statement of the other), so a quiz holds at most one item per sentence; an
item whose prompt states another item's answer is left out too.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .lexicon import fold
from .model import Question


@dataclass(frozen=True)
class Candidate:
    """What the selection needs to know about one item."""

    key: str  # stable identity (a question key or primary key)
    kind: str
    prompt: str
    sentences: frozenset = field(default_factory=frozenset)  # source sentences (several for ordering)
    facts: frozenset = field(default_factory=frozenset)
    answers: tuple[str, ...] = ()  # what a student must give; none of it may stand in another prompt
    score: float = 1.0  # higher first (quality, importance)
    item: object = None  # the caller's object, handed back untouched


def _says(prompt: str, answer: str) -> bool:
    """Return whether the answer stands in the prompt as whole words (accents and case folded)."""
    a = fold(re.sub(r"^(?:el|la|los|las)\s+", "", answer.strip(), flags=re.IGNORECASE))
    if len(a) < 2:
        return False
    return re.search(r"(?:^|\W)" + re.escape(a) + r"(?:\W|$)", fold(prompt)) is not None


def gives_away(a: Candidate, b: Candidate) -> bool:
    """Return whether one of the two items reveals the other's answer (or they share a sentence or fact)."""
    if a.sentences & b.sentences or a.facts & b.facts:
        return True
    return any(_says(a.prompt, ans) for ans in b.answers) or any(_says(b.prompt, ans) for ans in a.answers)


def select_quiz_items(
    items: Iterable[Candidate],
    n: int,
    *,
    kinds: Iterable[str] | None = None,
    rng: random.Random | None = None,
) -> list[Candidate]:
    """Return up to n items: one per sentence and fact, no item giving another away, kinds taken in turn.

    Within a kind the best-scored items come first; `rng` shuffles items of equal score (without it the
    order is by key, so the same bank gives the same quiz). At most one ordering item is taken: it spans
    several sentences.
    """
    wanted = set(kinds) if kinds is not None else None
    pool = [c for c in items if wanted is None or c.kind in wanted]
    if rng is not None:
        rng.shuffle(pool)
    else:
        pool.sort(key=lambda c: str(c.key))
    pool.sort(key=lambda c: -c.score)  # stable: ties keep the shuffled or key order
    by_kind: dict[str, list[Candidate]] = {}
    for c in pool:
        by_kind.setdefault(c.kind, []).append(c)
    order = sorted(by_kind, key=lambda k: (-by_kind[k][0].score, k))
    chosen: list[Candidate] = []
    ordering_taken = False
    progress = True
    while len(chosen) < n and progress:
        progress = False
        for kind in order:
            queue = by_kind[kind]
            while queue:
                c = queue.pop(0)
                if kind == "ordering" and ordering_taken:
                    continue
                if any(gives_away(c, x) for x in chosen):
                    continue
                chosen.append(c)
                ordering_taken = ordering_taken or kind == "ordering"
                progress = True
                break
            if len(chosen) >= n:
                break
    return chosen


def candidates_from_bank(questions: Iterable[Question], facts_by_key: dict) -> list[Candidate]:
    """Return candidates for the published items of a generated bank (facts_by_key: key -> Fact)."""
    out = []
    for q in questions:
        if q.status != "published":
            continue
        sentences = frozenset(q.sentence_indexes)
        answers: tuple[str, ...] = ()
        if q.kind in {"short_answer", "single_choice", "multiple_choice", "numeric"}:
            answers = tuple(q.correct) + tuple(q.accepted)
        out.append(
            Candidate(
                key=q.key,
                kind=q.kind,
                prompt=q.prompt,
                sentences=sentences,
                facts=frozenset(q.fact_keys),
                answers=answers,
                score=q.quality,
                item=q,
            )
        )
    return out
