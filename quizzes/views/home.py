"""The home page: tells a student or a teacher what to do next."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.views.generic import TemplateView

from ..selectors import quizzes as quiz_selectors
from ..selectors import summaries


class HomeView(LoginRequiredMixin, TemplateView):
    template_name = "quizzes/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        if user.is_teacher:
            context["home"] = quiz_selectors.teacher_home(user=user)
        else:
            # The student's sections, rendered: kept in the cache per student and language (cached_student_home). The
            # page shows the body only; the data it was rendered from (its quizzes, classes and cards panel: most of
            # the entry's unpickling) is unpickled only if something asks for it (summaries.Pickled). The entry's
            # name says its shape, so a worker running the code of before never reads it.
            kept, context["body"] = quiz_selectors.cached_student_home(
                user=user,
                now=timezone.now(),
                present=lambda home: (
                    summaries.Pickled(home),
                    render_to_string("quizzes/includes/_home_student.html", {"home": home}),
                ),
                variant=f":body:{get_language()}",
            )
            context["home"] = SimpleLazyObject(kept.get)
        return context
