"""The home page: tells a student or a teacher what to do next."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.views.generic import TemplateView

from ..selectors import quizzes as quiz_selectors


class HomeView(LoginRequiredMixin, TemplateView):
    template_name = "quizzes/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        if user.is_teacher:
            context["home"] = quiz_selectors.teacher_home(user=user)
        else:
            # The student's sections, rendered: kept in the cache per student and language (cached_student_home).
            context["home"], context["body"] = quiz_selectors.cached_student_home(
                user=user,
                now=timezone.now(),
                present=lambda home: (home, render_to_string("quizzes/includes/_home_student.html", {"home": home})),
                variant=f":{get_language()}",
            )
        return context
