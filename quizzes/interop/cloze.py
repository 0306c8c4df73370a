"""Moodle's embedded answers (``multianswer``, "cloze"): one question of ours per gap.

A gap is ``{weight:TYPE:answers}`` inside the text (qtype_multianswer's syntax): TYPE is SHORTANSWER (SA, MW),
SHORTANSWER_C (SAC, MWC), NUMERICAL (NM), MULTICHOICE (MC, with _V, _H and S variants: MCV, MCH, MCS, ...) or
MULTIRESPONSE (MR, MRH, MRS, MRHS); answers are separated by ``~``, each ``=`` (right) or ``%n%`` (a share of the
mark) and an optional ``#feedback``; ``\\}``, ``\\~``, ``\\#``, ``\\/`` and ``\\\\`` escape. Each gap becomes a question
whose prompt is the text with that gap as ``_____`` and the other gaps filled in with their right answers.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from ..domain.numbers import parse_plain
from ..models.content import QuestionKind
from .schema import ChoiceData, ImportFormatError, QuestionData

GAP_RE = re.compile(r"\{(?P<weight>\d*):(?P<type>[A-Z_]+):(?P<answers>(?:\\.|[^\\}])*)\}")
_SHORT = {"SHORTANSWER", "SA", "MW", "SHORTANSWER_C", "SAC", "MWC"}
_NUMERIC = {"NUMERICAL", "NM"}
_CHOICE = {"MULTICHOICE", "MC", "MULTICHOICE_V", "MCV", "MULTICHOICE_H", "MCH"}
_CHOICE |= {t + "S" for t in _CHOICE} | {"MULTICHOICE_S", "MULTICHOICE_VS", "MULTICHOICE_HS"}
_RESPONSE = {"MULTIRESPONSE", "MR", "MULTIRESPONSE_H", "MRH", "MULTIRESPONSE_S", "MRS", "MULTIRESPONSE_HS", "MRHS"}
_WEIGHT_RE = re.compile(r"^%(-?\d{1,3}(?:\.\d*)?)%")
_UNESCAPE_RE = re.compile(r"\\([}~#/\\\"])")


def _split(answers: str) -> list[tuple[float, str]]:
    """Return (fraction, text) for each answer of a gap, feedback dropped and escapes undone."""
    parts, current, i = [], "", 0
    while i < len(answers):
        ch = answers[i]
        if ch == "\\" and i + 1 < len(answers):
            current += answers[i : i + 2]
            i += 2
            continue
        if ch == "~":
            parts.append(current)
            current = ""
        else:
            current += ch
        i += 1
    parts.append(current)
    result = []
    for part in parts:
        part = re.split(r"(?<!\\)#", part, maxsplit=1)[0].strip()
        if not part:
            continue
        if part.startswith("="):
            fraction, part = 1.0, part[1:]
        else:
            match = _WEIGHT_RE.match(part)
            fraction, part = (float(match.group(1)) / 100, part[match.end() :]) if match else (0.0, part)
        result.append((fraction, " ".join(_UNESCAPE_RE.sub(r"\1", part).split())))
    return result


def _right(gap_type: str, answers: list[tuple[float, str]]) -> str:
    """Return what fills a gap in the other gaps' questions: its best answer (every right one for MULTIRESPONSE)."""
    if gap_type in _RESPONSE:
        return ", ".join(text for fraction, text in answers if fraction > 0)
    return max(answers, key=lambda a: a[0], default=(0.0, ""))[1]


def split_cloze(base: QuestionData, text: str) -> list[QuestionData]:
    """Return one question per gap of a cloze text (``base`` gives the name, document and feedback)."""
    gaps = list(GAP_RE.finditer(text))
    if not gaps:
        raise ImportFormatError(_("La pregunta de respuestas incrustadas (cloze) no tiene ningún hueco {1:TIPO:…}."))
    parsed = [(gap.group("type"), _split(gap.group("answers"))) for gap in gaps]
    items = []
    for number, (gap, (gap_type, answers)) in enumerate(zip(gaps, parsed, strict=True), start=1):
        pieces, last = [], 0
        for other, (other_type, other_answers) in zip(gaps, parsed, strict=True):
            pieces.append(text[last : other.start()])
            pieces.append("_____" if other is gap else _right(other_type, other_answers))
            last = other.end()
        pieces.append(text[last:])
        item = QuestionData(
            kind="",
            prompt="".join(pieces).strip(),
            explanation=base.explanation,
            name=f"{base.name} ({number})" if base.name else "",
            idnumber=f"{base.idnumber}-{number}" if base.idnumber else "",
            document=base.document,
            category=base.category,
            unit=base.unit,
            where=_("%(where)s, hueco %(n)d") % {"where": base.where, "n": number},
        )
        _fill(item, gap_type, answers)
        items.append(item)
    return items


def _fill(item: QuestionData, gap_type: str, answers: list[tuple[float, str]]) -> None:
    if not answers:
        raise ImportFormatError(_("Un hueco no tiene respuestas."), where=item.where)
    if gap_type in _SHORT:
        item.kind = QuestionKind.SHORT_ANSWER
        item.accepted = [text for fraction, text in answers if fraction >= 0.999 and text != "*"]
        lost = [text for fraction, text in answers if 0 < fraction < 0.999]
        if lost:
            item.warnings.append(
                _("Las respuestas con crédito parcial no se importan: %(a)s.") % {"a": ", ".join(lost)}
            )
    elif gap_type in _NUMERIC:
        item.kind = QuestionKind.NUMERIC
        fraction, text = max(answers, key=lambda a: a[0])
        value, _sep, tolerance = text.partition(":")
        number, spread = parse_plain(value.strip()), parse_plain(tolerance.strip() or "0")
        if number is None or spread is None or fraction < 0.999:
            raise ImportFormatError(
                _("«%(raw)s» no es un número (use punto decimal: 3.5).") % {"raw": text}, where=item.where
            )
        item.numeric_value, item.numeric_tolerance = number, abs(spread)
    elif gap_type in _CHOICE | _RESPONSE:
        right = [text for fraction, text in answers if fraction > 0] if gap_type in _RESPONSE else None
        n_full = sum(1 for fraction, _text in answers if fraction >= 0.999)
        if gap_type in _CHOICE and n_full == 1:
            item.kind = QuestionKind.SINGLE_CHOICE
            item.choices = [ChoiceData(text, fraction >= 0.999, fraction) for fraction, text in answers]
        else:
            item.kind = QuestionKind.MULTIPLE_CHOICE
            right = right if right is not None else [text for fraction, text in answers if fraction >= 0.999]
            item.choices = [ChoiceData(text, text in right, fraction) for fraction, text in answers]
    else:
        raise ImportFormatError(_("Tipo de hueco «%(type)s» desconocido.") % {"type": gap_type}, where=item.where)
