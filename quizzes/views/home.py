"""The home page: tells a student or a teacher what to do next."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils import timezone
from django.views.generic import TemplateView

from .. import selectors, selectors_cards


class HomeView(LoginRequiredMixin, TemplateView):
    template_name = "quizzes/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        if user.is_teacher:
            context.update(selectors.teacher_home(user=user))
        else:
            context.update(selectors.student_home(user=user))
            context["assignments"] = selectors.student_assignments(user=user)
            context["assignments_done"] = sum(1 for a in context["assignments"] if a.n_submitted)
            context["cards_panel"] = selectors_cards.cards_panel(user=user, now=timezone.now())
        return context
