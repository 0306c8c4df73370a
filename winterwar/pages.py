"""Whole pages kept rendered, their per-request values joined in by string operations: no template engine on a hit.

For a page whose HTML depends on nothing but a key the view works out and a few per-request values (the question
page of an attempt, whose body is kept per student's state and whose layout depends on the language and the user's
role). The template engine renders the page once; each per-request value is found in that HTML as an exact snippet
(the value with markup around it that only its part of the template writes: ``SLOTS``), the HTML is split there, and
the split is checked to give the same HTML back with the same values. A later request with the same key works out its
own values, escaped as the template escapes them, and joins them in (``fill``). A page whose snippets are not all
where they are expected (a value missing, or said twice where it must be once) is not kept.

Kept in the process's memory, the ``MAX_PAGES`` used last (the oldest dropped first), like the recent pieces of
``{% fragment … recent=… %}`` (winterwar/fragments.py).
"""

from __future__ import annotations

import contextlib
import re
from collections import OrderedDict

MAX_PAGES = 256
_kept: OrderedDict[tuple, tuple[tuple[str, ...], tuple[str, ...]]] = OrderedDict()

# name -> (markup before the value, markup after it, whether it is written exactly once). The CSRF token is written
# in every form of the page (the layout's two and the page's own), the same masked token in each.
SLOTS = {
    "csrf": ('name="csrfmiddlewaretoken" value="', '"', False),
    "token": ('<input type="hidden" name="token" value="', '">', True),
    "shown": ('<input type="hidden" name="shown" value="', '">', True),
    "name": ('data-bs-toggle="dropdown" aria-expanded="false">', "</a>", True),
    "next": ('<input type="hidden" name="next" value="', '">', True),
    "now": ('data-server-now="', '"', True),
    "left": ("data-countdown-value>", "</span>", True),
}
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def get(key: tuple | None):
    """The page kept for ``key`` (None: none kept)."""
    if key is None:
        return None
    kept = _kept.get(key)
    if kept is not None:
        with contextlib.suppress(KeyError):  # dropped by another thread meanwhile: this request still has it
            _kept.move_to_end(key)
    return kept


def csrf_token_in(html: str) -> str | None:
    """The CSRF token a rendered page carries (None if it has no form with one)."""
    found = _CSRF.search(html)
    return found.group(1) if found else None


def split(html: str, values: dict[str, str]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """``html`` split at each slot's snippet with this request's ``values`` (already escaped): the pieces between
    them and the slot at each gap; None if a slot is missing, one said once appears more often, or two slots' snippets
    are the same text."""
    snippets = {}
    for name, value in values.items():
        before, after, _once = SLOTS[name]
        snippets[before + value + after] = name
    if len(snippets) != len(values):
        return None
    pattern = re.compile("|".join(re.escape(s) for s in sorted(snippets, key=len, reverse=True)))
    found = [snippets[m] for m in pattern.findall(html)]
    for name in values:
        count = found.count(name)
        if count == 0 or (SLOTS[name][2] and count != 1):
            return None
    texts = pattern.split(html)
    pieces = [texts[0]]
    for name, text in zip(found, texts[1:], strict=True):
        before, after, _once = SLOTS[name]
        pieces[-1] += before
        pieces.append(after + text)
    kept = (tuple(pieces), tuple(found))
    return kept if fill(kept, values) == html else None


def keep(key: tuple, html: str, values: dict[str, str]) -> bool:
    """Keep ``html`` for ``key`` with slots for ``values`` (see ``split``); False if it cannot be kept."""
    kept = split(html, values)
    if kept is None:
        return False
    _kept[key] = kept
    while len(_kept) > MAX_PAGES:
        with contextlib.suppress(KeyError):
            _kept.popitem(last=False)
    return True


def fill(kept: tuple[tuple[str, ...], tuple[str, ...]], values: dict[str, str]) -> str:
    """The kept page with this request's ``values`` (escaped as the template escapes them) in its slots."""
    pieces, names = kept
    html = [pieces[0]]
    for name, piece in zip(names, pieces[1:], strict=True):
        html.append(values[name])
        html.append(piece)
    return "".join(html)
