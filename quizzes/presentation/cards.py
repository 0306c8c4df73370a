"""What the flashcard review page shows: the next card, its rating buttons, the typed-answer check."""

from __future__ import annotations

import math
import time
import uuid
from datetime import datetime
from html import escape
from urllib.parse import urlencode

from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from winterwar.urltag import kept_reverse

from ..domain import scheduling
from ..domain.grading import answers_match, grade_numeric, normalize_answer, number_typed
from ..domain.numbers import parse_quantity
from ..models import FactKind, StudentCard
from ..selectors.cards import memory_of
from .labels import RATING_CLASSES, RATING_LABELS

TYPED_MODE = "escribir"  # ?modo=escribir: the student types the answer before seeing the back


def review_url(mode: str = "", **params) -> str:
    """The review page's URL, keeping the typed mode."""
    if mode == TYPED_MODE:
        params["modo"] = TYPED_MODE
    query = urlencode(params)
    return kept_reverse("quizzes:cards_review") + (f"?{query}" if query else "")


def typed_answer_ok(*, typed: str, card) -> bool:
    """Check a typed answer as the card's question checks it: against the back, the question's other accepted
    answers and the fact's aliases (same normalisation as quiz short answers); a numeric card's number within the
    question's tolerance, with its unit or none («1939», «105», «105 km»); the words the front implies and an
    acronym's dots are not counted («en 1939», «U.R.S.S.»: ``grading.answers_match``).

    The result only suggests a rating and says whether the answer matched; the student still rates the card.
    """
    given = normalize_answer(typed)
    if not given:
        return False
    key = card.answer_key if isinstance(card.answer_key, dict) else {}
    value = key.get("value")
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        parsed = parse_quantity(number_typed(typed.strip()))
        tolerance = key.get("tolerance")
        unit = key.get("unit")
        if parsed is not None and grade_numeric(
            value=float(value),
            tolerance=float(tolerance) if isinstance(tolerance, int | float) else 0.0,
            unit=unit if isinstance(unit, str) else "",
            given=parsed.value,
            given_unit=parsed.unit,
        ):
            return True
    accepted = key.get("accepted")
    expected = [card.back, *(a for a in (accepted if isinstance(accepted, list) else []) if isinstance(a, str))]
    if card.fact is not None:
        expected += [a for a in (card.fact.aliases or []) if isinstance(a, str)]
    return answers_match(typed, expected)


def rating_buttons(row: StudentCard, *, now: datetime, suggested: int | None = None) -> list[dict]:
    """The four rating buttons, each with the interval it would give the card."""
    intervals = scheduling.preview(memory_of(row), now=now)
    return [
        {
            "rating": rating,
            "label": RATING_LABELS[rating],
            "interval": scheduling.interval_label(intervals[rating]),
            "css": RATING_CLASSES[rating],
            "suggested": rating == suggested,
        }
        for rating in scheduling.RATINGS
    ]


# One rating button, as the template's loop wrote it (its own whitespace included).
_RATING_BUTTON = (
    '\n              <button type="submit" name="rating" value="{}" class="btn btn-rate {}{}" aria-keyshortcuts="{}" '
    'data-rating="{}">\n                <span class="rate-interval">{}</span>\n'
    '                <span class="rate-label">{}</span>\n'
    '                <kbd class="d-none d-md-inline">{}</kbd>\n              </button>\n              '
)


def rating_buttons_html(buttons: list[dict]) -> SafeString:
    """The rating buttons written here: four nodes a button cost the template more than the rest of the card. The
    ratings are integers; every text is escaped as the template's autoescaping did."""
    html = "".join(
        _RATING_BUTTON.format(
            b["rating"],
            escape(str(b["css"])),
            " btn-suggested" if b["suggested"] else "",
            b["rating"],
            b["rating"],
            escape(str(b["interval"])),
            escape(str(b["label"])),
            b["rating"],
        )
        for b in buttons
    )
    return SafeString("\n              " + html + "\n            ")


def _counted(message: str, n: int) -> SafeString:
    """``message`` (translated) with ``%(n)s`` the number localized and escaped, as ``{% blocktranslate %}`` does."""
    return SafeString(message % {"n": conditional_escape(localize(n))})


def queue_counts_html(counts) -> SafeString:
    """The review page's four numbers (today's reviews; new · learning · to review, as _queue_counts.html writes
    them on the home page) written here: four ``{% blocktranslate %}`` and an include cost more than the rest of
    the counts; tests/views/test_flashcards.py compares both, in both languages."""
    reviewed, new = counts.reviewed_today, counts.new_available
    return format_html(
        _QUEUE_COUNTS,
        _counted(ngettext("%(n)s repasada hoy", "%(n)s repasadas hoy", reviewed), reviewed),
        _counted(ngettext("%(n)s nueva", "%(n)s nuevas", new), new),
        _counted(gettext("%(n)s en aprendizaje"), counts.learning),
        _counted(gettext("%(n)s para repasar"), counts.review),
    )


_QUEUE_COUNTS = (
    "<span>{}</span>\n      \n"
    '<span class="text-new" data-testid="count-new">{}</span>\n'
    '<span class="text-learning" data-testid="count-learning">{}</span>\n'
    '<span class="text-due" data-testid="count-review">{}</span>\n'
)


def review_page(*, counts, row: StudentCard | None, mode: str, next_due_at: datetime | None = None) -> dict:
    """The parts of the review page that do not depend on the card: queue counts and the mode switch."""
    context = {
        "counts": counts,
        "counts_html": queue_counts_html(counts),
        "row": row,
        "mode": mode,
        "typed_mode": mode == TYPED_MODE,
        "toggle_mode_url": review_url("" if mode else TYPED_MODE),
    }
    if row is None:
        context.update(next_due_at=next_due_at, new_left_today=counts.new_available)
    return context


def card_state(*, row: StudentCard, mode: str, revealed: bool, typed: str, now: datetime) -> dict:
    """The part of the card's context the page's kept body and whole page are keyed on (the answer revealed or
    typed, its check, the rating buttons, whose intervals move with the clock) and its per-request values (the token,
    the time shown): what the review page works out before it knows whether it is kept whole (winterwar.pages)."""
    card = row.card
    typed_result = typed_answer_ok(typed=typed, card=card) if revealed and mode else None
    suggested = None if typed_result is None else scheduling.GOOD if typed_result else scheduling.AGAIN
    buttons = rating_buttons(row, now=now, suggested=suggested)
    return {
        "card": card,
        "revealed": revealed,
        "typed": typed.strip() if revealed and mode else "",  # blanks alone read «—», as an empty answer
        "typed_result": typed_result,
        "buttons": buttons,
        "buttons_html": rating_buttons_html(buttons),
        "token": uuid.uuid4().hex,  # one per page: a second submit of the same page is recognised as a duplicate
        "shown": int(time.time() * 1000),  # when the card was shown, for the review's duration
    }


def card_page(*, row: StudentCard, mode: str, state: dict) -> dict:
    """The card's part of the review page: front, and once revealed the back, the check and the ratings
    (``state``: ``card_state``'s)."""
    card = row.card
    return {
        **state,
        "show_url": review_url(mode, mostrar=row.pk),
        "is_new": row.state == scheduling.NEW,
        "source_url": card.sentence.get_absolute_url() if card.sentence_id else None,
        # As the fact's get_kind_display(), which hashes every choice's lazy label on each call.
        "fact_kind": str(_FACT_KINDS.get(card.fact.kind, card.fact.kind)) if card.fact_id else "",
    }


_FACT_KINDS = dict(FactKind.choices)
