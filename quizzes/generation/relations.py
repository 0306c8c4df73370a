"""Causes and consequences: «X provocó Y», «Y debido a X», «como consecuencia de X», «por lo que».

A relation becomes a fact (kind `term`, subtype `cause`) whose answer is the cause as the text says it,
and up to three items:

* «¿Qué provocó Y?» (or «¿Qué causó…?», with the text's own verb) when the cause is the subject, and a
  cloze of the cause otherwise, as choice items whose wrong options are the other causes and consequences
  of the same text (no generic list: fewer than three of them, no choice item);
* a true/false statement restated as «Y fue consecuencia de X» (not the sentence word for word), made false
  by putting another relation's cause in its place.

The cause is a noun phrase the rules can see: it starts with a determiner and ends at a comma, a relative
pronoun or the end of the sentence. Long spans are only ever offered as options, never typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import fold
from .model import Fact, Question, stable_key
from .standalone import Discourse, drop_connectors, lower_first, stand_alone, verbish
from .text import Sentence

BLANK = "_____"
_VERB = re.compile(
    r"\b(provoc(?:ó|aron)|caus(?:ó|aron)|desencaden(?:ó|aron)|originó|originaron|produjo|produjeron)\s+",
    re.IGNORECASE,
)
_MARKER = re.compile(r"(?:^|,?\s+)(debido a|a causa de|como consecuencia de|por culpa de)\s+", re.IGNORECASE)
_BY = re.compile(r",?\s+(?:causad|provocad|originad)[oa]s?\s+(?:sobre todo\s+|principalmente\s+)?por\s+", re.IGNORECASE)
_NP_START = re.compile(r"(?:el|la|los|las|un|una|unos|unas|su|sus)\s", re.IGNORECASE)
_NP_END = re.compile(r",|;|:|\.|\s(?:que|quien|donde|cuando|mientras|y\s+(?:se\s+)?\w+(?:ó|aron))\s")
MAX_WORDS = 12


@dataclass
class Relation:
    sentence_index: int
    sentence: str
    cause: tuple[int, int]  # local span of the cause
    effect: tuple[int, int]  # local span of the consequence
    verb: str  # the text's verb ("provocó") or "" for a marker

    def text(self, span: tuple[int, int]) -> str:
        return self.sentence[span[0] : span[1]]


def _noun_phrase(s: str, start: int) -> tuple[int, int] | None:
    """Return the noun phrase starting at or just after start (a leading "en París" is skipped)."""
    m = re.match(
        r"\s*(?:en\s+(?:(?:el|la|los|las)\s+)?[\w-]+\s+(?=(?:el|la|los|las|un|una|unos|unas)\s)|,\s*hace\s+[^,]+,\s*)?",
        s[start:],
    )
    a = start + (m.end() if m else 0)
    if not _NP_START.match(s[a:]):
        return None
    end = _NP_END.search(s, a + 3)
    b = end.start() if end else len(s)
    b = len(s[:b].rstrip(" ."))
    if b <= a or len(s[a:b].split()) > MAX_WORDS:
        return None
    return a, b


def _subject_before(s: str, verb_at: int) -> tuple[int, int] | None:
    """Return the noun phrase acting as subject of the verb at verb_at ("la demanda de caucho provocó…")."""
    pos = 0
    for seg in s[:verb_at].split(","):
        a = pos + len(seg) - len(seg.lstrip())
        pos += len(seg) + 1
        text = seg.strip()
        text_start = a
        m = re.match(r"(?:y|e|pero)\s+", text)
        if m:
            text, text_start = text[m.end() :], text_start + m.end()
        if not text or not _NP_START.match(text + " ") or re.match(r"(?:su|sus)\s", text, re.IGNORECASE):
            continue
        words = text.split()
        if len(words) > MAX_WORDS or any(verbish(w) for w in words[1:]):
            continue
        return text_start, text_start + len(text)
    return None


def find_relations(sent: Sentence) -> list[Relation]:
    """Return the cause-consequence relations the rules can see in one sentence."""
    s = sent.text
    out: list[Relation] = []
    m = _VERB.search(s)
    if m:
        cause = _subject_before(s, m.start())
        effect = _noun_phrase(s, m.end())
        if cause and effect:
            out.append(Relation(sent.index, s, cause, effect, m.group(1)))
    # "Debido a X, Y" / "Y, debido a X": the cause after the marker, the consequence the main clause.
    for mk in _MARKER.finditer(s):
        cause = _noun_phrase(s, mk.end())
        if not cause or re.match(r"(?:su|sus)\s", s[cause[0] :], re.IGNORECASE):
            continue
        if mk.start() == 0:
            rest = s[cause[1] :].lstrip(" ,")
            effect = (len(s) - len(rest), len(s.rstrip(". ")))
        else:
            effect = (0, mk.start())
        if len(s[effect[0] : effect[1]].split()) >= 3:
            out.append(Relation(sent.index, s, cause, effect, ""))
    # "la deforestación, causada sobre todo por la ganadería…"
    for pm in _BY.finditer(s):
        before = s[: pm.start()].rstrip(" ,")
        tail = s[pm.end() :].rstrip(" .")
        # The consequence: the last noun phrase before the participle, with no verb in it.
        nps = [m.start(1) for m in re.finditer(r"(?:^|\s)((?:el|la|los|las)\s)", before)]
        a = next((x for x in reversed(nps) if not any(verbish(w) for w in before[x:].split()[1:])), None)
        if a is not None and _NP_START.match(tail + " ") and len(tail.split()) <= MAX_WORDS:
            out.append(Relation(sent.index, s, (pm.end(), pm.end() + len(tail)), (a, len(before)), "por"))
    return out


def _definite(np: str) -> str:
    """Return the phrase as the object of «de»: "la demanda" -> "la demanda", "el ataque" -> "el ataque"."""
    return lower_first(np)


def relation_items(relations: list[Relation], disc: Discourse | None) -> tuple[list[Fact], list[Question]]:
    """Return a fact and its items for every relation (the other relations give the wrong options)."""
    facts: list[Fact] = []
    questions: list[Question] = []
    phrases = []
    for r in relations:
        phrases += [r.text(r.cause), r.text(r.effect)]
    for r in relations:
        cause, effect = r.text(r.cause), r.text(r.effect)
        key = stable_key(r.sentence, cause, "cause")
        fact = Fact(
            key=key,
            kind="term",
            subtype="cause",
            sentence_index=r.sentence_index,
            sentence=r.sentence,
            answer=cause,
            start=r.cause[0],
            end=r.cause[1],
            local_start=r.cause[0],
            local_end=r.cause[1],
            notes=[f"consecuencia: {effect}"],
        )
        facts.append(fact)
        others = []
        for p in phrases:
            if fold(p) in {fold(cause), fold(effect)} or fold(p) in fold(r.sentence) or fold(p) in map(fold, others):
                continue
            others.append(p)
        # A choice item: «¿Qué provocó Y?» when the cause is the subject, else the cause blanked.
        if len(others) >= 3:
            notes: list[str] = []
            if r.verb and r.verb != "por" and r.cause[0] < r.effect[0] and len(effect.split()) <= MAX_WORDS:
                prompt = f"¿Qué {r.verb.lower()} {_definite(effect)}?"
                prompt, problem = prompt, ""
            else:
                stem = r.sentence[: r.cause[0]] + BLANK + r.sentence[r.cause[1] :]
                prompt, problem = stand_alone(drop_connectors(stem), r.sentence_index, disc)
            if problem:
                notes.append(f"standalone:{problem}")
            questions.append(
                Question(
                    key=stable_key("single_choice", "cause", r.sentence, cause),
                    kind="single_choice",
                    prompt=prompt,
                    fact_keys=[key],
                    correct=[_upper(cause)],
                    distractors=[_upper(o) for o in others[:3]],
                    explanation=r.sentence,
                    sentence_indexes=[r.sentence_index],
                    notes=notes + ["relation:cause"],
                )
            )
        # True/false, restated: «Y fue consecuencia de X»; false with another relation's cause.
        other_causes = [x.text(x.cause) for x in relations if fold(x.text(x.cause)) not in fold(r.sentence)]
        false = int(stable_key(key, "tf")[:2], 16) % 2 == 0 and other_causes
        said_cause = other_causes[0] if false else cause
        if r.verb and len(effect.split()) <= MAX_WORDS and _NP_START.match(effect + " "):
            statement = f"{_upper(effect)} fue consecuencia de {_definite(said_cause)}."
        elif not r.verb and r.effect[0] < r.cause[0] and r.effect[0] == 0:
            statement = ""  # "Y, debido a X" is the sentence itself: no restatement
        elif not r.verb:
            statement = f"{_upper(effect.rstrip(' .'))} debido a {_definite(said_cause)}."
        else:
            statement = ""
        if statement:
            statement = statement.replace(" de el ", " del ")
            q = Question(
                key=stable_key("true_false", "cause", r.sentence, cause, "false" if false else "true"),
                kind="true_false",
                prompt="Verdadero o falso: " + lower_first(statement),
                fact_keys=[key],
                correct=["Falso" if false else "Verdadero"],
                distractors=[],
                explanation=r.sentence,
                sentence_indexes=[r.sentence_index],
                notes=["relation:cause"]
                + ([f"Afirmación falsa: «{said_cause}» en lugar de «{cause}»."] if false else []),
            )
            questions.append(q)
    return facts, questions


def _upper(text: str) -> str:
    return text[:1].upper() + text[1:]
