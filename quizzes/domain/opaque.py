"""Opaque per-attempt names for the options and items of a question (Moodle hashes its ordering keys the same way).

A page of an attempt in progress never shows a primary key of a choice or an ordering item: database ids follow the
order the rows were created in (the right order of an ordering question, often the right option first), so sorting
them would answer the question. Each option is named instead by a keyed hash of the response it belongs to and its
id: stable for that response (a reload, another device), different in every attempt, and meaningless without the
server's SECRET_KEY. The attempts service turns the names back into ids before grading.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from django.utils.crypto import salted_hmac

_SALT = "quizzes.attempt.option"
KEY_LENGTH = 16
# Stands for a name that is not one of this question's options: grading refuses it as a foreign option.
UNKNOWN = "unknown"


def option_key(scope: int, option_id: int) -> str:
    """Return the opaque name of an option (or ordering item) within one response."""
    return salted_hmac(_SALT, f"{scope}:{option_id}", algorithm="sha256").hexdigest()[:KEY_LENGTH]


def option_keys(scope: int, option_ids: Iterable[int]) -> dict[int, str]:
    """Return {option id: opaque name} for the options of one response."""
    return {pk: option_key(scope, pk) for pk in option_ids}


def decode_form(scope: int, option_ids: Iterable[int], data: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """Turn a question form that names options by opaque key into one that names them by id, for grading.

    ``choice``/``choices`` values and ``pos-<key>`` field names are translated; a key that is not one of this
    response's options becomes ``unknown`` (refused by grading as a foreign option); other fields pass unchanged.
    """
    by_key = {key: str(pk) for pk, key in option_keys(scope, option_ids).items()}
    decoded: dict[str, list[str]] = {}
    for name in data:
        values = data.getlist(name) if hasattr(data, "getlist") else data[name]
        values = [values] if isinstance(values, str) else [v for v in values if isinstance(v, str)]
        if name in {"choice", "choices"}:
            values = [by_key.get(v.strip(), UNKNOWN) if v.strip() else "" for v in values]
        elif name.startswith("pos-"):
            name = f"pos-{by_key.get(name[4:], UNKNOWN)}"
        decoded.setdefault(name, []).extend(values)
    return decoded


def encode_form(scope: int, data: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """The inverse of ``decode_form``: name options by their opaque keys, as a question page posts them."""
    encoded: dict[str, list[str]] = {}
    for name, values in data.items():
        if name in {"choice", "choices"}:
            values = [option_key(scope, int(v)) for v in values]
        elif name.startswith("pos-"):
            name = f"pos-{option_key(scope, int(name[4:]))}"
        encoded[name] = list(values)
    return encoded
