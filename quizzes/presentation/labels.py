"""Words and CSS classes the pages show for values that services and selectors return as codes."""

from django.utils.translation import gettext_lazy as _

from ..domain import scheduling

RATING_LABELS = {
    scheduling.AGAIN: _("Otra vez"),
    scheduling.HARD: _("Difícil"),
    scheduling.GOOD: _("Bien"),
    scheduling.EASY: _("Fácil"),
}
RATING_CLASSES = {
    scheduling.AGAIN: "btn-rate-again",
    scheduling.HARD: "btn-rate-hard",
    scheduling.GOOD: "btn-rate-good",
    scheduling.EASY: "btn-rate-easy",
}
# What the review page says when the same rating arrives twice (the service returns the review it logged).
DUPLICATE_REVIEW = _("Esa valoración ya estaba registrada.")
RETENTION_PERIODS = {
    "today": _("Hoy"),
    "week": _("Últimos 7 días"),
    "month": _("Últimos 30 días"),
    "all": _("Desde el principio"),
}
LEECH_WARNING = _("Ha fallado esta tarjeta 8 veces: queda marcada como difícil y su docente lo verá.")


TRUE_FALSE_LABELS = {True: _("Verdadero"), False: _("Falso"), None: "—"}


def true_false_label(value: bool | None) -> str:
    """The answer of a true/false question in words: «Verdadero», «Falso» or «—» (not set)."""
    return str(TRUE_FALSE_LABELS.get(value, "—"))
