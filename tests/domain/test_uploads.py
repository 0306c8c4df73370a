"""quizzes/domain/uploads.py: the one decoder of uploaded text files (no database)."""

import codecs
import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from quizzes.domain import uploads
from quizzes.domain.uploads import MEGABYTE, UnreadableFile, check_size, decode_text, megabytes, read_text

LIMIT = 1000


@pytest.fixture(autouse=True)
def spanish():
    with translation.override("es"):
        yield


def refused(data: bytes, *, max_bytes: int = LIMIT) -> UnreadableFile:
    with pytest.raises(UnreadableFile) as exc:
        decode_text(data, max_bytes=max_bytes)
    return exc.value


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Año 1939: «Talvisota» — 105 días.\n".encode(), "Año 1939: «Talvisota» — 105 días.\n"),
        (codecs.BOM_UTF8 + "Año".encode(), "Año"),  # the byte-order mark is not part of the text
        ("línea 1\r\nlínea 2\r\n".encode(), "línea 1\r\nlínea 2\r\n"),  # Windows line ends are kept for the parsers
        (b"x" * LIMIT, "x" * LIMIT),  # exactly at the limit
    ],
)
def test_utf8_text_is_read(data, text):
    assert decode_text(data, max_bytes=LIMIT) == text


def test_a_windows_1252_file_is_refused_naming_the_byte_and_its_line():
    error = refused("Primera línea\nSegunda: año".encode("cp1252"))
    assert error.code == "not_utf8"
    assert error.params == {"pos": 9}  # the «í» of «línea»
    assert error.line == 1
    assert "Guárdelo como UTF-8" in error.messages[0]
    assert refused("ok\nok\nAño".encode("cp1252")).line == 3


def test_a_utf16_file_is_told_apart_from_a_binary_one():
    for data in ("Año".encode("utf-16"), codecs.BOM_UTF16_BE + "Año".encode("utf-16-be")):
        error = refused(data)
        assert (error.code, error.messages) == ("not_utf8", ["El archivo está en UTF-16. Guárdelo como UTF-8."])


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",  # an image
        b"PK\x03\x04\x14\x00\x06\x00",  # a .docx, .xlsx or .apkg (zip)
        b"texto con un NUL\x00 en medio",
    ],
)
def test_a_binary_file_is_refused(data):
    assert refused(data).code == "binary"


@pytest.mark.parametrize("data", [b"", b"   ", b"\n\r\n\t", codecs.BOM_UTF8, codecs.BOM_UTF8 + b" \n"])
def test_an_empty_or_blank_file_is_refused(data):
    error = refused(data)
    assert (error.code, error.messages) == ("empty", ["El archivo está vacío."])


def test_an_oversized_file_is_refused_with_both_sizes_in_the_users_format():
    error = refused(b"x" * (5 * MEGABYTE + MEGABYTE // 2), max_bytes=5 * MEGABYTE)
    assert error.code == "too_big"
    assert error.messages == ["El archivo ocupa 5,5 MB; el máximo es 5 MB."]
    assert refused(b"x" * (LIMIT + 1)).code == "too_big"


def test_the_size_is_checked_before_anything_is_read():
    class Unreadable(io.BytesIO):
        def read(self, *args):
            raise AssertionError("read although the size is over the limit")

    with pytest.raises(UnreadableFile) as exc:
        read_text(Unreadable(), size=20 * MEGABYTE, max_bytes=MEGABYTE)
    assert exc.value.messages == ["El archivo ocupa 20,0 MB; el máximo es 1 MB."]
    check_size(MEGABYTE, max_bytes=MEGABYTE)  # at the limit: fine


def test_read_text_reads_no_more_than_one_byte_past_the_limit():
    class Counting(io.BytesIO):
        asked: list = []

        def read(self, size=-1):
            self.asked.append(size)
            return super().read(size)

    upload = Counting(b"y" * (LIMIT * 3))
    with pytest.raises(UnreadableFile):
        read_text(upload, size=LIMIT, max_bytes=LIMIT)  # a size that lies is still caught
    assert upload.asked == [LIMIT + 1]
    assert read_text(io.BytesIO("Año".encode()), size=4, max_bytes=LIMIT) == "Año"


def test_an_unreadable_file_is_a_validation_error_for_forms_and_commands():
    error = refused(b"")
    assert isinstance(error, ValidationError)
    assert ValidationError([error]).messages == ["El archivo está vacío."]


def test_megabytes_shows_a_decimal_only_when_needed():
    assert [megabytes(MEGABYTE), megabytes(5 * MEGABYTE), megabytes(MEGABYTE + MEGABYTE // 2)] == ["1", "5", "1,5"]


# ---------------------------------------------------------------------------------------------------- guessing


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("año;canción".encode(), "año;canción", "UTF-8"),
        (codecs.BOM_UTF8 + "año".encode(), "año", "UTF-8"),
        ("año;«canción» €".encode("cp1252"), "año;«canción» €", "Windows-1252"),
        (codecs.BOM_UTF16_LE + "año\tsí".encode("utf-16-le"), "año\tsí", "UTF-16"),
        (codecs.BOM_UTF16_BE + "año\tsí".encode("utf-16-be"), "año\tsí", "UTF-16"),
        ("tipo\tenunciado".encode("utf-16-le"), "tipo\tenunciado", "UTF-16"),
        ("tipo\tenunciado".encode("utf-16-be"), "tipo\tenunciado", "UTF-16"),
    ],
)
def test_decode_guessing_reads_and_names_the_encoding(data, text, encoding):
    decoded = uploads.decode_guessing(data, max_bytes=1000)
    assert (decoded.text, decoded.encoding) == (text, encoding)


def test_a_utf8_file_with_a_bom_and_a_bad_byte_is_not_read_as_windows_1252():
    with pytest.raises(uploads.UnreadableFile) as error:
        uploads.decode_guessing(codecs.BOM_UTF8 + b"uno\ndos \xff", max_bytes=1000)
    assert (error.value.code, error.value.line) == ("not_utf8", 2)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"\x81\x8d", "not_utf8"),  # bytes Windows-1252 does not define
        (b"PK\x03\x04\x00\x00\x14", "binary"),
        (b"  \r\n", "empty"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "not_utf8"),  # a lone surrogate: damaged UTF-16
        (b"x" * 1001, "too_big"),
    ],
)
def test_decode_guessing_refuses_what_is_not_text(data, code):
    with pytest.raises(uploads.UnreadableFile) as error:
        uploads.decode_guessing(data, max_bytes=1000)
    assert error.value.code == code
