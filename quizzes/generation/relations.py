"""Causes and consequences («X provocó Y», «Y debido a X», «como consecuencia de X») and definitions («X es un…»).

A relation becomes a fact (kind `term`, subtype `cause`) whose answer is the cause as the text says it,
and up to three items:

* «¿Qué provocó Y?» (or «¿Qué causó…?», with the text's own verb) when the cause is the subject, and a
  cloze of the cause otherwise, as choice items whose wrong options are the other causes and consequences
  of the same text (no generic list: fewer than three of them, no choice item);
* a true/false statement restated as «Y fue consecuencia de X» (not the sentence word for word), made false
  by putting another relation's cause in its place.

A definition «X es/fue un(a) / el / la …» (X the subject of the sentence, the copula agreeing with it)
becomes a fact (`term`/`predicate`) whose answer is the predicate cut at the first comma or relative
pronoun; it is asked as «¿Qué es X?» with the text's other definitions as options (three needed), and as a
true/false statement cut to the definition, false with another classifying definition («un…», «una…»).

The cause is a noun phrase the rules can see: it starts with a determiner and ends at a comma, a relative
pronoun or the end of the sentence. Long spans are only ever offered as options, never typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import WHOLE_AFTER_ENTRE, fold
from .model import Fact, Question, stable_key
from .standalone import (
    Discourse,
    _agrees,
    _plural_subject,
    definite_reference,
    drop_connectors,
    lower_first,
    sentence_subject,
    stand_alone,
    verbish,
)
from .text import Sentence

BLANK = "_____"
# (Not after «se»: «se produjo una oleada de ventas», «se originó en…» say that something happened, not who caused it.)
_VERB = re.compile(
    r"(?<!\bse )\b(provoc(?:ó|aron)|caus(?:ó|aron)|desencaden(?:ó|aron)|originó|originaron|produjo|produjeron)\s+",
    re.IGNORECASE,
)
_MARKER = re.compile(r"(?:^|,?\s+)(debido a|a causa de|como consecuencia de|por culpa de)\s+", re.IGNORECASE)
_BY = re.compile(r",?\s+(?:causad|provocad|originad)[oa]s?\s+(?:sobre todo\s+|principalmente\s+)?por\s+", re.IGNORECASE)
# «Como …,» opening a sentence with a finite verb before the comma gives a cause (not «Como consecuencia», «Como
# resultado», «Como respuesta», which are markers, nor «Como parte de», a role).
_COMO = re.compile(r"Como\s+(?!(?:consecuencia|resultado|respuesta|parte|ya\s+se)\b)")
_NP_START = re.compile(r"(?:el|la|los|las|un|una|unos|unas|su|sus)\s", re.IGNORECASE)
# (a comma or a dot between digits is a figure's: «más de 1.700 pasajeros», «2,5 millones»)
_NP_END = re.compile(
    r"(?<!\d),|,(?!\d)|;|:|(?<!\d)\.|\.(?!\d)|\s(?:que|quien|donde|cuando|mientras|y\s+(?:se\s+)?\w+(?:ó|aron))\s"
)
MAX_WORDS = 12
_CUT_RELATIVE = re.compile(
    r"(?:\s+(?:a|ante|con|contra|de|desde|en|entre|hacia|hasta|para|por|sin|sobre|tras))?"
    r"\s+(?:el|la|los|las|lo)$",
    re.IGNORECASE,
)
# «Una semana después», «Dos años más tarde»: a time said before the subject, no cause.
_TIME_PHRASE = re.compile(
    r"^(?:\w+\s+){1,3}(?:después|antes|más\s+tarde|atrás|luego)$|"
    r"^(?:un|una|unos|unas|el|la|los|las|pocos|pocas|dos|tres|varios|varias)\s+(?:\w+\s+)?"
    r"(?:días?|semanas?|meses|mes|años?|décadas?|siglos?|horas?)\b(?!\s+de\b)|"
    # «El 31 de marzo de 1991, un enfrentamiento … causó…»: a date is when, not what
    r"^(?:el|los)\s+(?:\d{1,2}|primero)(?:\s+(?:y|al?)\s+\d{1,2})?\s+de\s+[a-záéíóú]+\b",
    re.IGNORECASE,
)


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
    # «una estampida en la [que murieron…]»: a relative cut after its preposition leaves them behind.
    cut = _CUT_RELATIVE.search(s[a:b])
    if cut:
        b = a + cut.start()
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
        if _TIME_PHRASE.match(text):
            continue  # «Una semana después, un rumor … provocó…»: when, not what
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
    # "Como el nivel del agua es el mismo, el canal no tiene esclusas": a fronted «Como» + finite clause is a cause.
    cm = _COMO.match(s)
    comma = s.find(",", cm.end()) if cm else -1
    if cm and comma > 0:
        words = s[cm.end() : comma].split()
        rest = s[comma + 1 :].lstrip()
        effect = (len(s) - len(rest), len(s.rstrip(". ")))
        clause = 3 <= len(words) <= MAX_WORDS and any(verbish(w) for w in words)
        if clause and len(s[effect[0] : effect[1]].split()) >= 3:
            out.append(Relation(sent.index, s, (cm.end(), comma), effect, "como"))
    # "la deforestación, causada sobre todo por la ganadería…"
    for pm in _BY.finditer(s):
        before = s[: pm.start()].rstrip(" ,")
        tail = s[pm.end() :].rstrip(" .")
        # The consequence: the last noun phrase before the participle, with no verb in it.
        nps = [m.start(1) for m in re.finditer(r"(?:^|\s)((?:el|la|los|las)\s)", before)]
        a = next((x for x in reversed(nps) if not any(verbish(w) for w in before[x:].split()[1:])), None)
        if a is not None and re.search(r"\b(?:de|del)\s+$", before[:a], re.IGNORECASE):
            continue  # «una sacudida … de la corteza terrestre provocada por…»: a complement, not what was caused
        if a is not None and _NP_START.match(tail + " ") and len(tail.split()) <= MAX_WORDS:
            out.append(Relation(sent.index, s, (pm.end(), pm.end() + len(tail)), (a, len(before)), "por"))
    return out


def _definite(np: str) -> str:
    """Return the phrase as the object of «de»: "la demanda" -> "la demanda", "el ataque" -> "el ataque"."""
    return lower_first(np)


def _asked_verb(verb: str) -> str:
    """Return the verb of «¿Qué …?» in the singular: «qué» is singular whatever the cause («Las crónicas …
    provocaron la caída…» → «¿Qué provocó la caída…?», not «¿Qué provocaron…?»)."""
    verb = verb.lower()
    if verb.endswith("jeron"):
        return verb[: -len("jeron")] + "jo"  # «produjeron» → «produjo»
    return verb[: -len("aron")] + "ó" if verb.endswith("aron") else verb


# A phrase whose noun was left out for the one said before («el de Tōhoku», «los que sobrevivieron»).
_ELIDED_NOUN = re.compile(r"(?:el|la|los|las)\s+(?:de|del|que)\b", re.IGNORECASE)


def relation_items(relations: list[Relation], disc: Discourse | None) -> tuple[list[Fact], list[Question]]:
    """Return a fact and its items for every relation (the other relations give the wrong options)."""
    facts: list[Fact] = []
    questions: list[Question] = []
    phrases = []
    for r in relations:
        phrases += [r.text(r.cause), r.text(r.effect)]
    for r in relations:
        cause, effect = r.text(r.cause), r.text(r.effect)
        if _ELIDED_NOUN.match(cause) or _ELIDED_NOUN.match(effect):
            continue  # «el de Tōhoku (Japón)»: the noun is the one said before it, not in the phrase
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
            if (
                r.verb
                and r.verb not in {"por", "como"}
                and r.cause[0] < r.effect[0]
                and len(effect.split()) <= MAX_WORDS
            ):
                prompt = f"¿Qué {_asked_verb(r.verb)} {_definite(effect)}?"
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
                    notes=notes + ["relation:cause"] + (["wh"] if prompt.startswith("¿") else []),
                )
            )
        # A typed answer: «¿Qué provocó Y?» (a cause of more than a few words stays a draft).
        if r.verb and r.verb not in {"por", "como"} and r.cause[0] < r.effect[0] and len(effect.split()) <= MAX_WORDS:
            head = re.sub(r"^(?:el|la|los|las|un|una|unos|unas)\s+", "", cause, flags=re.IGNORECASE)
            questions.append(
                Question(
                    key=stable_key("short_answer", "cause", r.sentence, cause),
                    kind="short_answer",
                    prompt=f"¿Qué {_asked_verb(r.verb)} {_definite(effect)}?",
                    fact_keys=[key],
                    correct=[cause],
                    distractors=[],
                    explanation=r.sentence,
                    sentence_indexes=[r.sentence_index],
                    accepted=[cause, head] if head != cause else [cause],
                    notes=["relation:cause", "wh"],
                )
            )
        if r.verb == "como" or not any(q.fact_keys == [key] for q in questions):
            # Nothing else asks it («Y, a causa de X», «Como X, Y»): the cause blanked in its sentence.
            stem = r.sentence[: r.cause[0]] + BLANK + r.sentence[r.cause[1] :]
            prompt, problem = stand_alone(drop_connectors(stem), r.sentence_index, disc)
            questions.append(
                Question(
                    key=stable_key("short_answer", "cause", r.sentence, cause, "cloze"),
                    kind="short_answer",
                    prompt=prompt,
                    fact_keys=[key],
                    correct=[cause],
                    distractors=[],
                    explanation=r.sentence,
                    sentence_indexes=[r.sentence_index],
                    accepted=[cause],
                    notes=["relation:cause"] + ([f"standalone:{problem}"] if problem else []),
                )
            )
            if r.verb == "como":
                continue  # a clause, not a noun phrase: no «fue consecuencia de» statement
        # True/false, restated: «Y fue consecuencia de X»; false with another relation's cause.
        other_causes = [x.text(x.cause) for x in relations if fold(x.text(x.cause)) not in fold(r.sentence)]
        false = int(stable_key(key, "tf")[:2], 16) % 2 == 0 and other_causes
        said_cause = other_causes[0] if false else cause
        if r.verb and _COUNTED_EFFECT.match(effect):
            # «La muerte de 649 militares fue consecuencia de la guerra»: a count restated as an effect asks nothing
            # of the cause, and the figure is asked (or given away) by another item (blind verdicts: R 2, E 1 of 3)
            statement = ""
        elif r.verb and len(effect.split()) <= MAX_WORDS and _NP_START.match(effect + " "):
            copula = "fueron" if _plural_subject(effect) else "fue"
            statement = f"{_upper(effect)} {copula} consecuencia de {_definite(said_cause)}."
        elif not r.verb and r.effect[0] < r.cause[0] and r.effect[0] == 0:
            statement = ""  # "Y, debido a X" is the sentence itself: no restatement
        elif not r.verb:
            statement = f"{_upper(effect.rstrip(' .'))} debido a {_definite(said_cause)}."
        else:
            statement = ""
        if statement:
            statement = statement.replace(" de el ", " del ")
            statement, problem = definite_reference(statement, r.sentence_index, disc)
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
                + ([f"Afirmación falsa: «{said_cause}» en lugar de «{cause}»."] if false else [])
                + ([f"standalone:{problem}"] if problem else []),
            )
            questions.append(q)
    return facts, questions


# A counted effect: «unos 11 000 muertos», «la muerte de 649 militares», «la muerte de más de 1.700 pasajeros».
_ABOUT = r"(?:(?:más|cerca|alrededor|unos|unas)\s+(?:de\s+)?|casi\s+)?"
_COUNTED_EFFECT = re.compile(_ABOUT + r"\d|(?:la|las)\s+muertes?\s+de\s+" + _ABOUT + r"\d", re.IGNORECASE)


def _upper(text: str) -> str:
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------- definitions
_COPULA = re.compile(r"\s(es|fue|era|son|fueron|eran)\s+(?=(?:el|la|los|las|un|una|unos|unas)\s)", re.IGNORECASE)
_DEF_END = re.compile(r",|;|:|\.$|\s(?:que|quien|donde|cuyo|cuya|y\s+(?:se\s+)?\w+(?:ó|aron|a|an|e|en))\s")
MAX_DEFINITION_WORDS = 16
# «un enfrentamiento entre el Reino de Valdoria y la República de Ostmar»: an «entre» still waiting for its «y».
_OPEN_PAIR = re.compile(r"\bentre\s+(?!(?:" + "|".join(WHOLE_AFTER_ENTRE) + r")\b)[^,;:()]*$", re.IGNORECASE)


def _definition_end(s: str, a: int) -> re.Match | None:
    """Return where a definition's predicate starting at `a` ends (`_DEF_END`), never at the «y» of an «entre A y B»
    pair: «un enfrentamiento entre el Reino de Valdoria y la República de Ostmar» is not cut to its first party."""
    at = a + 3
    while True:
        end = _DEF_END.search(s, at)
        if end is None or not end.group().lstrip().startswith("y") or not _OPEN_PAIR.search(s[a : end.start()]):
            return end
        at = end.start() + 2


@dataclass
class Definition:
    sentence_index: int
    sentence: str
    term: tuple[int, int]  # local span of what is defined
    predicate: tuple[int, int]  # local span of the definition ("la cordillera continental más larga del mundo")
    copula: str
    said: str = ""  # what is defined, when the sentence does not say it («Es el río más caudaloso…»)
    subtype: str = "predicate"

    def text(self, span: tuple[int, int]) -> str:
        return self.sentence[span[0] : span[1]]

    def term_text(self) -> str:
        # «La Restauración Kanto (en japonés: Kanto Ishin) fue…»: an aside in brackets, whole or cut at its comma, is
        # no part of what is defined (an acronym is: «el ácido desoxirribonucleico (ADN)»).
        term = self.said or self.text(self.term)
        term = re.sub(r"\s*\((?![A-ZÁÉÍÓÚÑ0-9]{2,8}\))[^()]*\)", "", term)
        return re.sub(r"\s*\([^()]*$", "", term).strip() or term


# «Es el río más caudaloso…», «Con unos 7000 km de longitud, es la cordillera…»: the copula with no subject of its own.
_ELIDED_COPULA = re.compile(
    r"(?:(?:Con|De|Desde|Tras|Según)\b[^,]{0,60},\s*)?(es|fue|era)\s+(?=(?:el|la|un|una)\s)", re.IGNORECASE
)
# «La gran novedad de X fue dejar huecos…»: an infinitive as the predicate.
_COPULA_INFINITIVE = re.compile(r"\s(es|fue|era|son|fueron|eran)\s+(?=[a-záéíóúñ]{2,}(?:ar|er|ir)\s)")
_NOW = re.compile(r"(?:Hoy(?:\s+en\s+día)?|Actualmente|En\s+la\s+actualidad),?\s+")
MAX_RELATIVE_WORDS = 24


def _predicate_end(s: str, a: int) -> int:
    """Return where a predicate starting at a ends: a comma, a relative pronoun, a new clause after «y»."""
    end = _definition_end(s, a)
    b = end.start() if end else len(s)
    b = len(s[:b].rstrip(" ."))
    # «…del mundo y, con una longitud…», «…descubierto y su uso…»: «y» opens another clause (not the «y» of a pair).
    for m in re.finditer(r"\s+y(?=\s+(?:su|sus|el|la|los|las)\s)|\s+[ye]$", s[a:b]):
        if not _OPEN_PAIR.search(s[a : a + m.start()]):
            return a + m.start()
    return b


def _elided_definition(sent: Sentence, disc: Discourse) -> Definition | None:
    """Return «Es/Fue el…» said of the previous sentence's subject, or of the document's."""
    s = sent.text
    text = drop_connectors(s)
    m = _ELIDED_COPULA.match(text)
    if not m:
        return None
    term = disc.previous_subject(sent.index) or disc.document_subject()
    topic = disc.document_subject()
    if term and not re.search(r"[A-ZÁÉÍÓÚÑ]", term[1:]) and fold(term) != fold(topic or ""):
        return None  # «el piloto solo» said before «Fue el primer invento…»: the subject a common noun, maybe not it
    if not term or not _agrees(m.group(1), term):
        return None
    a = len(s) - len(text) + m.end()
    b = _predicate_end(s, a)
    if b <= a or len(s[a:b].split()) > MAX_DEFINITION_WORDS:
        return None
    return Definition(sent.index, s, (0, 0), (a, b), m.group(1).lower(), said=term, subtype="identity")


def _identifying(sent: Sentence) -> Definition | None:
    """Return «la principal amenaza … es la deforestación», «Las primeras en … fueron las cianobacterias», «La gran
    novedad de X fue dejar huecos…»: a definite common noun phrase (no verb) said to be another phrase."""
    s = sent.text
    text = drop_connectors(s)
    now = _NOW.match(text)
    text = text[now.end() :] if now else text
    offset = len(s) - len(text)
    m = _COPULA.search(text) or _COPULA_INFINITIVE.search(text)
    if not m or not re.match(r"(?:el|la|los|las)\s", text, re.IGNORECASE):
        return None
    subj = text[: m.start()].strip()
    words = subj.split()
    if len(words) > 10 or "," in subj or any(verbish(w) for w in words[1:]) or words[1:2] != [words[1].lower()]:
        return None
    plural_copula = m.group(1).lower() in {"son", "fueron", "eran"}
    a = offset + m.end()
    b = _predicate_end(s, a)
    predicate = s[a:b]
    # The copula agrees with the subject, or (inverted) with a plural predicate: «El motor … son las corrientes».
    if not _agrees(m.group(1), subj) and not (plural_copula and re.match(r"(?:los|las)\s", predicate)):
        return None
    if b <= a or len(predicate.split()) > MAX_DEFINITION_WORDS:
        return None
    return Definition(sent.index, s, (offset, offset + len(subj)), (a, b), m.group(1).lower(), subtype="identity")


def find_definition(
    sent: Sentence, names: frozenset[str] | None = None, disc: Discourse | None = None
) -> Definition | None:
    """Return «X es/fue un(a)/el/la …» when X is the subject of the sentence and the predicate a noun phrase.

    With the document (`disc`), a copula without a subject of its own is said of the subject before it; a definite
    phrase said to be another («la principal amenaza es la deforestación») and a definition whose predicate holds a
    relative («el proceso mediante el cual…», whole) are found too, as identities (`subtype` «identity»).
    """
    found = _subject_definition(sent, names)
    if found is not None or disc is None:
        return found
    return _elided_definition(sent, disc) or _identifying(sent)


def _subject_definition(sent: Sentence, names: frozenset[str] | None) -> Definition | None:
    s = sent.text
    m = _COPULA.search(s)
    if not m:
        return None
    subj = sentence_subject(s, names)
    between = s[len(subj) : m.start()] if subj and s.startswith(subj) else None
    # "X es …" or "X, the apposition, es …"; the copula agrees with X.
    if between is None or (between.strip(" ,") and not between.lstrip().startswith(",")):
        return None
    if not _agrees(m.group(1), subj):
        return None
    a = m.end()
    end = _definition_end(s, a)
    b = end.start() if end else len(s)
    b = len(s[:b].rstrip(" ."))
    relative_cut = bool(re.search(r"\b(?:el|la|los|las) cual(?:es)?\b", s[a:b])) and bool(end) and end.group() == ","
    if relative_cut:
        # «el proceso mediante el cual las plantas, las algas…»: the whole predicate, relative and all.
        b = len(s.rstrip(" ."))
        if len(s[a:b].split()) > MAX_RELATIVE_WORDS:
            return None
        return Definition(sent.index, s, (0, len(subj)), (a, b), m.group(1).lower(), subtype="identity")
    if b <= a or len(s[a:b].split()) > MAX_DEFINITION_WORDS:
        return None  # too long
    return Definition(sent.index, s, (0, len(subj)), (a, b), m.group(1).lower())


# Heads of a term that is a side of something else («el origen del conflicto», «la causa de la guerra»): what
# it is said to be is also said of that thing, so it is never a wrong definition of another term.
_ASPECT_HEADS = frozenset(
    [
        "origen",
        "causa",
        "causas",
        "motivo",
        "motivos",
        "razón",
        "consecuencia",
        "consecuencias",
        "resultado",
        "objetivo",
        "fin",
        "propósito",
        "inicio",
        "comienzo",
        "final",
        "desenlace",
        "parte",
        "mayoría",
        "centro",
        "base",
        "clave",
        "fase",
        "etapa",
        "periodo",
        "período",
        "detonante",
        "desencadenante",
        "episodio",
        "efecto",
        "balance",
    ]
)
# Words before the head that rank or place it («La última fase…», «El principal motivo…»).
_RANKING_WORDS = frozenset(
    ["primer", "primera", "segundo", "segunda", "tercer", "tercera", "último", "última", "principal", "gran", "mayor"]
)
# (the term's words are folded: «razón», «última» are read without their accents)
_ASPECT_FOLDED = frozenset(fold(w) for w in _ASPECT_HEADS)
_RANKING_FOLDED = frozenset(fold(w) for w in _RANKING_WORDS)


def _other_thing(other: Definition, term: str, disc: Discourse | None) -> bool:
    """Whether ``other`` defines a thing other than ``term``, so that its predicate is false of ``term``: not a
    side of something («El origen inmediato del conflicto fue una disputa…» is about the conflict being
    defined), not a phrase that points back to something said before, not the same term."""
    said = other.term_text()
    words = fold(said).split()
    if words and words[0] in ("el", "la", "los", "las", "un", "una"):
        words = words[1:]
    while len(words) > 1 and words[0] in _RANKING_FOLDED:
        words = words[1:]
    if not words or words[0] in _ASPECT_FOLDED or fold(said) == fold(term):
        return False
    own = fold(term).split()
    own = own[1:] if own and own[0] in ("el", "la", "los", "las", "un", "una") else own
    if own and own[0] == words[0]:
        # «Un acueducto es un sistema de canales» and «El acueducto de Segovia es una obra romana»: a thing and its
        # class share their noun, and what is said of one is often true of the other (no false statement).
        return False
    restated, problem = definite_reference(said + ".", other.sentence_index, disc)
    return not problem and fold(restated) == fold(said + ".")


def definition_items(defs: list[Definition], disc: Discourse | None) -> tuple[list[Fact], list[Question]]:
    """Return a fact per definition, «¿Qué es X?» as a choice item when the text has three other
    definitions to offer, and a true/false statement cut to the definition (false with another one)."""
    facts: list[Fact] = []
    questions: list[Question] = []
    for d in defs:
        term, predicate = d.term_text(), d.text(d.predicate)
        key = stable_key(d.sentence, predicate, "definition")
        facts.append(
            Fact(
                key=key,
                kind="term",
                subtype=d.subtype,
                sentence_index=d.sentence_index,
                sentence=d.sentence,
                answer=predicate,
                start=d.predicate[0],
                end=d.predicate[1],
                local_start=d.predicate[0],
                local_end=d.predicate[1],
                notes=[f"definido: {term}"],
            )
        )
        others = [
            o.text(o.predicate)
            for o in defs
            if o is not d and fold(o.text(o.predicate)) not in fold(d.sentence) and _other_thing(o, term, disc)
        ]
        if len(others) >= 3:
            questions.append(
                Question(
                    key=stable_key("single_choice", "definition", d.sentence, predicate),
                    kind="single_choice",
                    prompt=f"¿Qué {d.copula} {lower_first(term)}?",
                    fact_keys=[key],
                    correct=[_upper(predicate)],
                    distractors=[_upper(o) for o in others[:3]],
                    explanation=d.sentence,
                    sentence_indexes=[d.sentence_index],
                    notes=["relation:definition", "wh"],
                )
            )
        # A typed answer too: «¿Qué es la penicilina?» — «un antibiótico» (a long one stays a draft).
        head = re.sub(r"^(?:el|la|los|las|un|una|unos|unas)\s+", "", predicate)
        questions.append(
            Question(
                key=stable_key("short_answer", "definition", d.sentence, predicate),
                kind="short_answer",
                prompt=f"¿Qué {d.copula} {lower_first(term)}?",
                fact_keys=[key],
                correct=[predicate],
                distractors=[],
                explanation=d.sentence,
                sentence_indexes=[d.sentence_index],
                accepted=[predicate, head] if head != predicate else [predicate],
                notes=["relation:definition", "wh"],
            )
        )
        # A false definition puts another classifying definition of the text («un …», «una …») in its place.
        kinds = [o for o in others if re.match(r"(?:un|una)\s", o) and re.match(r"(?:un|una)\s", predicate)]
        false = bool(kinds) and int(stable_key(key, "tf")[:2], 16) % 2 == 0
        said = kinds[0] if false else predicate
        statement = f"{term} {d.copula} {lower_first(said)}."
        if fold(statement) == fold(d.sentence):
            continue  # the sentence word for word: not a restatement
        questions.append(
            Question(
                key=stable_key("true_false", "definition", d.sentence, predicate, "false" if false else "true"),
                kind="true_false",
                prompt="Verdadero o falso: " + lower_first(statement),
                fact_keys=[key],
                correct=["Falso" if false else "Verdadero"],
                distractors=[],
                explanation=d.sentence,
                sentence_indexes=[d.sentence_index],
                notes=["relation:definition"]
                + ([f"Afirmación falsa: «{said}» en lugar de «{predicate}»."] if false else []),
            )
        )
    return facts, questions
