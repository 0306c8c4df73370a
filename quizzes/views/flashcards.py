"""Flashcard pages for students: the review session, statistics and the daily new-card setting.

Thin views: the queue and statistics come from quizzes/selectors/cards.py, every rating goes through
quizzes/services/cards.py (which alone writes card states), and quizzes/presentation/cards.py lays out the page.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView

from winterwar import fragments, pages

from ..context_processors import roles
from ..forms.cards import CheckForm, DailyNewCardsForm, RatingForm
from ..models import StudentCard
from ..presentation import cards, charts
from ..presentation.cards import TYPED_MODE
from ..presentation.labels import DUPLICATE_REVIEW, LEECH_WARNING, RETENTION_PERIODS
from ..selectors import cards as sel
from ..selectors import summaries
from ..services import cards as svc
from ..services.errors import Code, ServiceError
from .errors import add_refusal_message, http_status
from .params import choice_param, parse_int


class CardReviewView(LoginRequiredMixin, View):
    """GET: the next card (front, then back with the four ratings). POST: rate it, then redirect (PRG); or, in the
    typed mode, check the typed answer (``check``)."""

    template_name = "quizzes/cards/review.html"

    def get(self, request, *args, **kwargs):
        return self.render_session(request)

    def render_session(self, request, *, status: int = 200, checked: tuple[int, str] | None = None):
        """The page of the next card; ``checked``, (card id, typed answer), reveals it with that answer checked."""
        user, now = request.user, timezone.now()
        # The sync writes before the clock is read; the queue reads it again. Both summaries in one round trip.
        with sel.clock_scope(user), summaries.prefetched(["cards-sync", "queue"], user_id=user.pk):
            svc.student_cards_sync(user=user, now=now)
            queue = sel.cached_queue(user=user, now=now)
        counts, row = queue.counts, queue.card
        mode = choice_param(request.GET, "modo", [TYPED_MODE])
        whole = None
        if row is None:
            context = cards.review_page(counts=counts, row=None, mode=mode, next_due_at=queue.next_due_at)
        else:
            revealed, typed = self._shown_answer(request, row, checked)
            state = cards.card_state(row=row, mode=mode, revealed=revealed, typed=typed, now=now)
            body = fragments.recent("cards_body", self._body_key(row, counts, mode, state))
            whole = None if body.kept is None or status != 200 else self._page_key(request, body.key)
            kept = pages.get(whole)
            if kept is not None:
                # The whole page as the templates rendered it for this key, this request's values joined in.
                return HttpResponse(pages.fill(kept, self._page_values(request, get_token(request), state)))
            context = cards.review_page(counts=counts, row=row, mode=mode)
            context.update(cards.card_page(row=row, mode=mode, state=state))
            context["cards_body"] = body
        response = render(request, self.template_name, context, status=status)
        if whole is not None:
            self._keep_page(request, whole, response, state)
        return response

    @staticmethod
    def _shown_answer(request, row, checked: tuple[int, str] | None) -> tuple[bool, str]:
        """Whether the card's back is shown, and the answer typed: a check posted (``checked``), else ?mostrar=<id>."""
        if checked is None:
            return parse_int(request.GET.get("mostrar", "")) == row.pk, ""
        return checked[0] == row.pk, checked[1]

    def _keep_page(self, request, key: tuple, response, state: dict) -> None:
        """Keep the page just rendered for ``key`` (winterwar.pages), if its per-request values are where expected."""
        html = response.content.decode()
        csrf_token = pages.csrf_token_in(html)
        if csrf_token is not None:
            pages.keep(key, html, self._page_values(request, csrf_token, state))

    @staticmethod
    def _body_key(row, counts, mode: str, state: dict) -> tuple | None:
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
        shown = (row.pk, row.card_id, row.state, row.reps, counts, mode, state["revealed"], state["typed"])
        return (version, get_language(), get_script_prefix(), get_urlconf(), shown, str(state["buttons_html"]))

    @staticmethod
    def _page_key(request, body_key: tuple) -> tuple | None:
        """What the whole page shows outside its per-request values (``_page_values``), its body kept under
        ``body_key``: the body's key (the language among it), and the layout's own (the user's staff flag and role:
        the menu). None, not kept: a page with messages to show."""
        if len(messages.get_messages(request)):
            return None
        return (body_key, request.user.is_staff, roles(request)["is_teacher"])

    @staticmethod
    def _page_values(request, csrf_token: str, state: dict) -> dict[str, str]:
        """The page's per-request values, escaped as its templates escape them (``winterwar.pages.SLOTS``): the CSRF
        token, the rating form's token and the time the card was shown, the user's name in the menu, the language
        form's ``next``."""
        user = request.user
        return {
            "csrf": conditional_escape(csrf_token),
            "token": conditional_escape(state["token"]),
            "shown": conditional_escape(state["shown"]),
            "name": conditional_escape(user.get_short_name() or user.username),
            "next": conditional_escape(request.get_full_path()),
        }

    def post(self, request, *args, **kwargs):
        if "respuesta" in request.POST and "rating" not in request.POST:
            return self.check(request)
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
        except StudentCard.DoesNotExist:
            return self.refuse(request, [Code.CARD_UNKNOWN.label], status=404)
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

    def check(self, request):
        """The typed answer's check: the card revealed with it (a POST, so that the answer stays out of URLs, the
        history and the logs). It writes nothing: posted again (a reload, a double click) it shows the same check.
        A card that is no longer the one to study (rated meanwhile) gives way to the next one."""
        form = CheckForm(request.POST)
        if not form.is_valid():
            return self.refuse(request, [error for errors in form.errors.values() for error in errors])
        card, typed = form.cleaned_data["card"], form.cleaned_data["respuesta"]
        if not StudentCard.objects.filter(pk=card, user=request.user).exists():
            return self.refuse(request, [Code.CARD_UNKNOWN.label], status=404)
        return self.render_session(request, checked=(card, typed))

    def refuse(self, request, errors: list[str], *, status: int = 400):
        """Show the errors over the current card, with a 400 (a card not the student's: 404)."""
        for error in errors:
            messages.error(request, error)
        return self.render_session(request, status=status)


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
