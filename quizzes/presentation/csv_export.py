"""CSV downloads that open as they should in Excel and LibreOffice.

- UTF-8 with a byte-order mark: Excel only reads accents correctly from UTF-8 when the BOM is there.
- Semicolon separator and decimal comma when the interface is in Spanish (what Spanish-locale Excel expects),
  comma and decimal point otherwise.
- Formula injection (OWASP "CSV injection"): a text cell that starts with = + - @ (or a tab / carriage return) is
  prefixed with an apostrophe so a spreadsheet shows it as text instead of running it. Numbers we write ourselves are
  left alone, so a negative discrimination index stays a number.
"""

import csv
import io
import re
from collections.abc import Iterable

from django.http import HttpResponse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

BOM = "\ufeff"
_DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
_SAFE_FILENAME = re.compile(r"[^A-Za-z0-9._-]+")


def csv_safe(value: str) -> str:
    """Neutralise a text cell a spreadsheet would read as a formula."""
    if value and value.startswith(_DANGEROUS_START):
        return "'" + value
    return value


class Number:
    """A numeric cell: written in the locale's decimal notation and never escaped."""

    def __init__(self, value, digits: int = 2):
        self.value = value
        self.digits = digits


def _spanish() -> bool:
    return (get_language() or "es").startswith("es")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Number):
        if value.value is None:
            return ""
        text = f"{float(value.value):.{value.digits}f}"
        return text.replace(".", ",") if _spanish() else text
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    return csv_safe(str(value))


def render_csv(rows: Iterable[Iterable]) -> str:
    """Return the CSV text (with BOM) for these rows."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=";" if _spanish() else ",", lineterminator="\r\n")
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx_value(value):
    """A cell for openpyxl: numbers stay numbers (rounded as in the CSV), every text is a text cell."""
    if value is None:
        return None
    if isinstance(value, Number):
        return None if value.value is None else round(float(value.value), value.digits)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return value
    return str(value)


def render_xlsx(rows: Iterable[Iterable], *, sheet: str) -> bytes:
    """Return an Excel workbook of these rows: numbers as numbers, texts as text cells (never a formula)."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = re.sub(r"[\[\]:*?/\\]", "-", sheet)[:31].strip() or "Hoja"  # what Excel forbids in a name
    for row_number, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            value = _xlsx_value(value)
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
            cell = worksheet.cell(row_number, column, value)
            if isinstance(value, str):
                cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(rows: Iterable[Iterable], *, filename: str, sheet: str) -> HttpResponse:
    """Return the rows as a downloadable Excel workbook."""
    name = _SAFE_FILENAME.sub("-", filename).strip("-") or "export"
    response = HttpResponse(render_xlsx(rows, sheet=sheet), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


def csv_response(rows: Iterable[Iterable], *, filename: str) -> HttpResponse:
    """Return the rows as a downloadable CSV file."""
    name = _SAFE_FILENAME.sub("-", filename).strip("-") or "export"
    response = HttpResponse(render_csv(rows).encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


# ------------------------------------------------------------------------------------------- the reports' rows


def class_grid_rows(grid) -> list[list]:
    """The class grid (selectors' ClassGrid): one row per student, best score, attempts and status per assignment."""
    header = [_("Estudiante"), _("Usuario")]
    for summary in grid.assignments:
        title = summary.assignment.quiz.title
        header += [
            _("%(quiz)s: mejor nota (%%)") % {"quiz": title},
            _("%(quiz)s: intentos") % {"quiz": title},
            _("%(quiz)s: estado") % {"quiz": title},
        ]
    header += [_("Repasos (7 días)"), _("Retención (%)"), _("Sanguijuelas")]
    rows = [header]
    for row in grid.rows:
        line = [row.student.get_full_name() or row.student.username, row.student.username]
        for cell in row.cells:
            line += [Number(cell.best, 1), cell.attempts, str(cell.label)]
        retention = row.cards.retention * 100 if row.cards.retention is not None else None
        line += [row.cards.reviews_7d, Number(retention, 1), row.cards.leeches]
        rows.append(line)
    return rows


ITEM_ANALYSIS_HEADER = [
    gettext_lazy("Posición"),
    gettext_lazy("Pregunta"),
    gettext_lazy("Tipo"),
    gettext_lazy("Respuestas"),
    gettext_lazy("Facilidad (%)"),
    gettext_lazy("Discriminación"),
    gettext_lazy("Respuesta incorrecta más elegida"),
    gettext_lazy("Veces"),
    gettext_lazy("Opciones (% elegida)"),
    gettext_lazy("Revisar"),
]


def _flag_cell(stat) -> str:
    flags = "; ".join(str(f) for f in stat.flags)
    if flags and not stat.reliable:
        return _("(poco fiable: %(n)d de %(min)d respuestas) %(flags)s") % {
            "n": stat.n,
            "min": stat.min_answers,
            "flags": flags,
        }
    return flags


def item_analysis_rows(analysis, *, quiz) -> list[list]:
    """The item analysis of ``quiz``: the summary, a blank line, then one row per question."""
    rows = [
        [_("Cuestionario"), quiz.title],
        [_("Intentos"), analysis.n_attempts],
        [_("Media (%)"), Number(analysis.mean, 1)],
        [_("Mediana (%)"), Number(analysis.median, 1)],
        [_("Desviación típica (%)"), Number(analysis.sd, 1)],
        [_("Alfa de Cronbach"), Number(analysis.alpha, 3)],
        [],
        [str(label) for label in ITEM_ANALYSIS_HEADER],
    ]
    for stat in analysis.questions:
        options = " | ".join(f"{o.text}{' ✓' if o.is_correct else ''}: {o.rate * 100:.0f} %" for o in stat.options)
        rows.append(
            [
                stat.item.position,
                stat.question.prompt,
                stat.question.get_kind_display(),
                stat.n,
                Number(stat.facility * 100 if stat.facility is not None else None, 1),
                Number(stat.discrimination, 2),
                stat.top_wrong or "",
                stat.top_wrong_count,
                options,
                _flag_cell(stat),
            ]
        )
    return rows
