"""The review page's pieces written in Python (presentation/cards.py): the same HTML as the template wrote."""

from django.utils import translation
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from quizzes.models import Fact, FactKind
from quizzes.presentation import cards


def _as_format_html_join(buttons) -> str:
    """The rating buttons as they were written with format_html_join (each value conditionally escaped)."""
    html = format_html_join(
        "",
        cards._RATING_BUTTON,
        (
            (b["rating"], b["css"], " btn-suggested" if b["suggested"] else "", b["rating"], b["rating"])
            + (b["interval"], b["label"], b["rating"])
            for b in buttons
        ),
    )
    return SafeString("\n              ") + html + SafeString("\n            ")


def test_the_rating_buttons_escape_their_texts_as_format_html_did():
    from quizzes.presentation.labels import RATING_CLASSES, RATING_LABELS

    buttons = [
        {
            "rating": r,
            "label": RATING_LABELS[r],
            "interval": f'<{r} «día» & "x"',
            "css": RATING_CLASSES[r],
            "suggested": r == 3,
        }
        for r in (1, 2, 3, 4)
    ]
    for language in ("es", "en"):
        with translation.override(language):
            html = cards.rating_buttons_html(buttons)
            assert html == _as_format_html_join(buttons)
    assert "&lt;1 «día» &amp; &quot;x&quot;" in html and "btn-suggested" in html and "Again" in html


def test_the_facts_kind_is_its_get_kind_display_in_each_language():
    for language in ("es", "en"):
        with translation.override(language):
            for kind in [*FactKind.values, "not-a-kind"]:
                assert str(cards._FACT_KINDS.get(kind, kind)) == Fact(kind=kind).get_kind_display()
