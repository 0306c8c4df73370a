"""Measure the linguistic layer on hand-annotated sentences: boundaries, entities, subjects and main verbs.

Run: ``.venv/bin/python -m quizzes.generation.nlp_eval [GOLD.json]`` (pure Python, no database). The gold file
(tests/data/nlp/gold.json) gives, per text, each sentence with its named entities (exact span, PER / LOC / ORG /
MISC), the subject of its main clause ("" when elided) and its finite main verb. Three ways of typing entities
are compared: the capital-letter rules alone, the statistical model alone, and what the generator uses (rule
boundaries, typed by gazetteers and head words, else by the model). Three sentence splitters likewise.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from . import nlp
from .facts import document_context, find_dates, find_entities, find_quantities
from .lexicon import fold
from .text import Sentence, canonical, is_finite_verb, normalise, split_sentences, subject_prefix, tokenize

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "nlp" / "gold.json"
LABEL = {"person": "PER", "place": "LOC", "organization": "ORG", "event": "MISC", "term": "MISC"}
_SUBJECT_STOP = {"el", "la", "los", "las", "de", "del", "su", "sus"}


def text_path(name: str, gold_path: Path) -> Path:
    """Return the text a gold entry annotates (beside the gold file, else in tests/data)."""
    here = gold_path.parent / f"{name}.txt"
    return here if here.exists() else gold_path.parent.parent / f"{name}.txt"


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Return precision, recall and F1."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def entities_rules(sentences: list[str], *, with_model: bool) -> list[list[tuple[str, str]]]:
    """Return (text, label) per sentence from the generator's entity finder, with or without the parse."""
    ctx = document_context([Sentence(i, s, 0, len(s)) for i, s in enumerate(sentences)])
    out = []
    for s in sentences:
        taken = [(d.start, d.end) for d in find_dates(s)]
        taken += [(q.start, q.end) for q in find_quantities(s, taken)]
        parse = nlp.parse(s) if with_model else None
        out.append([(e.text, LABEL.get(e.kind, "MISC")) for e in find_entities(s, taken, ctx, parse)])
    return out


def entities_model(sentences: list[str]) -> list[list[tuple[str, str]]]:
    """Return (text, label) per sentence from the statistical recogniser alone."""
    return [[(e.text, e.label) for e in nlp.parse(s).entities] for s in sentences]


def subject_verb_rules(sentence: str) -> tuple[str, str]:
    """Return the subject and verb the former rules found (words before the first finite-looking verb)."""
    verb = next((t.text for t in tokenize(sentence) if is_finite_verb(t.text)), "")
    return subject_prefix(sentence), verb


def subject_verb_model(sentence: str) -> tuple[str, str]:
    """Return the subject and finite main verb from the parse."""
    p = nlp.parse(sentence)
    return p.subject_text, p.verb_text


def score_entities(gold: list[dict], pred: list[list[tuple[str, str]]]) -> dict:
    """Return span and typed precision / recall / F1 (exact spans)."""
    tp_span = tp_typed = n_pred = n_gold = 0
    for g, p in zip(gold, pred, strict=True):
        g_typed = Counter(tuple(e) for e in g["entities"])
        p_typed = Counter(p)
        tp_typed += sum((g_typed & p_typed).values())
        tp_span += sum((Counter(e for e, _ in g["entities"]) & Counter(e for e, _ in p)).values())
        n_pred += len(p)
        n_gold += len(g["entities"])
    return {"span": prf(tp_span, n_pred, n_gold), "typed": prf(tp_typed, n_pred, n_gold)}


def score_subject_verb(gold: list[dict], pred: list[tuple[str, str]]) -> dict:
    """Return the share of exact subjects (elided = ""), of overlapping subjects, and of exact main verbs."""
    exact = lenient = verb = 0
    for g, (subj, v) in zip(gold, pred, strict=True):
        if fold(subj) == fold(g["subject"]):
            exact += 1
            lenient += 1
        elif subj and g["subject"] and (set(fold(subj).split()) & set(fold(g["subject"]).split())) - _SUBJECT_STOP:
            lenient += 1
        verb += fold(v) == fold(g["verb"])
    n = len(gold) or 1
    return {"subject": exact / n, "subject_overlap": lenient / n, "verb": verb / n}


def split_rules(clean: str) -> list[str]:
    """Sentences from the generator's splitter (spaCy's punctuation sentencizer and fixes)."""
    return [s.text for s in split_sentences(clean)]


def split_model(clean: str) -> list[str]:
    """Sentences from the statistical parser, per paragraph."""
    out = []
    for para in clean.split("\n"):
        if para.strip():
            out += [s.text for s in nlp.load()(para).sents]
    return out


def score_split(texts: dict[str, str], gold: dict[str, list[dict]], splitter) -> tuple[float, float, float]:
    """Return precision / recall / F1 of exact sentences."""
    tp = n_pred = n_gold = 0
    for name, text in texts.items():
        want = Counter(g["text"] for g in gold[name])
        got = Counter(s.strip() for s in splitter(normalise(canonical(text))[0]) if s.strip())
        tp += sum((want & got).values())
        n_pred += sum(got.values())
        n_gold += sum(want.values())
    return prf(tp, n_pred, n_gold)


def evaluate(names: list[str], gold_path: Path = GOLD, splitters: dict | None = None) -> dict:
    """Return every figure for the given gold texts."""
    gold_all = json.loads(gold_path.read_text(encoding="utf-8"))
    gold = {n: gold_all[n] for n in names}
    flat = [g for n in names for g in gold[n]]
    sentences = {n: [g["text"] for g in gold[n]] for n in names}

    def per_text(fn):
        return [x for n in names for x in fn(sentences[n])]

    texts = {n: text_path(n, gold_path).read_text(encoding="utf-8") for n in names}
    splitters = splitters or {"rules": split_rules, "model": split_model}
    return {
        "texts": len(names),
        "sentences": len(flat),
        "entities": sum(len(g["entities"]) for g in flat),
        "entities_rules": score_entities(flat, per_text(lambda s: entities_rules(s, with_model=False))),
        "entities_model": score_entities(flat, per_text(entities_model)),
        "entities_generator": score_entities(flat, per_text(lambda s: entities_rules(s, with_model=True))),
        "syntax_rules": score_subject_verb(flat, [subject_verb_rules(g["text"]) for g in flat]),
        "syntax_model": score_subject_verb(flat, [subject_verb_model(g["text"]) for g in flat]),
        "split": {name: score_split(texts, gold, fn) for name, fn in splitters.items()},
    }


def report(figures: dict) -> str:
    """Return the figures as text lines."""
    lines = [f"{figures['texts']} texts, {figures['sentences']} sentences, {figures['entities']} entities"]
    for key in ("entities_rules", "entities_model", "entities_generator"):
        s, t = figures[key]["span"], figures[key]["typed"]
        lines.append(
            f"  {key:20} span P {s[0]:.2f} R {s[1]:.2f} F {s[2]:.2f} | typed P {t[0]:.2f} R {t[1]:.2f} F {t[2]:.2f}"
        )
    for key in ("syntax_rules", "syntax_model"):
        f = figures[key]
        lines.append(
            f"  {key:20} subject {f['subject']:.2f} (overlapping {f['subject_overlap']:.2f})"
            f" | main verb {f['verb']:.2f}"
        )
    for name, (p, r, f) in figures["split"].items():
        lines.append(f"  sentences {name:10} P {p:.2f} R {r:.2f} F {f:.2f}")
    return "\n".join(lines)


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD
    names = list(json.loads(path.read_text(encoding="utf-8")))
    print(report(evaluate(names, path)))
