"""Score a bank against a gold list of facts (the measure of the shared qgen_eval tool).

recall: share of gold facts covered by a fact of the same sentence with the same answer that
has at least one question; kinds per fact; leaks (a right answer standing in the prompt); bad
distractors (empty, repeated, equal to a right answer; fewer than two on a single choice).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_STOP = {"el", "la", "los", "las", "de", "del", "y", "en", "un", "una", "al", "a"}


def norm(text: str) -> str:
    """Fold accents and case, keep word characters, % ° and -."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w%°\-]+", " ", text).split())


def _tokens(text: str) -> set[str]:
    return {t for t in norm(text).split() if t not in _STOP}


def same_answer(a: str, b: str) -> bool:
    """Return whether two answers name the same thing (containment or half the words)."""
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return False
    if na == nb or na in nb or nb in na:
        return True
    ta, tb = _tokens(a), _tokens(b)
    return bool(ta and tb) and len(ta & tb) / len(ta | tb) >= 0.5


def same_sentence(a: str, b: str) -> bool:
    """Return whether two sentences are the same (one contains the other once folded)."""
    na, nb = norm(a), norm(b)
    return bool(na and nb) and (na == nb or na in nb or nb in na)


@dataclass
class Score:
    """The figures of one evaluation."""

    recall: float
    kinds_per_fact: float
    leaks: list = field(default_factory=list)
    bad_distractors: list = field(default_factory=list)
    missed: list = field(default_factory=list)
    kinds_by_gold: list = field(default_factory=list)
    by_kind: dict = field(default_factory=dict)
    questions: int = 0
    facts: int = 0

    def ok(self, min_recall: float = 0.95) -> bool:
        """Return whether the bank meets the bar: recall, no leaks, no bad distractors."""
        return self.recall >= min_recall and not self.leaks and not self.bad_distractors

    def summary(self) -> str:
        """Return the one-line summary the shared tool prints."""
        return (
            f"recall={self.recall:.2f} kinds_per_fact={self.kinds_per_fact:.1f} leaks={len(self.leaks)} "
            f"bad_distractors={len(self.bad_distractors)} questions={self.questions} facts={self.facts}"
        )


def find_problems(bank: dict) -> tuple[list, list]:
    """Return (leaks, bad distractors) of a bank in the JSON schema."""
    leaks, bad = [], []
    for q in bank.get("questions", []):
        kind = q.get("kind")
        prompt = norm(q.get("prompt", ""))
        correct = [c for c in q.get("correct", []) if norm(c)]
        if kind in {"single_choice", "multiple_choice", "short_answer", "numeric"}:
            for c in correct:
                if re.search(r"(^| )" + re.escape(norm(c)) + r"( |$)", prompt):
                    leaks.append((q.get("key"), c, q.get("prompt")))
        seen: set[str] = set()
        for d in q.get("distractors", []):
            nd = norm(d)
            if not nd or nd in seen or any(nd == norm(c) for c in correct):
                bad.append((q.get("key"), d))
            seen.add(nd)
        if kind == "single_choice" and len(q.get("distractors", [])) < 2:
            bad.append((q.get("key"), f"only {len(q.get('distractors', []))} distractors"))
    return leaks, bad


def evaluate(bank: dict, gold: list[dict]) -> Score:
    """Score a bank (JSON schema) against gold facts [{"sentence", "answer", "type"}]."""
    facts = {f["key"]: f for f in bank.get("facts", [])}
    questions = bank.get("questions", [])
    kinds_by_fact: dict[str, set[str]] = {}
    for q in questions:
        for key in q.get("fact_keys", []):
            kinds_by_fact.setdefault(key, set()).add(q.get("kind", "?"))
    covered, counts, missed = 0, [], []
    for g in gold:
        hit: set[str] = set()
        for key, f in facts.items():
            same = same_sentence(f.get("sentence", ""), g["sentence"])
            if key in kinds_by_fact and same and same_answer(f.get("answer", ""), g["answer"]):
                hit |= kinds_by_fact[key]
        if hit:
            covered += 1
            counts.append(len(hit))
        else:
            missed.append(g)
    leaks, bad = find_problems(bank)
    by_kind: dict[str, int] = {}
    for q in questions:
        by_kind[q.get("kind", "?")] = by_kind.get(q.get("kind", "?"), 0) + 1
    return Score(
        recall=covered / len(gold) if gold else 0.0,
        kinds_per_fact=sum(counts) / len(counts) if counts else 0.0,
        leaks=leaks,
        bad_distractors=bad,
        missed=missed,
        kinds_by_gold=counts,
        by_kind=by_kind,
        questions=len(questions),
        facts=len(facts),
    )
