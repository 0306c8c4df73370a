"""Reading the query string: one helper per kind of value, and one limit for numbers (a 64-bit id).

Parameters that name a thing (a sentence, a document) come from our own links, so a malformed one is a 404, like
an unknown id in the path. Display options (a mode, a choice of attempts) fall back to their default.
"""

from django.http import Http404, QueryDict
from django.utils.translation import gettext as _

MAX_ID = 2**63 - 1  # primary keys are 64-bit (BigAutoField); the URL converter uses the same limit


def parse_int(raw: str, *, max_value: int = MAX_ID) -> int | None:
    """Return the whole number written in ``raw`` (ASCII digits only, 0 to ``max_value``), else None."""
    if not (raw.isascii() and raw.isdigit()) or len(raw) > len(str(max_value)):
        return None
    value = int(raw)
    return value if value <= max_value else None


def int_param(query: QueryDict, name: str, *, max_value: int = MAX_ID) -> int | None:
    """Return the number in parameter ``name``, None when it is absent or empty; anything else is a 404."""
    raw = query.get(name, "")
    if raw == "":
        return None
    value = parse_int(raw, max_value=max_value)
    if value is None:
        raise Http404(_("Ese enlace no lleva a ninguna página."))
    return value


def choice_param(query: QueryDict, name: str, choices, *, default: str = "") -> str:
    """Return parameter ``name`` if it is one of ``choices`` (values, or (value, label) pairs), else ``default``."""
    raw = query.get(name, default)
    values = {c[0] if isinstance(c, tuple | list) else c for c in choices}
    return raw if raw in values else default


def text_param(query: QueryDict, name: str, *, max_length: int) -> str:
    """Return parameter ``name`` cut to ``max_length`` characters ("" when absent)."""
    return query.get(name, "")[:max_length]
