"""Words and CSS classes the pages show for values that services and selectors return as codes."""

from django.contrib import messages
from django.utils.translation import gettext_lazy as _

from ..domain import scheduling
from ..services import cards as card_services

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
# What the review page says after a rating the service did not record as a new review: (message level, text).
REVIEW_MESSAGES = {
    card_services.DUPLICATE: (messages.INFO, _("Esa valoración ya estaba registrada.")),
    card_services.STALE: (messages.WARNING, _("Esta tarjeta ya se valoró en otra pestaña; se muestra la siguiente.")),
    card_services.NOT_DUE: (messages.INFO, _("Esa tarjeta todavía no toca; se muestra la que sí toca.")),
    card_services.INACTIVE: (messages.INFO, _("Esa tarjeta ya no se estudia.")),
}
RETENTION_PERIODS = {
    "today": _("Hoy"),
    "week": _("Últimos 7 días"),
    "month": _("Últimos 30 días"),
    "all": _("Desde el principio"),
}
LEECH_WARNING = _("Ha fallado esta tarjeta 8 veces: queda marcada como difícil y su docente lo verá.")
