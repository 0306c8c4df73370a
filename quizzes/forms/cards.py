"""Forms of the flashcard pages: rating a card and the daily new-card setting."""

from datetime import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from ..domain import scheduling
from ..services.errors import Code


def card_field() -> forms.IntegerField:
    """The card a form posts (a StudentCard id): anything but one of the ids a page writes (0, a number past the
    column's range, a word, nothing) reads as an unknown card, in the student's words, not a number's bounds."""
    message = Code.CARD_UNKNOWN.label
    return forms.IntegerField(
        min_value=1,
        max_value=2**31 - 1,
        error_messages={"required": message, "invalid": message, "min_value": message, "max_value": message},
    )


class RatingForm(forms.Form):
    card = card_field()
    rating = forms.TypedChoiceField(
        coerce=int,
        choices=[(r, r) for r in scheduling.RATINGS],
        error_messages={"invalid_choice": Code.RATING_INVALID.label, "required": Code.RATING_INVALID.label},
    )
    token = forms.CharField(max_length=64)
    reps = forms.IntegerField(min_value=0, max_value=2**31 - 1)
    shown = forms.IntegerField(min_value=0, max_value=2**53, required=False)
    modo = forms.CharField(max_length=20, required=False)

    def duration_ms(self, now: datetime) -> int | None:
        """How long the card was on screen, from the page's ``shown`` time (None if unknown or in the future)."""
        shown = self.cleaned_data.get("shown")
        if not shown:
            return None
        duration = int(now.timestamp() * 1000) - shown
        return duration if duration >= 0 else None


class CheckForm(forms.Form):
    """The typed answer to check against the card's back (the typed mode)."""

    card = card_field()
    respuesta = forms.CharField(max_length=500, required=False, strip=False)


class _SharedFields(dict):
    """A form's fields shared by its instances: Django deep-copies them for each form (so that one form may change
    its own widgets), which for the rating form cost more CPU (~150 µs) than cleaning the data. Only for a form that
    is never rendered nor changed: the rating form is read from a POST and nothing else."""

    def __deepcopy__(self, memo):
        return self


RatingForm.base_fields = _SharedFields(RatingForm.base_fields)


class DailyNewCardsForm(forms.Form):
    daily_new_cards = forms.IntegerField(
        label=_("Tarjetas nuevas por día"),
        min_value=0,
        max_value=1000,
        help_text=_("Cuántas tarjetas nuevas se presentan como máximo cada día (0 para solo repasar)."),
    )
