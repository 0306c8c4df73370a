"""The home page: tells a student or a teacher what to do next."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils import timezone
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
            context["home"] = quiz_selectors.cached_student_home(user=user, now=timezone.now())
        return context
