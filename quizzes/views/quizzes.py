"""Student pages for quizzes: the quiz, the attempt one question per page, review, result, and "Mi progreso".

Views are thin: they fetch through the owner (another student's attempt is a 404), call the attempts service and
redirect after every POST. The service decides; the view maps its refusals to a message, a 400 or a redirect.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Prefetch
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from ..domain import grading
from ..models import AcceptedAnswer, Attempt, Choice, FeedbackTiming, QuestionKind, Response
from ..presentation import charts
from ..presentation.questions import feedback_for, question_view
from ..selectors import availability as avail
from ..selectors import progress
from ..selectors import quizzes as quiz_selectors
from ..services import attempts as svc


def _attempt_or_404(request, pk: int) -> Attempt:
    """Return the student's own attempt; anybody else's, or one that does not exist, is a 404."""
    return get_object_or_404(Attempt.objects.select_related("quiz"), pk=pk, user=request.user)


def _result_url(attempt: Attempt) -> str:
    return reverse("quizzes:attempt_result", args=[attempt.pk])


def _question_url(attempt: Attempt, slot: int) -> str:
    return reverse("quizzes:attempt_question", args=[attempt.pk, slot])


class QuizDetailView(LoginRequiredMixin, TemplateView):
    """The quiz page: what it is, its settings, past attempts, and the start or continue button."""

    template_name = "quizzes/quiz/detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, now = self.request.user, timezone.now()
        quiz = quiz_selectors.quiz_for_student(user=user, quiz_id=kwargs["pk"], now=now)
        if quiz is None:
            raise Http404(_("Ese cuestionario no existe o no está publicado."))
        attempts = list(Attempt.objects.for_student(user).filter(quiz=quiz).order_by("number"))
        percents = [a.percent for a in attempts if a.is_submitted and a.percent is not None]
        context.update(
            quiz=quiz,
            attempts=attempts,
            grade=grading.quiz_grade(percents, quiz.grading_method),
            feedback_after_close=quiz.feedback_timing == FeedbackTiming.AFTER_CLOSE,
        )
        return context


class QuizStartView(LoginRequiredMixin, View):
    """POST: start (or continue) an attempt, then go to its first unanswered question."""

    http_method_names = ["post"]

    def post(self, request, pk: int):
        quiz = quiz_selectors.quiz_for_student(user=request.user, quiz_id=pk, now=timezone.now())
        if quiz is None:
            raise Http404(_("Ese cuestionario no existe o no está publicado."))
        try:
            attempt = svc.attempt_start(user=request.user, quiz=quiz)
        except svc.QuizUnavailable as exc:
            messages.error(request, exc.message)
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
        self.attempt = _attempt_or_404(request, kwargs["pk"])
        self.now = timezone.now()
        if svc.attempt_close_if_expired(attempt=self.attempt, now=self.now):
            messages.warning(request, svc.ATTEMPT_EXPIRED)
            return redirect(_result_url(self.attempt))
        if self.attempt.is_finished:
            if request.method == "POST":
                messages.error(request, svc.ATTEMPT_FINISHED)
            return redirect(_result_url(self.attempt))
        return super().dispatch(request, *args, **kwargs)

    def _load(self, slot: int) -> Response:
        try:
            return self.attempt.responses.select_related("question", "question__sentence").get(slot=slot)
        except Response.DoesNotExist:
            raise Http404(_("Ese intento no tiene esa pregunta.")) from None

    def get_context_data(self, *, response: Response, submitted=None, error: str = "", **kwargs):
        context = super().get_context_data(**kwargs)
        attempt, question = self.attempt, response.question
        slots = list(attempt.responses.order_by("slot").values_list("slot", "answered_at"))
        choices = list(question.choices.all())
        immediate = attempt.quiz.feedback_timing == FeedbackTiming.IMMEDIATE
        locked = immediate and response.is_answered
        view = question_view(
            question=question,
            choices=choices,
            order=response.choice_order,
            answer=response.answer,
            submitted=submitted,
            disabled=locked,
        )
        view.error = error
        if locked:
            accepted = list(question.accepted_answers.all()) if question.kind == QuestionKind.SHORT_ANSWER else []
            view.feedback = feedback_for(
                question=question,
                choices=choices,
                accepted=accepted,
                answer=response.answer,
                fraction=response.fraction,
            )
        n = len(slots)
        context.update(
            attempt=attempt,
            quiz=attempt.quiz,
            response=response,
            q=view,
            token=svc.response_token(response),
            slot=response.slot,
            n=n,
            slots=[{"slot": s, "answered": a is not None, "current": s == response.slot} for s, a in slots],
            n_answered=sum(1 for _s, a in slots if a is not None),
            immediate=immediate,
            locked=locked,
            server_now=self.now,
        )
        return context

    def get(self, request, pk: int, slot: int):
        return self.render_to_response(self.get_context_data(response=self._load(slot)))

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
        except svc.AnswerInvalid as exc:
            context = self.get_context_data(response=self._load(slot), submitted=request.POST, error=exc.message)
            return self.render_to_response(context, status=400)
        except svc.StaleToken as exc:
            messages.warning(request, exc.message)
            return redirect(_question_url(self.attempt, slot))
        except svc.AttemptClosed as exc:
            if exc.code == "expired":
                svc.attempt_close_if_expired(attempt=self.attempt, now=self.now)
                messages.warning(request, svc.ATTEMPT_EXPIRED)
                return redirect(_result_url(self.attempt))
            messages.error(request, exc.message)
            if exc.code == "locked":
                return redirect(_question_url(self.attempt, slot))
            return redirect(_result_url(self.attempt))
        if action == "timeup":
            svc.attempt_submit(user=request.user, attempt_id=self.attempt.pk)
            messages.info(request, _("Se acabó el tiempo: el intento se ha entregado."))
            return redirect(_result_url(self.attempt))
        return HttpResponseRedirect(self._target(action, result.response.slot))

    def _target(self, action: str, slot: int) -> str:
        n = self.attempt.responses.count()
        review = reverse("quizzes:attempt_review", args=[self.attempt.pk])
        if action == "prev":
            return _question_url(self.attempt, max(1, slot - 1))
        if action in {"review", "finish"}:
            return review
        if action in {"check", "stay"}:
            return _question_url(self.attempt, slot)
        if action.startswith("goto-"):
            raw = action[5:]
            if grading.is_ascii_int(raw) and len(raw) < 6 and 1 <= int(raw) <= n:
                return _question_url(self.attempt, int(raw))
            return _question_url(self.attempt, slot)
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
            return JsonResponse({"error": str(svc.ATTEMPT_FINISHED), "redirect": _result_url(attempt)}, status=409)
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
        except svc.AnswerInvalid as exc:
            return JsonResponse({"error": str(exc.message), "code": exc.code}, status=400)
        except (svc.StaleToken, svc.AttemptClosed) as exc:
            return JsonResponse({"error": str(exc.message), "code": exc.code}, status=409)
        return JsonResponse({"saved": result.saved, "token": svc.response_token(result.response)})


class AttemptReviewView(LoginRequiredMixin, TemplateView):
    """Before the final submit: every question with whether it is answered, and the submit button."""

    template_name = "quizzes/quiz/review.html"

    def get(self, request, pk: int):
        attempt = _attempt_or_404(request, pk)
        if svc.attempt_close_if_expired(attempt=attempt):
            messages.warning(request, svc.ATTEMPT_EXPIRED)
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
        responses = list(
            attempt.responses.select_related("question", "question__sentence")
            .prefetch_related(
                Prefetch("question__choices", queryset=Choice.objects.all()),
                Prefetch("question__accepted_answers", queryset=AcceptedAnswer.objects.all()),
            )
            .order_by("slot")
        )
        items = []
        for response in responses:
            question = response.question
            item = {"response": response, "question": question}
            if show:
                item["feedback"] = feedback_for(
                    question=question,
                    choices=list(question.choices.all()),
                    accepted=list(question.accepted_answers.all()),
                    answer=response.answer,
                    fraction=response.fraction,
                )
            items.append(item)
        context = self.get_context_data(
            attempt=attempt,
            quiz=attempt.quiz,
            items=items,
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
        context.update(progress.student_progress(user=self.request.user))
        title = _("Notas de los intentos entregados, del más antiguo al más reciente")
        context["chart"] = charts.progress_chart(context["score_points"], title=title)
        return context
