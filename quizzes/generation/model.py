"""Data classes passed between the pipeline stages."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from .lexicon import fold


def stable_key(*parts: str) -> str:
    """Return a short hash of the folded parts: same text, same key, whatever its position."""
    raw = "|".join(fold(p) for p in parts)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


@dataclass
class Fact:
    """One askable piece of a sentence: a date, a quantity, a named entity or a term."""

    key: str
    kind: str  # date, number, person, place, organization, event, term
    subtype: str  # country, city, lake, war, treaty, duration, percentage, ...
    sentence_index: int
    sentence: str
    answer: str
    start: int  # offsets into the source document
    end: int
    local_start: int  # offsets into `sentence`
    local_end: int
    value: dict | None = None
    group: str = ""  # alias group: members are one answer, never distractors of each other
    aliases: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)  # groups never offered against it
    article: str = ""  # article the answer takes in the text ("la", "el", "")
    blank_start: int = -1  # local start of the blank (the article is blanked with the answer)
    blank_prefix: str = ""  # word restored before the blank when a contraction was split
    members: list[str] = field(default_factory=list)  # enumeration members, in order
    member_articles: list[str] = field(default_factory=list)
    conversion: tuple[int, int] | None = None  # local span of "(20 millas)" after the answer
    notes: list[str] = field(default_factory=list)


@dataclass
class Question:
    """A generated item, with what the database stores for it."""

    key: str
    kind: str  # single_choice, multiple_choice, true_false, short_answer, numeric, ordering
    prompt: str
    fact_keys: list[str]
    correct: list[str]
    distractors: list[str]
    explanation: str
    sentence_indexes: list[int]
    accepted: list[str] = field(default_factory=list)  # short answer: canonical + aliases
    numeric: dict | None = None  # {"value", "tolerance", "unit"}
    spare: list[str] = field(default_factory=list)  # choice: more wrong options of the same kind (not shown)
    items: list[str] = field(default_factory=list)  # ordering: labels in the right order
    checks_passed: list[str] = field(default_factory=list)
    checks_failed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    status: str = "draft"
    quality: float = 0.0

    @property
    def choices(self) -> list[tuple[str, bool]]:
        """Return (text, is_correct) options in a stable order."""
        if self.kind in {"single_choice", "multiple_choice"}:
            opts = [(c, True) for c in self.correct] + [(d, False) for d in self.distractors]
            return sorted(opts, key=lambda o: stable_key(self.key, o[0]))
        if self.kind == "true_false":
            return [
                ("Verdadero", self.correct == ["Verdadero"]),
                ("Falso", self.correct == ["Falso"]),
            ]
        return []


@dataclass
class Bank:
    """Everything generated from one document."""

    title: str
    text: str  # the canonical source text; fact offsets point into it
    sentences: list = field(default_factory=list)
    sentence_offsets: dict[int, tuple[int, int]] = field(default_factory=dict)  # index -> source span
    facts: list[Fact] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    language: str = "es"
    # What could not be handled, as (what, reason): a sentence or fact is dropped, never the bank.
    dropped: list[tuple[str, str]] = field(default_factory=list)
