"""A class list (CSV) read into rows: first name, last name, optional username and e-mail.

Semicolon or comma (Excel in Spanish saves with semicolons), with or without a header row (``nombre;apellidos;
usuario;correo``, in any order). Every problem is reported with its line, all at once, so that a teacher fixes the
file in one go: an empty name, a cell that is a spreadsheet formula, the same student twice, an invalid username or
e-mail, too many rows. Nothing here touches the database.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass

from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

MAX_ROWS = 500
MAX_NAME = 150
# A cell a spreadsheet would run as a formula (CSV injection): refused rather than silently changed.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

HEADERS = {
    "first_name": {"nombre", "nombres", "first name", "first_name", "firstname", "name"},
    "last_name": {"apellido", "apellidos", "last name", "last_name", "lastname", "surname"},
    "username": {"usuario", "nombre de usuario", "username", "user", "login"},
    "email": {"correo", "correo electrónico", "correo electronico", "email", "e-mail", "mail"},
}
POSITIONS = ("first_name", "last_name", "username", "email")


@dataclass(frozen=True)
class RosterRow:
    line: int
    first_name: str
    last_name: str
    username: str = ""
    email: str = ""

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def name_key(self) -> str:
        return name_key(self.first_name, self.last_name)


@dataclass(frozen=True)
class RosterProblem:
    line: int
    message: str

    def __str__(self) -> str:
        return str(_("Línea %(line)s: %(message)s") % {"line": self.line, "message": self.message})


class RosterInvalid(Exception):
    def __init__(self, problems: list[RosterProblem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


def name_key(first: str, last: str) -> str:
    """The name compared for duplicates: case, accents and spacing do not count."""
    text = unicodedata.normalize("NFKD", f"{first} {last}".casefold())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def _delimiter(text: str) -> str:
    first_line = text.lstrip().splitlines()[0] if text.strip() else ""
    return ";" if first_line.count(";") >= first_line.count(",") and ";" in first_line else ","


def _columns(cells: list[str]) -> dict[str, int] | None:
    """The columns named by a header row, or None when the first row is a student."""
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        label = " ".join(cell.strip().casefold().split())
        for key, names in HEADERS.items():
            if label in names and key not in found:
                found[key] = index
    return found if "first_name" in found and "last_name" in found else None


def parse_roster(text: str) -> list[RosterRow]:
    """Return the rows of a class list, or raise :class:`RosterInvalid` with every problem found."""
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    problems: list[RosterProblem] = []
    rows: list[RosterRow] = []
    columns: dict[str, int] | None = None
    first = True
    try:
        records = list(reader)
    except csv.Error as exc:
        raise RosterInvalid([RosterProblem(reader.line_num, _("el archivo no es un CSV válido (%s).") % exc)]) from exc
    for line, cells in enumerate(records, start=1):
        if not any(c.strip() for c in cells):
            continue
        if first:
            first = False
            columns = _columns(cells)
            if columns is not None:
                continue
        if len(rows) >= MAX_ROWS:
            problems.append(
                RosterProblem(line, _("hay más de %(max)s estudiantes; divida la lista.") % {"max": MAX_ROWS})
            )
            break
        mapping = columns or {key: i for i, key in enumerate(POSITIONS)}
        values = {key: (cells[i].strip() if i < len(cells) else "") for key, i in mapping.items()}
        try:
            rows.append(make_row(line, values))
        except RosterInvalid as exc:
            problems.extend(exc.problems)
    problems.extend(_duplicates(rows))
    if not rows and not problems:
        problems.append(RosterProblem(1, _("la lista no tiene ningún estudiante.")))
    if problems:
        raise RosterInvalid(sorted(problems, key=lambda p: p.line))
    return rows


def make_row(line: int, values: dict[str, str]) -> RosterRow:
    """One student from its cells (``first_name``, ``last_name``, ``username``, ``email``), or RosterInvalid."""
    values = {key: (value or "").strip() for key, value in values.items()}
    problems = _check(line, values)
    if problems:
        raise RosterInvalid(problems)
    return RosterRow(
        line=line,
        first_name=" ".join(values["first_name"].split()),
        last_name=" ".join(values["last_name"].split()),
        username=values.get("username", ""),
        email=values.get("email", "").lower(),
    )


def _check(line: int, values: dict[str, str]) -> list[RosterProblem]:
    problems = []
    for value in values.values():
        if value.startswith(FORMULA_START) and len(value) > 1:
            problems.append(
                RosterProblem(line, _("la celda «%(cell)s» es una fórmula; escriba el valor.") % {"cell": value[:40]})
            )
            return problems
    if not values.get("first_name"):
        problems.append(RosterProblem(line, _("falta el nombre.")))
    if not values.get("last_name"):
        problems.append(RosterProblem(line, _("faltan los apellidos.")))
    for key in ("first_name", "last_name"):
        if len(values.get(key, "")) > MAX_NAME:
            problems.append(RosterProblem(line, _("el nombre es demasiado largo (150 caracteres como máximo).")))
            break
    username = values.get("username", "")
    if username:
        try:
            if len(username) > MAX_NAME:
                raise ValidationError("too long")
            UnicodeUsernameValidator()(username)
        except ValidationError:
            problems.append(
                RosterProblem(
                    line,
                    _("el usuario «%(username)s» no es válido: letras, números y . @ + - _ (150 como máximo).")
                    % {"username": username[:40]},
                )
            )
    email = values.get("email", "")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            problems.append(RosterProblem(line, _("el correo «%(email)s» no es válido.") % {"email": email[:60]}))
    return problems


def _duplicates(rows: list[RosterRow]) -> list[RosterProblem]:
    problems = []
    seen_names: dict[str, int] = {}
    seen_usernames: dict[str, int] = {}
    for row in rows:
        if row.username:
            other = seen_usernames.setdefault(row.username.casefold(), row.line)
            if other != row.line:
                problems.append(
                    RosterProblem(
                        row.line,
                        _("el usuario «%(username)s» ya está en la línea %(other)s.")
                        % {"username": row.username, "other": other},
                    )
                )
                continue
        else:
            other = seen_names.setdefault(row.name_key(), row.line)
            if other != row.line:
                problems.append(
                    RosterProblem(
                        row.line,
                        _("%(name)s ya está en la línea %(other)s (si son dos personas, deles un usuario).")
                        % {"name": row.full_name, "other": other},
                    )
                )
    return problems
