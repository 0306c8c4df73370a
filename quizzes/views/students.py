"""A teacher adding students to a class (one, or a class list with a preview) and resetting their passwords.

The passwords of new accounts and resets are in the response that creates them, on a page of login slips meant to
be printed, and nowhere else: the page is not cached, the session keeps only the rows of the list (no password)
between the preview and the confirmation, and confirming the same list again creates nothing.
"""

from __future__ import annotations

import secrets
from dataclasses import asdict

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views import View

from ..domain.roster import RosterInvalid, RosterRow
from ..forms.accounts import RosterUploadForm, StudentForm
from ..models import User
from ..services import accounts as account_services
from ..services.errors import Code, ServiceError
from .errors import add_refusal_message
from .teacher import TeacherClassMixin

SESSION_KEY = "roster_previews"
MAX_PREVIEWS = 5  # previews kept per session (the oldest goes)


def _slips_response(request, classroom, slips, *, title: str):
    join_url = request.build_absolute_uri(reverse("quizzes:join_link", kwargs={"code": classroom.join_code}))
    login_url = request.build_absolute_uri(reverse("login"))
    context = {
        "classroom": classroom,
        "slips": slips,
        "title": title,
        "join_url": join_url,
        "login_url": login_url,
        "n_new": sum(1 for s in slips if s.password),
    }
    response = render(request, "quizzes/teacher/slips.html", context)
    add_never_cache_headers(response)  # the passwords are in it: never from a cache or the back button
    return response


def _problems_message(request, problems) -> None:
    messages.error(request, _("No se ha creado ninguna cuenta:"))
    for problem in problems:
        messages.error(request, str(problem))


class AddStudentView(TeacherClassMixin, View):
    """One student, from the form on the class page: an account (or an existing one of the teacher's) enrolled."""

    def post(self, request, *args, **kwargs):
        form = StudentForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect("quizzes:teacher_class", pk=self.classroom.pk)
        try:
            slips = account_services.roster_add(
                teacher=request.user, classroom=self.classroom, rows=form.cleaned_data["rows"]
            )
        except RosterInvalid as exc:
            _problems_message(request, [p.message for p in exc.problems])
        except ServiceError as exc:
            add_refusal_message(request, exc)
        else:
            return _slips_response(request, self.classroom, slips, title=_("Estudiante añadido"))
        return redirect("quizzes:teacher_class", pk=self.classroom.pk)


class RosterImportView(TeacherClassMixin, View):
    """Upload a class list → a preview of what will happen → confirm → the login slips."""

    template_name = "quizzes/teacher/roster.html"

    def get(self, request, *args, **kwargs):
        return self._form(request, RosterUploadForm())

    def _form(self, request, form, status=200, problems=()):
        context = {"classroom": self.classroom, "form": form, "problems": problems}
        return render(request, self.template_name, context, status=status)

    def post(self, request, *args, **kwargs):
        if "token" in request.POST:
            return self._confirm(request, request.POST.get("token", ""))
        form = RosterUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self._form(request, form, status=400)
        rows: list[RosterRow] = form.cleaned_data["file"]
        try:
            plan = account_services.roster_plan(teacher=request.user, classroom=self.classroom, rows=rows)
        except RosterInvalid as exc:
            return self._form(request, form, status=400, problems=[str(p) for p in exc.problems])
        token = secrets.token_urlsafe(16)
        previews = request.session.get(SESSION_KEY, {})
        while len(previews) >= MAX_PREVIEWS:
            previews.pop(next(iter(previews)))
        previews[token] = {"classroom": self.classroom.pk, "rows": [asdict(r) for r in rows]}
        request.session[SESSION_KEY] = previews
        context = {
            "classroom": self.classroom,
            "plan": plan,
            "token": token,
            "n_create": sum(1 for p in plan if p.action == account_services.Action.CREATE),
            "n_enrol": sum(1 for p in plan if p.action == account_services.Action.ENROL),
            "n_already": sum(1 for p in plan if p.action == account_services.Action.ALREADY),
        }
        return render(request, "quizzes/teacher/roster_preview.html", context)

    def _confirm(self, request, token: str):
        previews = request.session.get(SESSION_KEY, {})
        preview = previews.get(token) if isinstance(token, str) and len(token) < 64 else None
        if not preview or preview.get("classroom") != self.classroom.pk:
            add_refusal_message(request, ServiceError(Code.ROSTER_GONE))
            return redirect("quizzes:teacher_class", pk=self.classroom.pk)
        rows = [RosterRow(**row) for row in preview["rows"]]
        try:
            slips = account_services.roster_add(teacher=request.user, classroom=self.classroom, rows=rows)
        except RosterInvalid as exc:
            _problems_message(request, [str(p) for p in exc.problems])
            return redirect("quizzes:teacher_roster", pk=self.classroom.pk)
        except ServiceError as exc:
            add_refusal_message(request, exc)
            return redirect("quizzes:teacher_roster", pk=self.classroom.pk)
        previews.pop(token, None)
        request.session[SESSION_KEY] = previews
        return _slips_response(request, self.classroom, slips, title=_("Hojas de acceso"))


class ResetPasswordView(TeacherClassMixin, View):
    """A new one-time password for a student of the class (their open sessions end)."""

    def post(self, request, *args, **kwargs):
        student = get_object_or_404(User, pk=kwargs["student_id"], enrollments__classroom=self.classroom)
        try:
            slip = account_services.student_password_reset(
                teacher=request.user, classroom=self.classroom, student=student
            )
        except ServiceError as exc:
            add_refusal_message(request, exc)
            return redirect("quizzes:teacher_student", pk=self.classroom.pk, student_id=student.pk)
        return _slips_response(request, self.classroom, [slip], title=_("Contraseña nueva"))
