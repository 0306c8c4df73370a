"""Quizzes built from a bank: spread over facts, sentences and kinds, and no item that gives another away.

`select_quiz_items` is pure: it takes light `Candidate` records (from a generated bank or from stored
questions) and returns the chosen ones in quiz order. Two items drawn from one sentence give each other
away (the cloze of one is the statement of the other), so a quiz holds at most one item per sentence; an
item whose prompt states another item's answer is left out too.

Difficulty is one of three levels (``EASY``, ``MEDIUM``, ``HARD``). ``estimate_difficulty`` reads it from the share
of right answers once enough students have answered (``min_answers``: fewer answers say little, as in item
analysis), and before that from the kind: recognising (true/false, one option) is easier than recalling (a short
answer, a number).
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .lexicon import fold
from .model import Question

EASY, MEDIUM, HARD = "easy", "medium", "hard"
DIFFICULTIES = (EASY, MEDIUM, HARD)
_KIND_DIFFICULTY = {
    "true_false": EASY,
    "single_choice": EASY,
    "multiple_choice": MEDIUM,
    "ordering": MEDIUM,
    "short_answer": HARD,
    "numeric": HARD,
}
EASY_FACILITY, HARD_FACILITY = 0.75, 0.4  # share of right answers: above is easy, below is hard


def estimate_difficulty(kind: str, *, facility: float | None = None, answers: int = 0, min_answers: int = 10) -> str:
    """Return the level of an item: from its share of right answers past ``min_answers``, else from its kind."""
    if facility is not None and answers >= max(1, min_answers):
        if facility >= EASY_FACILITY:
            return EASY
        return HARD if facility < HARD_FACILITY else MEDIUM
    return _KIND_DIFFICULTY.get(kind, MEDIUM)


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
    difficulty: str = ""  # EASY, MEDIUM or HARD ("" when unknown: no difficulty filter keeps it out)
    labels: tuple[str, ...] = ()  # ordering: the events to order (they must state no other item's answer)
    item: object = None  # the caller's object, handed back untouched


def _says(prompt: str, answer: str) -> bool:
    """Return whether the answer stands in the prompt as whole words (accents and case folded)."""
    a = fold(re.sub(r"^(?:el|la|los|las)\s+", "", answer.strip(), flags=re.IGNORECASE))
    if len(a) < 2:
        return False
    return re.search(r"(?:^|\W)" + re.escape(a) + r"(?:\W|$)", fold(prompt)) is not None


def gives_away(a: Candidate, b: Candidate) -> bool:
    """Return whether one of the two items reveals the other's answer (or they share a sentence or fact).

    An ordering item stands beside the items of its sentences, as in publication (its labels drop every date): it
    clashes only with an item whose answer one of its labels states («Alemania comenzó la Operación Barbarroja.»
    beside «_____ comenzó la Operación Barbarroja»).
    """
    if (a.kind == "ordering") != (b.kind == "ordering") and (a.labels or b.labels):
        order, other = (a, b) if a.kind == "ordering" else (b, a)
        return any(_says(label, ans) for label in order.labels for ans in other.answers)
    if a.sentences & b.sentences or a.facts & b.facts:
        return True
    return any(_says(a.prompt, ans) for ans in b.answers) or any(_says(b.prompt, ans) for ans in a.answers)


def select_quiz_items(
    items: Iterable[Candidate],
    n: int,
    *,
    kinds: Iterable[str] | None = None,
    difficulty: str | None = None,
    rng: random.Random | None = None,
    by_score: bool = True,
) -> list[Candidate]:
    """Return up to n items: one per sentence and fact, no item giving another away, kinds taken in turn.

    With ``kinds`` only those kinds are taken; with ``difficulty`` only items of that level (unknown ones too).

    Within a kind the best-scored items come first; `rng` shuffles items of equal score (without it the
    order is by key, so the same bank gives the same quiz). Without ``by_score`` the score is ignored: with an `rng`
    each draw is a fresh random subset (a pool's questions per attempt). At most one ordering item is taken: it spans
    several sentences.
    """
    wanted = set(kinds) if kinds is not None else None
    pool = [
        c
        for c in items
        if (wanted is None or c.kind in wanted) and (not difficulty or c.difficulty in {difficulty, ""})
    ]
    if rng is not None:
        rng.shuffle(pool)
    else:
        pool.sort(key=lambda c: str(c.key))
    if by_score:
        pool.sort(key=lambda c: -c.score)  # stable: ties keep the shuffled or key order
    by_kind: dict[str, list[Candidate]] = {}
    for c in pool:
        by_kind.setdefault(c.kind, []).append(c)
    all_of_kind = {k: list(v) for k, v in by_kind.items()}
    # The kinds with the fewest items are the hardest to fit (the ordering item spans several sentences): they
    # choose first, so every kind of the bank finds a place.
    order = sorted(by_kind, key=lambda k: (len(by_kind[k]), -by_kind[k][0].score, k)) if by_score else list(by_kind)
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
    # A kind left out because its items clash with others gets its best item in place of the clashing ones,
    # when each of those is of a kind the quiz still has without it.
    for kind in order:
        if any(x.kind == kind for x in chosen):
            continue
        for c in all_of_kind[kind]:
            clash = [x for x in chosen if gives_away(c, x)]
            counts = Counter(x.kind for x in chosen)
            if clash and all(counts[x.kind] - sum(y.kind == x.kind for y in clash) >= 1 for x in clash):
                chosen = [x for x in chosen if x not in clash] + [c]
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
                labels=tuple(q.items) if q.kind == "ordering" else (),
            )
        )
    return out
