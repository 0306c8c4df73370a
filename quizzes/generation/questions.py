"""Build questions of every kind from facts: stems, options, accepted answers, ordering."""

from __future__ import annotations

import re
from functools import lru_cache

from .answers import accepted_answers, decade_year, number_words
from .distractors import (
    date_distractors,
    entity_distractors,
    false_date,
    format_quantity,
    number_distractors,
    range_start,
    with_article,
)
from .facts import Extraction, find_dates, find_quantities
from .lexicon import FEMALE_FIRST_NAMES, FIRST_NAMES, MONTH_NAMES, RELATIVE_TIME_WORDS, fold
from .model import Fact, Question, stable_key
from .standalone import _IMPERSONAL, DAY_APPOSITION, Discourse, _agrees, lower_first, stand_alone
from .text import Sentence, clause_spans, is_finite_verb, subject_prefix, tokenize
from .wh import MARK, wh_kind, wh_prompt

BLANK = "_____"
MAX_STEM_WORDS = 40
# A sentence longer than this whose fact comes before an «entre A, …, y B» keeps its stem up to the «entre».
MAX_BETWEEN_WORDS = 35
_ALIAS_APPOSITION = re.compile(r",\s*también\s+(?:conocid|llamad|denominad)[oa]s?\s+como\s+[^,]+,", re.IGNORECASE)
# «los luditas, llamados así por un legendario Ned Ludd,»: an aside that tells where a name comes from. After the
# blank it gives the answer away (judged «regalada»), so it goes when it follows the blank.
_NAME_ORIGIN = re.compile(
    r"^\s*,\s*(?:llamad|denominad|bautizad|conocid)[oa]s?\s+así\s+(?:por|en\s+honor\s+(?:a|de)l?|en\s+recuerdo\s+de)"
    r"\s[^,.;:]+(?:,|(?=[.;:]|$))",
    re.IGNORECASE,
)
# "(20 millas)", "(-45 °F)": a number with a unit in parentheses ("(1500-1558)" is not one).
_CONVERSION = re.compile(r"\s*\(\s*[-−–]?\s?\d[\d.,]*\s?(?:[^\W\d_]|[°%º])[^)]{0,15}\)")
# An aside in brackets: "(en latín: Bellum Gallicum)", "(1500-1558)", "[sic]".
_PARENTHETICAL = re.compile(r"\s*\([^()]{1,120}\)|\s*\[[^\[\]]{1,120}\]")
# («a lo largo de diez días», «al cabo de dos años»: the whole locution goes with its time, not only «de».)
_PREP_WORDS = (
    r"a\s+lo\s+largo\s+de|al\s+cabo\s+de|a\s+partir\s+de|en\s+el\s+plazo\s+de|"
    r"el|la|en|a|desde|hasta|hacia|durante|tras|entre|después\s+de|antes\s+de|de"
)
_PREP = rf"(?:{_PREP_WORDS})"
_RELATIVE = r"(?:" + "|".join(re.escape(w) for w in RELATIVE_TIME_WORDS) + r")"
# Words that lead into a time or an age and mean nothing without it: «con solo catorce años», «a apenas dos meses».
# «, exactamente cinco años después del asesinato…,»: an adverb that measures the time goes with it too.
_LEAD = (
    rf"(?:{_PREP_WORDS}|con|sin|por|solo|sólo|apenas|casi|ya|poco\s+más\s+de|más\s+de|menos\s+de|"
    r"exactamente|justo|justamente|aproximadamente)"
)


def is_temporal(fact: Fact) -> bool:
    """Return whether the answer is a date or a duration (computable from other dates)."""
    if fact.kind == "number" and _SEASONS.fullmatch(str((fact.value or {}).get("unit") or "")):
        return True  # «Entre 2020 y 2023 … durante _____ inviernos consecutivos»: a count of years by another name
    return fact.kind == "date" or (fact.kind == "number" and fact.subtype == "duration")


# Counted seasons and terms: each one a year, so two years said beside them give their number.
_SEASONS = re.compile(r"(?:inviernos|veranos|otoños|primaveras|temporadas|cosechas|zafras)", re.IGNORECASE)


# Durations too short to move a year: «a lo largo de diez días», «un aislamiento de treinta días» tell nothing of
# which year a thing happened, so a year's stem keeps them (cut, they left «a lo largo.», «un aislamiento.»).
_SHORT_UNITS = re.compile(r"\b(?:horas?|minutos?|segundos?|días?|jornadas?|semanas?|noches?)\b", re.IGNORECASE)


_AGO = re.compile(r"\bhace\s+(?:unos\s+|unas\s+|aproximadamente\s+|más\s+de\s+)?$", re.IGNORECASE)


def computing_durations(fact: Fact, text: str) -> list[tuple[int, int]]:
    """Return the durations of text that could compute the fact's date (for a year: none shorter than a month)."""
    # (not «hace 66 millones de años»: a time counted back from today computes no date of the text; cut, it read
    # «desde hace 72,1 hasta hace»)
    spans = [(a, b) for a, b in temporal_spans(text, ("duration",)) if not _AGO.search(text[:a])]
    if fact.kind == "date" and fact.subtype == "year":
        spans = [(a, b) for a, b in spans if not _SHORT_UNITS.search(text[a:b])]
    return spans


def temporal_spans(text: str, kinds: tuple[str, ...] = ("date", "duration")) -> list[tuple[int, int]]:
    """Return spans of dates and/or durations in text ("entre el X y el Y" is one span)."""
    dates = find_dates(text)
    taken = [(d.start, d.end) for d in dates]
    spans = list(taken) if "date" in kinds else []
    if "duration" in kinds:
        # (not a frequency: «cada dos años» computes no date, and cut it leaves «corrigió a cada y…»)
        spans += [
            (q.start, q.end)
            for q in find_quantities(text, taken)
            if q.subtype == "duration" and not re.search(r"\bcada\s+$", text[: q.start], re.IGNORECASE)
        ]
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        joined = merged and re.fullmatch(r"\s+(?:y|a|al|hasta)\s+(?:el\s+)?", text[merged[-1][1] : a])
        if joined and re.search(r"\b(?:entre|desde|del|de)\s+(?:el\s+)?$", text[: merged[-1][0]]):
            merged[-1] = (merged[-1][0], b)
            continue
        merged.append((a, b))
    return merged


# «, que tenía entonces setenta y ocho años,»: an age said in a relative clause, which is nothing without it.
_AGE_CLAUSE = re.compile(
    r",\s*(?:que|quien)\s+(?:ya\s+|entonces\s+)?(?:tenía|tenían|contaba|contaban|cumplía|cumplían)"
    r"(?:\s+con)?\s+(?:ya\s+|entonces\s+|solo\s+|sólo\s+|apenas\s+)?$",
    re.IGNORECASE,
)


# A participle set off after a name whose only complement is the time removed: «, firmada el 24 de mayo de 1370,».
_PARTICIPLE_ASIDE = re.compile(r"[a-záéíóúñ]+(?:ad|id)[oa]s?(?:\s+(?:en|el|hacia|desde))?", re.IGNORECASE)


_DETERMINER_AFTER_DE = (
    r"(?:el|la|los|las|un|una|unos|unas|su|sus|varios|varias|muchos|muchas|algunos|algunas|estos|estas|esos|esas"
    r"|aquellos|aquellas|otros|otras|todos|todas)"
)


def _remove_temporal(text: str, a: int, b: int) -> tuple[int, int]:
    """Return the span to delete so that the expression at [a, b) leaves grammatical text."""
    day = DAY_APPOSITION.match(text, b)
    if day:
        b = day.end()  # the apposition goes with its day
    age = _AGE_CLAUSE.search(text, 0, a)
    closing = re.match(r"\s*(?:de\s+edad\s*)?,", text[b:])
    if age and closing:
        return age.start(), b + closing.end()  # the clause and its closing comma: «llevaron a Goya a abandonar…»
    opens = re.search(r",\s*(?:que|quien|quienes|donde)\s+$", text[:a], re.IGNORECASE)
    if opens:
        # «…el archipiélago en 1898, que dos años después se convirtió en territorio»: without its time the clause
        # says the year did it; the whole relative clause goes
        nxt = text.find(",", b)
        return opens.start(), nxt if nxt != -1 else len(re.sub(r"[.?!]?\s*$", "", text))
    seg_start = text.rfind(",", 0, a)
    seg_start = 0 if seg_start == -1 else seg_start
    seg_end = text.find(",", b)
    seg_end = len(text) if seg_end == -1 else seg_end
    head = text[seg_start:a].lstrip(", ").strip()
    tail_has_verb = any(is_finite_verb(t.text) for t in tokenize(text[b:seg_end]))
    detachable = re.fullmatch(rf"(?:{_LEAD}\s*)*", head, re.IGNORECASE) and not tail_has_verb
    if detachable and seg_start > 0:
        # ", tres meses después del estallido de X," is a detachable segment; so is a relative clause hung on its last
        # words («…, dos años después de la Revolución de Terciopelo, que puso fin al régimen»: left alone, it said
        # the year did).
        rel = _RELATIVE_AFTER.match(text, seg_end + 1) if text[seg_end : seg_end + 1] == "," else None
        if rel:
            nxt = text.find(",", rel.end())
            seg_end = nxt if nxt != -1 else len(re.sub(r"[.?!]?\s*$", "", text))
        return seg_start, seg_end
    if detachable and seg_start == 0 and seg_end < len(text):
        return 0, seg_end + 1
    if seg_start > 0 and not tail_has_verb and _PARTICIPLE_ASIDE.fullmatch(head):
        # «Por la Paz de Stralsund, firmada el 24 de mayo de 1370, Dinamarca…»: without its time the participle says
        # nothing («firmada,»); the aside goes whole
        return seg_start, seg_end
    if re.search(r"\b(?:mayores|menores)\s+de\s*$", text[:a], re.IGNORECASE):
        return a, a  # «las mujeres mayores de 40 años obtuvieron…»: who, not when; cut, «las mujeres mayores»
    pm = re.search(rf"\b(?:{_PREP}\s+)+$", text[:a], re.IGNORECASE)
    lead = re.search(rf"\b(?:con|sin|solo|sólo|apenas)\s+(?:{_LEAD}\s+)*$", text[:a], re.IGNORECASE)
    if lead and (pm is None or lead.start() < pm.start()):
        pm = lead  # «ingresó con solo catorce años en…»: «con solo» goes with the age
    if pm is None and re.match(r"\s+para\s+[a-záéíóúñ]+(?:ar|er|ir)(?:se)?\b", text[b:]):
        return a, a  # «el bando que daba a los afectados tres días para dirigirse…»: what was given; it stays
    said_before = re.findall(r"[\wáéíóúñü]+", text[:a])
    if (
        pm is None
        and said_before
        and not re.match(rf"\s+{_RELATIVE}\b", text[b:], re.IGNORECASE)  # «terminó tres meses después»: when
        and (
            is_finite_verb(said_before[-1])
            or said_before[-1].lower() in {"los", "las", "sus", "unos", "unas"}
            # («al cumplir quince años, M-Pesa…»: an infinitive's object, cut it read «al cumplir,»)
            or (said_before[-2:-1] == ["al"] and re.fullmatch(r"[a-záéíóúñ]{2,}(?:ar|er|ir)", said_before[-1]))
        )
    ):
        # «tenía unos setenta años cuando…», «al cumplirse los diez años desde…»: the verb's object, or a phrase
        # whose article stays behind; cut, «tenía cuando», «al cumplirse los desde» (judged «enunciado roto»)
        return a, a
    start = pm.start() if pm else a
    rm = re.match(rf"\s+{_RELATIVE}\b(?:\s+(?:de|del)\s+(?:que\s+)?)?", text[b:], re.IGNORECASE)
    if rm and re.match(r"\s+tras\s+\w", text[b:], re.IGNORECASE):
        rm = None  # «en septiembre de 1794 tras más de cinco años»: «tras» opens the next phrase, not said after a time
    end = b + (rm.end() if rm and not (rm.group().rstrip().endswith(("de", "del", "que"))) else 0)
    if rm and rm.group().rstrip().endswith(("de", "del", "que")):
        # «tres años antes de llegar…», «cinco años después del asesinato»: the time goes, «antes de llegar…» stays
        # (cut with it, «antes» left «de llegar», «del asesinato» without what it hung from).
        end = b
    # (not a determiner: «el control durante quince años de varias fortalezas» keeps «de varias fortalezas»)
    of = re.match(r"\s+de\s+(?!" + _DETERMINER_AFTER_DE + r"\b)[a-záéíóúñ]+\b", text[end:])
    if not rm and of and re.search(r"\b(?:años?|mes|meses|días?|semanas?|siglos?|horas?|décadas?)$", text[a:b]):
        if re.match(r"\s+[a-záéíóúñ]", text[end + of.end() :]):
            return a, a  # «puso fin a sesenta años de unión dinástica»: cut, it read «puso fin dinástica»; it stays
        end += of.end()  # «tras cinco años de viaje»: the duration's «de viaje» goes with it
    return start, end


def tidy(text: str) -> str:
    """Clean spacing and punctuation after cuts; start uppercase, end with a full stop."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    # «A, B y C» takes no comma before «y», but «A y B, y C» does: the comma keeps a pair apart from the last member.
    text = re.sub(
        r",\s+(y|e|o|u)\s",
        lambda m: m.group() if re.search(r"\s[ye]\s[^,]*$", text[: m.start()]) else f" {m.group(1)} ",
        text,
    )
    # «…las Leyes de Reforma, que dispusieron, entre otras medidas:» announced a list the prompt leaves out: the
    # relative clause that announced it says nothing without it.
    text = re.sub(
        r",\s+(?:que|quien|quienes)\s+(?:se\s+)?\w+,?\s+(?:entre\s+otr[oa]s\s+\w+|lo\s+siguiente|l[oa]s\s+siguientes(?:\s+\w+)?)"
        r"\s*:\s*$",
        "",
        text,
    )
    text = re.sub(r"^[,;:\s]+|[,;:\s]+$", "", text)
    text = re.sub(r"^(?:y|e|pero|mientras que|mientras|aunque)\s+", "", text)
    # A value with its article put after «de» / «a» («de el Reino Unido»): contracted as Spanish writes it.
    text = re.sub(
        r"\b([Dd]e|[Aa]) el\b(?=\s)", lambda m: m.group(1)[0] + ("el" if m.group(1)[0] in "Dd" else "l"), text
    )
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    if text and text[-1] not in ".?!":
        text += "."
    # A relative clause emptied by a cut ("…de Madrid, que resistió.") says nothing: drop it.
    text = re.sub(r",\s+(?:que|quien|donde)\s+(?:se\s+)?\w+\.$", ".", text)
    return text


def fix_conjunctions(text: str) -> str:
    """Re-inflect y/e and o/u for the word that follows ("e Italia", "y Francia", "u ocho")."""

    def y_e(m: re.Match) -> str:
        word = m.group(2)
        low = word.lower()
        starts_i = low.startswith(("i", "hi")) and not low.startswith(("hie", "hia", "hio", "hiu"))
        return ("e" if starts_i else "y") + m.group(1) + word

    def o_u(m: re.Match) -> str:
        word = m.group(2)
        return ("u" if word.lower().startswith(("o", "ho")) else "o") + m.group(1) + word

    text = re.sub(r"(?<![\w])[ye](\s+)(\w+)", y_e, text)
    return re.sub(r"(?<![\w])[ou](\s+)(\w+)", o_u, text)


def masked_spans(fact: Fact, s: str, mask_all: bool | None) -> list[tuple[int, int]]:
    """Return the temporal expressions to drop so the answer cannot be computed from the stem.

    A date follows from another date plus a duration; a duration from two dates. So a date answer
    loses the durations (and the other dates when a duration was there); a duration answer loses
    the dates. Ordering labels (mask_all) lose every temporal expression.
    """
    if mask_all:
        # Labels keep "durante tres años" but lose dates and relative offsets ("tres meses después").
        spans = temporal_spans(s, ("date",))
        for a, b in temporal_spans(s, ("duration",)):
            before, after = s[:a], s[b:]
            if re.match(rf"\s+{_RELATIVE}\b", after, re.IGNORECASE) or re.search(
                r"\b(?:tras|después\s+de|antes\s+de|a\s+los|al\s+cabo\s+de)\s+$", before, re.IGNORECASE
            ):
                spans.append((a, b))
        return sorted(spans)
    if fact.kind == "date":
        if not computing_durations(fact, s):
            return []
        return [(a, b) for a, b in temporal_spans(s) if (a, b) not in _short_only(fact, s)]
    if fact.kind == "number" and fact.subtype == "duration":
        # One date computes a duration only with another said elsewhere («Después de 15 meses de paz, en junio de
        # 1941, …»): an aside between commas goes; one the verb needs stays («comenzó el 24 de agosto y duró dos
        # días» would become «comenzó y duró _____»).
        dates = temporal_spans(s, ("date",))
        if dates_compute_duration(s, dates):
            return dates
        return [(a, b) for a, b in dates if _set_off(s, a, b)]
    return []


def _set_off(text: str, a: int, b: int) -> bool:
    """Return whether the phrase at [a, b) is an aside between commas (its preposition before it inside)."""
    return bool(re.search(r",\s*(?:\w+\s+){0,2}$", text[:a])) and bool(re.match(r"\s*[,.;]", text[b:]))


def dates_compute_duration(text: str, dates: list[tuple[int, int]]) -> bool:
    """Return whether the dates at these spans of a text give a duration: two of them, or one span of two («del 5 al
    12 de mayo»)."""
    return len(dates) > 1 or any(re.search(r"\d.*\b(?:al|a|y|hasta)\b.*\d", text[a:b]) for a, b in dates)


def _short_only(fact: Fact, s: str) -> set[tuple[int, int]]:
    """Return the durations of s that cannot compute the fact's date (kept in the stem)."""
    return set(temporal_spans(s, ("duration",))) - set(computing_durations(fact, s))


def build_stem(
    fact: Fact,
    *,
    replacement: str = BLANK,
    span: tuple[int, int] | None = None,
    mask_temporal: bool = False,
    clause_only: bool = False,
) -> str:
    """Return the sentence cut to the fact's clause, the fact replaced, leaks removed."""
    s = fact.sentence
    a, b = span or (fact.blank_start, fact.local_end)
    prefix = fact.blank_prefix + " " if fact.blank_prefix and span is None else ""
    filled = (prefix + replacement).replace("de el ", "del ").replace("a el ", "al ")
    edits: list[tuple[int, int, str]] = [(a, b, filled)]
    sound = _SOUND_CONJUNCTION.search(s[:a]) if replacement == BLANK and not prefix else None
    if sound:
        # «Alejo III huyó, e _____ fue restaurado»: «e» (and «u») tells the answer's first sound; «y» / «o» does not
        edits.append((sound.start(1), sound.end(1), "y" if sound.group(1) == "e" else "o"))
    if fact.conversion:
        edits.append((fact.conversion[0], fact.conversion[1], ""))
    for m in _CONVERSION.finditer(s):
        if not any(m.start() < e and m.end() > st for st, e, _ in edits):
            edits.append((m.start(), m.end(), ""))
    if fact.subtype != "alias":
        for m in _ALIAS_APPOSITION.finditer(s):
            if not (m.start() <= a < m.end()):
                edits.append((m.start(), m.end(), ""))
    origin = _NAME_ORIGIN.match(s[b:]) if span is None and replacement == BLANK else None
    if origin:
        edits.append((b, b + origin.end(), ""))
    for ta, tb in masked_spans(fact, s, mask_temporal):
        if ta < b and tb > a:
            continue
        ra, rb = _remove_temporal(s, ta, tb)
        comma = re.match(r"\s*,", s[rb:])
        before = s[:ra].split()
        if comma and before and not before[-1].endswith(",") and is_finite_verb(before[-1].lower()):
            rb += comma.end()  # «se prolongó casi un año, de octubre…»: no comma left after the verb
        edits.append((ra, rb, ""))
    # Asides in brackets that do not hold the fact ("(en latín: Bellum Gallicum)", "(1500-1558)") go.
    for m in _PARENTHETICAL.finditer(s):
        if s[m.start() - 1 : m.start()].isalpha() and s[m.end() : m.end() + 1].isalpha():
            continue  # «Coop Himmelb(l)au»: brackets inside a word are part of it
        if not (m.start() <= a < m.end()) and not any(m.start() < e and m.end() > st for st, e, _ in edits):
            edits.append((m.start(), m.end(), ""))
    # Keep the sentence up to the end of the fact's clause; the start too when it is long.
    clauses = whole_clause_spans(s)
    ci = next((k for k, (x, y) in enumerate(clauses) if x <= a < y), 0)
    keep_start, keep_end = 0, clauses[ci][1]
    last_segment = s[clauses[ci][0] : keep_end].rstrip(" ,").rsplit(",", 1)[-1]
    pair = re.search(r"\s(?:y|e)\s", last_segment) is not None
    if (
        ci + 1 < len(clauses)
        and keep_end == clauses[ci + 1][0]
        and (pair or _open_between(s[clauses[ci][0] : keep_end]))
        and _coordinated_member(s[keep_end:])
    ):
        # «entre los Reyes Católicos, Isabel I y Fernando II, y el rey Juan II de Portugal»: after a pair, a last
        # «, y …» with no verb of its own is the other party of the same list, not a clause; cut before it, the
        # treaty loses a party. So does «entre una alianza de ciudades griegas, encabezada por Esparta, y el
        # ejército persa». Too long whole, a fact before the «entre» keeps the sentence up to it: both parties go.
        between = None if pair else _last_between(s, clauses[ci][0], keep_end)
        if between is not None and b <= between and len(s.split()) > MAX_BETWEEN_WORDS:
            keep_end = between
        else:
            keep_end = len(s)
    prefix_text = ""
    words_to_end = len(s[:keep_end].split())
    if ci > 0 and (clause_only or words_to_end > MAX_STEM_WORDS * 0.75):
        keep_start = clauses[ci][0]
        clause_text = s[clauses[ci][0] : clauses[ci][1]]
        elided = re.match(r"(?:y|e)\s+(?:se\s+|le\s+|les\s+)?(\w+)", clause_text)
        if elided and is_finite_verb(elided.group(1)):
            subj = subject_prefix(s)
            # «Millikan dedicó diez años a refutarla, pero sus experimentos confirmaron… y permitieron calcular…»: after
            # «pero» another subject took over, and «permitieron» is not said of «Millikan».
            other = re.search(r",\s+(?:pero|aunque|mientras\s+que|sino\s+que)\s", s[: clauses[ci][0]])
            # (a named subject only: «la mayoría de las fuentes utilizan» agrees ad sensum)
            named = re.search(r"\s[A-ZÁÉÍÓÚÑ]", subj or "")
            if subj and (other or (named and not _agrees(elided.group(1), subj))):
                subj = ""
            if (
                subj
                and _PASSIVE_AFTER_Y.match(clause_text)
                and any(is_finite_verb(m.group(1)) for m in _OBJECT_CLITIC.finditer(s[: clauses[ci][0]]))
            ):
                # «El papa Francisco lo declaró mártir, y fue beatificado…»: the passive's subject is the one «lo»
                # stood for, not the first clause's (given it, a false fact: judged R)
                subj = ""
            prefix_text = subj + " " if subj else ""
    # Apply edits inside the kept range, right to left.
    edits = [(max(x, keep_start), min(y, keep_end), r) for x, y, r in edits if x < keep_end and y > keep_start]
    out = s[keep_start:keep_end]
    for x, y, r in _merge_edits(edits, a, b)[::-1]:
        out = out[: x - keep_start] + r + out[y - keep_start :]
    if prefix_text:
        out = re.sub(r"^\s*(?:y|e)\s+", "", out)
        out = prefix_text + out
    return _source_commas(tidy(out), s)


# The conjunction said as the next word's sound asks («e Isaac», «u Oriente»), right before a blank.
_SOUND_CONJUNCTION = re.compile(r"(?<!\w)(e|u)\s+$")
# A passive after «y» («y fue beatificado»), and an object clitic before a verb («lo declaró»).
_PASSIVE_AFTER_Y = re.compile(
    r"(?:y|e)\s+(?:fue|fueron|era|eran|sería|serían|había\s+sido)\s+[a-záéíóúñ]+(?:ad|id)[oa]s?\b"
)
_OBJECT_CLITIC = re.compile(r"(?<![\w])(?:lo|la|los|las)\s+([a-záéíóúñ]+)\b", re.IGNORECASE)


def _source_commas(out: str, sentence: str) -> str:
    """Put back a comma before «y» / «e» that the sentence itself writes between the same two words.

    `tidy` drops a comma before «y» that a cut may have left («A, y C» once B went), but the text's own comma closes an
    aside («Villa, al frente de la División del Norte, y Álvaro Obregón…») or parts two clauses («era impopular, y en
    el 216 a. C. Roma…»): without it the aside swallows the second subject (judged «enunciado roto»).
    """
    for m in re.finditer(r"(\w+), (y|e) (\w+)", sentence):
        if m.group(0) in out:
            continue
        # the word after «y» as the sentence has it, or the blank that took its place; the word before it too, when
        # the blank took it («Schleiden, en _____ y el zoólogo Schwann, en 1839, propusieron…»)
        word_gone = not re.search(rf"(?<!\w){re.escape(m.group(1))}(?!\w)", out)
        for before in (re.escape(m.group(1)), *([re.escape(BLANK)] if word_gone else [])):
            bare = rf"(?<!\w){before} {m.group(2)} (?=(?:{re.escape(m.group(3))}|{BLANK})(?!\w))"
            found = re.search(bare, out)
            if found:
                out = (
                    out[: found.start()]
                    + found.group(0)[: -len(m.group(2)) - 2]
                    + f", {m.group(2)} "
                    + out[found.end() :]
                )
                break
    return out


def _coordinated_member(rest: str) -> bool:
    """Return whether the rest of a sentence after a clause cut is «y / e» and a noun phrase with no finite verb."""
    m = re.fullmatch(r"\s*,?\s*(?:y|e)\s+([^;:()«»]+?)\s*[.!?]?\s*", rest)
    if not m:
        return False
    words = re.findall(r"[\wáéíóúñü]+", m.group(1).lower())
    return bool(words) and words[0] not in {"se", "le", "les", "lo", "no"} and not any(is_finite_verb(w) for w in words)


def _last_between(s: str, start: int, end: int) -> int | None:
    """Return where the last «entre» of s[start:end] begins (the blanks before it trimmed), or None."""
    at = [m.start() for m in re.finditer(r"\s+entre\b", s[start:end], re.IGNORECASE)]
    return start + at[-1] if at else None


def _open_between(clause: str) -> bool:
    """Return whether a clause says «entre» and only the first of its two parties: «librada entre una alianza de
    ciudades griegas, encabezada por Esparta» waits for its «, y el ejército persa»."""
    at = [m.end() for m in re.finditer(r"\bentre\b", clause, re.IGNORECASE)]
    return bool(at) and not re.search(r"\s(?:y|e)\s", clause[at[-1] :])


def whole_clause_spans(text: str) -> list[tuple[int, int]]:
    """Return clause spans, never cut inside brackets or quotes (a cut there breaks the stem)."""
    spans = clause_spans(text)
    out: list[tuple[int, int]] = []
    for x, y in spans:
        if out and _inside_brackets(text, x):
            out[-1] = (out[-1][0], y)
        else:
            out.append((x, y))
    return out


def _inside_brackets(text: str, pos: int) -> bool:
    """Return whether pos falls inside an open bracket or quotation."""
    depth = 0
    quotes = 0
    for ch in text[:pos]:
        if ch in "([«“{":
            depth += 1
        elif ch in ")]»”}":
            depth = max(0, depth - 1)
        elif ch == '"':
            quotes ^= 1
    return depth > 0 or quotes == 1


def _merge_edits(edits: list[tuple[int, int, str]], a: int, b: int) -> list[tuple[int, int, str]]:
    """Return non-overlapping edits in order: deletions are merged, the fact's own edit wins."""
    own = [e for e in edits if e[0] == a and e[1] == b]
    merged: list[list] = []
    for x, y, r in sorted((e for e in edits if e not in own), key=lambda e: e[:2]):
        if own and x < b and y > a:
            # Never delete across the fact's own replacement: keep the part before or after it.
            x, y = (x, a) if x < a else (b, y)
            if y <= x:
                continue
        if merged and x <= merged[-1][1] and not merged[-1][2] and not r:
            merged[-1][1] = max(merged[-1][1], y)
        else:
            merged.append([x, y, r])
    out = [tuple(m) for m in merged] + own
    out.sort(key=lambda e: e[0])
    result: list[tuple[int, int, str]] = []
    for e in out:
        if result and e[0] < result[-1][1]:
            continue
        result.append(e)
    return result


def upper_first(text: str) -> str:
    """Return the text with its first letter capitalised («el Reino Unido» -> «El Reino Unido»)."""
    return text[:1].upper() + text[1:]


def _answer_with_article(fact: Fact) -> str:
    if fact.members:
        return fact.answer
    if fact.blank_start < fact.local_start:
        return with_article(fact.answer, fact.article)
    return fact.answer


def approx_tolerance(number: float) -> float:
    """Return how far a typed figure may be from a round one («unos 200»): what its rounding leaves open.

    A round figure is precise to half its last significant digit («unos 200» is 150 to 250, «unos 60» is 55 to 65),
    never less than 10 % («unos 63») nor more than 25 % («unos 1000» is 750 to 1250, not 500 to 1500).
    """
    n = abs(number)
    if not n:
        return 0.0
    step = 1.0
    while n >= step * 10 and (n / (step * 10)) == int(n / (step * 10)):
        step *= 10
    if n != int(n):
        step = 0.1
    tolerance = min(max(step / 2, n * 0.1), n * 0.25)
    # Whole figures get a whole range («unos 63»: 57 to 69, not 56,7 to 69,3).
    return float(int(tolerance)) if float(number).is_integer() and tolerance >= 1 else round(tolerance, 6)


# «hacia 1450», «alrededor de 1450», «en torno al año 1450»: an approximate year.
_APPROX_YEAR = re.compile(
    r"\b(?:hacia|alrededor\s+de|en\s+torno\s+a|cerca\s+de|aproximadamente\s+en)(?:\s+(?:el|la|los)\b|l\b)?"
    r"(?:\s+(?:año|años))?\s*(?:del?\s+)?$",
    re.IGNORECASE,
)


def year_tolerance(fact: Fact, disc: Discourse | None = None) -> float:
    """Return how far a typed year may be from an approximate one: ±2 for «hacia 1450», «alrededor de 1450»; an exact
    year is exact. Another year the text writes is never taken: «hacia 1499» beside editions of 1500 and 1501 is
    exact (a student who types 1500 gave another fact's year)."""
    if not _APPROX_YEAR.search(fact.sentence[: fact.local_start]):
        return 0.0
    tolerance = 2.0
    value = int(fact.value["year"]) if isinstance(fact.value, dict) and "year" in fact.value else None
    if value is not None and disc is not None:
        for year in disc.years_said():
            if year != value and abs(year - value) <= tolerance:
                tolerance = float(abs(year - value) - 1)
    return tolerance


def precision_tolerance(number: float) -> float:
    """Return the tolerance of a figure given with more decimals than a student remembers: one unit of its
    next-to-last decimal («99,86» accepts 99,76 to 99,96, so «99,8» and «99,9»; «3,142» accepts 3,132 to 3,152).

    A whole figure or one with a single decimal («2,3») is exact; never more than 5 % of the figure («0,05» is exact).
    """
    text = f"{abs(number):.6f}".rstrip("0")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return round(min(10.0 ** -(decimals - 1), abs(number) * 0.05), 6) if decimals >= 2 else 0.0


def _plain_figure(number: float, sep: str) -> str:
    if float(number).is_integer():
        whole = int(number)
        return f"{whole:,}".replace(",", sep) if abs(whole) >= 10000 else str(whole)
    return f"{number:g}".replace(".", ",")


def _noun_unit(value: dict) -> bool:
    """Return whether a quantity's unit is a noun the stem keeps («navíos», «siglos»), not a symbol («%», «km²»).

    A symbol or abbreviation is written with its figure («40 %», «5 km»); a noun after the blank is the stem's.
    """
    unit = (value.get("unit_text") or value.get("unit") or "").strip()
    return bool(re.match(r"[a-záéíóúñü]{4,}", unit, re.IGNORECASE)) or bool(value.get("scale"))


def _bare_figure(number: float, tolerance: float, sep: str) -> str:
    """Return a numeric item's answer as the student types it: the figure alone, the stem keeps its noun.

    «frente a _____ navíos británicos»: «27», not «27 navíos». An approximate figure states the range it accepts
    («200 (de 150 a 250)»), as the result page does.
    """
    text = _plain_figure(number, sep)
    if tolerance:
        low, high = (_plain_figure(round(number + d, 2), sep) for d in (-tolerance, tolerance))
        text += f" (de {low} a {high})"
    return text


def _number_span(fact: Fact) -> tuple[int, int] | None:
    """Return the local span of the bare number (and "y medio") inside a quantity answer."""
    text = fact.sentence[fact.local_start : fact.local_end]
    approx = (fact.value or {}).get("approx_text") or ""
    offset = len(approx) + 1 if approx and text.startswith(approx) else 0
    m = re.match(
        r"[-−–]?\s?\d[\d.,]*(?:[ \u202f\u00a0]\d{3})*"
        r"|[a-záéíóúñü]+(?:\s+(?:y\s+)?[a-záéíóúñü]+)*?(?=\s+[a-záéíóúñü]+$|\s+\S+\s+y\s+medi)",
        text[offset:],
    )
    if not m:
        return None
    return fact.local_start + offset + m.start(), fact.local_start + offset + m.end()


def _q(
    kind: str,
    fact_keys: list[str],
    prompt: str,
    explanation: str,
    indexes: list[int],
    variant: str = "",
    **kw,
) -> Question:
    key = stable_key(kind, variant, *kw.pop("key_parts"))
    return Question(
        key=key,
        kind=kind,
        prompt=prompt,
        fact_keys=fact_keys,
        explanation=explanation,
        sentence_indexes=indexes,
        correct=kw.pop("correct"),
        distractors=kw.pop("distractors", []),
        **kw,
    )


# «se encuentran _____, a 3812 m»: a plural verb whose subject follows it.
_SE_PLURAL = re.compile(r"\bse\s+([a-záéíóúñü]+n)\s+([^.;:]*)")
# Countries whose article is optional: after «de _____» the option is written without it («del Perú» / «de Perú»,
# never «de el Perú»). General Spanish usage.
_OPTIONAL_EL = frozenset({"Perú", "Ecuador", "Brasil", "Uruguay", "Paraguay", "Japón", "Canadá", "Congo", "Líbano"})


def _number_mismatch(stem: str, fact: Fact) -> bool:
    """Return whether a plural «se» verb is left with one subject after it («se encuentran _____,» for one lake)."""
    m = _SE_PLURAL.search(stem)
    if not m or not is_finite_verb(m.group(1).lower()):
        return False
    rest = m.group(2)
    if re.search(r"\s(?:y|e|ni)\s", rest):
        return False  # the coordinated subject is still there
    first = rest.split()[0].lower().rstrip(",") if rest.split() else ""
    if first == BLANK:
        answer = _answer_with_article(fact)
        plural = (fact.article or "").lower() in {"los", "las"} or re.match(r"(?:los|las)\s", answer, re.IGNORECASE)
        return not fact.members and not plural and fact.kind in {"person", "place", "organization", "event"}
    return first in {"el", "la", "un", "una"}


def _list_cut_short(stem: str, sentence: str, answer: str = "") -> bool:
    """Return whether the stem ends a comma series whose «y …» member the cut left out.

    «fueron el nihonio, el moscovio, el teneso.» or «se rebeló, reunió un gran ejército.» from a sentence that
    goes on «y el oganesón…», «y sitió Cuzco».
    """
    body = stem.rstrip(" .").replace(BLANK, answer or " ")
    if "," not in body:
        return False
    tail = re.findall(r"[\wáéíóúñü]+", fold(body))[-3:]
    if len(tail) < 2:
        return False
    m = re.search(r"\b" + r"\W+".join(map(re.escape, tail)) + r"\s*,?\s+(?:y|e)\s", fold(sentence))
    if not m:
        return False
    at = len(re.findall(r"[\wáéíóúñü]+", fold(sentence)[: m.end()]))  # words up to «y»
    rest = re.split(r"(?:[\wáéíóúñü]+\W+){" + str(at) + "}", sentence.lower(), maxsplit=1)[-1]
    nxt = re.findall(r"[\wáéíóúñü]+", rest.split(",")[0])[:4]
    segments = [re.findall(r"[\wáéíóúñü]+", seg.lower()) for seg in body.split(",")]
    if len(segments) < 2 or not nxt or not segments[-1] or not segments[-2] or len(segments[-1]) > 6:
        return False
    last, before = segments[-1], segments[-2]
    articles = {"el", "la", "los", "las", "un", "una"}

    def verbal(words: list[str]) -> bool:
        return any(is_finite_verb(w) for w in words)

    def opens_with_verb(words: list[str]) -> bool:
        head = words[1] if words[0] in {"se", "le", "les", "lo", "la", "no"} and len(words) > 1 else words[0]
        return is_finite_verb(head)

    if nxt[0] in articles:
        # «el moscovio, el teneso» before «y el oganesón»: a series of noun phrases (not «y la reputación sufrió»)
        return last[0] in articles and before[0] in articles and not verbal(last) and not verbal(nxt[1:])
    if opens_with_verb(nxt):
        # «se rebeló, reunió un gran ejército» before «y sitió Cuzco»: a series of verbs
        return opens_with_verb(last) and is_finite_verb(before[-1])
    said = re.split(r"(?:[\wáéíóúñü]+\W+){" + str(at) + "}", sentence, maxsplit=1, flags=re.IGNORECASE)[-1].lstrip()
    # «aparecieron Botchan, inspirada en sus años de Matsuyama,» before «y Almohada de hierba»: a title or a name with
    # no verb of its own is the series' last member (first sight: a plural verb left with one subject)
    return said[:1].isupper() and not verbal(nxt) and not verbal(re.findall(r"[\wáéíóúñü]+", rest.lower()))


_NEUTER = re.compile(r"\b(?:esto|ello|eso|aquello)\b", re.IGNORECASE)
_LABEL_HOLE = re.compile(
    r"\b(?:del?|al?|en|el|desde|hasta|entre)\s+(?:del?|al?|y)\b\s*[,.]|^(?:del?|al?)\s+(?:del?|al?)\b", re.IGNORECASE
)
_CLITIC_WORDS = {"se", "le", "les", "lo", "la", "los", "las", "no"}


def _join_cut_series(stem: str, sentence: str) -> str:
    """Return the stem with «y» given back where the cut ended a series of verbs before its «y …» member.

    «hizo construir un puente sobre el Rin, lo cruzó para intimidar a los germanos.» from a sentence that goes
    on «y regresó…» reads «…sobre el Rin y lo cruzó para intimidar a los germanos.»: two members joined by
    «y». Only when the last comma segment opens with a finite verb and the one before holds one.
    """
    body = stem.rstrip(" .")
    end = stem[len(body) :]
    if "," not in body:
        return stem
    head, last = body.rsplit(",", 1)
    words = re.findall(r"[\wáéíóúñü]+", last.lower())
    # A name alone before the last comma is an aside, not a member: «…el dios supremo, Achamán, venció a Guayota».
    if re.fullmatch(r"\s*(?:[A-ZÁÉÍÓÚÑ][\wáéíóúñü-]*\s*)+", head.rsplit(",", 1)[-1]):
        return stem
    before = re.findall(r"[\wáéíóúñü]+", head.lower().replace(BLANK.lower(), " "))
    if not words or not before or re.search(r"\b(?:y|e)\b", last):
        return stem
    verb = words[1] if words[0] in _CLITIC_WORDS and len(words) > 1 else words[0]
    # (the segment right before: «…, mientras que Mujib, liberado a comienzos de 1972, regresó a Daca» has no member
    # before «regresó», a participle set off)
    previous = re.findall(r"[\wáéíóúñü]+", head.rsplit(",", 1)[-1].lower())
    set_off = bool(previous) and re.fullmatch(r"[a-záéíóúñ]+(?:ad|id)[oa]s?", previous[0]) is not None
    # (nor «comprobó que el agua, al filtrarse por el material, disolvía…»: an infinitive or a gerund set off before
    # the last member is an aside of it, not a member)
    nonfinite = bool(previous) and (
        (previous[0] == "al" and len(previous) > 1 and re.search(r"(?:ar|er|ir)(?:se|lo|la|los|las)?$", previous[1]))
        or re.search(r"(?:ando|iendo)(?:se)?$", previous[0]) is not None
    )
    if nonfinite or not is_finite_verb(verb) or not any(is_finite_verb(w) for w in (previous if set_off else before)):
        return stem
    said = r"(?<![\w])" + r"\W+".join(map(re.escape, words[-3:]))
    m = re.search(said + r"\s*,?\s+(?:y|e)\s+(\w+)(?:\s+(\w+))?", sentence.lower()) or re.search(
        # «se detuvo en Tagaza, donde observó que las casas…, y llegó a Ualata»: a relative of the last member
        said
        + r",\s+(?:donde|que|quien|quienes|cuando|en\s+(?:el|la|los|las)\s+que)\b[^;:]*?"
        + r",\s+(?:y|e)\s+(\w+)(?:\s+(\w+))?",
        sentence.lower(),
    )
    if not m:
        return stem
    nxt = m.group(2) if m.group(1) in _CLITIC_WORDS and m.group(2) else m.group(1)
    if not is_finite_verb(nxt):
        return stem
    return head + " y " + last.strip() + end


def _colon_list_cut(stem: str, sentence: str) -> bool:
    """Return whether the stem announces a list after a colon and keeps fewer members than the sentence gives.

    «dos nuevos elementos: el polonio, llamado así en honor a Polonia.» from «…: el polonio, …, y el radio».
    """
    if ":" not in stem or ":" not in sentence:
        return False
    said = stem.split(":", 1)[1]
    full = sentence.split(":", 1)[1]
    # («: sobre la isla Norte, por cesión, y sobre la isla Sur, por descubrimiento»: a member may open with a
    # preposition)
    has_and = re.compile(
        r"(?:,|\s)\s*(?:y|e)\s+(?:(?:sobre|en|a|al|de|del|con|por|para|desde|hasta|entre)\s+)?"
        r"(?:el|la|los|las|un|una|[A-ZÁÉÍÓÚÑ])"
    )
    return bool(has_and.search(full)) and not has_and.search(said)


_DAY_DATE = r"\d{1,2}\s+de\s+[a-záéíóú]+(?:\s+(?:de|del)\s+\d{3,4})?"
# «del 4 de julio de 1817, cuando se iniciaron en Rome, al 26 de octubre de 1825»: a range of days, its end after an
# aside.
_DAY_RANGE = re.compile(rf"\bdel\s+({_DAY_DATE})\b.{{0,120}}?\bal\s+({_DAY_DATE})\b")


# Words that open a subordinate clause: a stem that opens with one the sentence said inside it lost its main clause.
_SUBORDINATORS = frozenset(
    {"cuando", "donde", "aunque", "porque", "mientras", "pues", "si", "que", "quien", "cuyo", "cuya"}
)


def _opens_subordinate(stem: str, sentence: str) -> bool:
    """Return whether the stem opens with a subordinating word that the sentence says inside it: the cut kept the
    subordinate clause and lost its main one («Su deterioro se aceleró…, cuando, tras…, se construyó…» → «Cuando,
    tras…, se construyó…»)."""
    opening = re.match(r"[¿¡«]?([a-záéíóúñ]+)\b", stem, re.IGNORECASE)
    return (
        opening is not None
        and opening.group(1).lower() in _SUBORDINATORS
        and not re.match(rf"\W*{opening.group(1)}\b", sentence, re.IGNORECASE)
    )


def _range_cut(stem: str, sentence: str) -> bool:
    """Return whether the stem keeps the «del …» of a range of days the sentence says and lost its «al …» (first sight:
    «Las obras … se desarrollaron del 4 de julio de _____.», «enunciado roto»)."""
    for m in _DAY_RANGE.finditer(sentence):
        start, end = m.group(1).split(" de ")[0], m.group(2).split(" de ")[0]
        if re.search(rf"\bdel\s+(?:{start}\b|{re.escape(BLANK)})", stem) and not re.search(
            rf"\bal\s+(?:{end}\b|{re.escape(BLANK)})", stem
        ):
            return True
    return False


def _alone(text: str, fact: Fact, disc: Discourse | None, notes: list[str]) -> str:
    """Return the stem repaired to stand alone; note why when it cannot (the item is then a draft)."""
    fixed, problem = stand_alone(text, fact.sentence_index, disc, answer=fact.answer)
    if not problem and _split_subject(fixed, fact, disc):
        problem = "split_subject"
    if not problem and _number_mismatch(fixed, fact):
        problem = "agreement"
    if not problem:
        fixed = _join_cut_series(fixed, fact.sentence)
    if not problem and (_list_cut_short(fixed, fact.sentence, fact.answer) or _colon_list_cut(fixed, fact.sentence)):
        problem = "list_cut"
    if not problem and _range_cut(fixed, fact.sentence):
        problem = "range_cut"
    if not problem and _opens_subordinate(fixed, fact.sentence):
        problem = "subordinate"  # «Cuando, tras el levantamiento jacobita de _____, se construyó…»: no main clause
    m_stem, m_sent = _NEUTER.search(fixed), _NEUTER.search(fact.sentence)
    if not problem and m_stem and m_sent:
        # "como evidencia de esto" once what "esto" stood for was cut from the stem.
        said_before = len(fact.sentence[: m_sent.start()].split()) - len(fixed[: m_stem.start()].split())
        if said_before > 4:
            problem = "pronoun"
    if not problem and _figure_without_time(fixed, fact, disc):
        problem = "no_time"
    if problem:
        notes.append(f"standalone:{problem}")
    return fixed


_YEAR_OR_TIME = re.compile(
    r"(?<!\d )(?<!\d\.)(?<!\d,)(?<!\d\u00a0)(?<!\d\u202f)\b\d{3,4}\b(?![ .,\u00a0\u202f]\d)"  # a year, no «200 000»
    r"|\b(?:siglo|entonces|época|aquel(?:la)?s?|antes|después|hacia|durante|hoy|actualmente)\b",
    re.IGNORECASE,
)
_FIGURE = re.compile(r"\d")


def _figure_without_time(stem: str, fact: Fact, disc: Discourse | None) -> bool:
    """Return whether the stem gives a figure of a place's state in the imperfect with no time it held at.

    «Lisboa tenía unos 200 000 habitantes y era…»: when? The figure changes with the years; the sentence before
    said the time. A stem that asks the time, or says one, stands.
    """
    if disc is None or fact.kind == "date" or (not _FIGURE.search(stem.replace(BLANK, "")) and fact.kind != "number"):
        return False
    if _YEAR_OR_TIME.search(stem.replace(BLANK, " ")):
        return False
    parse = disc.parse(fact.sentence_index)
    if parse is None or parse.verb is None:
        return False
    verb = parse.tokens[parse.verb]
    if verb.feature("Tense") != "Imp" or verb.feature("Mood") != "Ind" or parse.subject is None:
        return False
    # Only a place's state («Lisboa tenía…», «la ciudad contaba con…»): a fleet or an army counted in a battle's
    # text is counted at the battle.
    subject = parse.text[parse.subject[0] : parse.subject[1]]
    places = {name for name, _subtype in disc.kinds.get(fact.sentence_index, [])}
    place = parse.label_at(*parse.subject) == "LOC" or any(name in subject for name in places)
    return place and verb.text.lower() in stem.lower()


def _alone_stem(fact: Fact, disc: Discourse | None, notes: list[str], **kw) -> str:
    """Return the stem standing alone; when the whole sentence cannot, try the fact's own clause."""
    first: list[str] = []
    stem = _fronted_comma(_alone(build_stem(fact, **kw), fact, disc, first))
    if first and not kw.get("clause_only"):
        second: list[str] = []
        clause = _fronted_comma(_alone(build_stem(fact, clause_only=True, **kw), fact, disc, second))
        if not second and clause != stem:
            return clause
    notes += first
    return stem


# «En _____ Cortés obtuvo…»: a fronted phrase whose blank runs into the subject's name.
_FRONTED_BLANK_NAME = re.compile(
    r"^((?:En|Desde|Tras|Durante|Hacia|Hasta|Con|Según|Ante|Frente a)\s+" + BLANK + r")(\s+[A-ZÁÉÍÓÚÑ])"
)


def _fronted_comma(stem: str) -> str:
    """Set a comma after a fronted phrase that ends in the blank when a name follows («En _____, Cortés…»).

    Without it the blank reads as the first half of a longer name («_____ Cortés»).
    """
    return _FRONTED_BLANK_NAME.sub(r"\1,\2", stem)


def _statement(fact: Fact, disc: Discourse | None, notes: list[str], value: str) -> str:
    """Return a true/false statement with `value` in the fact's place, restated and standing alone."""
    first: list[str] = []
    said = _alone(paraphrase(fix_conjunctions(build_stem(fact, replacement=value)), value), fact, disc, first)
    if not first and (_lost_subject(said, fact, disc) or _subjectless(said, fact, disc)):
        first.append("standalone:no_subject")
    if first:
        second: list[str] = []
        clause = build_stem(fact, replacement=value, clause_only=True)
        clause = _alone(paraphrase(fix_conjunctions(clause), value), fact, disc, second)
        if not second:
            return clause
    notes += first
    return said


def _lost_subject(statement: str, fact: Fact, disc: Discourse | None) -> bool:
    """Return whether the restatement lost the subject the parse found in the sentence (not the fact's own)."""
    parse = disc.parse(fact.sentence_index) if disc is not None else None
    if parse is None or not parse.subject or parse.subject_is_pronoun:
        return False
    a, b = parse.subject
    if a < fact.local_end and b > fact.local_start:
        return False  # the subject is the fact: it was replaced on purpose
    words = [w for w in re.findall(r"\w+", fold(parse.subject_text)) if len(w) > 3]
    return bool(words) and not any(w in fold(statement) for w in words)


def _subjectless(statement: str, fact: Fact, disc: Discourse | None) -> bool:
    """Return whether a statement kept the verb of a sentence whose subject is elided, and no subject was given."""
    parse = disc.parse(fact.sentence_index) if disc is not None else None
    if parse is None or parse.verb is None or parse.subject:
        return False
    verb = parse.tokens[parse.verb]
    before = parse.tokens[parse.verb - 1].text.lower() if parse.verb else ""
    # («se» before it: a passive whose subject follows, «se fundó la ciudad»; not «Hacia 1591 se trasladó a la ciudad de
    # Córdoba», whose verb governs no noun: a pronominal verb whose subject was in the sentence before)
    passive = before == "se" and any(
        t.head == verb.i and t.dep in {"obj", "nsubj", "nsubj:pass", "csubj", "ccomp", "xcomp"} and t.i != verb.i - 1
        for t in parse.tokens
    )
    if verb.text.lower() in _IMPERSONAL or passive or verb.feature("Person") in {"1", "2"}:
        return False
    if fact.local_start <= verb.start < fact.local_end or fold(verb.text) not in fold(statement):
        return False
    owner = disc.previous_subject(fact.sentence_index)
    return not (owner and fold(owner) in fold(statement) and fold(owner) not in fold(fact.sentence))


def _split_subject(stem: str, fact: Fact, disc: Discourse | None) -> bool:
    """Return whether the stem kept part of a coordinated subject («El NADPH se emplean» from «El ATP y el NADPH»)."""
    parse = disc.parse(fact.sentence_index) if disc is not None else None
    if parse is None or not parse.subject or not re.search(r"\s(?:y|e)\s", parse.subject_text):
        return False
    a, b = parse.subject
    if a < fact.local_end and b > fact.local_start:
        if fact.members:
            return False  # the blank is a list of the subject: the list rule decides
        # «se encuentran _____, a 3812 m» from «…el lago Titicaca, a 3812 m, y el salar de Uyuni»: the other
        # member of the subject was cut, the plural verb stays.
        other = fact.sentence[fact.local_end : b] if fact.local_end < b else fact.sentence[a : fact.local_start]
        conj = re.split(r"\s(?:y|e)\s", other, maxsplit=1)
        if len(conj) < 2:
            return False
        rest = [w for w in re.findall(r"\w+", fold(conj[1])) if len(w) > 2 and w not in {"los", "las", "del"}]
        return bool(rest) and not any(re.search(r"(^| )" + re.escape(w) + r"( |$)", fold(stem)) for w in rest)
    words = [w for w in re.findall(r"\w+", fold(parse.subject_text)) if len(w) > 2 and w not in {"los", "las", "del"}]
    here = [w for w in words if re.search(r"(^| )" + re.escape(w) + r"( |$)", fold(stem))]
    return bool(here) and len(here) < len(words)


def _wh(fact: Fact, disc: Discourse | None) -> str:
    """Return a «¿…?» question for the fact from its clause, or ""."""
    if not wh_kind(fact):
        return ""
    for clause_only in (False, True):
        stem = build_stem(fact, replacement=MARK, clause_only=clause_only)
        if _list_cut_short(stem.replace(MARK, BLANK), fact.sentence):
            continue  # «¿En qué año aparecieron Botchan, inspirada en…?» without its «y Almohada de hierba»
        prompt = wh_prompt(fact, stem, disc)
        if prompt:
            return prompt
    return ""


_WHEN_ASKED = re.compile(r"(?:^|,\s*)¿\s*cuándo\b", re.IGNORECASE)


def when_forms(fact: Fact, prompt: str) -> list[str]:
    """Return the coarser dates a typed «¿Cuándo…?» accepts besides its day: the month and year, and the year.

    A cloze blank shows what it wants («el _____» before a day), so its day date is typed whole; «¿Cuándo…?» does
    not: a student who answers «1819» or «diciembre de 1819» to «¿Cuándo proclamó el Congreso de Angostura la
    República de Colombia?» has answered it. Every typed «¿Cuándo…?» with a full date on the dev verdicts was judged
    a minor edit for that one reason (3 of 3; the same question as a choice among dates: U).
    """
    v = fact.value or {}
    year, month = v.get("year"), v.get("month")
    if fact.kind != "date" or not _WHEN_ASKED.search(prompt) or not year:
        return []
    if year < 0:
        # «¿Cuándo venció la flota de Octaviano…?» → «2 de septiembre del 31 a. C.»: «31 a. C.», «septiembre del 31
        # a. C.» answer it too (and «31», as the day's own forms drop the era; judged a minor edit without them).
        years = [f"{-year} a. C.", f"{-year} aC", f"{-year} antes de Cristo", str(-year)]
        months = [f"{MONTH_NAMES[month]} {of} {y}" for y in years for of in ("del", "de")] if month else []
    else:
        years = [str(year)]
        months = [f"{MONTH_NAMES[month]} de {year}", f"{MONTH_NAMES[month]} {year}", f"{month}/{year}"] if month else []
    forms = []
    if v.get("precision") == "day":
        forms += months
    if v.get("precision") in {"day", "month"}:
        forms += years
    return [f for f in dict.fromkeys(forms) if fold(f) != fold(fact.answer)]


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


_CENTURY_ORDINALS = [
    "primero",
    "segundo",
    "tercero",
    "cuarto",
    "quinto",
    "sexto",
    "séptimo",
    "octavo",
    "noveno",
    "décimo",
]


def century_forms(fact: Fact) -> list[str]:
    """Return how people type a century answer: «siglo XX» → «XX», «siglo 20», «s. XX» (qualified periods keep
    their qualifier: «finales del siglo 19»)."""
    m = re.search(r"siglo\s+([IVXL]+)\b", fact.answer) if fact.subtype == "century" else None
    if not m:
        return []
    values = [_ROMAN[c] for c in m.group(1)]
    number = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    head, tail = fact.answer[: m.start()], fact.answer[m.end() :]
    era = re.match(r"\s*(?:a\.\s?C\.|a\.\s?de\s?C\.|antes de Cristo)", tail)
    # «siglo I a. C.» is never «siglo 1»: every form keeps the era, written as people write it.
    tails = [tail] + ([" aC", " antes de Cristo"] if era and tail.strip() == era.group().strip() else [])
    forms = []
    for end in tails:
        forms += [f"{head}siglo {number}{end}", f"{head}s. {m.group(1)}{end}", f"{head}siglo {m.group(1)}{end}"]
        # «siglo doce», «siglo quinto»: the century said in words (an ordinal up to the tenth, a cardinal after it)
        said = [_CENTURY_ORDINALS[number - 1]] if number <= 10 else number_words(number)[:1]
        forms += [f"{head}siglo {word}{end}" for word in said]
        if m.start() == 0:
            forms += [f"{m.group(1)}{end}", f"{number}{end}"]  # «XVI», «16»: the century's number alone
    return [f for f in dict.fromkeys(forms) if f != fact.answer]


def _contracted_before_blank(fact: Fact, stem: str) -> str:
    """Return the typed item's stem with «del» / «al» kept before a name headed by a common noun.

    «en la región del lago Titicaca» is blanked with its article («región de _____»), so that a choice's options
    each bring their own; a typed answer shown without it then reads «región de lago Titicaca». A name whose head is
    a common noun («lago», «río», «mar», «islas») always takes the article, which gives nothing away: the contraction
    stays («región del _____» — «lago Titicaca»). So does a name the text says with «del» / «al» («inventor italiano
    del _____» — «Renacimiento»: «de _____» reads «de Renacimiento», judged «enunciado roto»), but a country whose
    article is optional («en el sur de _____» — «Perú» reads whole).
    """
    if not fact.blank_prefix or fact.members or fact.answer.strip() in _OPTIONAL_EL:
        return stem
    split = f"{fact.blank_prefix} {BLANK}"
    if stem.count(split) != 1:
        return stem
    return stem.replace(split, f"{'del' if fact.blank_prefix == 'de' else 'al'} {BLANK}")


# «que se libró entre _____», «librada entre _____»: «entre» after a verb with no parties said reads as the parties
# too (dev: «se libró entre _____» judged R, «ambiguo»).
_PARTIES_OR_YEARS = re.compile(
    r"\b((?:se\s+[a-záéíóúñ]+|[a-záéíóúñ]+(?:ad|id)[oa]s?)\s+entre\s+)(?=" + re.escape(BLANK) + ")"
)


def _years_not_parties(fact: Fact, stem: str) -> str:
    """Return the stem of a range of years asked whole with «entre los años _____» where a bare «entre _____» after
    its verb could be filled with the parties («se libró entre Francia y Austria»)."""
    value = fact.value or {}
    if fact.kind != "date" or fact.subtype != "range" or value.get("month") or value.get("year") is None:
        return stem
    if (value.get("end") or {}).get("year") is None or value["year"] < 0:
        return stem
    return _PARTIES_OR_YEARS.sub(r"\1los años ", stem)


def questions_for_fact(fact: Fact, ex: Extraction, disc: Discourse | None = None) -> list[Question]:
    """Return every question kind this fact supports.

    `disc` lends the stems what they need from the rest of the document (a subject, a name said
    before); without it only the repairs that need no context are made.
    """
    qs: list[Question] = []
    parts = [fact.sentence, fact.answer, fact.kind]
    idx = [fact.sentence_index]
    stem_notes: list[str] = []
    stem = _years_not_parties(fact, _alone_stem(fact, disc, stem_notes))
    # Short answer / cloze.
    qs.append(
        _q(
            "short_answer",
            [fact.key],
            _contracted_before_blank(fact, stem),
            fact.sentence,
            idx,
            key_parts=parts,
            correct=[_answer_with_article(fact) if fact.members else fact.answer],
            accepted=accepted_answers(fact, ex) + century_forms(fact),
        )
    )
    # Choice items.
    from_gazetteer = False
    # Three wrong options, and up to three spare ones the publication may swap in (`distractors.reoption`).
    if fact.kind == "date":
        wrong = date_distractors(fact, ex, spare=3)
    elif fact.kind == "number":
        wrong = number_distractors(fact, ex=ex, spare=3)
    else:
        wrong, from_gazetteer = entity_distractors(fact, ex, stem, n=3, spare=3)
    if fact.members and len(wrong) >= 2:
        correct = [
            with_article(m, a if fact.blank_start <= fact.local_start else "")
            for m, a in zip(
                fact.members,
                fact.member_articles or [""] * len(fact.members),
                strict=False,
            )
        ]
        qs.append(
            _q(
                "multiple_choice",
                [fact.key],
                f"Marque todas las opciones que completan el texto: {stem}",
                fact.sentence,
                idx,
                key_parts=parts,
                correct=correct,
                distractors=wrong[:3],
            )
        )
        qs[-1].spare = wrong[3:]
    elif not fact.members and len(wrong) >= 3:
        qs.append(
            _q(
                "single_choice",
                [fact.key],
                stem,
                fact.sentence,
                idx,
                key_parts=parts,
                correct=[_answer_with_article(fact)],
                distractors=wrong[:3],
            )
        )
        qs[-1].spare = wrong[3:]
    for q in qs:
        q.notes += stem_notes
        if q.kind in {"single_choice", "multiple_choice"} and re.search(r"\b(?:de|a)\s+" + BLANK, q.prompt):
            # «en el sur de _____» with «el Perú» among the options reads «de el Perú».
            strip = lambda o: o[3:] if o.startswith("el ") and o[3:] in _OPTIONAL_EL else o  # noqa: E731
            q.correct, q.distractors = [strip(o) for o in q.correct], [strip(o) for o in q.distractors]
            if any(o.startswith("el ") for o in q.correct + q.distractors):
                q.notes.append("standalone:contraction")
    # A real question where the rules can build a whole one: it replaces the cloze of the typed, chosen
    # and numeric items (a year and a count are typed as numbers).
    wh = _wh(fact, disc)
    if wh:
        # «¿Quién…?» is asked as a choice among the text's people where there is one: typed, a person asked by a bare
        # question has many answers besides the text's (hist. dev: wh typed 0.29 usable, cloze typed 0.34; held-out
        # typed «¿Quién…?» 2 of 9), so the typed item keeps its cloze.
        who_choice = fact.kind == "person" and any(q.kind == "single_choice" for q in qs)
        for q in qs:
            typed_as_number = q.kind == "short_answer" and wh_kind(fact) in {"year", "count"}
            if who_choice and q.kind == "short_answer":
                continue
            if q.kind in {"short_answer", "single_choice"} and not typed_as_number:
                q.prompt, q.notes = wh, [n for n in q.notes if not n.startswith("standalone:")] + ["wh"]
                if q.kind == "short_answer":
                    q.accepted = [*q.accepted, *(a for a in when_forms(fact, wh) if a not in q.accepted)]
                if fact.kind == "person":
                    q.notes.append("wh:person")  # «¿Qué emperador…?» typed: a name, as a typed «¿Quién…?»
    for q in qs:
        if q.kind in {"single_choice", "multiple_choice"} and re.match(
            r"(?:Marque todas las opciones que completan el texto: )?" + BLANK, q.prompt
        ):
            # The blank opens the sentence: every option takes the capital the sentence start gives the right one
            # («Siete años», «Cuatro años»), so that the capital letter does not point at it.
            q.correct, q.distractors, q.spare = (
                [upper_first(o) for o in opts] for opts in (q.correct, q.distractors, q.spare)
            )
    if from_gazetteer:
        for q in qs:
            if q.kind in {"single_choice", "multiple_choice"}:
                q.notes.append("distractors:gazetteer")
    # Numeric.
    # «En la década de _____»: typed as a short answer, which accepts «los 80», «los ochenta» (numeric grading won't).
    tolerance = year_tolerance(fact, disc) if fact.kind == "date" else 0.0
    if (
        fact.kind == "date"
        and fact.value
        and fact.value.get("year")
        and re.search(r"\d{3,4}", fact.answer)
        and not decade_year(fact)
        # «construida hacia _____» beside 1496 and 1497 in the text: no range is left to take, and an approximate year
        # typed exactly is judged «numérico» (the choice among years and the blank stay)
        and not (tolerance < 1 and _APPROX_YEAR.search(fact.sentence[: fact.local_start]))
    ):
        ym = list(re.finditer(r"\d{3,4}", fact.answer))[-1]
        bc = fact.value["year"] < 0
        span = (fact.local_start + ym.start(), fact.local_start + ym.end())
        num_notes: list[str] = []
        prompt = _alone_stem(fact, disc, num_notes, span=span)
        qs.append(
            _q(
                "numeric",
                [fact.key],
                f"{prompt} (Escriba el año.)",
                fact.sentence,
                idx,
                key_parts=parts,
                correct=[ym.group()],
                # A year before Christ is typed and shown with its era («216 a. C.»; «216» alone is right too):
                # «año» would print «216 años» on the result page and refuse «216 a. C.».
                numeric={
                    "value": float(ym.group()),
                    "tolerance": tolerance,
                    "unit": "a. C." if bc else "año",
                },
                notes=num_notes,
            )
        )
    elif fact.kind == "number" and fact.value:
        v = fact.value
        ns = _number_span(fact)
        if ns:
            half = v["number"] % 1 == 0.5
            end = fact.local_end if half else ns[1]
            unit_after = fact.sentence[ns[1] : fact.local_end]
            if half:
                unit_after = " " + re.sub(r"\s+y\s+medi[oa]$", "", unit_after).strip()
            num_notes = []
            prompt = _alone_stem(
                fact, disc, num_notes, span=(ns[0], end), replacement=BLANK + (unit_after if half else "")
            )
            # «unos 300», «cerca de 300», «en torno a 300», «300 aproximadamente»: a round figure, so a typed one within
            # 10 % is right too (the result page states the range). «más de 300» is a bound the stem keeps before the
            # blank: its figure is exact, as is an exact figure.
            tol = approx_tolerance(v["number"]) if v.get("approx") == "about" else precision_tolerance(v["number"])
            unit = v.get("unit") or ""
            numeric = {"value": v["number"], "tolerance": tol, "unit": unit}
            if v.get("scale"):
                # "unos _____ millones de km²": the student types 5, not 5000000.
                scale_word = "millones de" if v["scale"] == 1_000_000 else "mil"
                numeric = {
                    "value": v["number"] / v["scale"],
                    "tolerance": tol / v["scale"],
                    "unit": f"{scale_word} {unit}"[:30],
                }
            qs.append(
                _q(
                    "numeric",
                    [fact.key],
                    f"{prompt} (Escriba el número.)",
                    fact.sentence,
                    idx,
                    key_parts=parts,
                    correct=[
                        format_quantity({**v, "words": False, "approx_text": ""}, v["number"])
                        if half or not _noun_unit(v)
                        else _bare_figure(numeric["value"], numeric["tolerance"], v.get("thousands") or ".")
                    ],
                    numeric=numeric,
                    notes=num_notes,
                )
            )
    if wh and wh_kind(fact) in {"year", "count"}:
        for q in qs:
            if q.kind == "numeric":
                q.prompt, q.notes = wh, [n for n in q.notes if not n.startswith("standalone:")] + ["wh"]
    # True/false: swap a date or number for a false statement; otherwise state the fact.
    statement_true = build_stem(fact, replacement=_answer_with_article(fact))
    tf_notes: list[str] = []
    said = _statement(fact, disc, tf_notes, _answer_with_article(fact))
    if fold(said) == fold(fact.sentence) and len(fact.sentence.split()) > VERBATIM_WORDS:
        tf_notes.append("tf:verbatim")
    false_value = None
    swap_kind = ""
    if fact.kind in {"date", "number"} and wrong and not _aside(fact, disc) and not range_start(fact):
        false_value, swap_kind = wrong[0], fact.kind
        if fact.kind == "date":
            false_value = false_date(
                fact, ex, wrong, said
            )  # not «1983» for «1984»: another date of the text, or far off
    elif fact.kind in {"place", "organization", "event", "person"} and wrong and not fact.members:
        false_value, swap_kind = wrong[0], "entity"
    if false_value and int(stable_key(fact.key, "tf")[:2], 16) % 2 == 0:
        false_notes: list[str] = []
        statement = _statement(fact, disc, false_notes, false_value)
        q = _q(
            "true_false",
            [fact.key],
            true_false_prompt(statement, ex._pools.get("text", "")),
            fact.sentence,
            idx,
            variant="false",
            key_parts=parts,
            correct=["Falso"],
            notes=false_notes,
        )
        q.notes.append(f"swap:{swap_kind}")
        q.notes.append(f"Afirmación falsa: «{false_value}» en lugar de «{fact.answer}».")
        qs.append(q)
    else:
        qs.append(
            _q(
                "true_false",
                [fact.key],
                true_false_prompt(said, ex._pools.get("text", "")),
                fact.sentence,
                idx,
                variant="true",
                key_parts=[statement_true],
                correct=["Verdadero"],
                notes=tf_notes,
            )
        )
    return qs


_SUBORDINATE = {"acl", "acl:relcl", "advcl", "appos", "parataxis", "csubj", "ccomp"}


_TIME_NOUNS = {
    "década", "siglo", "año", "años", "mes", "meses", "invierno", "verano", "otoño", "primavera", "noche",
    "mañana", "tarde", "día", "días", "semana", "finales", "principios", "mediados", "comienzos", "fines", "época",
}  # fmt: skip


def _time_word(word: str) -> bool:
    """Return whether a noun says when («la década de 1980», «la noche del 4 de agosto»), digits and months too."""
    low = word.lower()
    return low in _TIME_NOUNS or word.isdigit() or low in MONTH_NAMES


def _aside(fact: Fact, disc: Discourse | None) -> bool:
    """Return whether the fact lies outside the sentence's main claim, where a false value would hide.

    A date or number is an aside when, in the parse, it hangs off a noun of a fronted adjunct («Tras la derrota
    de Alemania en 1945, los aliados dividieron…»), off a clause that is not the main one (a relative, an
    apposition, an adverbial clause), or qualifies a name («la Paz de Augsburgo de 1555»). A false statement
    must change the main claim (a teacher rejects «…de Augsburgo de 1553» while the claim stays true).
    """
    parse = disc.parse(fact.sentence_index) if disc is not None else None
    if parse is None or parse.verb is None:
        return False
    tokens = parse.tokens
    inside = [t for t in tokens if fact.local_start <= t.start < fact.local_end]
    heads = [t for t in inside if not fact.local_start <= tokens[t.head].start < fact.local_end or t.head == t.i]
    if not heads:
        return False
    head = heads[0]
    before = fact.sentence[: fact.local_start].rstrip()
    if re.search(r"[A-ZÁÉÍÓÚÑ][\w-]+\s+(?:de|del)$", before):
        return True  # «Paz de Augsburgo de 1555»: the year of a name
    if fact.kind == "number" and re.match(r"\s*(?:después|antes|más tarde)\b", fact.sentence[fact.local_end :]):
        return True  # «cuatro años después de la muerte del pintor»: a count, not the claim
    # Climb to the main clause: through a subordinate clause, an aside; through a noun, a modifier.
    main = {parse.verb, tokens[parse.verb].head}
    closing = re.fullmatch(r"\s*\.?\s*", fact.sentence[fact.local_end :]) and re.search(r",(?:\s+(?:el|en))?$", before)
    node, nouns = head, 0
    for _ in range(len(tokens)):
        if node.i in main or node.head == node.i:
            break
        # «hace unos 8000 años» is a time; a closing date after a comma is the verb's («…, el 4 de julio de 1934.»)
        said_of_verb = node is head and node.dep == "appos" and closing and fact.kind == "date"
        if node.dep in _SUBORDINATE and node.text.lower() != "hace" and not said_of_verb:
            return True
        up = tokens[node.head]
        if up.i not in main and up.pos in {"NOUN", "PROPN"} and not _time_word(up.text):
            nouns += 1
            top = up
        node = up
    else:
        return False
    if not nouns:
        return False  # said of the main verb itself: «En 1903, …», «se cerró en 1952»
    # A modifier of a noun fronted before the verb and closed by a comma is an adjunct, not the claim.
    verb_start = tokens[parse.verb].start
    fronted = top.start < verb_start and "," in fact.sentence[fact.local_end : verb_start]
    return fronted


def true_false_prompt(statement: str, text: str = "") -> str:
    """Return "Verdadero o falso: …" with the statement's first word lowered unless it is a name.

    A fronted participle («Aislado, X se rindió…») is lowered too: the lexicon knows it as a form of a verb. An article
    the text writes capitalised inside a sentence before the same word opens a title («con el título de El ingenioso
    caballero…»): «El ingenioso hidalgo… narra…» keeps it, or it reads as the character.
    """
    lowered = lower_first(statement)
    title = re.match(r"(El|La|Los|Las)\s+([a-záéíóúñü]+)\b", statement)
    if title and text and re.search(rf"[\wáéíóúñü,] {title.group(1)} {title.group(2)}\b", text):
        lowered = statement
    opening = re.match(r"[A-ZÁÉÍÓÚ][a-záéíóúñ]+\b", lowered)
    if opening and opening.group().lower() in _OPENING_ADVERBS:
        lowered = lowered[:1].lower() + lowered[1:]  # «Solo 18 supervivientes…» → «solo 18 supervivientes…»
    elif opening and text and _common_word(opening.group(), text, statement) and not title:
        lowered = lowered[:1].lower() + lowered[1:]  # «Hijo de una familia…» → «hijo de una familia…»
    return "Verdadero o falso: " + lowered


_FRONTED_DESCRIPTION = re.compile(r"[A-ZÁÉÍÓÚ][a-záéíóúñ]+\s+(?:de|del)\s+[^,A-ZÁÉÍÓÚÑ\d]{3,80},\s+[A-ZÁÉÍÓÚÑ]")


@lru_cache(maxsize=4)
def _text_words(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Return the words of a text, and those it writes capitalised inside a sentence (after a word or a comma): read
    once per text, not once per true/false statement."""
    return frozenset(re.findall(r"\w+", text)), frozenset(re.findall(r"(?<=[\w,;:] )\w+", text))


def _common_word(word: str, text: str, statement: str) -> bool:
    """Return whether a capitalised opening word is no name: never written with a capital inside a sentence of the
    text (a name keeps its capital: «Roma», «Hidalgo»), nor the title's first word, and either written in lower case
    elsewhere or a noun whose «de» phrase is fronted before a named subject («Hijo de una familia…, Perón…»)."""
    if word in FIRST_NAMES or word in FEMALE_FIRST_NAMES or text.lstrip().startswith(word):
        return False  # (a word that opens the title is the title's: «Don Quijote de la Mancha narra…»)
    words, capitalised_inside = _text_words(text)
    if word in capitalised_inside:
        return False
    if word.lower() in words:
        return True
    # «Hijo de una familia de clase media, Perón ingresó…»: a noun and its «de» phrase fronted before the named
    # subject is a description of it (a name would be the subject itself: «Perón, hijo de…»).
    return _FRONTED_DESCRIPTION.match(statement) is not None


# Adverbs that open a sentence and are never names (the lexicon's stop list lacks them).
_OPENING_ADVERBS = {"solo", "sólo", "apenas", "cerca", "incluso", "todavía", "casi", "aún", "también"}


# An apposition between commas after a name: ", la más larga de la guerra,", ", una localidad del País Vasco".
_APPOSITION = re.compile(r",\s+(?:el|la|los|las|un|una|unos|unas)\s+[a-záéíóúñü][^,;:()]{1,70}?(?:,|(?=\.$))")
_RELATIVE_AFTER = re.compile(
    r"\s*(?:que|quien|quienes|cuy[oa]s?|donde|(?:el|la|los|las)\s+cual(?:es)?)\b", re.IGNORECASE
)
VERBATIM_WORDS = 12


# A subject with its article, then «se» and the verb that ends the clause: said after the verb once the date opens.
_SUBJECT_THEN_SE_VERB = re.compile(r"((?:El|La|Los|Las)\s[^,;:]+?)\s+(se\s+[a-záéíóúñ]+)")


# A relative clause closing a statement: «…que conservaría», «…donde murió».
_RELATIVE_TAIL = re.compile(r"\b(?:que|quien|quienes|cual|cuales|donde|cuyo|cuya|cuyos|cuyas)\b(?:\s+\S+){1,6}$", re.I)


def paraphrase(statement: str, keep: str) -> str:
    """Restate a sentence for a true/false item: asides dropped, a closing date moved to the front.

    `keep` (the fact the item is about) is never dropped.
    """
    out = statement
    for m in list(_APPOSITION.finditer(out))[::-1]:
        seg = m.group()
        if keep and re.search(rf"(?<!\w){re.escape(fold(keep))}(?!\w)", fold(seg)):
            continue
        if any(is_finite_verb(t.text) for t in tokenize(seg)):
            continue
        if not re.search(r"[A-ZÁÉÍÓÚÑ][\w-]*\s*$", out[: m.start()]):
            continue  # an apposition follows a name
        before = out[: m.start()]
        if re.match(r"(?:en|de|a|con|por|para|según|tras|desde|durante)\s", before, re.IGNORECASE) and not any(
            is_finite_verb(t.text) for t in tokenize(before)
        ):
            continue  # «En honor de Mendeléyev, el elemento 101, obtenido…»: the subject after a fronted phrase
        if re.match(r"\s*(?:y\s+|e\s+)?(?:el |la |los |las )?[A-ZÁÉÍÓÚÑ]", out[m.end() :]):
            continue  # "Suecia, la Unión Soviética, Noruega…" is a list, not an aside
        if seg.endswith(",") and re.match(r"\s*(?:el|la|los|las|un|una)\s+[a-záéíóúñü]", out[m.end() :]):
            # «en Afshana, una aldea cercana a Bujará, la capital del Emirato samánida»: the next aside may say what
            # this one's last word is; without this one it would say it of the name («Afshana, la capital…»: false)
            continue
        # «al papa Alejandro VI, el valenciano …, que promulgó…»: a relative clause after the aside keeps its comma.
        relative = seg.endswith(",") and _RELATIVE_AFTER.match(out[m.end() :])
        # «El Santísima Trinidad, el mayor navío…, con cuatro puentes…, fue apresado»: a second aside after it keeps
        # the comma that opens it, else the subject runs into it and a lone comma splits it from its verb.
        more = re.match(r"[^,.;:]+,", out[m.end() :])
        continued = seg.endswith(",") and more and not any(is_finite_verb(t.text) for t in tokenize(more.group()))
        out = out[: m.start()] + ("," if relative or continued else "") + out[m.end() :]
    out = re.sub(r",\s*,", ",", out).replace(" ,", ",")
    out = re.sub(r",\.$", ".", out)
    # "… terminó el 13 de marzo de 1940." -> "El 13 de marzo de 1940, … terminó."
    spans = temporal_spans(out, ("date",))
    if spans and re.fullmatch(r"\s*\.", out[spans[-1][1] :]):
        a, b = spans[-1]
        prep = re.search(r"(?:^|\s)((?:en|el|durante|entre|hacia|desde|hasta)\s+(?:el\s+)?)$", out[:a])
        body = out[: prep.start(1)].rstrip(" ,") if prep else ""
        # Only a date said of the main verb moves: not "fundada en 1035", "hasta su muerte en 1063", nor one
        # date of a list ("Mallorca en 1229 y Valencia en 1238").
        last = body.split()[-8:]
        said_of_verb = any(is_finite_verb(w.lower()) for w in last) and not re.search(
            r"(?:[ai]d[oa]s?|muerte|\bhasta\b.*)$", body
        )
        # «…una base en el continente que conservaría hasta 1558»: the date of a relative clause's verb stays there.
        said_of_verb = said_of_verb and not _RELATIVE_TAIL.search(body)
        single = len(spans) == 1 and not re.search(r"\s(?:y|e)\s", body)
        whole = ":" not in body and ";" not in body and not re.match(r"(?:Poco|Mucho|Tiempo|Años|Meses)\s", body)
        # («Se desarrolló entre … y …»: a verb alone stays before its dates, never «Entre … y …, se desarrolló.»)
        said = [w for w in body.split() if w.lower() not in {"se", "le", "les", "lo", "la", "los", "las", "no"}]
        if prep and said_of_verb and single and len(said) >= 2 and "," not in body and whole:
            adj = out[prep.start(1) : b]
            inverted = _SUBJECT_THEN_SE_VERB.fullmatch(body)
            if inverted:
                # «La última piedra del cimborrio se colocó en 1506» → «En 1506 se colocó la última piedra…», not
                # «En 1506, la última piedra del cimborrio se colocó.»
                out = f"{adj[0].upper()}{adj[1:]} {inverted.group(2)} {lower_first(inverted.group(1))}."
            else:
                out = f"{adj[0].upper()}{adj[1:]}, {lower_first(body)}."
    return out


def ordering_questions(
    facts: list[Fact], ex: Extraction, sentences: list[Sentence], disc: Discourse | None = None
) -> list[Question]:
    """Return chronological ordering items: event labels with every date and relative word masked."""
    dated: list[tuple[tuple[int, int], Fact, str]] = []
    seen_months: set[tuple[int, int]] = set()
    used_labels: set[str] = set()
    for fact in facts:
        v = fact.value or {}
        if fact.kind != "date" or v.get("uncertain") or not v.get("year") or not v.get("month"):
            continue
        if "end" in v:
            continue
        ym = (v["year"], v["month"])
        if ym in seen_months:
            continue  # the same month at another precision is the same event
        # A date inside "entre el X y el Y" goes with the whole range.
        whole = next(
            ((a, b) for a, b in temporal_spans(fact.sentence) if a <= fact.local_start < b),
            (fact.local_start, fact.local_end),
        )
        own = _remove_temporal(fact.sentence, *whole)
        # A sentence holding several dates holds several events: label this one by its own clause.
        several = len(temporal_spans(fact.sentence, ("date",))) > 1
        label = build_stem(fact, replacement="", span=own, mask_temporal=True, clause_only=several)
        label = re.sub(rf"\b{_RELATIVE}\b", "", label, flags=re.IGNORECASE)
        label = re.sub(r"\b(?:el|en|a|desde|hasta)\s*([,.])", r"\1", label, flags=re.IGNORECASE)
        label = tidy(label)
        dangling = re.search(r"\b(?:y|e|o|u|de|del|en|entre|a|al|el|la|que|por|con)\.$", label)
        label, problem = stand_alone(label, fact.sentence_index, disc)
        # «Del al, la Unión Soviética cortó…», «Poco se disolvió…»: what the dates' removal left behind.
        left = _LABEL_HOLE.search(label) or re.match(r"(?:poco|mucho|tiempo)\s", label, re.IGNORECASE)
        dangling = dangling or problem or left
        if temporal_spans(label, ("date",)) or len(label.split()) < 3 or dangling or label in used_labels:
            continue
        used_labels.add(label)
        seen_months.add(ym)
        dated.append((ym, fact, label))
    dated.sort(key=lambda d: d[0])
    out: list[Question] = []
    for start in range(0, len(dated), 5):
        chunk = dated[start : start + 5]
        if len(chunk) < 3:
            break
        labels = [c[2] for c in chunk]
        q = _q(
            "ordering",
            [c[1].key for c in chunk],
            "Ordene estos hechos del más antiguo al más reciente.",
            " ".join(c[1].sentence for c in chunk),
            [c[1].sentence_index for c in chunk],
            key_parts=[c[1].sentence + c[1].answer for c in chunk],
            correct=labels,
            items=labels,
        )
        out.append(q)
    return out


def merge_duplicates(questions: list[Question]) -> list[Question]:
    """Merge identical items (one true statement may hold several facts)."""
    by_key: dict[str, Question] = {}
    for q in questions:
        if q.key in by_key:
            kept = by_key[q.key]
            kept.fact_keys += [k for k in q.fact_keys if k not in kept.fact_keys]
            continue
        by_key[q.key] = q
    return list(by_key.values())
