"""Our question-bank layout (docs/interop.md, *CSV layout*) as an Excel workbook (.xlsx), with openpyxl.

Formulas are off both ways: every text is written as a text cell (a prompt that starts with ``=`` stays a text; no
apostrophe is needed), and reading takes the values Excel stored, never a formula. A workbook is a zip: its
declared sizes are checked before anything is unpacked (a zip bomb is refused), and openpyxl parses its XML with
defusedxml (no entities, no DTD).
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Iterable

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils.exceptions import InvalidFileException

from ..domain.numbers import format_number
from ..models.content import QuestionKind
from .csv_io import COLUMNS, read_table, to_row
from .schema import ImportFormatError, ParseResult, QuestionData, strip_controls

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A bank of a few thousand questions unpacks to a few MB; a workbook that would unpack to more is refused unread.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_RATIO = 200  # Deflate compresses text about 5-20 times; hundreds of times is a zip bomb
MAX_ROWS = 5000
MAX_COLUMNS = 50
WIDTHS = {"tipo": 16, "enunciado": 60, "respuesta": 40, "distractores": 40, "explicacion": 40, "documento": 30}


def dumps(items: Iterable[QuestionData], *, sheet: str = "Preguntas") -> bytes:
    """Return a workbook with one sheet: the header row, then one question per row (numbers as numbers)."""
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    worksheet.append(list(COLUMNS))
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
    worksheet.freeze_panes = "A2"
    for index, column in enumerate(COLUMNS, start=1):
        worksheet.column_dimensions[worksheet.cell(1, index).column_letter].width = WIDTHS.get(column, 12)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row_number, item in enumerate(items, start=2):
        row = to_row(item)
        for index, column in enumerate(COLUMNS, start=1):
            if item.kind == QuestionKind.NUMERIC and column == "respuesta":
                value = item.numeric_value
            elif item.kind == QuestionKind.NUMERIC and column == "tolerancia":
                value = item.numeric_tolerance or 0
            else:
                value = strip_controls(row[column]) or None
            cell = worksheet.cell(row_number, index, value)
            if isinstance(value, str):
                cell.data_type = "s"  # a text, even when it starts with "=": never a formula
                cell.alignment = wrap
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _check_archive(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise ImportFormatError(_("No es un libro de Excel (.xlsx) válido.")) from exc
    unpacked = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members) or 1
    if unpacked > MAX_UNPACKED_BYTES or unpacked / packed > MAX_RATIO:
        raise ImportFormatError(
            _("El libro de Excel ocuparía %(mb)s MB descomprimido: no se abre (¿un archivo manipulado?).")
            % {"mb": format_number(unpacked / 1024 / 1024, decimals=1)}
        )


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "verdadero" if value else "falso"
    if isinstance(value, int | float):
        return format_number(value, grouping=False, decimals=None)
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def loads(data: bytes) -> ParseResult:
    """Read the first sheet of a workbook in our layout (the header row names the columns, as in CSV)."""
    try:
        _check_archive(data)
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ImportFormatError as exc:
        return ParseResult(errors=[exc])
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        return ParseResult(errors=[ImportFormatError(_("No es un libro de Excel (.xlsx) válido: %(e)s") % {"e": exc})])
    try:
        worksheet = workbook.worksheets[0]

        def rows():
            for number, row in enumerate(worksheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1):
                if number > MAX_ROWS + 1:
                    raise ImportFormatError(
                        _("La hoja tiene más de %(n)d filas: divídala.") % {"n": MAX_ROWS},
                        where=_("fila %(n)d") % {"n": number},
                    )
                yield number, [_cell_text(value) for value in row]

        try:
            return read_table(rows(), empty=_("La hoja está vacía."), where=_("fila %(n)d"))
        except ImportFormatError as exc:
            return ParseResult(errors=[exc])
    finally:
        workbook.close()
