"""Question generation from Spanish encyclopedic text: a pure pipeline, no Django.

normalise -> sentences -> facts -> questions -> distractors -> quality checks.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from .facts import extract
from .model import Bank, Fact, Question, stable_key
from .pointing import warm as warm_prompts
from .quality import check_pointing, check_question, pointing_input
from .questions import merge_duplicates, ordering_questions, questions_for_fact
from .ranking import publish
from .relations import definition_items, find_definition, find_relations, relation_items
from .standalone import Discourse
from .text import canonical, mark_skips, normalise, split_sentences

__all__ = ["Bank", "Fact", "Question", "bank_to_json", "generate_bank", "publication_context", "stable_key"]

logger = logging.getLogger(__name__)


def _dropped(dropped: list[tuple[str, str]], what: str, exc: Exception) -> None:
    """Record and log a piece of the bank that could not be built (the rest of the bank stands)."""
    reason = f"{type(exc).__name__}: {exc}"[:300]
    dropped.append((what, reason))
    logger.warning("generation: %s dropped (%s)", what, reason, exc_info=exc)


@dataclass
class _Reading:
    """A text as the generator reads it before asking anything: its sentences, facts and names, and its heading."""

    source: str
    clean: str
    srcmap: list[int]
    sentences: list
    title: str
    ex: object
    dropped: list[tuple[str, str]]
    disc: Discourse
    heading: str


# What a text's first sentence defines: «Mapungubwe es un yacimiento arqueológico…» (a short capitalised phrase, then
# the copula and an article).
_DEFINED_FIRST = re.compile(r"([A-ZÁÉÍÓÚÑ][^\s,.;:()]*(?:\s+[^\s,.;:()]+){0,5}?)\s+(?:es|fue|era)\s+(?:un|una|el|la)\s")


def _read(text: str, title: str = "") -> _Reading:
    source = canonical(text)
    clean, srcmap = normalise(source)
    sentences = mark_skips(split_sentences(clean), clean)
    if not title:
        first = next((s for s in sentences if s.skip == "headline"), None)
        title = first.text.rstrip(".") if first else ""
    dropped: list[tuple[str, str]] = []
    ex = extract(sentences, title=title, dropped=dropped)
    # The paragraph of each sentence (a line of the text): accepted answers look at the names said near an item.
    paragraphs, line, at = {}, 0, 0
    for s in sorted(sentences, key=lambda s: s.start):
        line, at = line + clean.count("\n", at, s.start), s.start
        paragraphs[s.index] = line
    ex._pools["paragraphs"] = paragraphs
    ex._pools["text"] = clean  # accepted answers read the names the text gives the same person
    disc = Discourse(
        sentences=sentences,
        # Typed names only: a capitalised word the gazetteers do not know may be a common word.
        names={
            i: [s.text for s in spans if s.kind != "term" and s.subtype not in {"locality", "name"}]
            for i, spans in ex.mentions.items()
        },
        kinds={i: [(s.text, s.subtype) for s in spans if s.kind == "place"] for i, spans in ex.mentions.items()},
        title=title,
        paragraphs=paragraphs,
    )
    # A student sees the title and the headline: an answer standing in either is given away.
    headline = next((s.text for s in sentences if s.skip == "headline"), "")
    heading = f"{title} {headline}".strip()
    if not heading:
        # No title: what the first sentence is about names the text («La penicilina es un antibiótico…»).
        first = next((s.index for s in sentences if not s.skip), None)
        heading = disc.subject(first) if first is not None else ""
        defined = _DEFINED_FIRST.match(sentences[first].text) if first is not None and not heading else None
        if defined:
            heading = defined.group(1)  # «Mapungubwe es un yacimiento…»: a name the gazetteers do not know
    return _Reading(source, clean, srcmap, sentences, title, ex, dropped, disc, heading)


def publication_context(text: str, *, title: str = "") -> tuple[str, str]:
    """Return (text, heading) as publication reads them for this text: its normalised text and what names it to a
    student (title and headline, or the first sentence's subject), without generating a question."""
    reading = _read(text, title)
    return reading.clean, reading.heading


def generate_bank(text: str, *, title: str = "") -> Bank:
    """Return the facts and questions generated from a Spanish text (deterministic)."""
    reading = _read(text, title)
    source, clean, srcmap, sentences = reading.source, reading.clean, reading.srcmap, reading.sentences
    title, ex, dropped, disc, heading = reading.title, reading.ex, reading.dropped, reading.disc, reading.heading
    by_index = {s.index: s for s in sentences}
    for fact in ex.facts:
        # Offsets point into the canonical source text, not into the cleaned copy.
        sent = by_index[fact.sentence_index]
        fact.start = srcmap[sent.start + fact.local_start]
        fact.end = srcmap[sent.start + fact.local_end - 1] + 1
    # Each fact's items are built on their own: a fact that cannot be handled is dropped, not the bank.
    questions = []
    kept_facts = []
    for fact in ex.facts:
        try:
            questions += questions_for_fact(fact, ex, disc)
        except Exception as exc:  # noqa: BLE001 - one fact must never take the bank down
            _dropped(dropped, f"fact «{fact.answer}» of sentence {fact.sentence_index}", exc)
            continue
        kept_facts.append(fact)
    ex.facts = kept_facts
    try:
        questions += ordering_questions(ex.facts, ex, sentences, disc)
    except Exception as exc:  # noqa: BLE001
        _dropped(dropped, "ordering items", exc)
    # Causes, consequences and definitions: facts of their own, with choice and true/false items.
    try:
        relations = [r for s in sentences if not s.skip for r in find_relations(s)]
        cause_facts, cause_items = relation_items(relations, disc)
        definitions = [d for s in sentences if not s.skip for d in [find_definition(s, disc.name_words(), disc)] if d]
        definition_facts, definition_questions = definition_items(definitions, disc)
        cause_facts += definition_facts
        cause_items += definition_questions
        taken = {f.key for f in ex.facts}
        for fact in cause_facts:
            if fact.key in taken:
                continue
            sent = by_index[fact.sentence_index]
            fact.start = srcmap[sent.start + fact.local_start]
            fact.end = srcmap[sent.start + fact.local_end - 1] + 1
            ex.facts.append(fact)
            taken.add(fact.key)
        questions += [q for q in cause_items if all(k in taken for k in q.fact_keys)]
    except Exception as exc:  # noqa: BLE001
        _dropped(dropped, "cause and consequence items", exc)
    questions = merge_duplicates(questions)
    facts_by_key = {f.key: f for f in ex.facts}
    checked = []
    for q in questions:
        try:
            check_question(q, facts_by_key, ex, title=heading)
        except Exception as exc:  # noqa: BLE001
            _dropped(dropped, f"item «{q.prompt[:60]}»", exc)
            continue
        checked.append(q)
    questions = checked
    # Then the prompt's own parse (pointing.py) for the items nothing else holds, parsed in one batch.
    # (An ordering item's labels are read by their words alone: `check_pointing` takes it too.)
    pending = [q for q in questions if pointing_input(q, facts_by_key) is not None or q.kind == "ordering"]
    warm_prompts([pointing_input(q, facts_by_key)[:2] for q in pending if q.kind != "ordering"])
    for q in pending:
        try:
            check_pointing(q, facts_by_key, disc)
        except Exception as exc:  # noqa: BLE001
            _dropped(dropped, f"item «{q.prompt[:60]}»", exc)
    # An item whose answer stands in its own prompt cannot be repaired by a teacher's review: not made.
    questions = [q for q in questions if "no_answer_in_prompt" not in q.checks_failed]
    # Fewer, better items: at most two published per sentence, the most important facts first.
    try:
        subjects = {s.index: disc.subject(s.index) for s in sentences}
        publish(questions, ex.facts, ex, sentences, text=clean, subjects=subjects, title=heading)
    except Exception as exc:  # noqa: BLE001 - without a selection nothing is published, the bank stands
        _dropped(dropped, "publication", exc)
        for q in questions:
            q.status = "draft"
            # Not «selected» (an item that passed every check, left out for another): nothing was weighed here.
            q.checks_failed = sorted({*q.checks_failed, "publication_failed"})
    offsets = {s.index: (srcmap[s.start], srcmap[s.end - 1] + 1) for s in sentences}
    return Bank(
        title=title,
        text=source,
        sentences=sentences,
        sentence_offsets=offsets,
        facts=ex.facts,
        questions=questions,
        dropped=dropped,
    )


def bank_to_json(bank: Bank) -> dict:
    """Return the bank in the documented JSON schema (see docs/generation.md)."""
    return {
        "document": {"title": bank.title, "language": bank.language},
        "facts": [
            {
                "key": f.key,
                "kind": f.kind,
                "sentence": f.sentence,
                "answer": f.answer,
                "start": f.start,
                "end": f.end,
                "value": f.value,
            }
            for f in bank.facts
        ],
        "questions": [
            {
                "key": q.key,
                "kind": q.kind,
                "prompt": q.prompt,
                "fact_keys": q.fact_keys,
                "correct": q.correct,
                "accepted": q.accepted,
                "distractors": q.distractors,
                "explanation": q.explanation,
                "status": q.status,
                "quality": q.quality,
                # a numeric item's value, tolerance and unit (what the grader accepts: «hacia 1450» takes 1448-1452)
                "numeric": q.numeric,
            }
            for q in bank.questions
        ],
    }
