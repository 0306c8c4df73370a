"""Student pages for quizzes: the quiz, the attempt one question per page, review, result, and "Mi progreso".

Views are thin: they fetch through the owner (another student's attempt is a 404), call the attempts service and
redirect after every POST. The service decides; the view maps its refusals to a message, a 400 or a redirect.
"""

import functools

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import timeuntil_filter
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from winterwar import fragments, pages
from winterwar.urltag import kept_reverse

from ..context_processors import roles
from ..domain import grading
from ..models import AcceptedAnswer, Attempt, Choice, FeedbackTiming, QuestionKind, Response
from ..presentation import charts, questions
from ..selectors import availability as avail
from ..selectors import progress, summaries
from ..selectors import quizzes as quiz_selectors
from ..services import attempts as svc
from ..services.errors import Code, ServiceError
from .errors import add_refusal_message, http_status, refusal_json
from .params import parse_int


def _attempt_or_404(request, pk: int) -> Attempt:
    """Return the student's own attempt; anybody else's, or one that does not exist, is a 404."""
    return get_object_or_404(Attempt.objects.select_related("quiz"), pk=pk, user=request.user)


def _result_url(attempt: Attempt) -> str:
    return reverse("quizzes:attempt_result", args=[attempt.pk])


def _question_url(attempt: Attempt, slot: int) -> str:
    return reverse("quizzes:attempt_question", args=[attempt.pk, slot])


def _graded_responses(attempt: Attempt) -> list[Response]:
    """The attempt's responses in order, with what the feedback needs (three queries)."""
    return list(
        attempt.responses.select_related("question", "question__sentence", "question__document")
        .prefetch_related(
            Prefetch("question__choices", queryset=Choice.objects.all()),
            Prefetch("question__accepted_answers", queryset=AcceptedAnswer.objects.all()),
        )
        .order_by("slot")
    )


class QuizDetailView(LoginRequiredMixin, TemplateView):
    """The quiz page: what it is, its settings, past attempts, and the start or continue button."""

    template_name = "quizzes/quiz/detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, now = self.request.user, timezone.now()
        # An attempt whose time ran out is closed when its page is opened, not left «En curso» until cron runs.
        if svc.student_close_expired(user=user, quiz_id=kwargs["pk"], now=now):
            messages.warning(self.request, Code.ATTEMPT_EXPIRED.label)
        student_quiz = quiz_selectors.quiz_for_student(user=user, quiz_id=kwargs["pk"], now=now)
        if student_quiz is None:
            raise Http404(_("Ese cuestionario no existe o no está publicado."))
        quiz = student_quiz.quiz
        attempts = list(Attempt.objects.for_student(user).filter(quiz=quiz).order_by("number"))
        percents = [a.percent for a in attempts if a.is_submitted and a.percent is not None]
        context.update(
            quiz=quiz,
            student_quiz=student_quiz,
            attempts=attempts,
            grade=grading.quiz_grade(percents, quiz.grading_method),
            feedback_after_close=quiz.feedback_timing == FeedbackTiming.AFTER_CLOSE,
        )
        return context


class QuizStartView(LoginRequiredMixin, View):
    """POST: start (or continue) an attempt, then go to its first unanswered question."""

    http_method_names = ["post"]

    def post(self, request, pk: int):
        student_quiz = quiz_selectors.quiz_for_student(user=request.user, quiz_id=pk, now=timezone.now())
        if student_quiz is None:
            raise Http404(_("Ese cuestionario no existe o no está publicado."))
        quiz = student_quiz.quiz
        try:
            attempt = svc.attempt_start(user=request.user, quiz=quiz)
        except ServiceError as exc:
            add_refusal_message(request, exc)
            return redirect("quizzes:quiz_detail", pk=quiz.pk)
        return redirect("quizzes:attempt_resume", pk=attempt.pk)


class AttemptResumeView(LoginRequiredMixin, View):
    """GET: go back into an attempt where it was left (the first unanswered question), or to its result."""

    def get(self, request, pk: int):
        attempt = _attempt_or_404(request, pk)
        svc.attempt_close_if_expired(attempt=attempt)
        if attempt.is_finished:
            return redirect(_result_url(attempt))
        slot = attempt.responses.filter(answer__isnull=True).order_by("slot").values_list("slot", flat=True).first()
        return redirect(_question_url(attempt, slot or 1))


class AttemptQuestionView(LoginRequiredMixin, TemplateView):
    """One question of an attempt. GET shows it with the saved answer; POST saves the answer and navigates."""

    template_name = "quizzes/quiz/question.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        # The attempt, its quiz and its responses' state in one query (another student's attempt is a 404).
        self.page = self._page(kwargs["pk"], kwargs["slot"])
        self.attempt = self.page.attempt
        # The student's window for the quiz (the deadline, below) and, to show it, the question (content shared by
        # every student, read by _load) in one round trip to the cache.
        response = self.page.response
        shown = response is not None and request.method != "POST"
        with summaries.prefetched(
            [avail.availability_summary(self.attempt.quiz_id)],
            user_id=self.attempt.user_id,
            content=[quiz_selectors.question_content(response.question_id)] if shown else [],
        ):
            return self._dispatch(request, *args, **kwargs)

    def _dispatch(self, request, *args, **kwargs):
        self.now = timezone.now()
        if svc.attempt_close_if_expired(attempt=self.attempt, now=self.now):
            messages.warning(request, Code.ATTEMPT_EXPIRED.label)
            return redirect(_result_url(self.attempt))
        if self.attempt.is_finished:
            if request.method == "POST":
                messages.error(request, Code.ATTEMPT_FINISHED.label)
            return redirect(_result_url(self.attempt))
        return super().dispatch(request, *args, **kwargs)

    def _page(self, pk: int, slot: int) -> quiz_selectors.AttemptPage:
        page = quiz_selectors.attempt_page(user_id=self.request.user.pk, attempt_id=pk, slot=slot)
        if page is None:
            raise Http404  # another student's attempt, or none: as get_object_or_404
        return page

    def _load(self, slot: int) -> tuple[Response, list[tuple], list[Choice]]:
        """The response at ``slot`` with its question, every slot's (slot, answered), and the question's choices.

        The student's rows come from the one query of ``dispatch`` (selectors.quizzes.attempt_page); the question and
        its choices are content, shared by every student (cached: selectors.quizzes.question_with_choices).
        """
        response = self.page.response
        if response is None:
            raise Http404(_("Ese intento no tiene esa pregunta."))
        response.question, choices = quiz_selectors.question_with_choices(question_id=response.question_id)
        return response, self.page.slots, choices

    def get_context_data(self, *, slot: int, submitted=None, error: str = "", **kwargs):
        context = super().get_context_data(**kwargs)
        response, slots, choices = self._load(slot)
        attempt, question = self.attempt, response.question
        immediate = attempt.quiz.feedback_timing == FeedbackTiming.IMMEDIATE
        locked = immediate and response.is_answered
        needs_accepted = locked and question.kind == QuestionKind.SHORT_ANSWER  # only the feedback shows them
        page = questions.attempt_question_page(
            response=response,
            choices=choices,
            accepted=list(question.accepted_answers.all()) if needs_accepted else [],
            slots=slots,
            locked=locked,
            submitted=submitted,
            error=error,
        )
        context.update(page, attempt=attempt, quiz=attempt.quiz, immediate=immediate, server_now=self.now)
        context["token"] = svc.response_token(response)
        namespace = self.request.resolver_match.namespace  # as {% url %} reverses in the page's namespace
        args = (attempt.pk, response.slot)
        context["attempt_head"], context["attempt_form"] = questions.attempt_header_html(
            page=page,
            quiz_title=attempt.quiz.title,
            quiz_url=kept_reverse("quizzes:quiz_detail", (attempt.quiz_id,), current_app=namespace),
            question_url=kept_reverse("quizzes:attempt_question", args, current_app=namespace),
            autosave_url=None if immediate else kept_reverse("quizzes:attempt_autosave", args, current_app=namespace),
        )
        return context

    def get(self, request, pk: int, slot: int):
        body = fragments.recent("attempt_body", self._body_key())
        whole = None if body.kept is None else self._page_key(body.key)
        kept = pages.get(whole)
        if kept is not None:
            # The whole page as the template rendered it for this key, this request's values joined in (no template).
            return HttpResponse(pages.fill(kept, self._page_values(get_token(request))))
        context = self.get_context_data(slot=slot) if body.kept is None else self._live_context()
        context["attempt_body"] = body
        response = self.render_to_response(context)
        if whole is not None:
            response.add_post_render_callback(functools.partial(self._keep_page, whole))
        return response

    def _page_key(self, body_key: tuple) -> tuple | None:
        """What the whole page shows outside its per-request values (``_page_values``), its body kept under
        ``body_key``: the body's key, and the layout's own (the language, in the body's key, the user's staff flag
        and role: the menu). None, not kept: a page with messages to show."""
        request = self.request
        if len(messages.get_messages(request)):
            return None
        return (body_key, request.user.is_staff, roles(request)["is_teacher"])

    def _page_values(self, csrf_token: str) -> dict[str, str]:
        """The page's per-request values, escaped as its templates escape them (``winterwar.pages.SLOTS``): the CSRF
        token, the sequence token, the user's name in the menu, the language form's ``next``, and with a deadline the
        countdown's time and what is left (_timer.html)."""
        request, user = self.request, self.request.user
        values = {
            "csrf": conditional_escape(csrf_token),
            "token": conditional_escape(svc.response_token(self.page.response)),
            "name": conditional_escape(user.get_short_name() or user.username),
            "next": conditional_escape(request.get_full_path()),
        }
        deadline = self.attempt.deadline
        if deadline:
            values["now"] = conditional_escape(self.now.isoformat())
            values["left"] = conditional_escape(timeuntil_filter(deadline, self.now))
        return values

    def _keep_page(self, key: tuple, response) -> None:
        """Keep the page just rendered for ``key`` (winterwar.pages), if its per-request values are where expected."""
        html = response.content.decode()
        csrf_token = pages.csrf_token_in(html)
        if csrf_token is not None:
            pages.keep(key, html, self._page_values(csrf_token))

    def _body_key(self) -> tuple | None:
        """What the body of the page (question.html's kept piece) shows outside its live parts depends on.

        The question, its choices, sentence and document (the content entry's: the content version and the question),
        the student's rows as the page read them (the attempt, its quiz, the response with its answer and sequence,
        every slot's state), the language, and what its URLs are reversed with. Live, on every request: the CSRF
        token, the sequence token and the countdown. None, not kept: without the shared cache (no content version),
        and for a question locked with its feedback (its accepted answers are read apart from the content entry).
        """
        page = self.page
        if page.response is None:
            return None
        version = summaries.content_version()  # read with the window a moment ago: no round trip
        if version is None or (
            self.attempt.quiz.feedback_timing == FeedbackTiming.IMMEDIATE and page.response.is_answered
        ):
            return None
        namespace = self.request.resolver_match.namespace
        return (version, get_language(), namespace, get_script_prefix(), get_urlconf(), page.state)

    def _live_context(self) -> dict:
        """The context of a page whose body is kept: its live parts' and the title's."""
        response, attempt = self.page.response, self.attempt
        context = super().get_context_data()
        context.update(
            attempt=attempt,
            quiz=attempt.quiz,
            server_now=self.now,
            token=svc.response_token(response),
            heading=questions.attempt_heading(response.slot, len(self.page.slots)),
        )
        return context

    def post(self, request, pk: int, slot: int):
        action = request.POST.get("action", "next")
        try:
            result = svc.response_save(
                user=request.user,
                attempt_id=self.attempt.pk,
                slot=slot,
                token=request.POST.get("token", ""),
                data=request.POST,
                now=self.now,
                allow_empty=action != "check",
            )
        except (Attempt.DoesNotExist, Response.DoesNotExist):
            raise Http404(_("Ese intento no tiene esa pregunta.")) from None
        except ServiceError as exc:
            if http_status(exc) != 400:
                return self._refused(exc, slot)
            self.page = self._page(self.attempt.pk, slot)  # the rows as they are now, not as before the POST
            context = self.get_context_data(slot=slot, submitted=request.POST, error=exc.message)
            return self.render_to_response(context, status=400)
        if action == "timeup":
            svc.attempt_submit(user=request.user, attempt_id=self.attempt.pk)
            messages.info(request, _("Se acabó el tiempo: el intento se ha entregado."))
            return redirect(_result_url(self.attempt))
        return HttpResponseRedirect(self._target(action, result.response.slot))

    def _refused(self, exc: ServiceError, slot: int):
        """Say why the answer was not saved; back to the question (stale page, locked answer) or to the result."""
        if exc.code == Code.ATTEMPT_EXPIRED:
            svc.attempt_close_if_expired(attempt=self.attempt, now=self.now)
        add_refusal_message(self.request, exc)
        if exc.code in {Code.PAGE_STALE, Code.ANSWER_LOCKED}:
            return redirect(_question_url(self.attempt, slot))
        return redirect(_result_url(self.attempt))

    def _target(self, action: str, slot: int) -> str:
        """Where a navigation button leads: previous, next, a given question, or the review page."""
        n = len(self.page.slots)
        review = reverse("quizzes:attempt_review", args=[self.attempt.pk])
        if action == "prev":
            return _question_url(self.attempt, max(1, slot - 1))
        if action in {"review", "finish"}:
            return review
        if action in {"check", "stay"}:
            return _question_url(self.attempt, slot)
        if action.startswith("goto-"):
            wanted = parse_int(action.removeprefix("goto-"), max_value=n)
            return _question_url(self.attempt, wanted or slot)
        return _question_url(self.attempt, slot + 1) if slot < n else review


class AttemptAutosaveView(LoginRequiredMixin, View):
    """POST from attempt.js when an answer changes: save it at once, answer JSON with the next sequence token.

    The page keeps working without it (every button saves); this only makes a closed tab lose nothing. Same service,
    same sequence check: a stale token is a 409 and nothing is recorded.
    """

    http_method_names = ["post"]

    def post(self, request, pk: int, slot: int):
        attempt = _attempt_or_404(request, pk)
        now = timezone.now()
        if svc.attempt_close_if_expired(attempt=attempt, now=now) or attempt.is_finished:
            finished = {"error": str(Code.ATTEMPT_FINISHED.label), "redirect": _result_url(attempt)}
            return JsonResponse(finished, status=409)
        try:
            result = svc.response_save(
                user=request.user,
                attempt_id=attempt.pk,
                slot=slot,
                token=request.POST.get("token", ""),
                data=request.POST,
                now=now,
                allow_empty=True,
                autosave=True,
            )
        except (Attempt.DoesNotExist, Response.DoesNotExist):
            raise Http404(_("Ese intento no tiene esa pregunta.")) from None
        except ServiceError as exc:
            return refusal_json(exc)
        return JsonResponse({"saved": result.saved, "token": svc.response_token(result.response)})


class AttemptReviewView(LoginRequiredMixin, TemplateView):
    """Before the final submit: every question with whether it is answered, and the submit button."""

    template_name = "quizzes/quiz/review.html"

    def get(self, request, pk: int):
        attempt = _attempt_or_404(request, pk)
        if svc.attempt_close_if_expired(attempt=attempt):
            messages.warning(request, Code.ATTEMPT_EXPIRED.label)
        if attempt.is_finished:
            return redirect(_result_url(attempt))
        responses = list(attempt.responses.select_related("question").order_by("slot"))
        unanswered = [r for r in responses if not r.is_answered]
        context = self.get_context_data(
            attempt=attempt,
            quiz=attempt.quiz,
            responses=responses,
            unanswered=unanswered,
            n=len(responses),
            n_answered=len(responses) - len(unanswered),
            server_now=timezone.now(),
        )
        return self.render_to_response(context)


class AttemptSubmitView(LoginRequiredMixin, View):
    """POST: submit the attempt (idempotent: a second submit just shows the result)."""

    http_method_names = ["post"]

    def post(self, request, pk: int):
        attempt = _attempt_or_404(request, pk)
        was_finished = attempt.is_finished
        try:
            svc.attempt_submit(user=request.user, attempt_id=attempt.pk)
        except Attempt.DoesNotExist:
            raise Http404 from None
        if not was_finished:
            messages.success(request, _("Intento entregado."))
        return redirect(_result_url(attempt))


class AttemptResultView(LoginRequiredMixin, TemplateView):
    """The result: score, pass or fail, and per question what the feedback setting allows."""

    template_name = "quizzes/quiz/result.html"

    def get(self, request, pk: int):
        attempt = _attempt_or_404(request, pk)
        now = timezone.now()
        svc.attempt_close_if_expired(attempt=attempt, now=now)
        if not attempt.is_finished:
            return redirect("quizzes:attempt_resume", pk=attempt.pk)
        availability = avail.quiz_availability(quiz=attempt.quiz, user=request.user)
        show = avail.feedback_visible(attempt=attempt, availability=availability, now=now)
        responses = _graded_responses(attempt)
        context = self.get_context_data(
            attempt=attempt,
            quiz=attempt.quiz,
            items=questions.result_items(responses, show_feedback=show),
            show_feedback=show,
            availability=availability,
            n_right=sum(1 for r in responses if (r.fraction or 0) >= 1),
            n=len(responses),
        )
        return self.render_to_response(context)


class ProgressView(LoginRequiredMixin, TemplateView):
    """ "Mi progreso": every attempt, best/last/average per quiz, scores over time, accuracy by kind of fact."""

    template_name = "quizzes/quiz/progress.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user

        def build():
            mine = progress.student_progress(user=user)
            title = _("Notas de los intentos entregados, del más antiguo al más reciente")
            chart = charts.progress_chart(mine.score_points, title=title)
            return render_to_string("quizzes/quiz/_progress_body.html", {"progress": mine, "chart": chart})

        # The page's body, rendered: kept per student and language until their attempts or the content change.
        context["body"] = summaries.cached(
            f"progress:{get_language()}", user_id=user.pk, now=timezone.now(), build=build, until=lambda _value: None
        )
        return context
