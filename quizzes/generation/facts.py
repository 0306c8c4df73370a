"""Extract facts from sentences: dates, quantities, named entities, alias groups, terms."""

from __future__ import annotations

import itertools
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass, field

import simplemma
from text_to_num import text2num

from ..domain import numbers
from . import nlp
from .lexicon import (
    ALIAS_PATTERN_WORDS,
    APPROX_MARKERS,
    CAPITALISED_COMMON,
    EVENT_HEADS,
    FEMALE_FIRST_NAMES,
    FIRST_NAMES,
    FOREIGN_GEO_TAILS,
    GEO_TRIGGERS,
    LANDMARK_HEADS,
    LOWER_ORG_HEADS,
    MONTHS,
    NUMBER_WORD_SET,
    NUMBER_WORDS,
    ORG_HEADS,
    PERSON_TITLES,
    PLACE_CLASSIFIERS,
    SENTENCE_INITIAL_STOP,
    STATE_HEAD_WORDS,
    TIME_NOUNS,
    TIME_UNIT_FORMS,
    UNIT_SYMBOLS,
    UNIT_WORDS,
    WEEKDAYS,
    alias_forms_by_group,
    alias_table,
    fold,
    gazetteer_names_by_group,
    place_gazetteer,
    related_groups,
)
from .model import Fact, stable_key
from .text import Sentence, is_finite_verb, lemma, tokenize

logger = logging.getLogger(__name__)

# ---------------------------------------------------------------- dates
_MONTHS_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = rf"(?P<m>{_MONTHS_ALT})"
# A year of one or two digits only with its era: «del 44 a. C.».
_YEAR = r"(?:\d{3,4}(?:\s+(?:a|d)\.\s?[Cc]\.)?|\d{1,2}\s+(?:a|d)\.\s?[Cc]\.)"
_DAY = r"(?:[1-9]|[12]\d|3[01])(?:\.?º|\.?°)?"
_YEAR_SAID = r"(?:\d{1,4}(?:\s+(?:a|d)\.\s?[Cc]\.)?)"  # after the word «año»: «del año 79», «del año 814»
DATE_PATTERNS = [
    # "el 17 y 18 de julio de 1936", "del 17 al 18 de julio"
    (
        "coord",
        re.compile(
            rf"\b(?P<d1>{_DAY})\s+(?:y|e|al|a)\s+(?P<d2>{_DAY})\s+de\s+{_MONTH}"
            rf"(?:\s+(?:de|del)\s+(?P<y>{_YEAR}))?(?!\w)"
        ),
    ),
    # "entre julio y noviembre de 1938", "de julio a noviembre de 1938"
    (
        "mrange",
        re.compile(
            rf"\b(?:entre|de|desde)\s+(?P<m1>{_MONTHS_ALT})\s+(?:y|a|hasta)\s+{_MONTH}\s+(?:de|del)\s+(?P<y>{_YEAR})(?!\w)"
        ),
    ),
    # "entre 1936 y 1939", "de 1936 a 1939", "desde 1936 hasta 1939", "1936-1939"
    (
        "yrange",
        re.compile(
            rf"\b(?:entre\s+(?:los\s+años\s+|el\s+año\s+)?(?P<y1>{_YEAR})\s+y\s+(?P<y2>{_YEAR})"
            rf"|desde\s+(?:el\s+año\s+)?(?P<y3>{_YEAR})\s+hasta\s+(?P<y4>{_YEAR})"
            rf"|(?P<y5>1\d{{3}}|20\d{{2}})\s?[-–]\s?(?P<y6>1\d{{3}}|20\d{{2}}))\b"
        ),
    ),
    (
        "full",
        # «el 24 de agosto del año 79»: after «año» a year of one or two figures is a year too
        re.compile(
            rf"\b(?P<d>{_DAY})\s+de\s+{_MONTH}(?:\s+(?:de|del)\s+(?:año\s+(?P<ya>{_YEAR_SAID})|(?P<y>{_YEAR})))?(?!\w)"
        ),
    ),
    ("monthyear", re.compile(rf"\b{_MONTH}\s+(?:de|del)\s+(?P<y>{_YEAR})(?!\w)")),
    (
        "month",
        re.compile(
            rf"(?:(?<=\ben )|(?<=\bde )|(?<=\bdesde )|(?<=\bhasta )|(?<=\bpara )){_MONTH}\b(?!\s+(?:de|del)\s+\d)"
        ),
    ),
    # "entre el 58 y el 50 a. C.": a range of years before Christ (the era is written once, at the end)
    (
        "bcrange",
        re.compile(
            r"\b(?:entre\s+(?:el\s+)?(?P<y1>\d{1,4})\s+y\s+(?:el\s+)?|desde\s+(?:el\s+)?(?P<y3>\d{1,4})\s+hasta\s+"
            r"(?:el\s+)?|del\s+(?P<y5>\d{1,4})\s+al\s+)(?P<y2>\d{1,4})\s+(?P<era>a\.\s?[Cc]\.)"
        ),
    ),
    (
        "year",
        re.compile(
            r"(?<![\d.,])(?:(?P<y>1\d{3}|20\d{2})(?![\d]|[.,]\d)(?P<era>\s+(?:a|d)\.\s?[Cc]\.)?"
            r"|(?P<bc>\d{1,4})(?P<bcera>\s+(?:a|d)\.\s?[Cc]\.))"  # "el 52 a. C.": any year with its era
        ),
    ),
]
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:en|de|del|desde|hasta|hacia|año|años|entre|y|a|el|para|antes de|después de|tras)"
    r"|[(,])\s*$",
    re.IGNORECASE,  # "En 1871 se fundó…" opens a sentence
)
# «a partir de 1908 extensos trabajos», «en el año 1500 muchos…»: a year, whatever plural follows it.
_SURE_YEAR_BEFORE = re.compile(r"\b(?:a\s+partir\s+de(?:l\s+año)?|(?:en\s+)?el\s+año)\s+$", re.IGNORECASE)
# "del 3 de febrero al 9 de abril de 1854": the first date takes the year written after the second.
_RANGE_NEXT = re.compile(r"\s+(?:al|a|y|hasta|e)\s+(?:el\s+)?(?:\d{1,2}(?:\.?º|\.?°)?\s+de\s+)?(?P<m>[a-z]+)")


def _year_value(text: str) -> int:
    num = int(re.match(r"\d+", text).group())
    return -num if re.search(r"a\.\s?[Cc]\.", text) else num


@dataclass
class Span:
    """A raw match inside one sentence, before it becomes a Fact."""

    kind: str
    subtype: str
    start: int
    end: int
    text: str
    value: dict | None = None
    group: str = ""
    conversion: tuple[int, int] | None = None
    article: str = ""
    blank_start: int = -1
    blank_prefix: str = ""
    members: list[str] = field(default_factory=list)
    member_articles: list[str] = field(default_factory=list)
    mentions: list = field(default_factory=list)


# A year of the first millennium written without its era: after the word «año» («en el año 80», «hacia el año 400»)
# always, and bare («murió en 440», «creó, en 702, unos exámenes», «de 772 a 804») in a text about that time (one that
# writes an era, «a. C.» or «d. C.», a century up to the eleventh, or such a year after «año»); never before a noun
# («en 300 barcos»).
_EARLY_AFTER_YEAR_WORD = re.compile(r"\b(?:el|del)\s+año\s+(?P<y>[1-9]\d{0,2})(?![\d]|[.,]\d|\s*%)", re.IGNORECASE)
_EARLY_RANGE = re.compile(r"\b(?:de|entre)\s+(?P<y1>[1-9]\d{2})\s+(?:a|y)\s+(?P<y2>[1-9]\d{2,3})(?![\d]|[.,]\d|\s*%)")
_EARLY_BARE = re.compile(r"(?<![\d.,])(?P<y>[1-9]\d{2})(?![\d]|[.,]\d|\s*%)")
_EARLY_BEFORE = re.compile(r"\b(?:en|hacia|desde|hasta|tras|antes\s+de|después\s+de|c\.)\s+$", re.IGNORECASE)
_EARLY_TIMES = re.compile(
    r"\b[ad]\.\s?[Cc]\.|\bsiglos?\s+(?:XI|IX|X|IV|VI{0,3}|I{1,3})\b|\baños?\s+[1-9]\d{0,2}(?!\d|[.,]\d|\s*%)"
)


def early_times(text: str) -> bool:
    """Return whether a text is about the first millennium (it writes an era, a century up to the eleventh or a year
    of that time after «año»), where a year of three figures stands without its era («murió en 440»)."""
    return bool(_EARLY_TIMES.search(text))


def _before_noun(text: str, end: int) -> bool:
    """Return whether the word after a figure is a noun it counts («300 barcos»), not a small word or a verb."""
    nxt = re.match(r"\s*([a-záéíóúñü]+)", text[end:])
    word = nxt.group(1) if nxt else ""
    small = word in SENTENCE_INITIAL_STOP or word in {"y", "e", "o", "u"}
    return bool(word) and not small and not is_finite_verb(word)


def _early_years(text: str, early: bool, free) -> list[tuple[str, re.Match, dict]]:
    """Return the first-millennium years and ranges of a sentence no other pattern took, as (subtype, match, value)."""
    found = []
    for m in _EARLY_AFTER_YEAR_WORD.finditer(text):
        if re.match(r"\s+(?:de|del)\b", text[m.end() :]):
            continue  # «en el año 33 del reinado de Apofis», «el año 2 de la Hégira»: a year of another count
        if free(m.start("y"), m.end()) and not _before_noun(text, m.end()):
            found.append(("year", m, {"year": int(m.group("y")), "month": None, "day": None}))
    if not early:
        return found
    ranges = []
    for m in _EARLY_RANGE.finditer(text):
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if y1 < y2 and free(m.start("y1"), m.end()) and not _before_noun(text, m.end()):
            found.append(("range", m, {"year": y1, "month": None, "day": None, "end": {"year": y2}}))
            ranges.append((m.start("y1"), m.end()))
    for m in _EARLY_BARE.finditer(text):
        if (
            free(m.start(), m.end())
            and _EARLY_BEFORE.search(text[: m.start()])
            and not re.search(r"\d\s+(?:hasta|a|al|y|o)\s+$", text[: m.start()])  # «desde 3 hasta 101»: figures
            and not _before_noun(text, m.end())
            and not any(a <= m.start() < b for a, b in ranges)  # (an end of a range found above)
        ):
            found.append(("year", m, {"year": int(m.group("y")), "month": None, "day": None}))
    return found


def find_dates(text: str, early: bool = False) -> list[Span]:
    """Return date spans (full, month-year, month, year, coordinated days, year ranges); `early`: the text is about
    the first millennium (see early_times)."""
    spans: list[Span] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for name, rx in DATE_PATTERNS:
        for m in rx.finditer(text):
            a, b = m.start(), m.end()
            if not free(a, b):
                continue
            g = m.groupdict()
            value: dict
            if name == "coord":
                y = _year_value(g["y"]) if g.get("y") else None
                value = {
                    "year": y,
                    "month": MONTHS[g["m"]],
                    "day": int(re.match(r"\d+", g["d1"]).group()),
                }
                value["end"] = {
                    "year": y,
                    "month": MONTHS[g["m"]],
                    "day": int(re.match(r"\d+", g["d2"]).group()),
                }
                subtype = "range"
            elif name == "mrange":
                y = _year_value(g["y"])
                value = {"year": y, "month": MONTHS[g["m1"]], "day": None, "end": {"year": y, "month": MONTHS[g["m"]]}}
                a = m.start("m1")
                subtype = "range"
            elif name == "bcrange":
                y1 = g.get("y1") or g.get("y3") or g.get("y5")
                era = g["era"]
                value = {
                    "year": _year_value(f"{y1} {era}"),
                    "month": None,
                    "day": None,
                    "end": {"year": _year_value(f"{g['y2']} {era}")},
                }
                if int(value["end"]["year"]) <= int(value["year"]):
                    continue
                first = re.search(re.escape(y1), m.group())
                a = a + first.start()
                subtype = "range"
            elif name == "yrange":
                y1 = g.get("y1") or g.get("y3") or g.get("y5")
                y2 = g.get("y2") or g.get("y4") or g.get("y6")
                value = {
                    "year": _year_value(y1),
                    "month": None,
                    "day": None,
                    "end": {"year": _year_value(y2)},
                }
                if int(value["end"]["year"]) <= int(value["year"]):
                    continue
                # Keep the preposition in the stem: the answer is "1936 y 1939".
                first = re.search(re.escape(y1), m.group())
                a = a + first.start()
                subtype = "range"
            elif name == "full":
                said = g.get("y") or g.get("ya")
                y = _year_value(said) if said else None
                value = {
                    "year": y,
                    "month": MONTHS[g["m"]],
                    "day": int(re.match(r"\d+", g["d"]).group()),
                }
                subtype = "day"
            elif name == "monthyear":
                value = {
                    "year": _year_value(g["y"]),
                    "month": MONTHS[g["m"]],
                    "day": None,
                }
                subtype = "month"
            elif name == "month":
                value = {"year": None, "month": MONTHS[g["m"]], "day": None}
                subtype = "month"
            elif g.get("bc"):
                value = {"year": _year_value(f"{g['bc']}{g['bcera']}"), "month": None, "day": None}
                subtype = "year"
            else:
                if not _YEAR_BEFORE.search(text[:a]) and not g.get("era"):
                    continue
                after = text[b:].lstrip()
                nxt = re.match(r"[a-záéíóúñü]+", after)
                # "1500 soldados" is a quantity, not a year.
                word = nxt.group() if nxt else ""
                if word and word not in SENTENCE_INITIAL_STOP and not is_finite_verb(word):  # noqa: SIM102
                    if word.endswith("s") and lemma(word) != word and not _SURE_YEAR_BEFORE.search(text[:a]):
                        continue
                value = {"year": _year_value(m.group()), "month": None, "day": None}
                subtype = "year"
            if value.get("year") is None and subtype in {"day", "month"}:
                _year_from_next(text, b, value)
            value["uncertain"] = False
            value["precision"] = subtype if subtype in {"day", "month", "year"} else "range"
            spans.append(Span("date", subtype, a, b, text[a:b], value))
            taken.append((m.start(), b))
    early_spans = []
    for subtype, m, value in _early_years(text, early, free):
        a = m.start("y1") if subtype == "range" else m.start("y")
        value["uncertain"] = False
        value["precision"] = subtype
        early_spans.append(Span("date", subtype, a, m.end(), text[a : m.end()], value))
        taken.append((a, m.end()))
    return sorted(spans + early_spans, key=lambda sp: sp.start) if early_spans else spans


def _year_from_next(text: str, end: int, value: dict) -> None:
    """Give "3 de febrero" in "del 3 de febrero al 9 de abril de 1854" the year of the date after it."""
    m = _RANGE_NEXT.match(text, end)
    if not m or m.group("m") not in MONTHS:
        return
    ym = re.match(rf"\s+(?:de|del)\s+(?P<y>{_YEAR})(?!\w)", text[m.end() :])
    if not ym:
        return
    year = _year_value(ym.group("y"))
    # "del 3 de noviembre al 9 de febrero de 1855": November is of the year before.
    value["year"] = year - 1 if value["month"] > MONTHS[m.group("m")] else year


def resolve_years(dates: list[tuple[int, Span]]) -> None:
    """Give a year to dates written without one, from the dates around them; flag them uncertain.

    A text often summarises first ("began in Nov 1939 ... ended in March 1940") and narrates
    after, so "in February" is not "the February after the last date seen": prefer a year that
    puts the month inside the span of dates read so far, else the latest year seen.
    """
    seen: list[tuple[int, int]] = []  # (year, month or 0)
    for _index, span in dates:
        v = span.value
        if v["year"] is not None:
            seen.append((v["year"], v["month"] or 0))
            if "end" in v and v["end"].get("year"):
                seen.append((v["end"]["year"], v["end"].get("month") or 0))
            continue
        if not seen:
            continue
        lo, hi = min(seen), max(seen)
        month = v["month"]
        inside = [y for y in range(lo[0], hi[0] + 1) if lo <= (y, month) <= hi]
        year = inside[-1] if len(inside) >= 1 else seen[-1][0]
        v["year"] = year
        v["uncertain"] = True
        if "end" in v:
            v["end"]["year"] = year


# ---------------------------------------------------------------- quantities
_NUMWORD = r"(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
# Thousands separated by a dot («500.000») or, as the RAE recommends, by a space («40 000», also U+202F).
_NUMBER = (
    rf"(?P<num>(?P<sign>[-−–]\s?)?(?:\d{{1,3}}(?:\.\d{{3}})+|\d{{1,3}}(?:[ \u202f\u00a0]\d{{3}})+(?!\d)|\d+)(?:,\d+)?"
    rf"|(?i:medio)\s+millón|(?i:{_NUMWORD})(?:\s+(?:y\s+)?{_NUMWORD})*)"
)
# "de tres a cuatro millones", "20 o 30 soldados": a range of numbers is not one quantity.
_NUMBER_RANGE_BEFORE = re.compile(rf"(?:\d[\d.,]*|\b(?i:{_NUMWORD}))\s+(?:a|y|o|u|-|–)\s+$")
# A plural magnitude with no count before it says «very many», not a figure («causó millones de muertes»).
_UNCOUNTED_MAGNITUDES = {"millones", "miles", "cientos", "centenares"}
# Participles after a number are not what is counted ("112 causados"); these are, though.
_COUNTED_PARTICIPLES = {"muertos", "heridos", "desaparecidos", "prisioneros", "afectados", "evacuados"}
_UNIT_SYMBOLS = "|".join(re.escape(u) for u in sorted(UNIT_SYMBOLS, key=len, reverse=True))
_UNIT_WORDS = "|".join(sorted(list(UNIT_WORDS) + list(TIME_UNIT_FORMS), key=len, reverse=True))
QUANTITY_RE = re.compile(
    rf"(?<![\w\d.,]){_NUMBER}"
    rf"(?:\s+(?P<mult>millones|millón|mil)(?:\s+de)?(?=\s))?"
    rf"(?:\s?(?P<sym>{_UNIT_SYMBOLS})(?![\w])|\s+(?:de\s+)?(?P<word>{_UNIT_WORDS})\b"
    rf"|\s+(?:de\s+)?(?P<noun>[a-záéíóúñüA-ZÁÉÍÓÚÑ][a-záéíóúñü]{{2,}}s)\b)?"
    rf"(?P<half>\s+y\s+(?:medio|media))?"
)
_APPROX_RE = re.compile(
    r"\b(" + "|".join(sorted(APPROX_MARKERS, key=len, reverse=True)) + r")\s+(?:los\s+|las\s+|el\s+)?$",
    re.IGNORECASE,
)


def parse_number(raw: str) -> float | None:
    """Parse digits ("500.000", "3,5", "-43": quizzes.domain.numbers) or words ("tres", "quinientas mil")."""
    value = numbers.parse_number(raw)
    if value is not None:
        return value
    try:
        return float(text2num(raw.strip(), "es"))
    except ValueError:
        return None


def _words_number(raw: str) -> float | None:
    raw = raw.lower()
    if re.fullmatch(r"medio\s+millón", raw):
        return 500_000.0
    try:
        return float(text2num(raw, "es"))
    except ValueError:
        return None


# «un segundo mensaje», «el segundo asalto»: «segundo» before a noun is the ordinal; «un segundo después», «un segundo
# de retraso» are a second of time.
_ORDINAL_SEGUNDO = re.compile(
    r"\s+(?!(?:de|del|y|e|o|u|en|a|al|más|menos|después|antes|tras|que|por|para|con|sin|como|cada|solo|sólo|"
    r"aproximadamente|exacto|entero|hasta|apenas|escaso)\b)"
    r"[a-záéíóúñü]{3,}\b"
)


# A copula right before «un» / «una»: what follows is what the subject was (an article), not a count.
_COPULA_END = re.compile(r"\b(?:es|era|fue|son|eran|fueron|será|sería|sido)\s+$", re.IGNORECASE)


# «de un año a otro», «de un día para otro», «de una orilla a la otra»: «un» is any one, not a count.
_ONE_TO_ANOTHER = re.compile(r"\s+(?:a|al|para)\s+(?:(?:la|el)\s+)?(?:otr[oa]|siguiente)\b", re.IGNORECASE)


def find_quantities(text: str, taken: list[tuple[int, int]]) -> list[Span]:
    """Return quantity and duration spans, with approximation, sign and conversions."""
    spans: list[Span] = []
    for m in QUANTITY_RE.finditer(text):
        a, b = m.start(), m.end()
        if any(not (b <= s or a >= e) for s, e in taken):
            continue
        raw = m.group("num")
        if _NUMBER_RANGE_BEFORE.search(text[:a]):
            continue
        is_words = raw[0].isalpha()
        unit_word = m.group("word")
        sym = m.group("sym")
        noun = m.group("noun")
        if is_words:
            # "una guerra" is not a quantity: words count only before a unit.
            # "siete países", "dos fases": a number word above one counts a plural noun.
            counted = noun and raw.lower() not in {"un", "una", "uno", "medio"}
            if not (unit_word or counted):
                continue
            if raw.lower() in {"un", "una"} and _COPULA_END.search(text[:a]):
                continue  # «1866 fue un año de grandes batallas»: the article of what the year was, not one year
            if raw.lower() in {"un", "una"} and _ONE_TO_ANOTHER.match(text[b:]):
                continue  # «varía mucho de un año a otro»: any one year to the next, not a count of one
            if raw.lower().split()[0] in _UNCOUNTED_MAGNITUDES:
                continue  # «millones de muertes»: many, not 1 000 000 (asked as a figure it was a wrong fact)
            number = _words_number(raw)
        else:
            number = parse_number(re.sub(r"(?<=\d)[ \u202f\u00a0](?=\d{3})", "", raw))
        if number is None or not math.isfinite(number) or abs(number) >= 1e15:
            continue  # a 300-digit number is not a quantity anyone is asked about
        if unit_word == "segundo" and is_words and _ORDINAL_SEGUNDO.match(text[b:]):
            continue  # «llegó un segundo mensaje»: the ordinal before a noun, not one second (asked «un segundo»)
        scale = {"millones": 1_000_000, "millón": 1_000_000, "mil": 1000}.get(m.group("mult") or "")
        if scale and not is_words:
            number *= scale  # "5 millones de km²"
        if noun and noun[0].isupper() and is_words:
            noun = None  # «los Seis Días», «los Treinta Años»: a number word before a capital is part of a name
        elif noun and noun[0].isupper():
            # «39 Estados soberanos»: a common noun written with a capital is counted too; a name is not.
            noun = noun.lower() if lemma(noun.lower()) != noun.lower() else None
        participle = lemma(noun).endswith(("ar", "er", "ir")) and noun not in _COUNTED_PARTICIPLES if noun else False
        invariable = bool(noun) and noun.endswith("is")  # "2,3 millones de dosis", "tres crisis"
        singular = bool(noun) and lemma(noun) == noun and not invariable
        if noun and (noun in SENTENCE_INITIAL_STOP or is_finite_verb(noun) or singular or participle):
            noun = None
        if not (sym or unit_word or noun):
            continue  # a bare number has no meaning we can ask about
        if m.group("half"):
            number += 0.5
        if unit_word:
            unit = TIME_UNIT_FORMS.get(unit_word, UNIT_WORDS.get(unit_word, unit_word))
            subtype = "duration" if unit_word in TIME_UNIT_FORMS else "quantity"
            unit_text = unit_word
        elif sym:
            unit = sym.replace("º", "°")
            subtype = "percentage" if unit == "%" else "quantity"
            if unit in {"°C", "°F", "°"}:
                subtype = "temperature"
            unit_text = sym
        else:
            unit, subtype, unit_text = noun, "count", noun
        if subtype == "percentage" and not 0 <= number <= 100:
            continue
        end = b
        text_span = text[a:end].rstrip()
        end = a + len(text_span)
        approx = None
        start = a
        am = _APPROX_RE.search(text[:a])
        if am:
            approx = APPROX_MARKERS[am.group(1).lower()]
            start = am.start(1)
        elif re.match(r"\s+(?:aproximadamente|más o menos)\b", text[end:]):
            approx = "about"  # «300 esqueletos aproximadamente»: the stem keeps the word after the blank
        value = {
            "number": number,
            "unit": unit,
            "unit_text": unit_text,
            "approx": approx,
            "approx_text": am.group(1) if am else "",
            "words": is_words,
            "negative": number < 0,
            "equivalents": [],
            "scale": scale if scale and not is_words else None,
            "thousands": " " if re.search(r"\d[ \u202f\u00a0]\d{3}", raw) else "",
        }
        conv = None
        cm = re.match(
            r"\s*\(\s*(?P<n>[-−–]?\s?[\d.,]+)\s?(?P<u>[^\W\d_][^)]{0,15}?|[°%º][^)]{0,15}?)\s*\)",
            text[end:],
        )
        if cm:
            eq = parse_number(cm.group("n"))
            value["equivalents"].append(
                {
                    "number": eq,
                    "unit": cm.group("u").strip(),
                    "text": f"{cm.group('n')} {cm.group('u')}".strip(),
                }
            )
            conv = (end, end + cm.end())
        if any(q.conversion and q.conversion[0] <= start < q.conversion[1] for q in spans):
            continue  # "(20 millas)" is an equivalent of the quantity before it, not a fact
        span = Span("number", subtype, start, end, text[start:end], value, conversion=conv)
        spans.append(span)
    return spans


# ---------------------------------------------------------------- entities
def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() and tok[:1].isalpha()


@dataclass
class DocContext:
    """Document-level observations used to decide about single sentences."""

    capitalised_mid: Counter = field(default_factory=Counter)  # word -> mid-sentence capitalised count
    lowercase_words: set = field(default_factory=set)
    compound_surnames: set = field(default_factory=set)  # «Ortega y Gasset» once read as one person's surname
    early: bool = False  # about the first millennium: «murió en 440» is a year (see early_times)


def document_context(sentences: list[Sentence]) -> DocContext:
    """Count how each word is written across the document (for sentence-initial capitals)."""
    ctx = DocContext(early=any(early_times(sent.text) for sent in sentences))
    for sent in sentences:
        toks = tokenize(sent.text)
        for i, tok in enumerate(toks):
            if i > 0 and _is_cap(tok.text) and toks[i - 1].text not in {".", "¿", "¡", "«", '"', "—"}:
                ctx.capitalised_mid[tok.text] += 1
            elif tok.text[:1].islower():
                ctx.lowercase_words.add(tok.text)
    return ctx


def _common_initial(word: str, ctx: DocContext, pos: str = "") -> bool:
    """Return whether a sentence-initial capitalised word is a common word, not a name.

    pos is the parser's part of speech for the word: a proper noun the text never writes in lowercase
    is a name ("Marie Curie nació…", "Pachacútec transformó…").
    """
    low = word.lower()
    if word in place_gazetteer() or word in FIRST_NAMES:
        return False
    if ctx.capitalised_mid[word]:
        return False
    unknown_to_lexicon = not simplemma.is_known(low, lang="es")  # "Marie", "Pachacútec"; not "Atraviesa"
    if pos == "PROPN" and low not in SENTENCE_INITIAL_STOP and low not in ctx.lowercase_words and unknown_to_lexicon:
        return False
    if low in SENTENCE_INITIAL_STOP or low in ctx.lowercase_words:
        return True
    lem = lemma(word)
    return lem[:1].islower()


# Statistical entity labels for names no gazetteer, trigger word or head word types.
_MODEL_TYPES = {"PER": ("person", "person"), "LOC": ("place", "locality"), "ORG": ("organization", "organization")}


def _model_type(parse: nlp.Parse | None, start: int, end: int, prev: str) -> tuple[str, str] | None:
    """Return (kind, subtype) for an unknown name from the parse: its entity label, or the personal «a»."""
    if parse is None:
        return None
    label = parse.label_at(start, end)
    if label in _MODEL_TYPES:
        return _MODEL_TYPES[label]
    tok = parse.token_at(start)
    # "capturó a Atahualpa", "estudió a Tiziano": a proper noun that is the direct object after «a» is a person.
    if tok is not None and prev == "a" and tok.dep == "obj" and tok.pos == "PROPN":
        return "person", "person"
    return None


def _event_head_before(toks: list, k0: int) -> int | None:
    """Return the index of a lowercase event head word before «de», «del», «de los»… at k0, or None."""
    k = k0 - 1
    if k >= 1 and toks[k].text in {"la", "los", "las"} and toks[k - 1].text == "de":
        k -= 1
    if k >= 1 and toks[k].text in {"de", "del"}:
        head = toks[k - 1].text
        if head.islower() and head.capitalize() in EVENT_HEADS:
            return k - 1
    return None


# A work named right after its class noun («la novela El Buscón», «otra novela picaresca, El Buscón», «el cuadro
# titulado La rendición de Breda»): the name is the work's, never a person or a place.
_WORK_BEFORE = re.compile(
    r"\b(?:novela|novelas|obra|libro|poema|poemario|comedia|tragedia|drama|ensayo|cuadro|pintura|lienzo|película"
    r"|ópera|sinfonía|zarzuela|canción|álbum)(?:\s+(?!de\b|del\b|a\b|al\b|en\b|con\b|por\b|y\b)[a-záéíóúñü]+){0,2}"
    r"\s*,?\s*"
    r"(?:(?:titulad[oa]|llamad[oa])\s+)?(?:el\s+|la\s+|los\s+|las\s+)?$",
    re.IGNORECASE,
)


def _compound_surname(toks, i: int, j: int, parse, ctx: DocContext, person_head: bool) -> bool:
    """Return whether «toks[i..j] y toks[j+2]» is one person's name with a compound surname (see find_entities)."""
    last = toks[j + 2].text
    if not _is_cap(last) or last in FIRST_NAMES or last in FEMALE_FIRST_NAMES or last in place_gazetteer():
        return False
    if j + 3 < len(toks) and (_is_cap(toks[j + 3].text) or toks[j + 3].text in {"de", "del"}):
        return False
    tail = f"{toks[j].text} y {last}"
    if tail in ctx.compound_surnames:
        return True
    if j == i or parse is None:
        return False
    first, second = parse.token_at(toks[i].start), parse.token_at(toks[j + 2].start)
    if first is None or not (person_head or first.pos == "PROPN") or second is None or second.pos != "PROPN":
        return False
    subject = first
    for _ in range(2):  # «El cura Miguel Hidalgo y Costilla lanzó…»: the name is in apposition to the subject
        if subject.dep in {"appos", "flat"} and 0 <= subject.head < len(parse.tokens):
            subject = parse.tokens[subject.head]
    if subject.dep != "nsubj" or not 0 <= subject.head < len(parse.tokens):
        return False
    verb = parse.tokens[subject.head]
    if verb.pos not in {"VERB", "AUX"}:
        # «X fue un médico»: the copula hangs on the predicate.
        verb = next((t for t in parse.tokens if t.head == subject.head and t.dep == "cop"), verb)
    if verb.pos not in {"VERB", "AUX"} or verb.feature("Number") != "Sing":
        return False
    ctx.compound_surnames.add(tail)
    return True


def _verb_as_name(span, sentence: str) -> bool:
    """Return whether a one-word name is a verb the parse reads in the sentence: «Soy» of the title «Soy un gato»
    (first sight: «figuran _____ un gato, Botchan y Kokoro» asked «Soy»)."""
    if span.kind not in {"person", "place", "organization", "event"} or " " in span.text or span.start == 0:
        return False
    parse = nlp.parse(sentence)
    token = next((t for t in parse.tokens if t.start == span.start), None) if parse is not None else None
    return (
        token is not None
        and token.pos in {"AUX", "VERB"}
        and token.finite
        # (a name the tagger took for a verb stands where a noun does: «fundaron Tenochtitlan» is its object)
        and token.dep not in {"obj", "nsubj", "nsubj:pass", "obl", "nmod", "appos", "flat", "conj", "iobj"}
        and simplemma.is_known(span.text.lower(), lang="es")
    )


def find_compound_surnames(sentences: list[Sentence], ctx: DocContext) -> None:
    """Record in ctx the compound surnames the text gives a subject anywhere, so that every sentence (the title line
    too, which has no verb) reads «Ramón y Cajal» as one name."""
    for sent in sentences:
        toks = tokenize(sent.text)
        for k in range(1, len(toks) - 1):
            if toks[k].text != "y" or not _is_cap(toks[k - 1].text):
                continue
            i = k - 1
            while i > 0 and _is_cap(toks[i - 1].text):
                i -= 1
            head = toks[i].text in FIRST_NAMES or toks[i].text in FEMALE_FIRST_NAMES
            _compound_surname(toks, i, k - 1, nlp.parse(sent.text), ctx, head)


# Lowercase particles inside foreign surnames (never Spanish words that could stand between two names).
_OPENING_PREPOSITIONS = frozenset(
    {"en", "a", "al", "de", "desde", "hacia", "bajo", "sobre", "entre", "por", "con", "tras"}
)
_LATIN_EPITHET = re.compile(r"[a-z]{3,}(?:ae|ii|um|us|is|ensis)")
_FOREIGN_PARTICLES = frozenset({"da", "di", "do", "dos", "das", "van", "von", "der", "den", "du", "zu", "ter", "ten"})


def find_entities(
    text: str, taken: list[tuple[int, int]], ctx: DocContext, parse: nlp.Parse | None = None
) -> list[Span]:
    """Return named-entity spans with kind, subtype and the article they take.

    Boundaries come from capitals, connectors and trigger words; types from the gazetteers and head words,
    else from the statistical parse (measured better than guessing from capitals, docs/generation.md).
    """
    toks = tokenize(text)
    n = len(toks)
    out: list[Span] = []
    i = 0
    first_word = next((k for k, t in enumerate(toks) if t.text[0].isalnum()), 0)
    while i < n:
        tok = toks[i]
        if not _is_cap(tok.text) or any(s <= tok.start < e for s, e in taken):
            i += 1
            continue
        j = i
        while True:
            if j + 1 < n and _is_cap(toks[j + 1].text) and toks[j + 1].start - toks[j].end <= 1:
                j += 1
                continue
            # "Decreto de Guerra a Muerte": a document's name may go on after «a».
            document = EVENT_HEADS.get(toks[i].text) == "document"
            after_a = toks[j + 2].text if j + 2 < n and toks[j + 1].text == "a" else ""
            if document and _is_cap(after_a) and after_a not in place_gazetteer():
                j += 2
                continue
            # "John F. Kennedy": an initial and its full stop stay inside the name.
            initial = len(toks[j].text) == 1 and toks[j].text not in "IVXLCDM" and j > i
            # («Ferdinand V. Hayden»: a numeral's letter with a surname after it in the same sentence is an initial)
            initial = initial or (
                len(toks[j].text) == 1
                and j > i
                and j + 2 < n
                and (j + 3 >= n or not _is_cap(toks[j + 3].text) or (toks[j + 3].text == "." and j + 4 == n))
            )
            if initial and j + 2 < n and toks[j + 1].text == "." and _is_cap(toks[j + 2].text):
                j += 2
                continue
            if j + 2 < n and toks[j + 1].text in {"de", "del"} and _is_cap(toks[j + 2].text):
                j += 2
                continue
            # «Agostino di Duccio», «Leonardo da Vinci», «Otto von Bismarck», «Johannes van der Waals»: the particles of
            # other languages' surnames (a blank on «Agostino» alone left «_____ di Duccio»).
            links = 1 + (j + 2 < n and toks[j + 2].text in _FOREIGN_PARTICLES)
            if (
                j + links + 1 < n
                and toks[j + 1].text in _FOREIGN_PARTICLES
                and _is_cap(toks[j + links + 1].text)
                and all(toks[k + 1].start - toks[k].end <= 1 for k in range(j, j + links + 1))
            ):
                j += links + 1
                continue
            # «Vibrio cholerae», «Aedes aegypti»: a species' Latin epithet after its genus is part of the name (a blank
            # on «Vibrio» alone left «la bacteria _____ cholerae»).
            if (
                j == i
                and j + 1 < n
                and toks[j + 1].start - toks[j].end <= 1
                and _LATIN_EPITHET.fullmatch(toks[j + 1].text)
                and not simplemma.is_known(toks[j + 1].text, lang="es")
            ):
                j += 1
                break
            # «Isabel la Católica», «Alfonso X el Sabio», «Felipe el Hermoso»: a ruler's epithet is part of the name
            # (a blank on «Isabel» alone left «_____ la Católica»).
            person_head = toks[i].text in FIRST_NAMES or toks[i].text in FEMALE_FIRST_NAMES
            regnal = bool(re.fullmatch(r"[IVXLCDM]+", toks[j].text) and j > i)
            person_head = person_head or regnal
            if (
                person_head
                and (j == i or regnal)  # an epithet follows a given name or a regnal number, never a surname
                and j + 2 < n
                and toks[j + 1].text in {"el", "la"}
                and _is_cap(toks[j + 2].text)
                and toks[j + 2].text not in place_gazetteer()
                and simplemma.is_known(toks[j + 2].text.lower(), lang="es")
                and (j + 3 >= n or not _is_cap(toks[j + 3].text))
            ):
                j += 2
                break
            # «José Ortega y Gasset», «Miguel Hidalgo y Costilla»: a compound surname joined by «y», read as one
            # name when a first name opens it and one singular verb has it for subject (two people take a plural
            # verb), and wherever the text says its surnames again («Ortega y Gasset»).
            if j + 2 < n and toks[j + 1].text == "y" and _compound_surname(toks, i, j, parse, ctx, person_head):
                j += 2
                break
            if (
                j + 3 < n
                and toks[j + 1].text == "de"
                and toks[j + 2].text in {"la", "los", "las"}
                and _is_cap(toks[j + 3].text)
            ):
                j += 3
                continue
            break
        words = toks[i : j + 1]
        next_i = j + 1

        # Drop sentence-initial common words ("La", "Después", "Cuando") and leading articles.
        while words and (
            (words[0] is toks[first_word] and _common_initial(words[0].text, ctx, _pos_at(parse, words[0].start)))
            # an article is never a name on its own, even when the text writes it capitalised inside one
            # («Alfonso La Marmora» must not make every sentence-initial «La» a place)
            or words[0].text in {"La", "El", "Los", "Las", "Lo", "Un", "Una"}
        ):
            if " ".join(w.text for w in words) in place_gazetteer():
                break
            words = words[1:]
            while words and words[0].text in {"de", "del", "la", "los", "las"}:
                words = words[1:]
        if not words:
            i = next_i
            continue
        k0 = toks.index(words[0])
        # "Imperio romano", "Reino nazarí": a state head keeps its lowercase adjective.
        if len(words) == 1 and words[0].text in STATE_HEADS and k0 + 1 < n:
            adj = toks[k0 + 1].text
            if adj.islower() and adj.isalpha() and adj not in SENTENCE_INITIAL_STOP and not is_finite_verb(adj):
                words = [words[0], toks[k0 + 1]]
                next_i = max(next_i, k0 + 2)
        start, end = words[0].start, words[-1].end
        name = text[start:end]
        if text[start - 1 : start] == "-" or text[end : end + 1] == "-":
            i = next_i  # "(Caracas, 1783-Santa Marta, 1830)": glued to a date, a blank would split the span
            continue
        if len(name) < 2 or (len(words) == 1 and (name in CAPITALISED_COMMON or re.fullmatch(r"[IVXLCDM]+", name))):
            i = next_i
            continue
        if name.lower() in MONTHS or name.lower() in WEEKDAYS:
            i = next_i
            continue
        if len(words) == 1 and not name.isupper() and is_finite_verb(name.lower()):
            i = next_i  # "a. C. Conquistó la Galia": a sentence start the splitter missed
            continue
        kind, subtype, group = "", "", name
        # Geographic trigger before the name ("istmo de X", "lago X") belongs to the name.
        prev1 = toks[k0 - 1].text if k0 >= 1 else ""
        prev2 = toks[k0 - 2].text if k0 >= 2 else ""
        if prev1.lower() in GEO_TRIGGERS and prev1.islower():
            start = toks[k0 - 1].start
            kind, subtype = "place", GEO_TRIGGERS[prev1.lower()]
            k0 -= 1
        elif prev1 in {"de", "del"} and prev2.lower() in GEO_TRIGGERS and prev2.islower():
            start = toks[k0 - 2].start
            kind, subtype = "place", GEO_TRIGGERS[prev2.lower()]
            k0 -= 2
        else:
            # "la guerra de Invierno", "la guerra de los Treinta Años": capitalised common words after a lowercase
            # event head are the name's own words; the blank takes the whole name, never «Invierno» alone.
            head_at = _event_head_before(toks, k0)
            capitals = [w.text for w in words if w.text[:1].isupper()]
            own_head = words[0].text in EVENT_HEADS or words[0].text in ORG_HEADS or words[0].text in STATE_HEADS
            known = capitals and all(simplemma.is_known(w.lower(), lang="es") for w in capitals)
            if head_at is not None and known and not own_head:  # "paz de la Guerra de Invierno" has its own
                start = toks[head_at].start
                kind, subtype = "event", EVENT_HEADS[toks[head_at].text.capitalize()]
                k0 = head_at
        name = text[start:end]
        group = name
        gaz = place_gazetteer().get(name)
        aliases = alias_table()
        head_words = [w.text for w in words]
        head = head_words[0]
        if (
            head
            in {
                "Primera",
                "Segunda",
                "Tercera",
                "Primer",
                "Segundo",
                "Tercer",
                "Gran",
                "Nueva",
            }
            and len(head_words) > 1
        ):
            head = head_words[1]
        if kind:
            pass  # a geographic trigger already typed it ("lago X")
        elif gaz:
            kind, subtype, group = "place", gaz["subtype"], gaz["group"]
        elif fold(name) in aliases:
            # «Manchester» for the gazetteer's «Mánchester»: the alias takes its group's type (a city, a region),
            # not «country», which made countries its wrong options («como _____» → Estados Unidos, España).
            group = aliases[fold(name)]
            entry = place_gazetteer().get(group)
            kind, subtype = "place", entry["subtype"] if entry else "country"
        elif head in EVENT_HEADS:
            kind, subtype = "event", EVENT_HEADS[head]
        elif head in ORG_HEADS:
            kind, subtype = "organization", ORG_HEADS[head]
        elif head in STATE_HEAD_WORDS and len(head_words) > 1:
            kind, subtype = "place", "state"
        elif head in LANDMARK_HEADS and len(head_words) > 1:
            kind, subtype = "place", "landmark"
        elif head_words[-1] in FOREIGN_GEO_TAILS:
            kind, subtype = "place", FOREIGN_GEO_TAILS[head_words[-1]]
        else:
            before = [t.text.lower() for t in toks[max(0, k0 - 3) : k0]]
            typed = _model_type(parse, start, end, prev1.lower())
            place_prep = prev1.lower() in {"en", "de", "desde", "hacia", "hasta"}
            if typed and typed[0] == "person" and len(words) == 1 and place_prep:
                typed = None  # "los incas de Vilcabamba", "en Castilla": a lone name after these is a place
            elif typed and typed[0] == "person" and prev1.lower() in {"en", "desde", "hacia", "hasta"}:
                # «acampó en Valley Forge»: a name after a preposition of place that no first name opens
                typed = None if head_words[0] not in FIRST_NAMES | FEMALE_FIRST_NAMES else typed
            # "el canciller alemán X" is a person; "la resistencia inca de X", "el rey de X" are not.
            titled = any(w in PERSON_TITLES for w in before[-2:]) and before[-1:] not in (["de"], ["del"])
            if _WORK_BEFORE.search(text[:start]):
                kind, subtype = "event", "misc"  # «otra novela picaresca, El Buscón»: a work, not a person
            elif head_words[0] in FIRST_NAMES or titled:
                kind, subtype = "person", "person"
            elif typed:
                kind, subtype = typed
            elif prev1.lower() in PLACE_CLASSIFIERS or (prev1 == "de" and prev2.lower() in PLACE_CLASSIFIERS):
                kind, subtype = (
                    "place",
                    PLACE_CLASSIFIERS.get(prev1.lower()) or PLACE_CLASSIFIERS[prev2.lower()],
                )
            elif prev1.lower() in {"en", "a", "hacia", "desde", "hasta"} or before[-2:] == ["cerca", "de"]:
                kind, subtype = "place", "locality"
            elif re.fullmatch(r"[A-ZÁÉÍÓÚÑ]{2,6}", name):
                kind, subtype = "organization", "acronym"
            elif len(words) == 1:
                # A lone unknown name mid-sentence is most often a place in encyclopedic text;
                # its items are drafts (see quality.py) because the guess may be wrong.
                kind, subtype = "place", "locality"
            elif parse is not None and parse.label_at(start, end) == "MISC" and len(words) > 1:
                # "Decretos de Nueva Planta", "Encuentro de las Aguas": a named thing that is no person, place or
                # organisation (laws, events, works) is asked; its wrong options come from the same kind.
                kind, subtype = "event", "misc"
            else:
                kind, subtype = "term", "name"
        # The article the name takes in the text, blanked together with it.
        article, blank_start, blank_prefix = "", start, ""
        if k0 >= 1:
            p = toks[k0 - 1]
            if p.text.lower() in {"el", "la", "los", "las"} and p.end == start - 1:
                article, blank_start = p.text.lower(), p.start
            elif p.text.lower() in {"del", "al"} and p.end == start - 1:
                article, blank_start = "el", p.start
                blank_prefix = "de" if p.text.lower() == "del" else "a"
        out.append(
            Span(
                kind,
                subtype,
                start,
                end,
                name,
                group=group,
                article=article,
                blank_start=blank_start,
                blank_prefix=blank_prefix,
            )
        )
        i = next_i
    # "en Ronda y Tarifa": an untyped name coordinated with a typed one shares its type.
    for a, b in itertools.pairwise(out):
        gap = text[a.end : b.blank_start]
        if re.fullmatch(r"\s*(?:,|y|e)\s*", gap):
            if b.kind == "term" and a.kind != "term":
                b.kind, b.subtype = a.kind, a.subtype
            elif a.kind == "term" and b.kind != "term":
                a.kind, a.subtype = b.kind, b.subtype
    return out


STATE_HEADS = STATE_HEAD_WORDS

_ENUM_GAP = re.compile(r"^\s*(?:,\s*)?(?:y|e|,)\s+(?:(?P<art>el|la|los|las)\s+)?$")


def find_enumerations(text: str, entities: list[Span]) -> list[Span]:
    """Return spans covering "A y B" / "A, B y C" of entities of one kind."""
    out: list[Span] = []
    run: list[Span] = []

    def flush():
        if len(run) >= 2 and re.search(r"\b(?:y|e)\s+(?:\w+\s+)?$", text[run[-2].end : run[-1].blank_start]):
            first = run[0]
            start = first.blank_start if first.article and not first.blank_prefix else first.start
            members = [r.text for r in run]
            arts = [r.article for r in run]
            out.append(
                Span(
                    run[0].kind,
                    run[0].subtype if len({r.subtype for r in run}) == 1 else "mixed",
                    start,
                    run[-1].end,
                    text[start : run[-1].end],
                    members=members,
                    member_articles=arts,
                    mentions=list(run),
                    blank_start=start,
                )
            )

    for ent in entities:
        if run and ent.kind == run[-1].kind and _ENUM_GAP.match(text[run[-1].end : ent.blank_start]):
            run.append(ent)
            continue
        flush()
        run = [ent]
    flush()
    return out


_TERM_ENUM = re.compile(
    r"\b(?:especialmente|sobre todo|en particular|principalmente|incluidos|incluidas|tales como|"
    r"como son)\s+(?:en\s+|de\s+)?"
    r"(?P<list>[a-záéíóúñü]{3,}(?:,\s+[a-záéíóúñü]{3,})*\s+(?:y|e)\s+[a-záéíóúñü]{3,})\b"
)


_POSSESSED_CONCEPT = re.compile(
    r"\b(?P<verb>[a-záéíóúñü]{3,})\s+(?:su|sus)\s+"
    r"(?P<noun>[a-záéíóúñü]{4,}(?:ía|dad|tad|ción|sión|eza|ismo|encia|ancia))\b"
)


# "un proceso llamado fotólisis", "conocidas como perestroika", "el término «radiactividad»", "se llaman periodos".
_NAMING = re.compile(
    r"\b(?:llamad[oa]s?|denominad[oa]s?|conocid[oa]s?\s+como|se\s+llaman?|se\s+denominan?|"
    r"recibió\s+el\s+nombre\s+de|el\s+término|la\s+palabra|bautizad[oa]s?\s+como|"
    r"(?:lo|la|los|las)\s+llamaron(?:\s+oficialmente)?)\s+"
    r"(?:«(?P<q>[a-záéíóúñü][^»]{1,60})»|(?:el\s+|la\s+|los\s+|las\s+)?"
    r"(?P<w>[a-záéíóúñü]{4,}(?:\s+(?:de las|de los|de la|del|de)\s+[\wáéíóúñü]{4,}"
    r"|\s+[a-záéíóúñü]{3,}(?:ad[oa]s?|id[oa]s?|al|ales|ic[oa]s?|ista|istas|ar|ares|in[oa]s?|an[oa]s?))?)"
    r"(?![\wáéíóúñü]))"  # a term ends where its word does: never «jaula pombal» of «jaula pombalina»
)
# Nouns that place or point, not terms ("a la izquierda, una madre…"), and appositions that describe a whole
# clause, not the noun before them ("…las cosechas, una táctica de…", "…de agua, un proceso llamado…").
_NOT_TERMS = {"izquierda", "derecha", "centro", "fondo", "norte", "sur", "este", "oeste", "decir", "parte", "lado"}
_CLAUSE_APPOSITIONS = {
    "proceso", "táctica", "hecho", "medida", "estrategia", "fenómeno", "acontecimiento", "acción", "práctica",
    "decisión", "gesto", "episodio", "cambio", "política", "maniobra", "movimiento",
}  # fmt: skip
_INDEFINITE = {"un", "una", "unos", "unas"}
_SIZE_ADJ = ("pequeñ", "grand", "enorm", "diminut")


def _term_span(parse: nlp.Parse, k: int) -> tuple[int, int] | None:
    """Return the span of the common noun ending at token k (with one adjective after it), or None."""
    toks = parse.tokens
    if k < 0:
        return None
    end_tok = toks[k]
    noun = end_tok
    if end_tok.pos == "ADJ" and k >= 1 and toks[k - 1].pos in {"NOUN", "PROPN"}:
        noun = toks[k - 1]
    if noun.pos not in {"NOUN", "PROPN"} or not noun.text.islower() or len(noun.text) < 4:
        return None
    if noun.text in SENTENCE_INITIAL_STOP or noun.text in _NOT_TERMS:
        return None
    return noun.start, end_tok.end


_NP = r"(?:el|la|los|las)\s+[a-záéíóúñü]{3,}(?:\s+[a-záéíóúñü]{4,})?"
_NOUN_LIST = re.compile(rf"\b{_NP}(?:,\s+{_NP})*\s+(?:y|e)\s+{_NP}\b")
_ASIDE = r",\s+(?:en|de|desde|hacia|con|sin|llamad[oa]s?|conocid[oa]s?|descubiert[oa]s?)\b[^,;:.()]{0,40}"
_LIST_WITH_ASIDES = re.compile(rf"\b{_NP}{_ASIDE}(?:,\s+{_NP}(?:{_ASIDE})?)*,?\s+(?:y|e)\s+{_NP}\b")
_OF_PAIR = re.compile(r"\bde\s+([a-záéíóúñü]{4,})\s+y\s+de\s+([a-záéíóúñü]{4,})\b")


def _is_common_np(parse: nlp.Parse, start: int, phrase: str) -> bool:
    """Return whether "la disentería" / "el telégrafo eléctrico" is an article, a common noun and an adjective."""
    words = phrase.split()
    noun = words[1]
    # After an article a word is a noun unless it is a function word or a verb form ("la disentería" is
    # tagged a verb by the model; the article settles it).
    if noun in _NOT_TERMS or noun in SENTENCE_INITIAL_STOP or noun in NUMBER_WORD_SET or is_finite_verb(noun):
        return False
    if len(words) == 3:
        adj = parse.token_at(start + len(words[0]) + len(words[1]) + 2)
        return adj is not None and adj.pos == "ADJ"
    return True


def find_key_terms(text: str, taken: list[tuple[int, int]], parse: nlp.Parse | None) -> list[Span]:
    """Return the lowercase terms a text names or defines: the answers of "what is it called" questions.

    "los estomas, pequeños poros de la epidermis", "la pororoca, una ola de marea", "la enzima que fija el
    carbono, la rubisco, es…", "un proceso llamado fotólisis", "el término «radiactividad»".
    """
    found: list[tuple[int, int, str]] = []
    for m in _NAMING.finditer(text):
        g = "q" if m.group("q") else "w"
        a, b = m.start(g), m.end(g)
        if (g == "q" and len(text[a:b].split()) > 5) or text[a:b] in _NOT_TERMS:
            continue
        nxt = re.match(r"\s+([a-záéíóúñü]+)", text[b:]) if g == "w" else None
        if (
            nxt
            and nxt.group(1) not in SENTENCE_INITIAL_STOP | {"y", "e", "o", "u", "que"}
            and not is_finite_verb(nxt.group(1))
        ):
            continue  # «conocido como el principal arquitecto de…»: an adjective before its noun, no term
        found.append((a, b, "named"))
    if parse is not None:
        toks = parse.tokens
        for k, tok in enumerate(toks):
            if tok.text != "," or k + 1 >= len(toks):
                continue
            nxt = toks[k + 1]
            # "X, un pigmento verde…", "X, pequeños poros…": X is defined by what follows.
            defined = (nxt.text.lower() in _INDEFINITE and nxt.pos == "DET") or (
                nxt.pos == "ADJ" and nxt.text.lower().startswith(_SIZE_ADJ) and k + 2 < len(toks)
            )
            after = toks[k + 2] if k + 2 < len(toks) else None
            if after is not None and after.text.lower() in _CLAUSE_APPOSITIONS:
                defined = False
            span = _term_span(parse, k - 1) if defined else None
            words_before = text[: span[0]].lower().split()[-2:] if span else []
            before = words_before[-1] if words_before else ""
            # "moléculas de agua, un proceso…" defines the whole; a bare noun after a preposition is no thing defined
            # («Entre tanto, una epidemia…», «Por tanto, un…», «En el interior, una cámara…»: an adverbial phrase).
            if span and len(text[: span[0]].split()) == 2 and before in {"el", "la", "los", "las"}:
                before = words_before[
                    0
                ]  # the sentence opens with it: «En el interior, …» (not «en los cloroplastos, …»)
            # («En primer plano, un ciprés…», «A lo lejos, una aldea…»: the noun closes an opening adverbial phrase)
            opening = text[: span[0]].lower().split() if span else []
            adverbial = 0 < len(opening) <= 3 and opening[0] in _OPENING_PREPOSITIONS
            if (
                span
                and not adverbial
                and before
                not in {"de", "del", "entre", "por", "sin", "con", "en", "a", "al"}
                | {
                    "para",
                    "tras",
                }
            ):
                found.append((*span, "definition"))
            # "…, la rubisco, es…": a definite noun between commas names what the phrase before it describes.
            if nxt.text.lower() in {"el", "la", "los", "las"}:
                for j in (k + 3, k + 4):
                    if j < len(toks) and toks[j].text == ",":
                        span = _term_span(parse, j - 1)
                        if span and span[0] == toks[k + 2].start:
                            found.append((*span, "named"))
                        break
    lists = []
    for m in _NOUN_LIST.finditer(text):
        phrases = [p for p in re.split(r",\s+|\s+(?:y|e)\s+", m.group()) if p]
        # A second word that is no adjective is not part of the phrase ("la disentería durante"): shorten.
        kept, offset = [], m.start()
        for p in phrases:
            at = text.index(p, offset)
            if parse is not None and len(p.split()) == 3 and not _is_common_np(parse, at, p):
                p = " ".join(p.split()[:2])
            kept.append((at, p))
            offset = at + len(p)
        if parse is None or not all(_is_common_np(parse, at, p) for at, p in kept):
            continue
        lists.append((m.start(), kept[-1][0] + len(kept[-1][1]), [p for _at, p in kept], []))
    for m in _LIST_WITH_ASIDES.finditer(text):
        # «el galio, en 1875, el escandio, en 1879, y el germanio»: members with an aside after them.
        members = [
            (x.start(1) + m.start(), x.group(1)) for x in re.finditer(rf"(?:^|,\s+|\s(?:y|e)\s+)({_NP})", m.group())
        ]
        if (
            parse is None
            or len(members) < 2
            or not all(_is_common_np(parse, at, " ".join(p.split()[:2])) for at, p in members)
        ):
            continue
        last_at, last = members[-1]
        lists.append(
            (m.start(), last_at + len(last), [p for _at, p in members], [(at, at + len(p)) for at, p in members])
        )
    for m in _OF_PAIR.finditer(text):
        # «yacimientos de carbón y de hierro»
        words = [m.group(1), m.group(2)]
        if any(w in SENTENCE_INITIAL_STOP or w in NUMBER_WORD_SET or is_finite_verb(w) for w in words):
            continue
        lists.append((m.start(1), m.end(2), words, []))
    out: list[Span] = []
    used: list[tuple[int, int]] = list(taken)
    for a, b, phrases, *parts in lists:
        # "el cólera y la disentería", "la llama y la alpaca": a list of common things the sentence names.
        spans = parts[0] if parts and parts[0] else [(a, b)]
        # Names and dates in an aside between members stay where they are («el polonio, llamado así en honor a
        # Polonia, y el radio»); a member never overlaps one.
        if any(not (y <= s or x >= e) for s, e in used for x, y in spans) or any(
            not (b <= s or a >= e) and not (a <= s and e <= b) for s, e in used
        ):
            continue
        used.append((a, b))
        out.append(Span("term", "enumeration", a, b, text[a:b], members=phrases, blank_start=a))
    for a, b, sub in sorted(found):
        # A description may hold a name whole ("la primera mujer que recibió un Premio Nobel"), never cut one.
        inside = sub == "description"
        if any(not (b <= s or a >= e) and not (inside and a <= s and e <= b) for s, e in used):
            continue
        used.append((a, b))
        out.append(Span("term", sub, a, b, text[a:b], blank_start=a))
    return out


# What a person died of or fell ill with, and the disease of an epidemic: «murió de anemia aplásica», «enfermo de
# tuberculosis», «una epidemia de viruela».
_ILLNESS = re.compile(
    r"\b(?:murió|murieron|falleció|fallecieron|enfermó|enfermaron|enferm[oa]s?|padeció|padecía|padecieron|"
    r"(?:epidemia|pandemia|brote|plaga)s?)\s+(?:grave(?:mente)?\s+)?de\s+(?:una?\s+)?"
    r"(?P<t>[a-záéíóúñü]{4,})(?P<adj>\s+[a-záéíóúñü]{4,})?",
    re.IGNORECASE,
)
_NOT_ILLNESS = {"gravedad", "repente", "nuevo", "pronto", "forma", "manera", "modo", "camino", "viaje", "vuelta"}
# A phrase quoted in lowercase is a saying, a slogan or a motto the text reports («con hierro y sangre»).
_QUOTED = re.compile(r"[«“\"](?P<q>[a-záéíóúñü¿¡][^»”\"]{2,80}?)[»”\"]")
# Periods of a century: «en la segunda mitad del siglo XVIII», «a finales del siglo XIX», «el siglo V a. C.».
_CENTURY = re.compile(
    r"\b(?:(?:(?:primera|segunda)\s+mitad|(?:primer|último)\s+(?:tercio|cuarto)|principios|comienzos|mediados|"
    r"finales|fines)\s+del\s+)?siglo\s+[IVXL]+\b(?:\s+(?:a|d)\.\s?[Cc]\.)?"
)
# Fractions in words: «una quinta parte», «tres cuartas partes», «dos tercios».
_FRACTION = re.compile(
    r"\b(?:(?:una|dos|tres|cuatro|cinco)\s+(?:tercera|cuarta|quinta|sexta|séptima|octava|novena|décima)s?\s+partes?"
    r"|(?:un|dos)\s+tercios?)\b",
    re.IGNORECASE,
)


# Where a process happens and what it turns into: «se produce en las membranas de los tilacoides», «ocurre en el
# estroma», «se convierten en glucosa», «se libera oxígeno» (common nouns: a named place is an entity already).
_NP_OF = r"(?:(?:el|la|los|las)\s+)?[a-záéíóúñü]{4,}(?:\s+(?:de|del|de\s+la|de\s+los|de\s+las)\s+[a-záéíóúñü]{4,})?"
_PROCESS = re.compile(
    r"\b(?:(?:se\s+)?(?:produce|producen|ocurre|ocurren|realiza|realizan|desarrolla|desarrollan)|tienen?\s+lugar|"
    r"se\s+(?:convierten?|transforman?))\s+en\s+(?P<np>" + _NP_OF + r")|\bse\s+liberan?\s+(?P<free>" + _NP_OF + r")"
)


# «X, es decir, Y» restates X; «formada por / compuesta de Y» says what X is made of.
_RESTATED = re.compile(r",\s+es\s+decir,\s+(?P<y>(?:el|la|los|las|un|una|unos|unas)\s+[^.;:()]{3,140}?)\s*(?=[.;:]|$)")
_MADE_OF = re.compile(
    r"\b(?:formad|compuest|constituid|integrad)[oa]s?\s+(?:por|de)\s+"
    r"(?P<y>(?:el|la|los|las|un|una|unos|unas)\s+[^,.;:()]{3,100}?)\s*(?=[,.;:]|$)"
)
MAX_RESTATED_WORDS = 16


def find_said_terms(text: str, taken: list[tuple[int, int]], parse: nlp.Parse | None) -> list[Span]:
    """Return what a sentence says in common words that a question can ask: an illness, a quoted saying, a period
    of a century, a fraction said in words. Each rule is general Spanish (no word list of any text)."""
    found: list[tuple[int, int, str]] = []
    for m in _ILLNESS.finditer(text):
        word = m.group("t")
        if word.lower() in _NOT_ILLNESS or word.lower() in SENTENCE_INITIAL_STOP or is_finite_verb(word.lower()):
            continue
        b = m.end("t")
        adj = parse.token_at(m.start("adj") + 1) if parse is not None and m.group("adj") else None
        if adj is not None and adj.pos == "ADJ" and not re.search(r"[ai]d[oa]s?$", adj.text):
            b = m.end("adj")
        found.append((m.start("t"), b, "illness"))
    for m in _QUOTED.finditer(text):
        words = m.group("q").split()
        if 2 <= len(words) <= 10:
            found.append((m.start("q"), m.end("q"), "quotation"))
    for m in _CENTURY.finditer(text):
        found.append((m.start(), m.end(), "century"))
    for m in _FRACTION.finditer(text):
        found.append((m.start(), m.end(), "fraction"))
    for rx, sub in ((_RESTATED, "restatement"), (_MADE_OF, "composition")):
        for m in rx.finditer(text):
            if len(m.group("y").split()) <= MAX_RESTATED_WORDS:
                found.append((m.start("y"), m.end("y"), sub))
    for m in _PROCESS.finditer(text):
        g = "np" if m.group("np") else "free"
        words = m.group(g).split()
        if words[-1] in SENTENCE_INITIAL_STOP or words[-1] in _NOT_TERMS or is_finite_verb(words[-1]):
            continue
        b = m.end(g)
        nxt = re.match(r"\s+([a-záéíóúñü]{3,})", text[b:])
        adj = parse.token_at(b + nxt.start(1)) if parse is not None and nxt else None
        if adj is not None and (adj.pos == "ADJ" or adj.dep == "amod"):
            b += nxt.end()  # «el intestino delgado»
        found.append((m.start(g), b, "process"))
    out: list[Span] = []
    used = list(taken)
    for a, b, sub in sorted(found):
        if any(not (b <= s or a >= e) for s, e in used):
            continue
        used.append((a, b))
        out.append(Span("term", sub, a, b, text[a:b], blank_start=a))
    return out


# «en la noche del 25 al 26 de abril», «en su juventud» say when, not where (the lexicon's times and a life's stages).
_TIME_WORDS = TIME_NOUNS | {"periodo", "etapa", "fase", "tiempo", "vida", "juventud"}
_OBJECT_CUT = {",", ";", ":", "(", "«", "que", "quien", "quienes", "donde", "cuyo", "cuya", "para", "porque"}
MAX_OBJECT_WORDS = 7
_DETERMINER_WORDS = {"el", "la", "los", "las", "un", "una", "unos", "unas", "lo", "al", "del"}
_VAGUE_LEADS = {
    "su", "sus", "este", "esta", "estos", "estas", "ese", "esa", "esos", "esas", "aquel", "aquella", "dicho", "dicha",
    "todo", "toda", "todos", "todas", "varios", "varias", "muchos", "muchas", "algunos", "algunas", "otro", "otra",
    "otros", "otras", "ambos", "ambas", "cada", "mi", "mis", "tu", "tus", "nuestro", "nuestra",
}  # fmt: skip


def _descendants(parse: nlp.Parse, i: int) -> list[int]:
    out, frontier = [i], [i]
    while frontier:
        j = frontier.pop()
        kids = [t.i for t in parse.tokens if t.head == j and t.i != j]
        out += kids
        frontier += kids
    return sorted(out)


def _case(parse: nlp.Parse, tok) -> str:
    """Return the preposition of a noun («con» for «con un condensador»), "" without one."""
    return next((t.text.lower() for t in parse.tokens if t.head == tok.i and t.dep == "case"), "")


def find_object(text: str, taken: list[tuple[int, int]], parse: nlp.Parse | None) -> list[Span]:
    """Return what a named or elided subject did: the common-noun object of the main verb («Hess propuso la
    expansión del fondo oceánico», «le amputaron la pierna derecha»), or an infinitive with its object («mandó
    barrenar sus naves»). Who-did-what, from the parse; cut at a comma, a relative or a purpose clause."""
    if parse is None or parse.verb is None:
        return []
    toks = parse.tokens
    if parse.subject is not None and not parse.subject_is_pronoun:
        said = [t for t in toks if parse.subject[0] <= t.start < parse.subject[1]]
        definite = bool(said) and said[0].text.lower() in {"el", "la", "los", "las", "este", "esta", "estos", "estas"}
        if not any(t.pos == "PROPN" for t in said) and not definite:
            return []  # «Muchos historiadores ven…»: not who did what («La cúpula se construyó con…» is)
    # the main verb and the verbs joined to it («aisló … y la llamó nucleína»)
    verbs = {parse.verb} | {t.i for t in toks if t.head == parse.verb and t.dep == "conj" and t.pos == "VERB"}
    out: list[Span] = []
    for kid in toks:
        if kid.head not in verbs or kid.i in verbs:
            continue
        if kid.dep == "obj" and kid.pos == "NOUN" and kid.text.islower() and len(kid.text) >= 4:
            head = kid
        elif kid.dep == "obl" and kid.pos == "NOUN" and kid.text.islower() and _case(parse, kid) in {"con", "en"}:
            # «Watt la perfeccionó con un condensador separado»: the means; «se encuentra sobre todo en el núcleo»:
            # where (a time said so is no fact of its own)
            if _case(parse, kid) == "en" and fold(kid.lemma) in _TIME_WORDS:
                continue
            head = kid
        elif kid.dep == "xcomp" and kid.pos == "VERB" and kid.text.endswith(("ar", "er", "ir")):
            head = kid  # «mandó barrenar sus naves»
            if not any(t.head == kid.i and t.dep == "obj" for t in toks):
                continue
        else:
            continue
        if head.text in SENTENCE_INITIAL_STOP or head.text in _NOT_TERMS:
            continue
        ids = [j for j in _descendants(parse, head.i) if not (toks[j].dep in {"case", "mark"} and j < head.i)]
        first = ids[0]
        last = first
        for j in range(first, ids[-1] + 1):
            if toks[j].text.lower() in _OBJECT_CUT or j not in ids:
                break
            last = j
        a, b = toks[first].start, toks[last].end
        words = text[a:b].split()
        single = len(words) == 1 and len(words[0]) >= 6 and kid.dep == "obj"  # «aisló nucleína»: a bare noun
        if not (1 < len(words) <= MAX_OBJECT_WORDS or single) or head.i > last or head.i < kid.head:
            continue
        lead = words[0].lower()
        if lead in _VAGUE_LEADS or toks[last].pos in {"ADP", "DET", "CCONJ", "SCONJ", "PRON"}:
            continue  # «esa situación», «su idea», «varios países», «un ejemplo de»: it points or is cut
        if head.pos == "NOUN" and lead in _DETERMINER_WORDS and len(words) < 3:
            continue  # «la batalla», «una expedición»: a bare noun says too little to ask
        if any(t.pos == "NUM" or t.text[:1].isdigit() for t in toks[first : last + 1]):
            continue  # figures are quantities
        if any(not (b <= s or a >= e) for s, e in taken):
            continue
        out.append(Span("term", "object", a, b, text[a:b], blank_start=a))
    return out


_RANGE_FIGURE = (
    r"(?:\d{1,3}(?:[ .\u202f\u00a0]\d{3})+(?!\d)|\d+(?:,\d+)?)(?:\s+(?:millones|millón|mil)\b)?"
    rf"|(?i:{_NUMWORD})(?:\s+(?:millones|mil)\b)?"
)
# «entre 10 000 y 14 000 combatientes», «entre los siglos XIII y XV», «de tres a seis días», «de 945 a 600»: a range
# of figures or of centuries (the figures alone are not quantities: `_NUMBER_RANGE_BEFORE`).
_RANGE = re.compile(
    r"(?<![\w])(?P<lead>[Ee]ntre|[Dd]e)\s+(?:(?:los|las|el|la)\s+)?"
    r"(?:(?P<c>siglos)\s+(?P<c1>[IVXLC]+)\s+(?:y|al?)\s+(?:el\s+)?(?P<c2>[IVXLC]+)\b"
    rf"|(?P<n1>{_RANGE_FIGURE})\s+(?:y|a)\s+(?:(?:los|las|el|la)\s+)?(?P<n2>{_RANGE_FIGURE}))"
    r"(?P<era>\s+[ad]\.\s?C\.)?(?![\w])"
)


def find_ranges(text: str, taken: list[tuple[int, int]]) -> list[Span]:
    """Return ranges of figures and of centuries («entre 10 000 y 14 000», «entre los siglos XIII y XV»), asked as
    typed spans (drafts, as the objects: a teacher chooses). A range a date found before spans already, or that only
    partly overlaps a span found before, is left; one that holds a century or a figure found before is a span of its
    own."""
    out: list[Span] = []
    for m in _RANGE.finditer(text):
        if m.group("lead").lower() == "de" and not m.group("n1"):
            continue  # «de los siglos…»: only «entre» says a range of centuries here
        if m.group("n1") and m.group("n1")[0].isdigit() != m.group("n2")[0].isdigit():
            continue  # «de 1 a tres»: not one kind of figure
        if m.group("n1") and m.group("n2").lower() in {"un", "una", "uno"}:
            continue  # «de una orilla a la otra», «entre uno y otro»: no figure
        a, b = m.start(), m.end()
        first, last = (m.start("n1"), m.end("n2")) if m.group("n1") else (m.start("c1"), m.end("c2"))
        if any(s <= first and last <= e for s, e in taken):
            continue  # «entre 1920 y 1980»: a range of dates found already
        if any(s < a < e or s < b < e for s, e in taken if not (a <= s and e <= b)):
            continue
        out.append(Span("term", "figure_range", a, b, text[a:b].strip(), blank_start=a))
    return out


# What the text calls a thing, or what a word means: «conocido como el Príncipe Negro», «la llamada garra de
# Arquímedes», «cadí, es decir, juez religioso», «que significa «desierto»», «procede de la palabra portuguesa açor».
_SAID_AS = re.compile(
    r"(?:(?<![\w])(?:conocid|llamad|denominad|apodad)[oa]s?\s+(?:también\s+)?(?:como\s+)?|,\s+es\s+decir,\s+|"
    r"(?<![\w])(?:que\s+)?significa(?:ba)?\s+|(?<![\w])procede\s+de\s+(?:la\s+palabra\s+)?(?:[a-záéíóúñ]+\s+)?)"
    r"(?P<y>[^,.;:()]{2,90}?)\s*(?=[,.;:()]|$)"
)
MAX_SAID_AS_WORDS = 10


def find_said_as(text: str, taken: list[tuple[int, int]]) -> list[Span]:
    """Return what the text calls a thing or what a word means (`_SAID_AS`), asked as typed drafts as the objects are
    (a teacher chooses); not one that overlaps a span found before."""
    out: list[Span] = []
    for m in _SAID_AS.finditer(text):
        a, b = m.start("y"), m.end("y")
        cut = re.search(r"\s(?:para|que|porque|cuando|donde|cuyo|cuya)\s", text[a:b])
        if cut:
            b = a + cut.start()  # «la llamada garra de Arquímedes para hundir barcos»: the name, not its purpose
        words = text[a:b].split()
        if not words or len(words) > MAX_SAID_AS_WORDS or is_finite_verb(words[0].lower()):
            continue
        if words[0].lower() in {"que", "a", "por", "en", "de", "con", "se", "su", "sus"}:
            continue  # «llamado a…», «conocido por…»: not a name nor a meaning
        if any(s < b and a < e for s, e in taken):
            continue  # a span found before says it (or part of it) already
        out.append(Span("term", "said_as", a, b, text[a:b], blank_start=a))
    return out


MAX_APPOSITION_WORDS = 25


def find_appositions(text: str, taken: list[tuple[int, int]], parse: nlp.Parse | None) -> list[Span]:
    """Return what a common noun phrase set beside another says of it («un azúcar, la desoxirribosa, …», «el
    trencadís, un revestimiento hecho con fragmentos de cerámica», «tres reinos: animal, vegetal y mineral»), from the
    parse: asked as typed drafts, as the objects are (a teacher chooses). Not a name (the names are facts already),
    not a span that only partly overlaps one found before."""
    if parse is None:
        return []
    toks = parse.tokens
    out: list[Span] = []
    for t in toks:
        if t.dep != "appos" or toks[t.head].pos not in {"NOUN", "PROPN"} or t.i == t.head:
            continue
        ids = _descendants(parse, t.i)
        first, last = ids[0], ids[-1]
        if ids != list(range(first, last + 1)):
            continue  # not one run of words
        while first <= last and toks[first].pos == "PUNCT" and toks[first].text not in {"«", "'"}:
            first += 1
        while last >= first and toks[last].pos == "PUNCT" and toks[last].text not in {"»", "'", ")"}:
            last -= 1
        cut = next((k for k in range(first, last + 1) if toks[k].text == ";"), None)
        if cut is not None:
            last = cut - 1
        if first > last:
            continue
        a, b = toks[first].start, toks[last].end
        words = text[a:b].split()
        lead = toks[first].text
        if (
            not words
            or len(words) > MAX_APPOSITION_WORDS
            or (lead[:1].isupper() and lead.lower() not in _DETERMINER_WORDS)
        ):
            continue  # a name, or too long to type
        if len(words) == 1 and len(words[0]) < 4:
            continue
        if re.search(r"[()\[\]\d]", text[a:b]) or text[:a].rstrip().endswith(("(", "[")):
            continue  # «a 32 km (20 millas)»: a figure, or a phrase in brackets (its blank would split them)
        if any(s < b and a < e for s, e in taken):
            continue  # it overlaps or holds a span found before («los estamentos privilegiados»: asked already)
        out.append(Span("term", "apposition", a, b, text[a:b], blank_start=a))
    return out


def find_terms(text: str, taken: list[tuple[int, int]]) -> list[Span]:
    """Return lowercase key terms: enumerations after "especialmente en", descriptive bodies."""
    out: list[Span] = []
    for m in _TERM_ENUM.finditer(text):
        words = re.split(r",\s+|\s+(?:y|e)\s+", m.group("list"))
        if any(w in SENTENCE_INITIAL_STOP or is_finite_verb(w) or w in NUMBER_WORD_SET for w in words):
            continue
        a, b = m.start("list"), m.end("list")
        if any(not (b <= s or a >= e) for s, e in taken):
            continue
        out.append(Span("term", "enumeration", a, b, text[a:b], members=words, blank_start=a))
    # "perdió su independencia", "mantuvo su neutralidad": an abstract noun owned by the subject.
    for m in _POSSESSED_CONCEPT.finditer(text):
        if not is_finite_verb(m.group("verb")):
            continue
        a, b = m.start("noun"), m.end("noun")
        if any(not (b <= s or a >= e) for s, e in taken):
            continue
        out.append(Span("term", "concept", a, b, text[a:b], blank_start=a))
    heads = "|".join(LOWER_ORG_HEADS)
    for m in re.finditer(rf"\b(?P<head>{heads})(?P<mods>(?:\s+[a-záéíóúñü]{{3,}}){{1,4}})", text):
        mods = []
        for w in m.group("mods").split():
            if w in SENTENCE_INITIAL_STOP or is_finite_verb(w) or w in NUMBER_WORD_SET:
                break
            mods.append(w)
        if not mods or not any(fold(w) in alias_table() or w.endswith(("ista", "istas")) for w in mods):
            continue
        if len(mods) == 1 and fold(mods[0]) in alias_table():
            continue  # "ejército francés" is an alias of its state, not a fact of its own
        a = m.start()
        b = a + len(m.group("head")) + 1 + len(" ".join(mods))
        if any(not (b <= s or a >= e) for s, e in taken):
            continue
        out.append(Span("organization", "government", a, b, text[a:b], blank_start=a))
    return out


_ALIAS_RE = re.compile(
    r",?\s*(?:también\s+)?(?:" + "|".join(ALIAS_PATTERN_WORDS) + r")\s+(?:como\s+)?(?:el|la|los|las)?\s*$"
)


def link_aliases(text: str, entities: list[Span], union) -> list[tuple[Span, Span]]:
    """Join "X, también conocida como Y" and "X (SIGLA)" into one alias group."""
    pairs = []
    for a, b in itertools.pairwise(entities):
        gap = text[a.end : b.blank_start if b.blank_start >= 0 else b.start]
        if _ALIAS_RE.fullmatch(gap) or (re.fullmatch(r"\s*\(\s*", gap) and b.text.isupper()):
            union(a.group, b.group)
            pairs.append((a, b))
    return pairs


# ---------------------------------------------------------------- facts
class Groups:
    """Union-find over alias group names."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def root(self, x: str) -> str:
        """Return x's group without adding x (names outside the text stay their own group)."""
        return self.find(x) if x in self.parent else x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


@dataclass
class Extraction:
    """What the extractor found in a document."""

    facts: list[Fact]
    mentions: dict[int, list[Span]]  # sentence index -> entity spans
    groups: Groups
    topic: str  # the alias group the text is about ("" if none)
    alias_pairs: list[tuple[str, str]]
    _forms: dict[str, set[str]] = field(default_factory=dict)
    _members: dict[str, set[str]] | None = None
    _pools: dict = field(default_factory=dict)
    _mention_words: frozenset[str] | None = None
    _dates_by_sentence: tuple[tuple[int, int], dict[int, list[Fact]]] | None = None

    def mention_words(self) -> frozenset[str]:
        """Return every word of the text's entity mentions (computed once: the mentions are set at extraction)."""
        if self._mention_words is None:
            self._mention_words = frozenset(
                w for spans in self.mentions.values() for m in spans for w in m.text.split()
            )
        return self._mention_words

    def dates_in(self, index: int) -> list[Fact]:
        """Return the date facts of one sentence (indexed once per list of facts: ``facts`` is replaced and
        extended while the bank is built, so the index is rebuilt when the list or its length changes)."""
        key = (id(self.facts), len(self.facts))
        if self._dates_by_sentence is None or self._dates_by_sentence[0] != key:
            index_of: dict[int, list[Fact]] = {}
            for f in self.facts:
                if f.kind == "date":
                    index_of.setdefault(f.sentence_index, []).append(f)
            self._dates_by_sentence = (key, index_of)
        return self._dates_by_sentence[1].get(index, [])

    def members(self) -> dict[str, set[str]]:
        """Return root -> names of the text's alias groups (computed once)."""
        if self._members is None:
            members: dict[str, set[str]] = {}
            for name in list(self.groups.parent):
                members.setdefault(self.groups.find(name), set()).add(name)
            self._members = members
        return self._members


def group_surface_forms(group: str, extraction: Extraction) -> set[str]:
    """Return every folded surface form of an alias group: names, aliases, demonyms (cached)."""
    root = extraction.groups.root(group)
    cached = extraction._forms.get(root)
    if cached is not None:
        return cached
    names = extraction.members().get(root, set()) | {group, root}
    by_group = alias_forms_by_group()
    forms = {fold(name) for name in names}
    for name in names:
        forms |= by_group.get(name, set())
    forms = {f for f in forms if f}
    extraction._forms[root] = forms
    return forms


# Nouns whose «de X» names a person of the text: «el ejército de Washington», «la muerte de Aníbal».
_PERSON_OF = re.compile(
    r"\b(?:ejército|ejércitos|tropas|hombres|fuerzas|soldados|partidarios|seguidores|esposa|esposo|hijo|hija|hijos"
    r"|viuda|padre|madre|hermano|hermana|muerte|asesinato|reinado|mando|órdenes)\s+(?:de|del)\s+$",
    re.IGNORECASE,
)


_PLACE_PREP_BEFORE = re.compile(r"\b(?:en|a|al|hacia|desde|hasta|por|de|del|entre|sobre|cerca\s+de)\s+$", re.IGNORECASE)


def _person_by_context(per_sentence: dict[int, dict[str, list[Span]]], texts: dict[int, str], groups: Groups) -> None:
    """Type as a person a one-word place that names a person of the text where a person is meant.

    «El ejército de Washington acampó…» in a text that names George Washington: the gazetteer's city was the
    answer, and cities its wrong options. Only a first or last word of a person the text names in full, only after
    a noun that belongs to a person («ejército de», «muerte de»): «el ejército de Cartago» stays a place.
    """
    full: dict[str, Span] = {}
    for found in per_sentence.values():
        for ent in found["entities"]:
            words = ent.text.split()
            if ent.kind == "person" and len(words) > 1:
                full.setdefault(words[0], ent)
                if words[-2][:1].isupper():  # «George Washington»; not «Juan de Austria», «Fernando de Aragón»
                    full.setdefault(words[-1], ent)
    for index, found in per_sentence.items():
        for ent in found["entities"]:
            if ent.kind != "place" or len(ent.text.split()) != 1 or ent.text not in full:
                continue
            before = texts.get(index, "")[: ent.blank_start if ent.blank_start >= 0 else ent.start]
            # «Washington y el general Rochambeau la sitiaban»: a person's surname said bare where no place word
            # («en / a / hacia…») asks for a place is the person, when the text names that person in full.
            bare = ent.text == full[ent.text].text.split()[-1] and not _PLACE_PREP_BEFORE.search(before)
            if _PERSON_OF.search(before) or bare:
                ent.kind, ent.subtype = "person", "person"
                groups.union(full[ent.text].group, ent.group)


def _harmonise_types(
    per_sentence: dict[int, dict[str, list[Span]]], groups: Groups, texts: dict[int, str] | None = None
) -> None:
    """Give a guessed name the type it has where the text is explicit ("Paulus" after "general Paulus")."""
    if texts:
        _person_by_context(per_sentence, texts, groups)
    # A name typed a person once and a place three times ("se retiró a Vilcabamba" read as a person) is a place.
    votes: dict[str, Counter] = {}
    for found in per_sentence.values():
        for ent in found["entities"]:
            if ent.kind in {"person", "place"}:
                votes.setdefault(ent.text, Counter())[ent.kind] += 1
    for found in per_sentence.values():
        for ent in found["entities"]:
            vote = votes.get(ent.text)
            if vote and len(vote) == 2 and ent.kind in vote:
                other = "place" if ent.kind == "person" else "person"
                # A name said twice after a place word and once where the model guessed a person (a heading:
                # «Yorktown y la paz») is a place: its options were persons («Bunker Hill / Friedrich Wilhelm»).
                if vote[other] > 2 * vote[ent.kind] or (other == "place" and vote[other] >= 2 * vote[ent.kind]):
                    ent.kind, ent.subtype = other, ("locality" if other == "place" else "person")
    confident: dict[str, Span] = {}
    surnames: dict[str, Span] = {}
    for found in per_sentence.values():
        for ent in found["entities"]:
            if ent.subtype not in {"locality", "name"}:
                confident.setdefault(ent.text, ent)
                if ent.kind == "person" and len(ent.text.split()) > 1:
                    surnames.setdefault(ent.text.split()[-1], ent)
    for found in per_sentence.values():
        for ent in found["entities"]:
            if ent.kind == "person" and ent.text in surnames and surnames[ent.text] is not ent:
                # "Chain" after "Ernst Chain", "Bismarck" after "Otto von Bismarck": one person, one alias group
                # (never each other's wrong option), unless two people of the text share the surname.
                full = [
                    s
                    for s in confident.values()
                    if s.kind == "person" and len(s.text.split()) > 1 and s.text.split()[-1] == ent.text
                ]
                if len({s.text for s in full}) == 1:
                    groups.union(full[0].group, ent.group)
            if ent.subtype not in {"locality", "name"}:
                continue
            model = confident.get(ent.text) or surnames.get(ent.text)
            if model:
                ent.kind, ent.subtype = model.kind, model.subtype
                groups.union(model.group, ent.group)
    # "República Democrática Alemana (RDA)": the acronym is the state it stands for, wherever it stands alone.
    typed: dict[str, tuple[str, str]] = {}
    for found in per_sentence.values():
        for ent in found["entities"]:
            if not ent.text.isupper() and ent.subtype not in {"locality", "name", "acronym", "organization"}:
                typed.setdefault(groups.find(ent.group), (ent.kind, ent.subtype))
    for found in per_sentence.values():
        for ent in found["entities"]:
            if ent.text.isupper() and groups.find(ent.group) in typed:
                ent.kind, ent.subtype = typed[groups.find(ent.group)]


def _sentence_spans(text: str, ctx: DocContext) -> dict[str, list[Span]]:
    """Return the dates, quantities, entities, terms and enumerations of one sentence."""
    dates = find_dates(text, ctx.early)
    taken = [(d.start, d.end) for d in dates]
    quantities = find_quantities(text, taken)
    taken += [(q.start, q.end) for q in quantities]
    taken += [q.conversion for q in quantities if q.conversion]
    entities = find_entities(text, taken, ctx, nlp.parse(text))
    terms = find_terms(text, taken + [(e.start, e.end) for e in entities])
    terms += find_key_terms(text, taken + [(e.start, e.end) for e in entities + terms], nlp.parse(text))
    terms += find_said_terms(text, taken + [(e.start, e.end) for e in entities + terms], nlp.parse(text))
    terms += find_object(text, taken + [(e.start, e.end) for e in entities + terms], nlp.parse(text))
    terms += find_ranges(text, [(e.start, e.end) for e in [*dates, *quantities, *entities, *terms]])
    terms += find_said_as(text, [(e.start, e.end) for e in [*dates, *quantities, *entities, *terms]])
    terms += find_appositions(
        text, [(e.start, e.end) for e in [*dates, *quantities, *entities, *terms]], nlp.parse(text)
    )
    enums = find_enumerations(text, entities)
    return {"dates": dates, "quantities": quantities, "entities": entities, "terms": terms, "enums": enums}


def _pos_at(parse: nlp.Parse | None, offset: int) -> str:
    tok = parse.token_at(offset) if parse is not None else None
    return tok.pos if tok is not None else ""


_NOTHING = {"dates": [], "quantities": [], "entities": [], "terms": [], "enums": []}


def extract(sentences: list[Sentence], title: str = "", dropped: list | None = None) -> Extraction:
    """Return the facts of all fact-bearing sentences.

    A sentence the extractor cannot handle gives no facts and is recorded in `dropped` as
    (what, reason); the other sentences are not affected.
    """
    ctx = document_context(sentences)
    groups = Groups()
    per_sentence: dict[int, dict[str, list[Span]]] = {}
    all_dates: list[tuple[int, Span]] = []
    alias_pairs: list[tuple[str, str]] = []
    nlp.parse_all([s.text for s in sentences])  # one batch: the per-sentence calls below hit the cache
    find_compound_surnames(sentences, ctx)
    for sent in sentences:
        try:
            found = _sentence_spans(sent.text, ctx)
        except Exception as exc:  # noqa: BLE001 - one sentence must never take the bank down
            if dropped is None:
                raise
            dropped.append((f"sentence {sent.index}", f"{type(exc).__name__}: {exc}"[:300]))
            logger.warning("generation: sentence %s dropped", sent.index, exc_info=exc)
            found = {k: [] for k in _NOTHING}
        entities = found["entities"]
        for ent in entities:
            groups.find(ent.group)
            gaz_group = alias_table().get(fold(ent.text))
            if gaz_group:
                groups.union(gaz_group, ent.group)
        for a, b in link_aliases(sent.text, entities, groups.union):
            alias_pairs.append((a.text, b.text))
        per_sentence[sent.index] = found
        all_dates += [(sent.index, d) for d in found["dates"]]
    _harmonise_types(per_sentence, groups, {sent.index: sent.text for sent in sentences})
    resolve_years(all_dates)

    # The topic: the entity of the headline or title, else the most frequent event.
    topic = ""
    counts = Counter()
    for sent in sentences:
        for ent in per_sentence[sent.index]["entities"]:
            counts[groups.find(ent.group)] += 1
    head_entities = []
    if sentences and sentences[0].skip == "headline":
        head_entities = [e for e in per_sentence[0]["entities"] if e.kind == "event"]
    title_groups = [g for g in counts if title and fold(g) in fold(title)]
    if head_entities:
        topic = groups.find(head_entities[0].group)
    elif title_groups:
        topic = title_groups[0]
    else:
        events = [
            (c, g)
            for g, c in counts.items()
            if c >= 2
            and any(
                e.kind == "event" and groups.find(e.group) == g for s in per_sentence.values() for e in s["entities"]
            )
        ]
        topic = max(events)[1] if events else ""

    facts: list[Fact] = []
    seen: set[str] = set()  # a sentence repeated word for word gives its facts once
    for sent in sentences:
        if sent.skip:
            continue
        found = per_sentence[sent.index]
        spans: list[Span] = []
        spans += found["dates"]
        spans += found["quantities"]
        spans += found["terms"]
        spans += found["enums"]
        in_enum = {id(m) for e in found["enums"] for m in e.mentions}
        # "la Organización del Tratado del Atlántico Norte (OTAN)": the acronym in brackets is not asked and
        # leaves the stem with its brackets, so the full name can be asked.
        bracketed: dict[int, tuple[int, int]] = {}
        for a, b in itertools.pairwise(found["entities"]):
            close = re.match(r"\s*\)", sent.text[b.end :])
            if b.text.isupper() and re.fullmatch(r"\s*\(\s*", sent.text[a.end : b.start]) and close:
                bracketed[id(b)] = (a.end, b.end + close.end())
                a.conversion = bracketed[id(b)]
        sentence_groups = Counter(groups.find(e.group) for e in found["entities"] if id(e) not in bracketed)
        for ent in found["entities"]:
            g = groups.find(ent.group)
            if ent.kind == "term" or g == topic or id(ent) in bracketed:
                continue
            if sentence_groups[g] > 1 and id(ent) not in in_enum:
                continue  # asked twice in one sentence: the other mention leaks it
            if len(re.findall(rf"(?<!\w){re.escape(ent.text)}(?!\w)", sent.text)) > 1:
                continue  # "ciudad de X" beside "Batalla de X": the name stands in the stem anyway
            # A place named in most sentences would be the answer of half the bank: ask about it in
            # about a third of them. The choice hangs on the sentence alone, so editing one sentence
            # never moves items of another.
            frequent = ent.kind == "place" and counts[g] > max(3, len(sentences) // 5) and id(ent) not in in_enum
            if frequent and int(stable_key(sent.text, g), 16) % 3:
                continue
            spans.append(ent)
        # An entity named as the alias of the topic is asked as "also known as".
        for _a_text, b_text in alias_pairs:
            for ent in found["entities"]:
                if ent.text == b_text and groups.find(ent.group) == topic and ent not in spans:
                    ent.subtype = "alias"
                    spans.append(ent)
        for span in sorted(spans, key=lambda s: (s.start, -s.end)):
            key = stable_key(sent.text, span.text, span.kind)
            if key in seen or _verb_as_name(span, sent.text):
                continue
            seen.add(key)
            group = groups.find(span.group) if span.group else ""
            rel = sorted(related_groups().get(group, set()))
            facts.append(
                Fact(
                    key=key,
                    kind=span.kind,
                    subtype=span.subtype,
                    sentence_index=sent.index,
                    sentence=sent.text,
                    answer=span.text,
                    start=span.start,
                    end=span.end,
                    local_start=span.start,
                    local_end=span.end,
                    value=span.value,
                    group=group,
                    related=rel,
                    article=span.article,
                    blank_start=span.blank_start if span.blank_start >= 0 else span.start,
                    blank_prefix=span.blank_prefix,
                    members=span.members,
                    member_articles=span.member_articles,
                    conversion=span.conversion,
                )
            )
    # Section headings ("Descripción", "Curso") are no names: their words never become wrong options.
    short = {s.index for s in sentences if s.skip == "too short"}
    extraction = Extraction(
        facts=facts,
        mentions={i: v["entities"] for i, v in per_sentence.items() if i not in short},
        groups=groups,
        topic=topic,
        alias_pairs=alias_pairs,
    )
    by_gazetteer = gazetteer_names_by_group()
    for fact in facts:
        if fact.group:
            names = set(extraction.members().get(groups.root(fact.group), set()))
            for name in list(names):
                names |= by_gazetteer.get(name, set())  # "EE. UU." for "Estados Unidos"
            fact.aliases = sorted(names - {fact.answer})
    return extraction
