"""Text normalisation, sentence splitting and light clause analysis."""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import simplemma

from .lexicon import SENTENCE_INITIAL_STOP

# Cosmetic fixes applied to the document before anything else. Each alternative is replaced;
# the map keeps every output character's position in the source so offsets stay true.
_FIXES = re.compile(
    r"(?P<refs>[ \t]?\[(?:\d{1,3}|[a-z]|nota \d{1,3}|cita requerida|n\. \d{1,3})\])"  # pasted footnote marks
    r"|(?P<dots>(?<=[.!?])(?:[ \t]*\.)+(?!\.))"  # ". ." -> "."
    r"|(?P<nl>[ \t]*\n[ \t\n]*)"  # blank lines and trailing spaces -> one newline
    r"|(?P<ws>[^\S\n]{2,}|[^\S\n ])"  # runs of spaces, tabs, no-break and other spaces -> one space
    r"|(?P<spacepunct>[ \t]+(?=[,;:]))"  # "word ," -> "word,"
)


def canonical(text: str) -> str:
    """Return the stored form of a document: NFC, Unix newlines, no BOM."""
    text = text.replace("\ufeff", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def normalise(text: str) -> tuple[str, list[int]]:
    """Return the cleaned text and, for each of its characters, the source offset."""
    out: list[str] = []
    src: list[int] = []
    pos = 0
    for m in _FIXES.finditer(text):
        for i in range(pos, m.start()):
            out.append(text[i])
            src.append(i)
        kind = m.lastgroup
        repl = {"refs": "", "dots": "", "nl": "\n", "ws": " ", "spacepunct": ""}[kind]
        for ch in repl:
            out.append(ch)
            src.append(m.start())
        pos = m.end()
    for i in range(pos, len(text)):
        out.append(text[i])
        src.append(i)
    src.append(len(text))  # sentinel so an end offset maps too
    return "".join(out), src


@dataclass(frozen=True)
class Sentence:
    """A sentence of the cleaned document, with offsets into the source document."""

    index: int
    text: str
    start: int  # offset in the cleaned text
    end: int
    skip: str = ""  # why this sentence gives no facts ("" = it does)


@cache
def _nlp():
    import spacy

    nlp = spacy.blank("es")
    nlp.add_pipe("sentencizer")
    return nlp


_UNIT_END = re.compile(r"(?<=\d)\s?(?:km|cm|mm|m|kg|g|t|ha|l|h|s)\.(?=\s+[A-ZÁÉÍÓÚÑ¿¡])")
_INITIAL_END = re.compile(r"(?:^|\s)[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+\s+[A-HJKN-UWYZ]\.$")
# «…en el año 216 a. C. El general cartaginés…»: an era ends the sentence when a function word opens the next one
# («En 202 a. C. Escipión derrotó…» goes on: a name may follow a fronted date without a comma).
_ERA_END = re.compile(r"\b[ad]\.\s?C\.(?=\s+([A-ZÁÉÍÓÚÑ][a-záéíóúñü]*)\b)")
# «…y del emperador Maximiliano I. Nació en Gante…»: a regnal numeral's full stop ends the sentence before a verb or
# a function word (the tokenizer reads «I.» as an abbreviation and does not split): the text is split there (round 20;
# before, both sentences stayed one and none of their items was published). A stem where the blank took the numbered
# name before such a stop still holds two sentences and is not published (`two_sentences`).
_REGNAL_END = re.compile(r"(?:(?<=[a-záéíóúñü])\s+[IVX]{1,4}|_____)\.(?=\s+([A-ZÁÉÍÓÚÑ][a-záéíóúñü]*)\b)")
# Conjunctions after a comma that open a coordinated clause («…era impopular, y en el 216 a. C. Roma reunió…»).
_COORDINATED = re.compile(r"(?:,\s*(?:y|e|pero|mas|aunque)|;)\s+", re.IGNORECASE)
# Prepositions that front a date in a clause («y en el 216 a. C. Roma…», «pero hacia el 211 a. C. …»).
_DATE_FRONTING = {"en", "hacia", "desde", "hasta", "tras", "durante", "a", "ya"}
# «el hospital de St. Mary's», «el Dr. Fleming»: a title abbreviation never ends a sentence.
_TITLE_END = re.compile(r"\b(?:St|Sto|Sta|Sr|Sra|Srta|Dr|Dra|Mr|Mrs|Gral|Cnel|Mons|Prof|Fr)\.$")


# Words that open a clause that is not the main one: a finite verb after them does not make the main clause.
_SUBORDINATE_OPENING = {
    "cuando", "aunque", "si", "como", "mientras", "porque", "pues", "que", "donde", "tras", "después", "antes",
    "desde", "hasta", "según", "ya",
}  # fmt: skip


def _era_ends_sentence(clean: str, start: int, era: re.Match) -> bool:
    """Return whether «a. C.» ends the sentence before the capitalised word after it.

    It does before a function word («…216 a. C. El general…»), before a verb («…del 100 a. C. Nació en Roma…»)
    and, before a name, when a main clause already stands before the era («Aníbal murió en el 183 a. C. Escipión
    recibió…»); a name after a fronted date goes on («En el 60 a. C. Julio César formó…», «Hacia el 211 a. C. …»).
    """
    word = era.group(1).lower()
    if word in SENTENCE_INITIAL_STOP or is_finite_verb(word):
        return True
    before = re.findall(r"[\wáéíóúñü]+", clean[start : era.start()])
    if not before or before[0].lower() in _SUBORDINATE_OPENING:
        return False
    joints = list(_COORDINATED.finditer(clean, start, era.start()))
    if joints:
        # «…, y en el 216 a. C. Roma reunió…»: the date fronts a coordinated clause whose verb comes after it.
        last = re.findall(r"[\wáéíóúñü]+", clean[joints[-1].end() : era.start()])
        if last and last[0].lower() in _DATE_FRONTING and not any(is_finite_verb(w) for w in last):
            return False
    return any(is_finite_verb(w) for w in before)


def _regnal_ends_sentence(m: re.Match) -> bool:
    """Return whether a regnal numeral's full stop ends the sentence: before a verb or a function word."""
    word = m.group(1).lower()
    return word in SENTENCE_INITIAL_STOP or is_finite_verb(word)


def two_sentences(text: str) -> bool:
    """Return whether a stem holds two sentences glued at a regnal numeral («…Maximiliano I. Nació en _____…»)."""
    return any(_regnal_ends_sentence(m) for m in _REGNAL_END.finditer(text))


def split_sentences(clean: str) -> list[Sentence]:
    """Split cleaned text into sentences (spaCy sentencizer + fixes for ¿ ¡ and paragraphs)."""
    spans: list[list[int]] = []
    # Paragraph breaks always end a sentence; spaCy runs per paragraph, which also keeps its
    # memory flat on long texts.
    for para in re.finditer(r"[^\n]+", clean):
        doc = _nlp()(para.group())
        base = para.start()
        for sent in doc.sents:
            spans.append([base + sent.start_char, base + sent.end_char])
    # spaCy glues an opening ¿/¡ to the previous sentence (spaCy issue #6919): move it.
    for i in range(len(spans) - 1):
        s, e = spans[i]
        chunk = clean[s:e].rstrip()
        if chunk.endswith(("¿", "¡")) and spans[i + 1][0] >= s + len(chunk) - 1:
            cut = s + len(chunk) - 1
            spans[i][1] = cut
            spans[i + 1][0] = cut
    # "…a una altitud de unos 3750 m. En el Altiplano…": a unit symbol after a number never takes a full stop
    # in Spanish, so "m." there ends the sentence (the tokenizer reads it as an abbreviation and does not split).
    split: list[list[int]] = []
    for s, e in spans:
        cuts = [m.end() for m in _UNIT_END.finditer(clean, s, e)]
        cuts += [
            m.end() for m in _REGNAL_END.finditer(clean, s, e) if m.group(0) != "_____." and _regnal_ends_sentence(m)
        ]
        for m in _ERA_END.finditer(clean, s, e):
            opening = max([s, *(c for c in cuts if c <= m.start())])
            if _era_ends_sentence(clean, opening, m):
                cuts.append(m.end())
        cuts.sort()
        for cut in cuts:
            split.append([s, cut])
            s = cut
        split.append([s, e])
    spans = split
    # A "sentence" starting in lowercase continues the previous one (an abbreviation split it).
    merged: list[list[int]] = []
    for s, e in spans:
        head = clean[s:e].lstrip()
        same_line = merged and "\n" not in clean[merged[-1][1] : s]
        # "John F. Kennedy": an initial after a first name does not end a sentence ("Legio X." does).
        previous = clean[merged[-1][0] : merged[-1][1]].rstrip() if merged else ""
        initial = same_line and (_INITIAL_END.search(previous) or _TITLE_END.search(previous))
        if same_line and head and (head[0].islower() or initial):
            merged[-1][1] = e
        else:
            merged.append([s, e])
    out: list[Sentence] = []
    for s, e in merged:
        while s < e and clean[s].isspace():
            s += 1
        while e > s and clean[e - 1].isspace():
            e -= 1
        if s < e:
            out.append(Sentence(index=len(out), text=clean[s:e], start=s, end=e))
    return out


def mark_skips(sentences: list[Sentence], clean: str) -> list[Sentence]:
    """Flag sentences that are not statements of fact (questions, exclamations, headline)."""
    result = []
    for sent in sentences:
        skip = ""
        stripped = sent.text.rstrip("»\"'” )")
        if stripped.endswith("?") or sent.text.lstrip().startswith("¿"):
            skip = "interrogative"
        elif stripped.endswith("!") or sent.text.lstrip().startswith("¡"):
            skip = "exclamative"
        elif sent.index == 0 and is_headline(sent, clean, len(sentences)):
            skip = "headline"
        elif len(sent.text.split()) < 4:
            skip = "too short"
        result.append(Sentence(sent.index, sent.text, sent.start, sent.end, skip))
    return result


def is_headline(sent: Sentence, clean: str, n_sentences: int) -> bool:
    """Return whether the first sentence is a headline: alone on its line, short, more follows."""
    line_end = clean.find("\n", sent.start)
    alone = line_end != -1 and clean[sent.end : line_end].strip() == "" and n_sentences > 1
    return alone and len(sent.text.split()) <= 16


# ---------------------------------------------------------------- words and verbs
TOKEN_RE = re.compile(r"[^\W\d_](?:[\w'’\-]*\w)?|\d+(?:[.,]\d+)*|\S")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Return word, number and punctuation tokens with offsets (a new list; the tokens are shared, they are frozen)."""
    return list(_tokens(text))


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[Token, ...]:
    # a sentence is tokenized once for every stem, clause and check built on it
    return tuple(Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text))


@cache
def lemma(word: str) -> str:
    """Return the simplemma lemma of a word (cached: texts repeat words)."""
    return simplemma.lemmatize(word, lang="es")


_FINITE_END = re.compile(
    r"(ó|aron|ieron|eron|aba|aban|ían|ía|ará|arán|erá|irá|ase|asen|iera|ieran|ara|aran|"
    r"an|en|uvo|ijo|dujo|trajo|izo|udo|uso|ino|iso)$"
)
_IRREGULAR_FINITE = {
    "fue",
    "fueron",
    "es",
    "son",
    "era",
    "eran",
    "hubo",
    "hay",
    "ha",
    "han",
    "había",
    "habían",
    "está",
    "están",
    "estaba",
    "estuvo",
    "tuvo",
    "tiene",
    "tienen",
    "dio",
    "vio",
    "fui",
    "sería",
    "serían",
}
_NOT_VERBS = SENTENCE_INITIAL_STOP | {
    "según",
    "durante",
    "mediante",
    "bien",
    "mal",
    "tan",
}


def is_finite_verb(word: str) -> bool:
    """Guess whether a lowercase word is a finite verb form (simplemma lemma + ending)."""
    w = word.lower()
    if w in _IRREGULAR_FINITE:
        return True
    if w in _NOT_VERBS or len(w) < 3 or not w.isalpha():
        return False
    lem = lemma(w)
    if lem == w or not lem.endswith(("ar", "er", "ir", "ír")):
        return False
    return bool(_FINITE_END.search(w))


_VERB_CLITICS = re.compile(r"(?:^|\s+)(?:(?:se|le|les|lo|la|los|las|me|te|nos|no)\b\s*)+$", re.IGNORECASE)


def subject_prefix(text: str) -> str:
    """Return the words before the sentence's first finite verb when they look like a subject."""
    toks = tokenize(text)
    for i, tok in enumerate(toks[:9]):
        if tok.text in {",", ";", ":"}:
            return ""
        if i > 0 and is_finite_verb(tok.text):
            first = toks[0].text.lower()
            if first in {"el", "la", "los", "las"} or toks[0].text[0].isupper():
                if first in {
                    "después",
                    "cuando",
                    "tras",
                    "a",
                    "en",
                    "durante",
                    "aunque",
                    "si",
                }:
                    return ""
                # «El tratado se firmó… y entró en vigor», «El rey no firmó… y volvió»: a clitic or a «no» before the
                # first verb is that verb's, not the subject's («se entró en vigor» was judged «enunciado roto»).
                words = text[: tok.start].strip()
                subject = re.sub(_VERB_CLITICS, "", words).strip()
                return subject
            return ""
    return ""


# Clause boundaries: coordinators and subordinators that start a new proposition.
_BOUNDARY = re.compile(
    r",\s+(?=(?:y|e|pero|mientras|aunque|sino que|porque|donde|cuando|lo que|ya que|"
    r"mientras que)\b)"
    r"|;\s+"
    r"|\s+(?=(?:mientras|mientras que|aunque|porque)\s)"
    r"|\s+(?=(?:y|e)\s+\w+)",
)


# A relative aside, closed by its comma or running to the cut («, que era rey…, y»): only the aside goes, so «El rey,
# que era joven, conquistó Huesca en 1096, y su hermano…» keeps its main verb and its boundary.
_RELATIVE_ASIDE = re.compile(r",\s+(?:que|quien|quienes|cuy[oa]s?|donde|(?:el|la|los|las)\s+cual(?:es)?)\b[^,]*(?:,|$)")


# A relative aside opened after a comma and not closed yet: «Dunant, que se arruinó en sus negocios» (then « y vivió…»).
_OPEN_RELATIVE = re.compile(r",\s+(?:que|quien|quienes|cuy[oa]s?|donde)\b[^,]*$")


# A relative pronoun («…, en la que Vasco da Gama»): the words after the last one of a stretch are its clause's.
_RELATIVE_WORD = re.compile(r"\b(?:que|quien|quienes|cual|cuales|donde|cuyo|cuya|cuyos|cuyas)\b")


# «y el ejército del Imperio…»: a noun phrase after «y» (the second party of an «entre», cut as round 21 does).
_NOUN_PHRASE_AFTER_Y = re.compile(r"(?:y|e)\s+(?:el|la|los|las|un|una|unos|unas|su|sus)\b")
# A participle or a relative right after a comma («, fundada en 1670», «, que dominó…»).
_PARTICIPLE_OR_RELATIVE = re.compile(r",\s+(?:[a-záéíóúñ]+(?:ad|id)[oa]s?|que)\b")


# A subject alone, with nothing else before a comma: «La muerte», «Los romanos», «El rey Fernando».
_SUBJECT_ALONE = re.compile(r"(?i:el|la|los|las)\s+[\wáéíóúñü-]+(?:\s+[\wáéíóúñü-]+){0,3}\s*$")


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Split a sentence into clauses (start, end) at coordinated predicates and subordinators."""
    cuts = [0]
    for m in _BOUNDARY.finditer(text):
        after = text[m.end() :]
        word_m = re.match(r"(?:y|e)\s+(\w+)", after)
        if m.group().startswith(",") and word_m:
            # (a relative clause's verb is not the main one: «La rivalidad entre Carlos V, que era rey…, y Francisco I
            # tenía…» joins two members of the subject)
            right = re.match(r"[^,;:]*", after).group()
            if re.match(r"(?:y|e)\s+(?:de|del|a|al|en|con|por|para|sobre)\s", right) and not any(
                is_finite_verb(t.text) for t in tokenize(right)
            ):
                # «los presidentes de los Estados Unidos, Theodore Roosevelt, y de México, Porfirio Díaz, propusieron»:
                # a second complement of the same noun, no clause
                continue
            if (
                not _NOUN_PHRASE_AFTER_Y.match(right)
                and not any(is_finite_verb(t.text) for t in tokenize(right))
                and _PARTICIPLE_OR_RELATIVE.match(after[len(right) :])
            ):
                # «fue una empresa inglesa, y más tarde canadiense, fundada en 1670, que dominó…»: a second
                # adjective of the same noun, its phrase set off; no clause
                continue
            left = tokenize(_RELATIVE_ASIDE.sub(" ", text[cuts[-1] : m.start()]))
            if not any(is_finite_verb(t.text) for t in left):
                # «y hoy empresas como Dead Sea Works, en Israel, y Arab Potash Company, en Jordania, extraen…»: no
                # verb since the last cut, so «, y» joins two subjects of the verb to come, not two clauses.
                continue
        if (
            m.group().startswith(",")
            and not word_m
            and _SUBJECT_ALONE.match(text[cuts[-1] : m.start()])
            and not any(is_finite_verb(t.text) for t in tokenize(text[cuts[-1] : m.start()]))
        ):
            # «La muerte, cuando ocurre, suele producirse…»: a subject set off before an aside; the clause is its
            # verb's, not cut after the subject
            continue
        if m.group().strip() == "" and word_m:
            # Bare " y ": a boundary only when a finite verb follows ("y terminó").
            nxt = word_m.group(1)
            subject_start = {"el", "la", "los", "las", "lo", "un", "una", "su", "sus"}
            if not is_finite_verb(nxt) and nxt not in {"se", "le", "les"} | subject_start:
                continue
            if nxt in subject_start:
                # "y la reputación sufrió": new subject, also a boundary when a verb is near (before any
                # comma: «y el oganesón, que completaron…» ends a list, its verb is a relative clause's).
                rest = tokenize(after)[:6]
                comma = next((k for k, t in enumerate(rest) if t.text in {",", ";", ":"}), len(rest))
                verb_at = next((k for k in range(2, comma) if is_finite_verb(rest[k].text)), None)
                if verb_at is None:
                    continue
                if any(t.text in {"y", "e"} for t in rest[2:verb_at]):
                    # «recuperó los materiales y la ornamentación originales y modernizó…»: a later «y» opens it
                    continue
            left = tokenize(text[cuts[-1] : m.start()])
            if not any(is_finite_verb(t.text) for t in left):
                continue  # «el ATP y el NADPH se emplean»: no verb yet, so a coordinated subject
            stretch = text[cuts[-1] : m.start()]
            relatives = list(_RELATIVE_WORD.finditer(stretch))
            if relatives and not any(is_finite_verb(t.text) for t in tokenize(stretch[relatives[-1].end() :])):
                continue  # «…, en la que Vasco da Gama y sus hombres pasaron…»: the relative's subject goes on
            closed = re.search(r",\s+(?:(?:se|le|les|lo|la|no)\s+)?(\w+)", after)
            if _OPEN_RELATIVE.search(text[cuts[-1] : m.start()]) and closed and is_finite_verb(closed.group(1)):
                continue  # «Dunant, que se arruinó y vivió en la pobreza, recibió…»: both verbs are the aside's
            if is_finite_verb(left[-1].text.lower()) and is_finite_verb(nxt):
                continue  # «derrotaron y capturaron a Huáscar»: two verbs share the object
        cuts.append(m.end())
    cuts.append(len(text))
    spans = []
    for a, b in itertools.pairwise(cuts):
        if b > a:
            spans.append((a, b))
    return spans
