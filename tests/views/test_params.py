"""Reading the query string: one limit for numbers, a 404 for a malformed id, defaults for display options."""

import pytest
from django.http import Http404, QueryDict

from quizzes.views.params import MAX_ID, choice_param, int_param, parse_int, text_param


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("0", 0), ("42", 42), ("007", 7), (str(MAX_ID), MAX_ID), (str(MAX_ID + 1), None), ("9" * 25, None),
     ("", None), ("-1", None), ("+1", None), ("1.5", None), ("1e3", None), (" 1", None), ("١٢", None), ("²", None)],
)  # fmt: skip
def test_parse_int(raw, expected):
    assert parse_int(raw) == expected


def test_parse_int_with_a_smaller_limit():
    assert parse_int("5", max_value=5) == 5
    assert parse_int("6", max_value=5) is None


def test_int_param_absent_or_empty_is_none_and_malformed_is_404():
    assert int_param(QueryDict(""), "s") is None
    assert int_param(QueryDict("s="), "s") is None
    assert int_param(QueryDict("s=12"), "s") == 12
    for raw in ("x", "-3", str(MAX_ID + 1)):
        with pytest.raises(Http404):
            int_param(QueryDict(f"s={raw}"), "s")


def test_choice_param_falls_back_to_the_default():
    choices = [("first", "Primero"), ("all", "Todos")]
    assert choice_param(QueryDict("w=all"), "w", choices, default="first") == "all"
    assert choice_param(QueryDict("w=%3Cscript%3E"), "w", choices, default="first") == "first"
    assert choice_param(QueryDict(""), "w", ["a", "b"]) == ""


def test_text_param_is_cut():
    assert text_param(QueryDict("r=" + "x" * 600), "r", max_length=500) == "x" * 500
    assert text_param(QueryDict(""), "r", max_length=5) == ""
