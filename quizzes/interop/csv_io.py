"""Our CSV layout (docs/interop.md): one question per row, for spreadsheets.

Columns (header row required, any order, names in Spanish; only the first three are required):
``tipo, enunciado, respuesta, distractores, tolerancia, unidad, explicacion, documento``. The import also reads
them in English (``type, prompt, answer, distractors, tolerance, unit, explanation, document``), the names the
English interface shows.
Lists inside a cell (several right answers, wrong options, items in order) are separated by `` | ``; a literal
bar is written ``\\|``. Comma, semicolon or tab separated (the separator is the one the header row uses);
quotes inside a quoted cell are doubled, as every spreadsheet writes them. The export uses semicolons, which Excel
in Spanish opens in columns, and a text cell that a spreadsheet would run as a formula (it starts with ``= + - @``)
gets an apostrophe in front, which the import takes away again.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from django.utils.translation import gettext as _

from ..domain.numbers import format_number, parse_number
from ..models.content import QuestionKind
from .schema import ChoiceData, ImportFormatError, ParseResult, QuestionData, strip_controls

COLUMNS = ("tipo", "enunciado", "respuesta", "distractores", "tolerancia", "unidad", "explicacion", "documento")
REQUIRED = ("tipo", "enunciado", "respuesta")
# The same columns under the names the English interface gives them.
ENGLISH_COLUMNS = dict(
    zip(
        ("type", "prompt", "answer", "distractors", "tolerance", "unit", "explanation", "document"),
        COLUMNS,
        strict=True,
    )
)

# What a teacher may write in the "tipo" column (our names and Spanish ones, accents optional).
KIND_ALIASES = {
    "single_choice": QuestionKind.SINGLE_CHOICE,
    "opcion_unica": QuestionKind.SINGLE_CHOICE,
    "multiple_choice": QuestionKind.MULTIPLE_CHOICE,
    "opcion_multiple": QuestionKind.MULTIPLE_CHOICE,
    "true_false": QuestionKind.TRUE_FALSE,
    "verdadero_falso": QuestionKind.TRUE_FALSE,
    "short_answer": QuestionKind.SHORT_ANSWER,
    "respuesta_corta": QuestionKind.SHORT_ANSWER,
    "numeric": QuestionKind.NUMERIC,
    "numerica": QuestionKind.NUMERIC,
    "ordering": QuestionKind.ORDERING,
    "ordenacion": QuestionKind.ORDERING,
}
TRUE_WORDS = {"verdadero", "v", "true", "t", "si", "sí", "1"}
FALSE_WORDS = {"falso", "f", "false", "no", "0"}
_SPLIT_RE = re.compile(r"(?<!\\)\|")

# The downloadable template: one row of every kind.
EXAMPLE = [
    QuestionData(
        kind=QuestionKind.SINGLE_CHOICE,
        prompt="¿Qué país invadió Finlandia en 1939?",
        choices=[ChoiceData("Unión Soviética", True), ChoiceData("Suecia"), ChoiceData("Alemania")],
        explanation="La URSS atacó el 30 de noviembre de 1939.",
    ),
    QuestionData(
        kind=QuestionKind.MULTIPLE_CHOICE,
        prompt="¿Qué lugares se citan en el texto?",
        choices=[ChoiceData("Salla", True), ChoiceData("Petsamo", True), ChoiceData("Madrid"), ChoiceData("Lisboa")],
    ),
    QuestionData(kind=QuestionKind.TRUE_FALSE, prompt="La guerra empezó en 1939.", correct_bool=True),
    QuestionData(
        kind=QuestionKind.SHORT_ANSWER,
        prompt="¿Quién dirigió la defensa finlandesa?",
        accepted=["Mannerheim", "Carl Gustaf Mannerheim"],
    ),
    QuestionData(
        kind=QuestionKind.NUMERIC,
        prompt="¿Cuántos días duró la guerra?",
        numeric_value=105,
        numeric_tolerance=2,
        unit="días",
    ),
    QuestionData(
        kind=QuestionKind.ORDERING,
        prompt="Ordene los hechos",
        choices=[ChoiceData("Incidente de Mainila"), ChoiceData("Invasión"), ChoiceData("Paz de Moscú")],
    ),
]


def column_key(name: str) -> str:
    """Return a column or kind name without case, accents, quotes or spaces ("Explicación" → "explicacion")."""
    name = name.strip().strip('"').strip().casefold()
    for accented, plain in zip("áéíóúñ", "aeioun", strict=True):
        name = name.replace(accented, plain)
    return re.sub(r"[\s/-]+", "_", name)


def join_list(values: Iterable[str]) -> str:
    return " | ".join(v.replace("|", "\\|") for v in values)


def split_list(cell: str) -> list[str]:
    return [part.replace("\\|", "|").strip() for part in _SPLIT_RE.split(cell or "") if part.strip()]


# ---------------------------------------------------------------------------------------------------- writing


def to_row(item: QuestionData) -> dict[str, str]:
    row = dict.fromkeys(COLUMNS, "")
    row.update(tipo=item.kind, enunciado=item.prompt, explicacion=item.explanation, documento=item.document)
    if item.kind in {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE}:
        row["respuesta"] = join_list(c.text for c in item.choices if c.is_correct)
        row["distractores"] = join_list(c.text for c in item.choices if not c.is_correct)
    elif item.kind == QuestionKind.ORDERING:
        row["respuesta"] = join_list(c.text for c in item.choices)
    elif item.kind == QuestionKind.TRUE_FALSE:
        row["respuesta"] = "verdadero" if item.correct_bool else "falso"
    elif item.kind == QuestionKind.SHORT_ANSWER:
        row["respuesta"] = join_list(item.accepted)
    elif item.kind == QuestionKind.NUMERIC:
        row["respuesta"] = format_number(item.numeric_value, grouping=False, decimals=None)
        row["tolerancia"] = format_number(item.numeric_tolerance or 0, grouping=False, decimals=None)
        row["unidad"] = item.unit
    return row


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _needs_quote(text: str) -> bool:
    return text.startswith(_FORMULA_START) or (text.startswith("'") and _needs_quote(text[1:]))


def formula_safe(text: str) -> str:
    """Prefix a cell a spreadsheet would run as a formula with an apostrophe (OWASP "CSV injection")."""
    return "'" + text if _needs_quote(text) else text


def formula_unsafe(text: str) -> str:
    """Undo :func:`formula_safe` (only the apostrophe it adds is taken away)."""
    return text[1:] if text.startswith("'") and _needs_quote(text[1:]) else text


def dumps(items: Iterable[QuestionData]) -> str:
    """Return the CSV: semicolons (Excel in Spanish), UTF-8 with a BOM (so Excel reads accents), formulas defused."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for item in items:
        row = to_row(item)
        numeric = {"respuesta", "tolerancia"} if item.kind == QuestionKind.NUMERIC else set()
        writer.writerow([row[c] if c in numeric else formula_safe(strip_controls(row[c])) for c in COLUMNS])
    return "\ufeff" + out.getvalue()


# ---------------------------------------------------------------------------------------------------- reading


def _number(raw: str, what: str) -> float:
    """Read a number written the Spanish way ("500.000", "3,5"; "3.5" too), as the grader reads a student's."""
    value = parse_number(raw)
    if value is None:
        raise ImportFormatError(_("«%(raw)s» no es un número (%(what)s).") % {"raw": raw, "what": what})
    return value


def loads(text: str) -> ParseResult:
    """Read our CSV layout; a missing column stops everything, a bad row is an error naming its line."""
    text = text.lstrip("\ufeff")
    # The separator is the one the header row uses (csv.Sniffer would also guess, wrongly, that quotes are not
    # doubled: «"Mariscal"")"» would then keep both quotes).
    first_line = re.sub(r'"[^"]*"', "", text.split("\n", 1)[0])
    delimiter = max(",;\t", key=first_line.count) if any(d in first_line for d in ",;\t") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, doublequote=True, strict=False)

    def rows():
        for row in reader:
            yield reader.line_num, [formula_unsafe(cell) for cell in row]

    try:
        return read_table(rows(), empty=_("El CSV está vacío."), where=_("línea %(n)d"))
    except csv.Error as exc:
        result = ParseResult()
        result.errors.append(ImportFormatError(str(exc), where=_("línea %(n)d") % {"n": reader.line_num}))
        return result


def read_table(rows: Iterable[tuple[int, list[str]]], *, empty: str, where: str) -> ParseResult:
    """Read our layout from (line number, cells) rows, the first being the header (for CSV and spreadsheets).

    ``where`` names a row from its number (``"línea %(n)d"``, ``"fila %(n)d"``).
    """
    result = ParseResult()
    rows = iter(rows)
    try:
        _line, header = next(rows)
    except StopIteration:
        result.errors.append(ImportFormatError(empty))
        return result
    keys = [ENGLISH_COLUMNS.get(column_key(name), column_key(name)) for name in header]
    missing = [name for name in REQUIRED if name not in keys]
    if missing:
        result.errors.append(
            ImportFormatError(
                _("Faltan columnas obligatorias: %(missing)s. La primera fila debe nombrar al menos: %(req)s.")
                % {"missing": ", ".join(missing), "req": ", ".join(REQUIRED)},
                where=where % {"n": 1},
            )
        )
        return result
    unknown = [name for name, key in zip(header, keys, strict=True) if key not in COLUMNS and key]
    if unknown:
        result.notes.append(_("Columnas que no se usan: %(cols)s.") % {"cols": ", ".join(unknown)})
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        here = where % {"n": line}
        cells = {key: row[i].strip() if i < len(row) else "" for i, key in enumerate(keys)}
        try:
            result.items.append(_read_row(cells, here))
        except ImportFormatError as exc:
            exc.where = exc.where or here
            result.errors.append(exc)
    if not result.items and not result.errors:
        result.errors.append(ImportFormatError(_("El archivo no tiene ninguna fila de preguntas.")))
    return result


def _read_row(cells: dict[str, str], where: str) -> QuestionData:
    raw_kind = cells.get("tipo", "")
    kind = KIND_ALIASES.get(column_key(raw_kind))
    if kind is None:
        raise ImportFormatError(
            _("Tipo «%(kind)s» desconocido; use uno de: %(kinds)s.")
            % {"kind": raw_kind, "kinds": ", ".join(QuestionKind.values)}
        )
    item = QuestionData(
        kind=kind,
        prompt=cells.get("enunciado", ""),
        explanation=cells.get("explicacion", ""),
        document=cells.get("documento", ""),
        unit=cells.get("unidad", ""),
        where=where,
    )
    answer = cells.get("respuesta", "")
    if kind in {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE}:
        item.choices = [ChoiceData(text=t, is_correct=True) for t in split_list(answer)]
        item.choices += [ChoiceData(text=t) for t in split_list(cells.get("distractores", ""))]
    elif kind == QuestionKind.ORDERING:
        item.choices = [ChoiceData(text=t) for t in split_list(answer)]
    elif kind == QuestionKind.TRUE_FALSE:
        word = answer.strip().casefold()
        if word not in TRUE_WORDS | FALSE_WORDS:
            raise ImportFormatError(_("La respuesta de verdadero o falso debe ser «verdadero» o «falso»."))
        item.correct_bool = word in TRUE_WORDS
    elif kind == QuestionKind.SHORT_ANSWER:
        item.accepted = split_list(answer)
    elif kind == QuestionKind.NUMERIC:
        if not answer:
            raise ImportFormatError(_("Falta el valor de la respuesta numérica."))
        item.numeric_value = _number(answer, _("respuesta"))
        tolerance = cells.get("tolerancia", "")
        item.numeric_tolerance = _number(tolerance, _("tolerancia")) if tolerance else 0.0
    return item
