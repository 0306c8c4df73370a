"""Grading: pure functions from a question's answer key and a student's answer to a fraction in [0, 1].

No ORM here. The attempts service turns a Question into an ``AnswerKey`` and stores the cleaned answer as JSON:

============== ========================================= =============================================
kind           stored answer                             rule
============== ========================================= =============================================
single_choice  ``{"choice": id}``                        1 if the right option, else 0
multiple       ``{"choices": [id, ...]}``                Moodle: right options share +1, wrong share -1,
                                                         the sum is clipped to [0, 1]
true_false     ``{"value": true}``                       1 if equal
short_answer   ``{"text": "..."}``                       1 if ``normalize_answer`` equals an accepted one
numeric        ``{"text": "3,5 km", "value": 3.5,        1 if |value - right| <= tolerance and the unit
               "unit": "km"}``                           (if any was typed) is the question's
ordering       ``{"order": [id, ...]}``                  share of item pairs in the right relative order
============== ========================================= =============================================
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

# Translation only (no ORM): the messages of AnswerError are shown to students.
from django.utils.translation import gettext as _

from .numbers import is_ascii_int, parse_quantity

SINGLE_CHOICE = "single_choice"
MULTIPLE_CHOICE = "multiple_choice"
TRUE_FALSE = "true_false"
SHORT_ANSWER = "short_answer"
NUMERIC = "numeric"
ORDERING = "ordering"

# Longest answer we accept from a form (a short answer or a number); anything longer is refused, never stored.
MAX_TEXT_ANSWER = 300

LEADING_ARTICLES = frozenset({"el", "la", "los", "las", "un", "una", "unos", "unas"})


class AnswerError(ValueError):
    """The submitted answer cannot be understood (the message is shown to the student)."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


class EmptyAnswer(AnswerError):
    """Nothing was answered."""


# --------------------------------------------------------------------------------------------------------------------
# Normalisation


# Letters with no decomposition into a base letter and a mark, as people type them on a Spanish keyboard
# («Sklodowska» for «Skłodowska», «Soren» for «Søren», «Strasse» for «Straße»).
_PLAIN_LETTERS = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe"}
    | {"ı": "i", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D"}
)


def _strip_marks(text: str) -> str:
    """Remove accents and other combining marks (á→a, ü→u, ñ→n) and write the letters that have none plainly (ł→l)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_PLAIN_LETTERS)


def normalize_answer(text: str) -> str:
    """Return the comparable form of a typed answer: no case, accents, punctuation, leading article or extra spaces.

    "  La Unión  Soviética. " and "la union sovietica" both become "union sovietica". A lone article is kept
    ("La" stays "la") so that an answer never normalises to nothing.
    """
    text = _strip_marks(_strip_marks(text).casefold())  # casefolding may make a letter with a mark («İ» → «i̇»)
    # Punctuation and symbols become spaces so that "Mannerheim-Linie" and "Mannerheim Linie" match.
    text = "".join(" " if unicodedata.category(ch)[0] in "PSZC" else ch for ch in text)
    words = text.split()
    if len(words) > 1 and words[0] in LEADING_ARTICLES:
        words = words[1:]
    return " ".join(words)


# Words a typed answer may open with that its question already implies: «¿En qué año…?» answered «en 1939», «año
# 1939» or «en el año 1939»; «¿Dónde…?» answered «en Helsinki». Only prepositions that keep the answer's meaning
# («antes de 1939», «hacia 1939», «sin Finlandia» say something else) and a noun of time before a number.
IMPLIED_PREPOSITIONS = frozenset({"en", "a", "al", "de", "del", "por", "durante"})
IMPLIED_TIME_NOUNS = frozenset({"ano", "dia"})


def without_implied_words(words: Sequence[str]) -> list[str]:
    """Drop from normalised words a leading preposition, article and time noun before a number (see above).

    ``["en", "el", "ano", "1939"]`` → ``["1939"]``; never to nothing (``["en"]`` stays).
    """
    rest = list(words)
    if len(rest) > 1 and rest[0] in IMPLIED_PREPOSITIONS:
        rest = rest[1:]
    if len(rest) > 1 and rest[0] in LEADING_ARTICLES:
        rest = rest[1:]
    if len(rest) > 1 and rest[0] in IMPLIED_TIME_NOUNS and rest[1][:1].isdigit():
        rest = rest[1:]
    return rest


def _joined_initials(words: Sequence[str]) -> str:
    """Words with the runs of one- and two-letter words written together: an acronym typed with dots or spaces
    («U.R.S.S.» → «u r s s» → «urss», «EE. UU.» → «eeuu») reads as the one typed without them."""
    out: list[str] = []
    run = ""
    for word in words:
        if len(word) <= 2 and word.isalpha():
            run += word
            continue
        out += [run] if run else []
        out.append(word)
        run = ""
    return " ".join(out + ([run] if run else []))


def answer_forms(text: str) -> frozenset[str]:
    """The forms under which a typed answer matches an accepted one: ``normalize_answer``'s, without the words its
    question implies, each also with its initials joined. Two answers match when their forms meet.

    Joining only removes blanks between short words, so it never makes two different words equal.
    """
    words = normalize_answer(text).split()
    if not words:
        return frozenset()
    bare = without_implied_words(words)
    return frozenset({" ".join(words), " ".join(bare), _joined_initials(words), _joined_initials(bare)})


def answers_match(given: str, accepted: Iterable[str]) -> bool:
    """Whether a typed answer is one of the accepted answers (``answer_forms``)."""
    forms = answer_forms(given)
    return bool(forms) and any(forms & answer_forms(a) for a in accepted)


def number_typed(text: str) -> str:
    """A typed number without the words its question implies: «en el año 1939» → «1939» (kept when nothing else is
    left), for ``parse_quantity``; spaces as typed, so «3,5» and «500 000» keep their form."""
    words = text.split()
    bare = without_implied_words([normalize_answer(w) for w in words])
    return " ".join(words[len(words) - len(bare) :]) if bare else text


def normalize_unit(text: str) -> str:
    """Return the comparable form of a unit ("Km²" → "km2", "kilómetros" → "km")."""
    text = _strip_marks(unicodedata.normalize("NFKC", text).casefold())
    text = re.sub(r"[\s.]+", "", text)
    return UNIT_ALIASES.get(text, text)


# Spelled-out forms of the units a Spanish encyclopedic text uses, mapped to their symbols.
UNIT_ALIASES = {
    "kilometro": "km",
    "kilometros": "km",
    "kilometroscuadrados": "km2",
    "kilometrocuadrado": "km2",
    "km²": "km2",
    "metro": "m",
    "metros": "m",
    "porciento": "%",
    "porcentaje": "%",
    "grado": "°",
    "grados": "°",
    "º": "°",
    "ºc": "°c",
    "gradoscentigrados": "°c",
    "gradoscelsius": "°c",
    "dia": "dias",
    "ano": "anos",
    "hora": "horas",
    "mes": "meses",
    "soldado": "soldados",
    "hombre": "hombres",
    "persona": "personas",
    "tanque": "tanques",
    "avion": "aviones",
    "antesdecristo": "ac",  # a year before Christ: «216 a. C.», «216 aC», «216 antes de Cristo», «216 a. de C.»
    "adec": "ac",
}


# --------------------------------------------------------------------------------------------------------------------
# The answer key and the answer


@dataclass(frozen=True)
class AnswerKey:
    """What grading needs to know about a question (built from the model by the attempts service)."""

    kind: str
    option_ids: tuple[int, ...] = ()  # every option or item, in any order
    correct_ids: frozenset[int] = frozenset()  # choice kinds
    partial: tuple[tuple[int, float], ...] = ()  # single choice: (option id, share of the mark) of wrong options
    correct_order: tuple[int, ...] = ()  # ordering: the item ids in the right order
    correct_bool: bool | None = None
    accepted: tuple[str, ...] = ()
    numeric_value: float | None = None
    tolerance: float = 0.0
    unit: str = ""
    normalized_accepted: frozenset[str] = field(init=False, default=frozenset())

    def __post_init__(self):
        object.__setattr__(self, "normalized_accepted", frozenset(normalize_answer(a) for a in self.accepted))


def _values(data: Mapping[str, Sequence[str]], name: str) -> list[str]:
    # A QueryDict's .get() returns only the last value: read every value with getlist() when there is one.
    values = data.getlist(name) if hasattr(data, "getlist") else data.get(name) or []
    return [values] if isinstance(values, str) else [v for v in values if isinstance(v, str)]


def _one(data: Mapping[str, Sequence[str]], name: str) -> str:
    values = _values(data, name)
    return values[-1] if values else ""


def _many(data: Mapping[str, Sequence[str]], name: str) -> list[str]:
    return _values(data, name)


def _option_id(raw: str, key: AnswerKey) -> int:
    if not is_ascii_int(raw) or len(raw) > 12 or int(raw) not in key.option_ids:
        raise AnswerError(_("Esa opción no pertenece a esta pregunta."), code="foreign_option")
    return int(raw)


def clean_answer(key: AnswerKey, data: Mapping[str, Sequence[str]]) -> dict:
    """Turn form data (name → list of strings, e.g. a QueryDict) into the stored answer; raise AnswerError if bad.

    Field names: ``choice`` (single choice), ``choices`` (multiple), ``value`` ("true"/"false"), ``text`` (short answer
    and numeric), ``pos-<item id>`` (ordering: the position 1..n chosen for each item).
    Raises EmptyAnswer when nothing was answered.
    """
    kind = key.kind
    if kind == SINGLE_CHOICE:
        raw = _one(data, "choice").strip()
        if not raw:
            raise EmptyAnswer(_("Elija una opción."), code="empty")
        return {"choice": _option_id(raw, key)}
    if kind == MULTIPLE_CHOICE:
        raws = [r.strip() for r in _many(data, "choices") if r.strip()]
        if not raws:
            raise EmptyAnswer(_("Marque al menos una opción."), code="empty")
        if len(raws) > len(key.option_ids):
            raise AnswerError(_("Esa opción no pertenece a esta pregunta."), code="foreign_option")
        return {"choices": sorted({_option_id(r, key) for r in raws})}
    if kind == TRUE_FALSE:
        raw = _one(data, "value").strip().lower()
        if not raw:
            raise EmptyAnswer(_("Elija verdadero o falso."), code="empty")
        if raw not in {"true", "false"}:
            raise AnswerError(_("Elija verdadero o falso."), code="invalid_bool")
        return {"value": raw == "true"}
    if kind in {SHORT_ANSWER, NUMERIC}:
        raw = _one(data, "text")
        if len(raw) > MAX_TEXT_ANSWER:
            raise AnswerError(
                _("La respuesta es demasiado larga (máximo %(n)d caracteres).") % {"n": MAX_TEXT_ANSWER},
                code="too_long",
            )
        text = " ".join(raw.split())
        if not text:
            raise EmptyAnswer(_("Escriba su respuesta."), code="empty")
        if kind == SHORT_ANSWER:
            return {"text": text}
        parsed = parse_quantity(number_typed(text))
        if parsed is None:
            raise AnswerError(_("Escriba un número, por ejemplo 1939, 3,5 o 500.000."), code="not_a_number")
        return {"text": text, "value": parsed.value, "unit": parsed.unit}
    if kind == ORDERING:
        n = len(key.option_ids)
        positions: dict[int, int] = {}
        for item_id in key.option_ids:
            raw = _one(data, f"pos-{item_id}").strip()
            if not raw:
                continue
            if not is_ascii_int(raw) or not 1 <= int(raw) <= n:
                raise AnswerError(_("Cada posición debe ser un número del 1 al %(n)d.") % {"n": n}, code="bad_position")
            positions[item_id] = int(raw)
        foreign = [k for k in data if k.startswith("pos-") and not _is_item(k[4:], key)]
        if foreign:
            raise AnswerError(_("Ese elemento no pertenece a esta pregunta."), code="foreign_option")
        if not positions:
            raise EmptyAnswer(_("Ordene los elementos."), code="empty")
        if len(positions) != n or len(set(positions.values())) != n:
            raise AnswerError(_("Use cada posición una sola vez."), code="repeated_position")
        return {"order": [item for item, _pos in sorted(positions.items(), key=lambda kv: kv[1])]}
    raise AnswerError(_("Tipo de pregunta desconocido."), code="unknown_kind")


def _is_item(raw: str, key: AnswerKey) -> bool:
    return is_ascii_int(raw) and len(raw) <= 12 and int(raw) in key.option_ids


# --------------------------------------------------------------------------------------------------------------------
# Grading per kind


def grade_single_choice(
    *, correct_ids: Iterable[int], chosen: int | None, partial: Iterable[tuple[int, float]] = ()
) -> float:
    """Return 1.0 for the right option, an option's partial credit (Moodle's ``~%50%``) for it, else 0.0."""
    if chosen is None:
        return 0.0
    if chosen in set(correct_ids):
        return 1.0
    return max(0.0, min(1.0, dict(partial).get(chosen, 0.0)))


def grade_multiple_choice(*, option_ids: Iterable[int], correct_ids: Iterable[int], chosen: Iterable[int]) -> float:
    """Return Moodle's partial credit: right options share +1, wrong options share -1, never below 0."""
    options, correct = set(option_ids), set(correct_ids)
    wrong = options - correct
    score = 0.0
    for choice in set(chosen) & options:
        if choice in correct:
            score += 1 / len(correct)
        elif wrong:
            score -= 1 / len(wrong)
    return _clip(score)


def grade_true_false(*, correct: bool, given: bool | None) -> float:
    """Return 1.0 when the given truth value is the right one."""
    return 1.0 if given is not None and given == correct else 0.0


def grade_short_answer(*, accepted: Iterable[str], given: str) -> float:
    """Return 1.0 when the typed answer matches an accepted one (``answers_match``)."""
    return 1.0 if answers_match(given or "", accepted) else 0.0


def grade_numeric(
    *, value: float, tolerance: float = 0.0, unit: str = "", given: float | None, given_unit: str = ""
) -> float:
    """Return 1.0 when the number is within tolerance and the unit, if the student typed one, is the question's.

    The unit is optional for the student. When the question has no unit, any trailing word is ignored
    ("450.000 soldados").
    """
    if given is None or not math.isfinite(given):
        return 0.0
    if unit and given_unit and normalize_unit(given_unit) != normalize_unit(unit):
        return 0.0
    # A relative epsilon so that 0.1 + 0.2 style float noise never fails an exact answer.
    slack = abs(tolerance or 0.0) + 1e-9 * max(1.0, abs(value))
    return 1.0 if abs(given - value) <= slack else 0.0


def grade_ordering(*, correct_order: Sequence[int], given: Sequence[int]) -> float:
    """Return the share of item pairs whose relative order is right (1.0 for the right order)."""
    rank = {item: i for i, item in enumerate(correct_order)}
    if len(correct_order) < 2:
        return 1.0 if list(given) == list(correct_order) else 0.0
    if sorted(given) != sorted(correct_order):
        return 0.0
    pairs = list(combinations(given, 2))
    right = sum(1 for a, b in pairs if rank[a] < rank[b])
    return right / len(pairs)


def grade(key: AnswerKey, answer: Mapping | None) -> float:
    """Return the fraction of the marks earned by a stored answer (0.0 when unanswered or unreadable)."""
    if not answer:
        return 0.0
    try:
        if key.kind == SINGLE_CHOICE:
            return grade_single_choice(correct_ids=key.correct_ids, chosen=answer.get("choice"), partial=key.partial)
        if key.kind == MULTIPLE_CHOICE:
            return grade_multiple_choice(
                option_ids=key.option_ids, correct_ids=key.correct_ids, chosen=answer.get("choices") or []
            )
        if key.kind == TRUE_FALSE:
            return grade_true_false(correct=bool(key.correct_bool), given=answer.get("value"))
        if key.kind == SHORT_ANSWER:
            return grade_short_answer(accepted=key.accepted, given=answer.get("text", ""))
        if key.kind == NUMERIC:
            if key.numeric_value is None:
                return 0.0
            return grade_numeric(
                value=key.numeric_value,
                tolerance=key.tolerance,
                unit=key.unit,
                given=answer.get("value"),
                given_unit=answer.get("unit", ""),
            )
        if key.kind == ORDERING:
            return grade_ordering(correct_order=key.correct_order, given=answer.get("order") or [])
    except (TypeError, AttributeError, KeyError):
        return 0.0
    return 0.0


def _clip(value: float) -> float:
    return max(0.0, min(1.0, value))


# --------------------------------------------------------------------------------------------------------------------
# The quiz grade over several attempts

HIGHEST, LAST, FIRST, AVERAGE = "highest", "last", "first", "average"


def quiz_grade(percents: Sequence[float], method: str) -> float | None:
    """Return the quiz grade from finished attempts' percents in the order they were taken (None when none)."""
    if not percents:
        return None
    if method == LAST:
        return percents[-1]
    if method == FIRST:
        return percents[0]
    if method == AVERAGE:
        return statistics.fmean(percents)
    return max(percents)
