"""A learned publication confidence: the probability that a teacher takes an item as it is (verdict U).

Eleven rounds of phrase rules fitted the texts they were written on; this is a small logistic model over generic
features of an item, fitted on the blind verdicts of the development corpus (`devtools/confidence.py`, the management
command `fit_confidence`). Every feature is read from what a teacher sees — the prompt, the answer, the kind, the
options — and from the source text and its title, never from the generator's internals, so the historical items
(which only kept those fields) and a new item are read the same way.

`confidence(...)` returns P(U) in (0, 1). Publication (`ranking.publish`) weighs each item's score by it, so a
sentence publishes its likelier item and a text its likelier sentences, and holds as a draft (`low_confidence`) an
item under LOW_CONFIDENCE; a text that would publish fewer than `ranking.MIN_PUBLISHED` items takes back its held
typed items, best first (not a held choice item: the choice items are settled by then).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from .lexicon import NUMBER_WORDS, fold

BLANK = "_____"
_TF_PREFIX = re.compile(r"^Verdadero o falso:\s*", re.IGNORECASE)
_INSTRUCTION = re.compile(r"\s*\((?:Escriba|Responda|Indique)[^)]*\)\s*$")
_YEAR = re.compile(r"\b\d{3,4}\b")
# A year or a date as typed: «1936», «hacia 1527», «13 de marzo de 1940», «el 58 a. C.», «marzo de 1940».
_DATE = re.compile(
    r"(?:(?:hacia|el|en)\s+)?(?:\d{1,2}\s+de\s+)?(?:[a-záéíóú]+\s+(?:de|del)\s+)?(?:\d{3,4}|\d{1,4}\s*a\.\s?C\.)",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d")
_NUMBER_WORDS = frozenset(fold(word) for word in NUMBER_WORDS)  # an answer opening with one is a number
_WORD = re.compile(r"[\wáéíóúñüÁÉÍÓÚÑÜ]+")
_CAPITALISED = re.compile(r"^[A-ZÁÉÍÓÚÑÜ]")
# Function words of a heading: «Guerra de las Galias» is about «Galias» and «guerra».
_STOP = {
    "el",
    "la",
    "los",
    "las",
    "de",
    "del",
    "y",
    "en",
    "un",
    "una",
    "por",
    "con",
    "a",
    "al",
    "que",
    "se",
    "su",
    "sus",
    "lo",
    "es",
    "fue",
}
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«(¿¡\"']?[A-ZÁÉÍÓÚÑÜ0-9])")

# The features, in the order of COEFFICIENTS. Each says why it should move the verdict.
FEATURES = (
    # The form (the base is a typed cloze): a real question reads alone more often than a cut sentence; a numeric
    # item asks a date or figure, which is rarely ambiguous; true/false and cloze choices were judged worst.
    "wh_numeric",
    "wh_choice",
    "wh_typed",
    "cloze_numeric",
    "cloze_choice",
    "true_false",
    # What is asked: a year has one typed form; a name has many (accepted answers); a common noun is often trivial.
    "answer_year",
    "answer_number",
    "answer_name",
    "answer_words",  # words of the answer, capped at 5: a long typed answer is rarely typed as given
    "answer_mentions",  # log(1 + times the text says the answer's main word): what the text returns to matters
    # How the prompt reads alone.
    "prompt_words",  # words / 10: long stems carry asides and cut clauses
    "names_in_prompt",  # capitalised words after the first, capped at 4: a named anchor stands alone
    "title_in_prompt",  # the prompt names the text's topic
    "false_statement",  # a true/false item whose answer is «Falso»: a substitution rather than a copy
    "subject_name",  # the parse's subject is a proper name (filled blank included)
    "subject_common",  # … a common noun: «la ciudad», «el ejército» lean on the sentence before
    "no_subject",  # … none found in a statement (elided): leans on the sentence before
    # Where its sentence sits: a paragraph's later sentences continue its first one.
    "later_in_paragraph",
)


def _filled(prompt: str, answer: str) -> str:
    """Return the prompt as a statement a teacher reads: no «Verdadero o falso:», no instruction, blank filled."""
    text = _TF_PREFIX.sub("", prompt.strip())
    text = _INSTRUCTION.sub("", text)
    if BLANK in text and answer:
        text = text.replace(BLANK, answer.split(" / ")[0], 1)
    return text


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _content(text: str) -> set[str]:
    return {w for w in fold(text).split() if len(w) > 2 and w not in _STOP}


@lru_cache(maxsize=64)
def _sentences(text: str) -> tuple[tuple[int, int, frozenset], ...]:
    """Return (paragraph, position in paragraph, content words) for each sentence of a text, headline left out."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if lines and len(lines) > 1 and not lines[0].rstrip().endswith((".", "!", "?")) and len(lines[0].split()) < 12:
        lines = lines[1:]  # the headline
    out = []
    for p, line in enumerate(lines):
        for s, sentence in enumerate(_SENTENCE_END.split(line)):
            out.append((p, s, frozenset(_content(sentence))))
    return tuple(out)


@lru_cache(maxsize=64)
def _sentences_with(text: str) -> dict[str, tuple[int, ...]]:
    """Return each content word of a text -> the indexes (in `_sentences` order) of the sentences that hold it."""
    index: dict[str, list[int]] = {}
    for i, (_p, _s, sentence) in enumerate(_sentences(text)):
        for word in sentence:
            index.setdefault(word, []).append(i)
    return {word: tuple(ids) for word, ids in index.items()}


@lru_cache(maxsize=64)
def _folded(text: str) -> str:
    return fold(text)


@lru_cache(maxsize=4096)
def _mentions(text: str, key: str) -> int:
    """Return how many times the folded text says `key` as a whole word (one pass per text and word, not per item)."""
    return len(re.findall(rf"\b{re.escape(key)}\b", _folded(text)))


def source_position(prompt_text: str, text: str) -> tuple[int, int] | None:
    """Return (paragraph, position in its paragraph) of the sentence sharing most words with the prompt, or None.

    Only the sentences that share a word with the prompt are compared (an index per text): a prompt costs its words,
    not the text's length. The first of equal overlaps wins, as in the text's order.
    """
    words = _content(prompt_text)
    if not words or not text:
        return None
    sentences = _sentences(text)
    index = _sentences_with(text)
    best, where = 0.0, None
    for i in sorted({i for word in words for i in index.get(word, ())}):
        p, s, sentence = sentences[i]
        overlap = len(words & sentence) / len(words)
        if overlap > best:
            best, where = overlap, (p, s)
    return where if best >= 0.4 else None


def parse_ahead(items: list[tuple[str, str, str]]) -> None:
    """Parse in one batch the statements `features` reads of these (prompt, answer, kind) items (`nlp.parse_all` is
    about 2.5 times faster than one parse at a time, and `nlp.parse` then finds them cached)."""
    from . import nlp

    nlp.parse_all([_filled(prompt, "" if kind == "true_false" else answer) for prompt, answer, kind in items])


def features(
    prompt: str,
    answer: str,
    kind: str,
    distractors: list[str] | tuple = (),
    accepted: list[str] | tuple = (),
    title: str = "",
    text: str = "",
) -> dict[str, float]:
    """Return the model's features of one item, read from what a teacher sees and from the text and its title.

    `answer`: the right answers joined by « / » (a true/false item's «Verdadero» or «Falso»).
    """
    from . import nlp

    question = prompt.rstrip().endswith("?")
    f = dict.fromkeys(FEATURES, 0.0)
    if kind == "true_false":
        f["true_false"] = 1.0
    elif kind == "numeric":
        f["wh_numeric" if question else "cloze_numeric"] = 1.0
    elif kind in {"single_choice", "multiple_choice"}:
        f["wh_choice" if question else "cloze_choice"] = 1.0
    elif question:
        f["wh_typed"] = 1.0
    main = answer.split(" / ")[0].strip()
    if kind != "true_false" and main:
        if _DATE.fullmatch(main):
            f["answer_year"] = 1.0
        elif _DIGITS.search(main) or (fold(main).split() or [""])[0] in _NUMBER_WORDS:
            f["answer_number"] = 1.0
        elif _CAPITALISED.match(main):
            f["answer_name"] = 1.0
        f["answer_words"] = float(min(5, len(main.split())))
        key = max(sorted(_content(main)), key=len, default="")  # the longest word; ties by spelling (no set order)
        if key and text:
            f["answer_mentions"] = math.log1p(_mentions(text, key))
    filled = _filled(prompt, "" if kind == "true_false" else answer)
    words = _words(filled)
    f["prompt_words"] = len(words) / 10
    f["names_in_prompt"] = float(min(4, sum(1 for w in words[1:] if _CAPITALISED.match(w))))
    title_words = {w for w in _content(title) if len(w) >= 4}
    if title_words and title_words & _content(_filled(prompt, "")):
        f["title_in_prompt"] = 1.0
    f["false_statement"] = float(kind == "true_false" and fold(answer) == "falso")
    parse = nlp.parse(filled)
    if parse.subject:
        head = parse.span_head(*parse.subject)
        if (head is not None and head.pos == "PROPN") or _CAPITALISED.match((parse.subject_text.split() or [""])[-1]):
            f["subject_name"] = 1.0
        elif head is not None and head.pos in {"NOUN", "ADJ"}:
            f["subject_common"] = 1.0
    elif not question:
        f["no_subject"] = 1.0
    where = source_position(filled, text)
    if where is not None:
        f["later_in_paragraph"] = float(where[1] > 0)
    return f


# Fitted by `manage.py fit_confidence` (see the module docstring); replaced by its output.
# Data: 592 judged dev items (U 243, E 172, R 177; ordering items left out); L2 2.0.
# AUC by texts: halves by sorted slug A->B 0.68, B->A 0.668; leave-one-text-out 0.682.
# Held back (leave-one-text-out), items under the threshold of those judged U / E / R:
#   0.15: U 5/243 · E 10/172 · R 14/177
#   0.20: U 14/243 · E 26/172 · R 28/177
#   0.25: U 33/243 · E 38/172 · R 44/177
#   0.30: U 52/243 · E 63/172 · R 75/177
# Fitted on 2026-12-03 on hist_dev.json (blind verdicts of all rounds, dev texts only), generator at c68b6cb.
INTERCEPT = -0.8513
COEFFICIENTS: dict[str, float] = {
    "wh_numeric": 0.6634,
    "wh_choice": 0.4882,
    "wh_typed": 0.2723,
    "cloze_numeric": -0.1252,
    "cloze_choice": -0.6325,
    "true_false": -0.5552,
    "answer_year": 0.8992,
    "answer_number": 0.1343,
    "answer_name": -0.2774,
    "answer_words": -0.1890,
    "answer_mentions": 0.2427,
    "prompt_words": -0.0668,
    "names_in_prompt": 0.1465,
    "title_in_prompt": 0.2480,
    "false_statement": 0.4533,
    "subject_name": 0.3788,
    "subject_common": 0.1280,
    "no_subject": -0.5149,
    "later_in_paragraph": -0.2489,
}


def confidence(
    prompt: str,
    answer: str,
    kind: str,
    distractors: list[str] | tuple = (),
    accepted: list[str] | tuple = (),
    title: str = "",
    text: str = "",
) -> float:
    """Return P(U): the fitted logistic model over `features`."""
    f = features(prompt, answer, kind, distractors, accepted, title, text)
    z = INTERCEPT + sum(COEFFICIENTS[name] * f[name] for name in FEATURES)
    if z < 0:  # the logistic written so that exp() never overflows, whatever the features
        return math.exp(z) / (1.0 + math.exp(z))
    return 1.0 / (1.0 + math.exp(-z))
