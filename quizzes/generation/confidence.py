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

from .lexicon import MONTHS, NUMBER_WORDS, fold

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

# What a sentence cut from a text leans on when it opens so (round 15): a discourse connector or a time said from the
# sentence before («Sin embargo», «Sea como fuere», «Más tarde», «Hoy»), or a pronoun standing for something said
# before («Ambos», «Este», «El resto»). Spanish in general, not any text's words.
_CONNECTOR_OPENING = re.compile(
    r"^(?:además|asimismo|igualmente|también|sin embargo|no obstante|aun así|con todo|pese a ello|a pesar de ello|"
    r"por ello|por eso|por esto|por lo tanto|por tanto|por consiguiente|por otra parte|por otro lado|por un lado|"
    r"por su parte|por el contrario|en cambio|en consecuencia|como consecuencia|como resultado|de este modo|"
    r"de esta manera|de esta forma|de hecho|en efecto|así|entonces|luego|incluso|finalmente|por último|"
    r"posteriormente|más tarde|poco después|tras ello|tras esto|después|antes|desde entonces|al año siguiente|"
    r"mientras tanto|hoy|actualmente|sea como fuere|debido a ello|ya|allí|aquí)\b",
    re.IGNORECASE,
)
_PRONOUN_OPENING = re.compile(
    r"^(?:él|ella|ellos|ellas|este|esta|estos|estas|ese|esa|aquel|aquella|ambos|ambas|uno|una|otro|otra|otros|"
    r"otras|el primero|la primera|el segundo|el último|la última|la mayoría|el resto|los demás|cada)\b",
    re.IGNORECASE,
)
# «Su muerte…», «Tras su regreso…»: a possessive opening the statement, whose owner was named before.
_POSSESSIVE_OPENING = re.compile(r"^(?:(?:en|con|por|de|tras|durante|desde|a)\s+)?(?:su|sus)\b", re.IGNORECASE)
# A demonstrative or a neuter pronoun anywhere («esta red», «por ello», «en aquella época»): its referent is elsewhere.
_DEMONSTRATIVE = re.compile(
    r"\b(?:este|esta|estos|estas|ese|esa|esos|esas|aquel|aquella|aquellos|aquellas|dicho|dicha|dichos|dichas|esto|"
    r"eso|ello|aquello)\b",
    re.IGNORECASE,
)
# A month without its year («en noviembre», «el 2 de julio y…»): the year was said in another sentence.
_MONTH_WITHOUT_YEAR = re.compile(
    r"\b(?:" + "|".join(sorted(MONTHS)) + r")\b(?!\s+(?:de|del)\s+(?:\d|_____|el\s+\d|año))", re.IGNORECASE
)
# Object pronouns («lo eligieron», «le encargó», «la vigila»): who or what they stand for is in another sentence.
_OBJECT_CLITICS = frozenset({"lo", "la", "le", "los", "las", "les"})

# The features, in the order of COEFFICIENTS. Each says why it should move the verdict. Round 15 refitted on 1 123
# judged items and kept only the features that raise the AUC on both held halves of the texts (see docs/generation.md,
# «Round 15»): the kind indicators of a typed cloze, a typed «¿Quién…?», a true/false statement (now its length), a
# number and a name answer, the prompt's length, a named or a common subject and how often the text says the answer
# were dropped (the others carry them, or they did not help on the held halves). Round 17 added `unanchored` (the only
# one of eleven referent, position and length features tried that raised both halves and leave-one-text-out).
FEATURES = (
    # The form (the base is a typed cloze or question): a real question reads alone more often than a cut sentence; a
    # numeric item asks a date or figure, which is rarely ambiguous; a cloze asked as a choice was judged worst.
    "wh_numeric",
    "wh_choice",
    "cloze_choice",
    "true_false_words",  # a true/false statement's words / 10: a long one copies a sentence with incidental details
    # What is asked: a year has one typed form; a common noun is often trivial.
    "answer_year",
    "answer_words",  # words of the answer, capped at 5: a long typed answer is rarely typed as given
    "answer_in_prompt",  # a word of the answer is said elsewhere in the prompt: the prompt gives it away
    # What the student may type (a typed short answer's accepted forms).
    "accepted_variants",  # other forms besides the answer are accepted
    "name_without_variant",  # a typed name accepted in one form only («Chain» for «Ernst Chain» marked wrong)
    # The wrong options of a choice item.
    "options_length_gap",  # |mean words of the options - words of the answer|, capped at 3: the odd one out shows
    # How the prompt reads alone.
    "names_in_prompt",  # capitalised words after the first, capped at 4: a named anchor stands alone
    "title_in_prompt",  # the prompt names the text's topic
    "unanchored",  # no name, no year and not the topic (`_unanchored`): «la isla», «el presidente» stand for what the
    # text names elsewhere
    "false_statement",  # a true/false item whose answer is «Falso»: a substitution rather than a copy
    "no_subject",  # the parse finds no subject in a statement (elided): it leans on the sentence before
    "leans_on_context",  # how many of: an opening connector, pronoun or possessive, a demonstrative, a month without
    # its year, an object pronoun, a verb opening the statement (`_context_cues`)
    "demonstrative",  # a demonstrative or neuter pronoun anywhere (once more: the strongest cue)
    "blank_position",  # where the blank sits (0 at the start, 1 at the end): a cloze asking the sentence's tail
    # Where its sentence sits: a paragraph's later sentences continue its first one.
    "later_in_paragraph",
    # How much the item is about the text (round 33: «trivial» is the teachers' first reason to reject): the share of
    # the prompt's words no other sentence of the text says (a detail the text does not come back to). (Tried and
    # left out, their weights near nothing or of the other sign: an answer said once, a death not the topic's, a year
    # far from the text's own.)
    "local_words",
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


def source_position(prompt_text: str, text: str) -> tuple[int, int] | None:
    """Return (paragraph, position in its paragraph) of the sentence sharing most words with the prompt, or None.

    Only the sentences that could be that one are compared (an index per text): a prompt costs its words and the
    sentences holding its rarest ones, not the text's length. A sentence sharing `need` of the prompt's n words holds
    one of its n - need + 1 rarest words; `need` is first the share the sentences holding the rarest word reach
    (the prompt's own sentence among them, as a rule), and never under 40 %. The first of equal overlaps wins, as in
    the text's order.
    """
    words = _content(prompt_text)
    if not words or not text:
        return None
    sentences = _sentences(text)
    index = _sentences_with(text)
    rarest = sorted(words, key=lambda word: (len(index.get(word, ())), word))
    # the fewest shared words that reach 40 % (compared as the overlaps are: shared / len(words))
    need = next((n for n in range(len(words) + 1) if n / len(words) >= 0.4), len(words) + 1)
    need = max(need, max((len(words & sentences[i][2]) for i in index.get(rarest[0], ())), default=0))
    best, where = 0.0, None
    for i in sorted({i for word in rarest[: len(words) - need + 1] for i in index.get(word, ())}):
        p, s, sentence = sentences[i]
        overlap = len(words & sentence) / len(words)
        if overlap > best:
            best, where = overlap, (p, s)
    return where if best >= 0.4 else None


@lru_cache(maxsize=64)
def _topic_words(title: str, text: str) -> frozenset[str]:
    """Return the words of a title that name its topic: those the text never writes in lower case («Galápagos»,
    «Crimea»; not «isla», «guerra»), or all of them when every one is a common noun («Fotosíntesis»).

    Cached as `_sentences` is, by the same text object (the cache keeps a few words a text, not another copy)."""
    words = {w for w in _content(title) if len(w) >= 4}
    lowercase = {fold(word) for word in _WORD.findall(text) if word[0].islower()} if words else set()
    return frozenset(words - lowercase or words)


def _unanchored(bare: str, title: str, text: str) -> bool:
    """Return whether a prompt (its blank left empty) says nothing that ties it to its text: no capitalised word
    after the first, no year, and not the topic (`_topic_words`: «las islas» of a text on the Galápagos is what a
    student cannot place).

    Dev verdicts: 11 % of the items so read are usable as they are, 43 % of the others; the teachers' «contexto»: a
    bare «la isla», «el presidente», «las obras» or a month, whose referent another sentence or the title gives.
    """
    topic = _topic_words(title, text)
    if not topic or _content(bare) & topic:
        return False
    return not _YEAR.search(bare) and not any(_CAPITALISED.match(w) for w in _words(bare)[1:])


def parse_ahead(items: list[tuple[str, str, str]]) -> None:
    """Parse in one batch the statements `features` reads of these (prompt, answer, kind) items (`nlp.parse_all` is
    about 2.5 times faster than one parse at a time, and `nlp.parse` then finds them cached)."""
    from . import nlp

    nlp.parse_all([_filled(prompt, "" if kind == "true_false" else answer) for prompt, answer, kind in items])


def _context_cues(filled: str, bare: str, parse) -> int:
    """Return how many signs of leaning on another sentence a statement shows (see `leans_on_context`)."""
    first = next((t for t in parse.tokens if t.pos != "PUNCT"), None)
    return sum(
        (
            bool(_CONNECTOR_OPENING.match(filled)),
            bool(_PRONOUN_OPENING.match(filled)),
            bool(_POSSESSIVE_OPENING.match(filled)),
            bool(_DEMONSTRATIVE.search(bare)),
            bool(_MONTH_WITHOUT_YEAR.search(filled)),
            any(t.pos == "PRON" and t.text.lower() in _OBJECT_CLITICS for t in parse.tokens),
            first is not None and first.pos in {"VERB", "AUX"},
        )
    )


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

    `answer`: the right answers joined by « / » (a true/false item's «Verdadero» or «Falso»). `distractors`: a choice
    item's wrong options. `accepted`: a typed item's accepted forms (the answer included); none given means none
    recorded (older verdicts), not one form.
    """
    from . import nlp

    question = prompt.rstrip().endswith("?")
    f = dict.fromkeys(FEATURES, 0.0)
    if kind == "numeric" and question:
        f["wh_numeric"] = 1.0
    elif kind in {"single_choice", "multiple_choice"}:
        f["wh_choice" if question else "cloze_choice"] = 1.0
    main = answer.split(" / ")[0].strip()
    filled = _filled(prompt, "" if kind == "true_false" else answer)
    bare = _filled(prompt, "")
    words = _words(filled)
    if kind == "true_false":
        f["true_false_words"] = len(words) / 10
    elif main:
        if _DATE.fullmatch(main):
            f["answer_year"] = 1.0
        f["answer_words"] = float(min(5, len(main.split())))
        f["answer_in_prompt"] = float(bool({w for w in _content(main) if len(w) > 3} & _content(bare)))
        if kind == "short_answer" and accepted:
            variants = {fold(a) for a in accepted} - {fold(main)}
            f["accepted_variants"] = float(bool(variants))
            f["name_without_variant"] = float(
                not variants and bool(_CAPITALISED.match(main)) and not _DIGITS.search(main)
            )
        if distractors:
            mean = sum(len(d.split()) for d in distractors) / len(distractors)
            f["options_length_gap"] = min(3.0, abs(mean - len(main.split())))
    f["names_in_prompt"] = float(min(4, sum(1 for w in words[1:] if _CAPITALISED.match(w))))
    title_words = {w for w in _content(title) if len(w) >= 4}
    if title_words and title_words & _content(bare):
        f["title_in_prompt"] = 1.0
    f["unanchored"] = float(_unanchored(bare, title, text))
    f["false_statement"] = float(kind == "true_false" and fold(answer) == "falso")
    parse = nlp.parse(filled)
    if not parse.subject and not question:
        f["no_subject"] = 1.0
    f["leans_on_context"] = float(_context_cues(filled, bare, parse))
    f["demonstrative"] = float(bool(_DEMONSTRATIVE.search(bare)))
    stripped = prompt.strip()
    if BLANK in stripped:
        f["blank_position"] = stripped.index(BLANK) / len(stripped)
    where = source_position(filled, text)
    if where is not None:
        f["later_in_paragraph"] = float(where[1] > 0)
    f["local_words"] = _local_words(bare, text)
    return f


def _local_words(bare: str, text: str) -> float:
    """Return the share of the prompt's words no other sentence of the text says (a detail the text never comes back
    to); 0 without the text or words to count."""
    words = [w for w in _content(bare) if len(w) > 3 and not w.isdigit()]
    if not text or not words:
        return 0.0
    index = _sentences_with(text)
    return sum(1 for w in words if len(index.get(w, ())) <= 1) / len(words)


# Fitted by `manage.py fit_confidence` (see the module docstring); replaced by its output.
# Data: 4195 judged dev items (U 2272, E 996, R 927; ordering items left out); L2 2.0.
# AUC by texts: halves by sorted slug A->B 0.714, B->A 0.747; leave-one-text-out 0.729.
# Held back (leave-one-text-out), items under the threshold of those judged U / E / R:
#   0.15: U 21/2272 · E 67/996 · R 103/927
#   0.20: U 48/2272 · E 110/996 · R 149/927
#   0.25: U 85/2272 · E 162/996 · R 219/927
#   0.30: U 129/2272 · E 226/996 · R 282/927
# Round 34: refitted with the 257 first-sight verdicts of round 34's 64 texts (4 208 verdicts, 840 texts); tried and
# left out: where in the text its sentence sits (weight -0.30, leave-one-text-out AUC 0.730 against 0.729).
INTERCEPT = 0.0099
COEFFICIENTS: dict[str, float] = {
    "wh_numeric": -0.2511,
    "wh_choice": 0.0764,
    "cloze_choice": -0.5856,
    "true_false_words": -0.2618,
    "answer_year": 1.3496,
    "answer_words": -0.1415,
    "answer_in_prompt": -0.6095,
    "accepted_variants": 0.2611,
    "name_without_variant": -0.3192,
    "options_length_gap": -0.5039,
    "names_in_prompt": 0.1820,
    "title_in_prompt": 0.4548,
    "unanchored": -0.4306,
    "false_statement": 0.4305,
    "no_subject": -0.6977,
    "leans_on_context": -0.1585,
    "demonstrative": -0.7846,
    "blank_position": -0.7047,
    "later_in_paragraph": -0.3611,
    "local_words": -1.0312,
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
