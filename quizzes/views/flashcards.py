"""Flashcard pages for students: the review session, statistics and the daily new-card setting.

Thin views: the queue and statistics come from quizzes/selectors/cards.py, every rating goes through
quizzes/services/cards.py (which alone writes card states), and quizzes/presentation/cards.py lays out the page.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView

from winterwar import fragments

from ..forms.cards import DailyNewCardsForm, RatingForm
from ..models import StudentCard
from ..presentation import cards, charts
from ..presentation.cards import TYPED_MODE
from ..presentation.labels import DUPLICATE_REVIEW, LEECH_WARNING, RETENTION_PERIODS
from ..selectors import cards as sel
from ..selectors import summaries
from ..services import cards as svc
from ..services.errors import ServiceError
from .errors import add_refusal_message, http_status
from .params import choice_param, parse_int, text_param


class CardReviewView(LoginRequiredMixin, View):
    """GET: the next card (front, then back with the four ratings). POST: rate it, then redirect (PRG)."""

    template_name = "quizzes/cards/review.html"

    def get(self, request, *args, **kwargs):
        return self.render_session(request)

    def render_session(self, request, *, status: int = 200):
        user, now = request.user, timezone.now()
        # The sync writes before the clock is read; the queue reads it again. Both summaries in one round trip.
        with sel.clock_scope(user), summaries.prefetched(["cards-sync", "queue"], user_id=user.pk):
            svc.student_cards_sync(user=user, now=now)
            queue = sel.cached_queue(user=user, now=now)
        counts, row = queue.counts, queue.card
        mode = choice_param(request.GET, "modo", [TYPED_MODE])
        if row is None:
            context = cards.review_page(counts=counts, row=None, mode=mode, next_due_at=queue.next_due_at)
        else:
            revealed = parse_int(request.GET.get("mostrar", "")) == row.pk
            typed = text_param(request.GET, "respuesta", max_length=500)
            context = cards.review_page(counts=counts, row=row, mode=mode)
            context.update(cards.card_page(row=row, mode=mode, revealed=revealed, typed=typed, now=now))
            context["cards_body"] = fragments.recent("cards_body", self._body_key(row, counts, mode, context))
        return render(request, self.template_name, context, status=status)

    @staticmethod
    def _body_key(row, counts, mode: str, context: dict) -> tuple | None:
        """What the page's body (review.html's kept piece) shows outside its live parts depends on.

        The card, its document, fact and sentence (content: the content version, read with the queue a moment ago),
        the student's card as the queue read it (its state and repetitions; the rating buttons' intervals, which
        also move with the clock), the counts, the mode, the answer revealed or typed, the language and what its
        URLs are reversed with. Live, on every request: the CSRF token, the page's token and the time it was shown.
        None, not kept, without the shared cache.
        """
        version = summaries.content_version()
        if version is None:
            return None
        shown = (row.pk, row.card_id, row.state, row.reps, counts, mode, context["revealed"], context["typed"])
        return (version, get_language(), get_script_prefix(), get_urlconf(), shown, str(context["buttons_html"]))

    def post(self, request, *args, **kwargs):
        form = RatingForm(request.POST)
        if not form.is_valid():
            return self.refuse(request, [error for errors in form.errors.values() for error in errors])
        data, now = form.cleaned_data, timezone.now()
        try:
            result = svc.card_review(
                user=request.user,
                student_card_id=data["card"],
                rating=data["rating"],
                token=data["token"],
                duration_ms=form.duration_ms(now),
                now=now,
                expected_reps=data["reps"],
            )
        except StudentCard.DoesNotExist as exc:
            raise Http404(_("Esa tarjeta no existe.")) from exc
        except ServiceError as exc:
            if http_status(exc) == 400:
                return self.refuse(request, exc.messages)
            add_refusal_message(request, exc)  # rated in another tab, not due or withdrawn: on to the next card
            return HttpResponseRedirect(cards.review_url(data["modo"]))
        if result.duplicate:
            messages.info(request, DUPLICATE_REVIEW)
        if result.became_leech:
            messages.warning(request, LEECH_WARNING)
        return HttpResponseRedirect(cards.review_url(data["modo"]))

    def refuse(self, request, errors: list[str]):
        """Show the errors over the current card, with a 400."""
        for error in errors:
            messages.error(request, error)
        return self.render_session(request, status=400)


class CardStatsView(LoginRequiredMixin, TemplateView):
    template_name = "quizzes/cards/stats.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        svc.student_cards_sync(user=self.request.user, now=now)  # so that new cards are counted too
        stats = sel.card_statistics(user=self.request.user, now=now)
        context["stats"] = stats
        context["retention"] = [(RETENTION_PERIODS[row.label], row) for row in stats.retention]
        context["per_day_chart"] = charts.reviews_chart(stats.per_day)
        context["recall_chart"] = charts.recall_chart(stats.recall_buckets)
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
