"""Students joining a class with its code or its link."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView

from ..forms.classes import JoinForm
from ..models import Classroom
from ..services import classes as class_services
from ..services.errors import ServiceError
from .errors import add_refusal_to_form


class JoinView(LoginRequiredMixin, FormView):
    """Join a class: a form for the code; the join link (/clases/unirse/<code>/) fills it in."""

    template_name = "quizzes/classes/join.html"
    form_class = JoinForm

    def get_initial(self):
        code = self.kwargs.get("code", "")
        # A link with a long or odd code still shows the page; the service explains what is wrong on submit.
        return {"code": code[:16]} if code else {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["classrooms"] = list(Classroom.objects.for_student(self.request.user).order_by("name"))
        return context

    def form_valid(self, form):
        try:
            result = class_services.classroom_join(student=self.request.user, code=form.cleaned_data["code"])
        except ServiceError as exc:
            add_refusal_to_form(form, "code", exc)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        if result.joined:
            messages.success(self.request, _("Se ha unido a la clase «%(name)s».") % {"name": result.classroom.name})
        else:
            messages.info(self.request, _("Ya estaba en la clase «%(name)s».") % {"name": result.classroom.name})
        return redirect("quizzes:home")

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)
