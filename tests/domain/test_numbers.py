"""Reading and writing numbers, the Spanish way and the plain way: pure functions, no database."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizzes.domain.numbers import (
    format_amount,
    format_number,
    format_plain,
    parse_number,
    parse_plain,
    parse_quantity,
    unit_label,
)

# --- parse_number: one number, nothing around it ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1939", 1939),  # a year is a plain integer
        ("500.000", 500_000),  # thousands point (a CSV once stored this as 500)
        ("1.939", 1939),
        ("12.345.678", 12_345_678),
        ("40 000", 40_000),  # space as thousands separator
        ("40\u00a0000", 40_000),  # no-break space
        ("40\u202f000", 40_000),  # narrow no-break space, as typographers write it
        ("40\u2009000", 40_000),  # thin space
        ("2 520,7", 2520.7),
        ("3,5", 3.5),  # decimal comma
        (",5", 0.5),
        ("1.234,5", 1234.5),
        ("3.5", 3.5),  # a point not followed by groups of three is a decimal point
        ("1.5", 1.5),
        ("0.939", 0.939),  # "0." cannot open a thousands group
        ("1.500", 1500),  # the one ambiguous case, read the Spanish way
        ("1,234.5", 1234.5),
        ("-43", -43),
        ("−40", -40),  # minus sign
        ("–43", -43),  # en dash
        ("- 43", -43),
        ("+7", 7),
        ("  12  ", 12),
        ("１２", 12),  # full-width digits
    ],
)
def test_parse_number_reads_spanish_numbers(typed, value):
    assert parse_number(typed) == pytest.approx(value)


@pytest.mark.parametrize(
    "typed",
    [
        "",
        " ",
        "12abc",
        "0x20",
        "1e309",
        "1e3",
        "inf",
        "-inf",
        "nan",
        "Infinity",
        "1.2.3",
        "12,34,5",
        "3,",
        "1..2",
        "1,2.3,4",
        "1 2",
        "500 000.5",
        "--1",
        "105 km",  # a unit: parse_quantity's job
        "tres",  # words: the generator's job
        "١٩٣٩",  # Arabic-Indic digits
        "9" * 400,  # too large for a float
        "1" * 101,
        None,
        12,
    ],
)
def test_parse_number_refuses_anything_else(typed):
    assert parse_number(typed) is None


@given(st.integers(min_value=0, max_value=10**12))
def test_parse_number_reads_spanish_thousands(n):
    assert parse_number(f"{n:,}".replace(",", ".")) == n
    assert parse_number(f"{n:,}".replace(",", "\u202f")) == n
    assert parse_number(str(n)) == n


@given(st.text(max_size=40))
def test_parse_number_never_fails_and_never_returns_a_non_finite_value(text):
    value = parse_number(text)
    assert value is None or math.isfinite(value)


# --- parse_quantity: a student's answer, with a multiplier and a unit ------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "value", "unit"),
    [
        ("1939", 1939, ""),
        ("500.000", 500_000, ""),
        ("1,000,000", 1_000_000, ""),
        ("500 000", 500_000, ""),
        ("-12", -12, ""),
        ("105 km", 105, "km"),
        ("105km", 105, "km"),
        ("1.939.", 1939, ""),
        ("1939.", 1939, ""),  # a full stop after the number
        ("3,5 millones", 3_500_000, ""),
        ("1,5 millones de soldados", 1_500_000, "soldados"),
        ("1,5 MILLONES de soldados", 1_500_000, "soldados"),
        ("1 millón", 1_000_000, ""),
        ("500 mil", 500_000, ""),
        ("25 %", 25, "%"),
        ("12 abc", 12, "abc"),  # a word after a space: a unit the grader will not accept, not a crash
        ("25%", 25, "%"),
        ("-40°C", -40, "°C"),
    ],
)
def test_parse_quantity(typed, value, unit):
    parsed = parse_quantity(typed)
    assert parsed is not None
    assert parsed.value == pytest.approx(value)
    assert parsed.unit == unit


@pytest.mark.parametrize("typed", ["", "mucho", "unos 500", "1.2.3", "3,", "x" * 400, "1 2", "inf", "nan", "1" * 400])
def test_parse_quantity_refuses(typed):
    assert parse_quantity(typed) is None


@pytest.mark.parametrize(
    "typed", ["1e309", "1e3", "1E5", "0x20", "0b101", "12abc", "1_000", "12.abc", "1e 309", "7kmh"]
)
def test_parse_quantity_refuses_letters_glued_to_the_number(typed):
    """Only a unit symbol may follow the digits without a space («105km», «25%»); anything else is a typing error."""
    assert parse_quantity(typed) is None


@pytest.mark.parametrize("typed", ["²", "١٩٣٩", "1²", "¹⁹³⁹"])
def test_parse_quantity_unicode_digits_never_crash(typed):
    parsed = parse_quantity(typed)
    assert parsed is None or parsed.value >= 0


# --- format_number: for people ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1939, "1939"),  # years and other four-digit numbers are not grouped
        (1939.0, "1939"),
        (2520.7, "2520,7"),  # the RAE groups only whole parts of five digits or more
        (10_000, "10\u00a0000"),  # a no-break space, as the RAE recommends (not a point)
        (500_000, "500\u00a0000"),
        (1_234_567.5, "1\u00a0234\u00a0567,5"),
        (-12_345, "-12\u00a0345"),
        (3.5, "3,5"),
        (0.1 + 0.2, "0,3"),  # six decimals hide float noise
        (-43.5, "-43,5"),
        (-0.0000001, "0"),  # no "-0"
        (0, "0"),
        (None, ""),
        (float("inf"), ""),
        (float("nan"), ""),
    ],
)
def test_format_number(value, text):
    assert format_number(value) == text


def test_format_number_without_grouping_keeps_every_digit():
    assert format_number(1_234_567.125, grouping=False, decimals=None) == "1234567,125"
    assert format_number(1e-7, grouping=False, decimals=None) == "0,0000001"
    assert format_number(1e20, grouping=False, decimals=None) == "100000000000000000000"


@given(
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15).filter(
        lambda v: v == 0 or abs(v) >= 1e-12
    )
)
def test_spanish_writing_reads_back_exactly(value):
    """Our CSV export writes what parse_number reads: the same float comes back (any answer or tolerance a quiz has)."""
    assert parse_number(format_number(value, grouping=False, decimals=None)) == value


@given(st.integers(min_value=-(10**14), max_value=10**14))
def test_grouped_integers_read_back(n):
    assert parse_number(format_number(n)) == n


# --- the plain form of Moodle XML and GIFT ---------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "text"), [(105, "105"), (2.0, "2"), (-43.5, "-43.5"), (0.001, "0.001")])
def test_format_plain(value, text):
    assert format_plain(value) == text


@pytest.mark.parametrize(
    ("text", "value"), [("3.5", 3.5), ("-2", -2), ("+2", 2), (".5", 0.5), ("1e-3", 0.001), (" 7 ", 7)]
)
def test_parse_plain(text, value):
    assert parse_plain(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "3,5", "1.000,5", "0x20", "1e309", "inf", "nan", "12abc", None])
def test_parse_plain_refuses(text):
    assert parse_plain(text) is None


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_plain_writing_reads_back_to_fifteen_significant_digits(value):
    """Exact for every number written with up to 15 significant digits; float noise past them is dropped."""
    back = parse_plain(format_plain(value))
    assert back == pytest.approx(value, rel=1e-14, abs=1e-300)
    if float(f"{value:.15g}") == value:
        assert back == value


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (1939, "año", "1939"),
        (3, "mes", "3 meses"),
        (1, "mes", "1 mes"),
        (1, "años", "1 año"),
        (2520.7, "años", "2520,7 años"),
        (450000, "soldado", "450\u00a0000 soldados"),
        (4, "avión", "4 aviones"),
        (105, "km", "105 km"),
        (-40, "°C", "-40 °C"),
        (3, "millones de km²", "3 millones de km²"),
        (30, "", "30"),
    ],
)
def test_format_amount_reads_as_spanish(value, unit, shown):
    assert format_amount(value, unit) == shown


@pytest.mark.parametrize(
    ("unit", "value", "label"),
    [
        ("año", 1939, ""),  # «1939», never «1939 año»
        ("años", 3, "años"),
        ("mes", 3, "meses"),
        ("día", None, "días"),
        ("km", 105, "km"),
        ("%", 25, "%"),
        ("°C", -40, "°C"),
        ("millones de km²", 3, "millones de km²"),
        ("", 5, ""),
    ],
)
def test_unit_label_beside_an_answer_box(unit, value, label):
    assert unit_label(unit, value) == label


@pytest.mark.parametrize(("value", "written"), [(23.900000000000002, "23.9"), (0.1 + 0.2, "0.3"), (2390 * 0.1, "239")])
def test_format_plain_writes_no_float_noise(value, written):
    assert format_plain(value) == written
    assert parse_plain(written) == pytest.approx(value)
