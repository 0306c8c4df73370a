"""Read and write numbers: the Spanish way for people, the plain way for exchange files.

Spanish conventions, as read here (``parse_number``):

- the comma is the decimal separator: «3,5», «0,25», «,5»;
- thousands are grouped by three with a point or a space (also a no-break, narrow no-break or thin space):
  «500.000», «1.939», «40 000», «2 520,7», «1.234,5»; a group that is not of three digits is not a thousands group;
- a point followed by anything but groups of three is read as a decimal point, as a student typing the English way
  means it: «3.5», «0.939», «1.5». Only «1.500» is ambiguous and is read the Spanish way (1500);
- English grouping with a decimal point after it is understood too: «1,234.5», «1,000,000»;
- a sign may come first: «-12», «−40» (minus sign), «–43» (en dash, as typeset texts write it), «+7».

Anything else is refused (None): letters («12abc», «0x20»), exponents («1e309»), «inf», «nan», numbers too large
for a float, separators in the wrong place («1.2.3», «3,»). ``parse_quantity`` reads a student's answer: a number,
an optional multiplier word («mil», «millones») and a unit («105 km», «1,5 millones de soldados»).

``format_number`` writes the Spanish way for display (and for our CSV, which spreadsheets in Spanish read);
``format_plain``/``parse_plain`` are the machine form of Moodle XML and GIFT (a decimal point, no grouping).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

MAX_NUMBER_CHARS = 100  # no one types a longer number; longer input is refused before any regex runs
MAX_QUANTITY_CHARS = 300
THOUSANDS_SEP = "\u00a0"  # a no-break space: «500 000» never breaks after «500»

_SPACES = " \u00a0\u202f\u2009'"
_SIGNS = {"-": -1, "−": -1, "–": -1, "+": 1}
_NUMBER_RE = re.compile(r"^(?P<sign>[-+−–]?)\s*(?P<digits>[0-9][0-9.,\s\u00a0\u202f\u2009']*|[.,][0-9]+)$")
_QUANTITY_RE = re.compile(
    r"^\s*(?P<num>[-+−–]?\s*(?:[0-9][0-9.,\s\u00a0\u202f\u2009']*|[.,][0-9]+))(?P<rest>.*)$", re.DOTALL
)
_PLAIN_RE = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_MULTIPLIERS = {"mil": 1_000, "millon": 1_000_000, "millones": 1_000_000}
# Unit symbols that may be written straight after the number («105km», «25%», «-40°C»). Any other letters glued to
# the digits («12abc», «0x20», «1e309», «1_000») are not a number with a unit but a typing mistake, refused.
_ATTACHED_UNITS = frozenset(
    {"km", "m", "cm", "mm", "km2", "km²", "m2", "m²", "ha", "kg", "g", "t", "h", "min", "s", "%", "°", "º", "°c", "ºc"}
)


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str  # as typed, stripped ("" when none)


def is_ascii_int(raw: str) -> bool:
    """Return True for a string of ASCII digits only ("²".isdigit() is True, but int("²") fails)."""
    return raw.isascii() and raw.isdigit()


def _groups_of_three(groups: Sequence[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and groups[0] != "0" and all(len(g) == 3 for g in groups[1:])


def _digits_value(raw: str) -> float | None:
    """Return the value of unsigned digits and separators, or None when they do not make one number."""
    raw = re.sub(rf"[{_SPACES}]", " ", raw).strip()
    if " " in raw:
        # Spaces only as thousands separators: "500 000", "1 234,5".
        int_part, _, dec = raw.partition(",") if "," in raw else (raw, "", "")
        groups = int_part.split(" ")
        if not all(is_ascii_int(g) for g in groups) or not _groups_of_three(groups) or "." in raw:
            return None
        raw = "".join(groups) + ("," + dec if dec else "")
    if raw.startswith((".", ",")):
        raw = "0" + raw
    if raw.endswith((".", ",")):
        return None
    has_dot, has_comma = "." in raw, "," in raw
    if has_dot and has_comma:
        # Whichever separator comes last is the decimal one: "1.234,5" (Spanish) or "1,234.5" (English).
        dec_sep = "," if raw.rfind(",") > raw.rfind(".") else "."
        thou_sep = "." if dec_sep == "," else ","
        int_part, _, dec = raw.rpartition(dec_sep)
        groups = int_part.split(thou_sep)
        if dec_sep in int_part or not _groups_of_three(groups) or not all(is_ascii_int(g) for g in groups):
            return None
        raw = "".join(groups) + "." + dec
    elif has_comma:
        groups = raw.split(",")
        if len(groups) == 2:
            raw = groups[0] + "." + groups[1]  # The Spanish decimal comma: "3,5".
        elif _groups_of_three(groups):
            raw = "".join(groups)  # "1,000,000"
        else:
            return None
    elif has_dot:
        groups = raw.split(".")
        if _groups_of_three(groups) and len(groups) >= 2:
            raw = "".join(groups)  # The Spanish thousands point: "500.000", "1.939".
        elif len(groups) == 2:
            raw = groups[0] + "." + groups[1]  # "3.5" typed the English way.
        else:
            return None
    if not re.fullmatch(r"[0-9]+(\.[0-9]+)?", raw):
        return None
    value = float(raw)
    return value if math.isfinite(value) else None


def parse_number(text: str) -> float | None:
    """Return the value of a number written the Spanish way ("500.000", "3,5", "-43", "40 000"), or None."""
    if not isinstance(text, str) or len(text) > MAX_NUMBER_CHARS:
        return None
    match = _NUMBER_RE.match(unicodedata.normalize("NFKC", text).strip())
    if not match:
        return None
    value = _digits_value(match["digits"])
    if value is None:
        return None
    return -value if _SIGNS.get(match["sign"], 1) < 0 else value


def _plain_word(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(c))


def parse_quantity(text: str) -> Quantity | None:
    """Read an answer: "3,5", "1939.", "105 km", "105km", "1,5 millones de soldados", "25 %"; None if no number."""
    if not isinstance(text, str) or len(text) > MAX_QUANTITY_CHARS:
        return None
    match = _QUANTITY_RE.match(unicodedata.normalize("NFKC", text))
    if not match:
        return None
    num = match["num"].rstrip(_SPACES)
    rest = match["rest"].strip()
    if not rest and num.endswith(".") and len(num) > 1:
        num = num[:-1]  # A full stop after the number: "1939."
    value = parse_number(num)
    if value is None:
        return None
    glued = not match["num"][-1:].isspace() and not match["num"].endswith(tuple(_SPACES))
    attached = rest and glued and not match["rest"][:1].isspace()
    if attached and rest.split()[0].casefold() not in _ATTACHED_UNITS:
        return None
    words = rest.split()
    if words and _plain_word(words[0]) in _MULTIPLIERS:
        value *= _MULTIPLIERS[_plain_word(words[0])]
        words = words[1:]
        if words and _plain_word(words[0]) == "de":
            words = words[1:]
    return Quantity(value=value, unit=" ".join(words))


def format_number(value: float | None, *, grouping: bool = True, decimals: int | None = 6) -> str:
    """Write a number the Spanish way: decimal comma, thousands grouped by a no-break space from 10 000 on.

    The RAE (Ortografía 2010, § 4.2.3.1) groups digits by three with a space, not a point, and only when the whole part
    has five digits or more: «1939», «2520,7», «10 000», «2 520 000». The space is a no-break one (U+00A0) so a number
    never wraps across lines; ``parse_number`` reads it back.

    ``decimals`` rounds (6 by default, which hides float noise such as 0.30000000000000004); None keeps every digit
    of the shortest exact form. Without ``grouping`` there is no thousands point (our CSV export).
    """
    if value is None or not math.isfinite(value):
        return ""
    negative = value < 0
    value = abs(value)
    if decimals is None:
        text = format(Decimal(repr(float(value))), "f")
    else:
        text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    whole, _sep, fraction = text.partition(".")
    if grouping and len(whole) > 4:
        groups = []
        while whole:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = THOUSANDS_SEP.join(groups)
    if negative and (whole.strip("0" + THOUSANDS_SEP) or fraction):
        whole = "-" + whole
    return whole + ("," + fraction if fraction else "")


def format_plain(value: float) -> str:
    """Write a number the way Moodle's importers read it: a dot for decimals, no trailing ".0".

    Fifteen significant digits (what a double holds exactly) drop float noise: 23.9 × 1 computed as
    23.900000000000002 is written «23.9».
    """
    rounded = float(f"{float(value):.15g}")
    value = rounded if math.isfinite(rounded) else float(value)
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


# Unit words a question may carry in the singular; the plural is formed the Spanish way (mes → meses, día → días).
_SYMBOLS = frozenset({"%", "°", "°c", "ºc", "º"})


def _plural(word: str) -> str:
    if word.endswith(("s", "x")) and len(word) > 3 and not word.endswith(("és", "ás", "ís", "ós", "ús")):
        return word  # already plural («años», «soldados»), or invariable
    if word[-1:] in "aeiouáéó":
        return word + "s"
    if word.endswith("z"):
        return word[:-1] + "ces"
    if word.endswith("ón"):
        return word[:-2] + "ones"
    return word + "es"


def _is_calendar_year(value: float | None, plain_unit: str) -> bool:
    return plain_unit in {"año", "años"} and value is not None and value == int(value) and 1000 <= abs(value) <= 2999


def unit_label(unit: str, value: float | None = None) -> str:
    """Return the unit to write beside an answer box: «meses» for «mes», nothing for a calendar year («1939 año»)."""
    unit = (unit or "").strip()
    plain = unit.casefold()
    if not unit or _is_calendar_year(value, plain):
        return ""
    if plain in _SYMBOLS or plain.startswith(("°", "º")) or " " in unit or not unit.isalpha() or len(unit) <= 2:
        return unit
    return _plural(unit) if unit.islower() else unit


def format_amount(value: float | None, unit: str = "") -> str:
    """Write a number with its unit as Spanish reads it: «1939» (a year, not «1939 año»), «3 meses», «1 mes».

    The unit agrees with the number when it is a word («mes», «día», «soldado»); symbols («km», «%», «°C») and units of
    several words («millones de km²») are written as they are.
    """
    text = format_number(value)
    unit = (unit or "").strip()
    if not text or not unit:
        return text
    plain = unit.casefold()
    if _is_calendar_year(value, plain):
        return text  # a calendar year
    if plain in _SYMBOLS or plain.startswith(("°", "º")):
        return f"{text} {unit}" if plain not in {"%"} else f"{text} %"
    if " " not in unit and unit.isalpha() and len(unit) > 2 and unit.islower():
        if value == 1 and plain == "años":
            unit = "año"
        elif value != 1:
            unit = _plural(unit)
    return f"{text} {unit}"


def parse_plain(text: str) -> float | None:
    """Read a number in the machine form of Moodle XML and GIFT ("3.5", "-2", "1e-3"); None if it is not one."""
    text = (text or "").strip()
    if len(text) > MAX_NUMBER_CHARS or not _PLAIN_RE.match(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None
