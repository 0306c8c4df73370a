"""Question generation from Spanish encyclopedic text: a pure pipeline, no Django.

normalise -> sentences -> facts -> questions -> distractors -> quality checks.
"""

from __future__ import annotations

from .facts import extract
from .model import Bank, Fact, Question, stable_key
from .quality import check_question
from .questions import merge_duplicates, ordering_questions, questions_for_fact
from .text import canonical, mark_skips, normalise, split_sentences

__all__ = ["Bank", "Fact", "Question", "bank_to_json", "generate_bank", "stable_key"]


def generate_bank(text: str, *, title: str = "") -> Bank:
    """Return the facts and questions generated from a Spanish text (deterministic)."""
    source = canonical(text)
    clean, srcmap = normalise(source)
    sentences = mark_skips(split_sentences(clean), clean)
    if not title:
        first = next((s for s in sentences if s.skip == "headline"), None)
        title = first.text.rstrip(".") if first else ""
    ex = extract(sentences, title=title)
    by_index = {s.index: s for s in sentences}
    for fact in ex.facts:
        # Offsets point into the canonical source text, not into the cleaned copy.
        sent = by_index[fact.sentence_index]
        fact.start = srcmap[sent.start + fact.local_start]
        fact.end = srcmap[sent.start + fact.local_end - 1] + 1
    questions = []
    for fact in ex.facts:
        questions += questions_for_fact(fact, ex)
    questions += ordering_questions(ex.facts, ex, sentences)
    questions = merge_duplicates(questions)
    facts_by_key = {f.key: f for f in ex.facts}
    for q in questions:
        check_question(q, facts_by_key, ex)
    # An item whose answer stands in its own prompt cannot be repaired by a teacher's review: not made.
    questions = [q for q in questions if "no_answer_in_prompt" not in q.checks_failed]
    offsets = {s.index: (srcmap[s.start], srcmap[s.end - 1] + 1) for s in sentences}
    return Bank(
        title=title,
        text=source,
        sentences=sentences,
        sentence_offsets=offsets,
        facts=ex.facts,
        questions=questions,
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
                "distractors": q.distractors,
                "explanation": q.explanation,
                "status": q.status,
                "quality": q.quality,
            }
            for q in bank.questions
        ],
    }
