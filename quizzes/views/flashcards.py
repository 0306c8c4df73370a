"""Flashcard pages for students: the review session, statistics and the daily new-card setting.

Thin views: the queue and statistics come from quizzes/selectors/cards.py, every rating goes through
quizzes/services/cards.py (which alone writes card states), and intervals come from quizzes/domain/scheduling.py.
"""

from __future__ import annotations

import time
import uuid
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView

from ..domain import scheduling
from ..domain.grading import normalize_answer
from ..forms.cards import DailyNewCardsForm, RatingForm
from ..models import StudentCard
from ..presentation import charts
from ..presentation.labels import RATING_CLASSES, RATING_LABELS, RETENTION_PERIODS, REVIEW_MESSAGES
from ..selectors import cards as sel
from ..services import cards as svc

TYPED_MODE = "escribir"


def _review_url(mode: str = "", **params) -> str:
    if mode == TYPED_MODE:
        params["modo"] = TYPED_MODE
    query = urlencode(params)
    return reverse("quizzes:cards_review") + (f"?{query}" if query else "")


def typed_answer_ok(*, typed: str, card) -> bool:
    """Check a typed answer as quiz short answers are checked (same normalisation), against the back and aliases."""
    given = normalize_answer(typed)
    if not given:
        return False
    expected = [card.back]
    if card.fact is not None:
        expected += [a for a in (card.fact.aliases or []) if isinstance(a, str)]
    return any(given == normalize_answer(e) for e in expected)


class CardReviewView(LoginRequiredMixin, View):
    """GET: the next card (front, then back with the four ratings). POST: rate it, then redirect (PRG)."""

    template_name = "quizzes/cards/review.html"

    def get(self, request, *args, **kwargs):
        return self.render_session(request)

    def render_session(self, request, *, status: int = 200):
        user, now = request.user, timezone.now()
        svc.student_cards_sync(user=user, now=now)
        counts = sel.queue_counts(user=user, now=now)
        row = sel.next_card(user=user, now=now, counts=counts)
        mode = TYPED_MODE if request.GET.get("modo") == TYPED_MODE else ""
        context = {
            "counts": counts,
            "row": row,
            "mode": mode,
            "typed_mode": mode == TYPED_MODE,
            "toggle_mode_url": _review_url("" if mode else TYPED_MODE),
        }
        if row is None:
            context["next_due_at"] = sel.next_due_at(user=user, now=now)
            context["new_left_today"] = counts.new_available
            return render(request, self.template_name, context, status=status)
        card = row.card
        revealed = request.GET.get("mostrar") == str(row.pk)
        typed = request.GET.get("respuesta", "")[:500] if revealed and mode else ""
        typed_result = typed_answer_ok(typed=typed, card=card) if revealed and mode else None
        intervals = scheduling.preview(svc.memory_of(row), now=now)
        suggested = None
        if typed_result is not None:
            suggested = scheduling.GOOD if typed_result else scheduling.AGAIN
        context.update(
            {
                "card": card,
                "revealed": revealed,
                "typed": typed,
                "typed_result": typed_result,
                "show_url": _review_url(mode, mostrar=row.pk),
                "buttons": [
                    {
                        "rating": r,
                        "label": RATING_LABELS[r],
                        "interval": scheduling.interval_label(intervals[r]),
                        "css": RATING_CLASSES[r],
                        "suggested": r == suggested,
                    }
                    for r in scheduling.RATINGS
                ],
                "token": uuid.uuid4().hex,
                "shown": int(time.time() * 1000),
                "is_new": row.state == scheduling.NEW,
                "source_url": card.sentence.get_absolute_url() if card.sentence_id else None,
            }
        )
        return render(request, self.template_name, context, status=status)

    def post(self, request, *args, **kwargs):
        form = RatingForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return self.render_session(request, status=400)
        data = form.cleaned_data
        mode = TYPED_MODE if data["modo"] == TYPED_MODE else ""
        now = timezone.now()
        duration = None
        if data["shown"]:
            duration = int(now.timestamp() * 1000) - data["shown"]
            duration = duration if duration >= 0 else None
        try:
            result = svc.card_review(
                user=request.user,
                student_card_id=data["card"],
                rating=data["rating"],
                token=data["token"],
                duration_ms=duration,
                now=now,
                expected_reps=data["reps"],
            )
        except StudentCard.DoesNotExist as exc:
            raise Http404(_("Esa tarjeta no existe.")) from exc
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return self.render_session(request, status=400)
        if result.status in REVIEW_MESSAGES:
            level, text = REVIEW_MESSAGES[result.status]
            messages.add_message(request, level, text)
        if result.became_leech:
            messages.warning(
                request,
                _("Ha fallado esta tarjeta 8 veces: queda marcada como difícil y su docente lo verá."),
            )
        return HttpResponseRedirect(_review_url(mode))


class CardStatsView(LoginRequiredMixin, TemplateView):
    template_name = "quizzes/cards/stats.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        svc.student_cards_sync(user=self.request.user, now=now)  # so that new cards are counted too
        stats = sel.card_statistics(user=self.request.user, now=now)
        context.update(stats)
        context["retention"] = [(RETENTION_PERIODS[row.label], row) for row in stats["retention"]]
        context["per_day_chart"] = charts.reviews_chart(stats["per_day"])
        context["recall_chart"] = charts.recall_chart(stats["recall_buckets"])
        context["now"] = now
        return context


class CardSettingsView(LoginRequiredMixin, FormView):
    template_name = "quizzes/cards/settings.html"
    form_class = DailyNewCardsForm

    def get_initial(self):
        return {"daily_new_cards": self.request.user.daily_new_cards}

    def form_valid(self, form):
        svc.user_set_daily_new_cards(user=self.request.user, daily_new_cards=form.cleaned_data["daily_new_cards"])
        messages.success(self.request, _("Ajuste guardado."))
        return HttpResponseRedirect(reverse("quizzes:cards_review"))
