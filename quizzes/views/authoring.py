"""Teacher-only helpers for authoring: preview a question as a student sees it."""

from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from ..models import Question
from ..presentation.questions import feedback_for, question_view
from .mixins import TeacherRequiredMixin


class QuestionPreviewView(TeacherRequiredMixin, TemplateView):
    """Render a question with the students' partial, then the feedback a student would read after answering."""

    template_name = "quizzes/question_preview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        question = get_object_or_404(
            Question.objects.select_related("sentence", "document").prefetch_related("choices", "accepted_answers"),
            pk=kwargs["pk"],
        )
        choices = list(question.choices.all())
        context["question"] = question
        context["choices"] = choices
        context["q"] = question_view(question=question, choices=choices)
        context["feedback"] = feedback_for(
            question=question, choices=choices, accepted=list(question.accepted_answers.all()), answer=None, fraction=1
        )
        return context
