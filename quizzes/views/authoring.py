"""Teacher-only helpers for authoring: preview a question as a student sees it."""

from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from ..models import Question
from .mixins import TeacherRequiredMixin


class QuestionPreviewView(TeacherRequiredMixin, TemplateView):
    template_name = "quizzes/question_preview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        question = get_object_or_404(
            Question.objects.select_related("sentence", "document").prefetch_related("choices", "accepted_answers"),
            pk=kwargs["pk"],
        )
        context["question"] = question
        context["choices"] = list(question.choices.all())
        return context
