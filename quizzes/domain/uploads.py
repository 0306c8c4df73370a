"""Reading an uploaded text file: the one decoder for documents, question banks and the command's input file.

A file is text when it is UTF-8 (with or without a byte-order mark), holds no NUL byte and is not blank. Anything
else is refused with an :class:`UnreadableFile` that says what is wrong: a teacher who saved from Excel or Word as
"ANSI" (Windows-1252) is told to save as UTF-8, rather than getting a text with wrong letters in it.

Question banks come from spreadsheets, which rarely write UTF-8: :func:`decode_guessing` reads them by their
byte-order mark (UTF-8 or UTF-16), then as strict UTF-8, then as Windows-1252 (what Spanish Excel and Notepad call
"ANSI"), and says which one it used.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

MEGABYTE = 1024 * 1024

FILE_TOO_BIG = _("El archivo ocupa %(size)s MB; el máximo es %(max)s MB.")
FILE_EMPTY = _("El archivo está vacío.")
FILE_BINARY = _("El archivo es binario, no un texto (¿un .docx, .xlsx, .pdf o una imagen?).")
FILE_UTF16 = _("El archivo está en UTF-16. Guárdelo como UTF-8.")
FILE_NOT_UTF8 = _("El archivo no está en UTF-8 (byte no válido en la posición %(pos)s). Guárdelo como UTF-8.")
FILE_BAD_UTF16 = _("El archivo dice estar en UTF-16 pero está dañado (posición %(pos)s). Guárdelo como UTF-8.")
FILE_UNKNOWN_ENCODING = _(
    "El archivo no está ni en UTF-8 ni en Windows-1252 (byte no válido en la posición %(pos)s). Guárdelo como UTF-8."
)

UTF8 = "UTF-8"
UTF16 = "UTF-16"
WINDOWS_1252 = "Windows-1252"


class UnreadableFile(ValidationError):
    """A file that is not a text we can read; ``code`` says which check failed.

    For a byte that is not UTF-8, ``line`` is the line it is on (1 for the first), for readers that name lines.
    """

    def __init__(self, message, *, code: str, params: dict | None = None, line: int | None = None):
        super().__init__(message, code=code, params=params)
        self.line = line


def megabytes(size: int) -> str:
    """A size in MB as the user's locale writes it, with one decimal unless it is a whole number."""
    value = size / MEGABYTE
    return number_format(value, 0 if value == int(value) else 1)


def check_size(size: int, *, max_bytes: int) -> None:
    """Raise :class:`UnreadableFile` when a file of ``size`` bytes is over the limit (before reading it)."""
    if size > max_bytes:
        params = {"size": number_format(size / MEGABYTE, 1), "max": megabytes(max_bytes)}
        raise UnreadableFile(FILE_TOO_BIG, code="too_big", params=params)


def read_text(file: BinaryIO, *, size: int, max_bytes: int, fallback: str | None = None) -> str:
    """Return the text of an open file (an upload, or a file on disk) of ``size`` bytes; see :func:`decode_text`.

    A file over the limit is refused by its size, before it is read; no more than ``max_bytes + 1`` are ever read.
    """
    check_size(size, max_bytes=max_bytes)
    return decode_text(file.read(max_bytes + 1), max_bytes=max_bytes, fallback=fallback)


def decode_text(data: bytes, *, max_bytes: int, fallback: str | None = None) -> str:
    """Return the text of a file of at most ``max_bytes``, or raise :class:`UnreadableFile`.

    ``data`` may be longer than the limit (read ``max_bytes + 1`` to find out without reading a huge file whole).
    The byte-order mark, when there is one, is not part of the text. With ``fallback`` (``"cp1252"`` for a class
    list saved from Excel as "CSV (delimitado por comas)"), a file that is not UTF-8 is read in that encoding
    instead, when every byte is valid in it.
    """
    check_size(len(data), max_bytes=max_bytes)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise UnreadableFile(FILE_UTF16, code="not_utf8", line=1)
    if b"\x00" in data:
        raise UnreadableFile(FILE_BINARY, code="binary")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if fallback:
            try:
                return _not_blank(data.decode(fallback))
            except UnicodeDecodeError:
                pass
        raise UnreadableFile(
            FILE_NOT_UTF8, code="not_utf8", params={"pos": exc.start}, line=data[: exc.start].count(b"\n") + 1
        ) from exc
    return _not_blank(text)


def _not_blank(text: str) -> str:
    if not text.strip():
        raise UnreadableFile(FILE_EMPTY, code="empty")
    return text


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # UTF8, UTF16 or WINDOWS_1252, to tell the user which one was used


def _utf16_without_bom(data: bytes) -> str | None:
    """Return "utf-16-le"/"utf-16-be" when every other byte is NUL, as in UTF-16 text of Latin letters."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def decode_guessing(data: bytes, *, max_bytes: int) -> DecodedText:
    """Return the text of a file and the encoding it was read in: BOM, then strict UTF-8, then Windows-1252.

    UTF-16 (what Excel calls "Unicode text") is read when it has a byte-order mark, or none but a NUL in every other
    byte. Binary files (NUL bytes otherwise), empty files and files over the limit raise :class:`UnreadableFile`.
    """
    check_size(len(data), max_bytes=max_bytes)
    utf16 = "utf-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else _utf16_without_bom(data)
    if utf16:
        try:
            text, encoding = data.decode(utf16).lstrip("\ufeff"), UTF16
        except UnicodeDecodeError as exc:
            raise UnreadableFile(FILE_BAD_UTF16, code="not_utf8", params={"pos": exc.start}) from exc
    elif b"\x00" in data:
        raise UnreadableFile(FILE_BINARY, code="binary")
    else:
        try:
            text, encoding = data.decode("utf-8-sig"), UTF8
        except UnicodeDecodeError as exc:
            if data.startswith(codecs.BOM_UTF8):
                raise UnreadableFile(
                    FILE_NOT_UTF8, code="not_utf8", params={"pos": exc.start}, line=data[: exc.start].count(b"\n") + 1
                ) from exc
            try:
                text, encoding = data.decode("cp1252"), WINDOWS_1252
            except UnicodeDecodeError as exc1252:
                raise UnreadableFile(
                    FILE_UNKNOWN_ENCODING,
                    code="not_utf8",
                    params={"pos": exc1252.start},
                    line=data[: exc1252.start].count(b"\n") + 1,
                ) from exc1252
    if not text.strip():
        raise UnreadableFile(FILE_EMPTY, code="empty")
    return DecodedText(text, encoding)
