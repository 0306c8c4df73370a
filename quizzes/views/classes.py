"""Students joining a class with its code or its link, and signing up there when they have no account yet."""

from django.contrib import messages
from django.contrib.auth import login
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from ..forms.accounts import SignupForm
from ..forms.classes import JoinForm
from ..models import Classroom
from ..services import accounts as account_services
from ..services import classes as class_services
from ..services.errors import Code, ServiceError
from .errors import add_refusal_to_form

TEMPLATE = "quizzes/classes/join.html"
# The session is created here, not by the authentication backends (the password was just chosen, not checked).
LOGIN_BACKEND = "winterwar.backends.UserRowBackend"


def _login_and_greet(request, result) -> None:
    login(request, result.user, backend=LOGIN_BACKEND)
    if result.classroom is not None:
        messages.success(
            request,
            _("Cuenta creada. Ya está en la clase «%(name)s».") % {"name": result.classroom.name},
        )
    else:
        messages.success(request, _("Cuenta creada."))


class JoinView(View):
    """Join a class: a form for the code; the join link (/clases/unirse/<code>/) fills it in.

    A logged-in student joins at once. An anonymous visitor's code is checked first (an unknown or retired code says
    so before anyone chooses a password); with a good code the page offers to create an account there, which is
    then logged in and enrolled, or to log in and come back.
    """

    def _render(self, request, *, form=None, signup_form=None, classroom=None, status=200):
        context = {
            "form": form or JoinForm(initial=self._initial_code()),
            "signup_form": signup_form,
            "classroom": classroom,
            "code": self.kwargs.get("code", ""),
            "classrooms": (
                list(Classroom.objects.for_student(request.user).order_by("name"))
                if request.user.is_authenticated
                else []
            ),
        }
        return render(request, TEMPLATE, context, status=status)

    def _initial_code(self):
        code = self.kwargs.get("code", "")
        # A link with a long or odd code still shows the page; the service explains what is wrong.
        return {"code": code[:16]} if code else {}

    def _code_refused(self, request, exc: ServiceError):
        form = JoinForm(data={"code": self.kwargs.get("code", "")[:64]})
        form.is_valid()
        add_refusal_to_form(form, "code", exc)
        return self._render(request, form=form, status=200 if request.method == "GET" else 400)

    def get(self, request, *args, **kwargs):
        code = kwargs.get("code")
        if request.user.is_authenticated or not code:
            return self._render(request)
        try:
            classroom = class_services.classroom_by_code(code)
        except ServiceError as exc:
            return self._code_refused(request, exc)
        return self._render(request, signup_form=SignupForm(), classroom=classroom)

    def post(self, request, *args, **kwargs):
        if not request.user.is_authenticated and kwargs.get("code"):
            return self._signup(request, kwargs["code"])
        form = JoinForm(request.POST)
        if not form.is_valid():
            return self._render(request, form=form, status=400)
        if not request.user.is_authenticated:
            # The code first; the account form comes on the class's own page.
            try:
                classroom = class_services.classroom_by_code(form.cleaned_data["code"])
            except ServiceError as exc:
                add_refusal_to_form(form, "code", exc)
                return self._render(request, form=form, status=400)
            return redirect("quizzes:join_link", code=classroom.join_code)
        try:
            result = class_services.classroom_join(student=request.user, code=form.cleaned_data["code"])
        except ServiceError as exc:
            add_refusal_to_form(form, "code", exc)
            return self._render(request, form=form, status=400)
        if result.joined:
            messages.success(request, _("Se ha unido a la clase «%(name)s».") % {"name": result.classroom.name})
        else:
            messages.info(request, _("Ya estaba en la clase «%(name)s».") % {"name": result.classroom.name})
        return redirect("quizzes:home")

    def _signup(self, request, code: str):
        try:
            classroom = class_services.classroom_by_code(code)
        except ServiceError as exc:
            return self._code_refused(request, exc)
        signup_form = SignupForm(request.POST)
        if _signed_up(request, signup_form, code=code):
            return redirect("quizzes:home")
        return self._render(request, signup_form=signup_form, classroom=classroom, status=400)


class SignupView(View):
    """Sign-up without a class code: only when the deployment turns it on (WINTERWAR_OPEN_SIGNUP)."""

    template_name = "registration/signup.html"

    def dispatch(self, request, *args, **kwargs):
        if not account_services.open_signup_enabled():
            raise Http404
        if request.user.is_authenticated:
            return redirect("quizzes:home")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return render(request, self.template_name, {"form": SignupForm()})

    def post(self, request):
        form = SignupForm(request.POST)
        if _signed_up(request, form, code=None):
            return redirect("quizzes:home")
        return render(request, self.template_name, {"form": form}, status=400)


def _signed_up(request, form: SignupForm, *, code: str | None) -> bool:
    """Create, log in and greet the student when the form is valid; otherwise put the refusal on the form."""
    if not form.is_valid():
        return False
    data = form.cleaned_data
    try:
        result = account_services.student_signup(
            code=code,
            username=data["username"],
            password=data["password1"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data.get("email", ""),
        )
    except ServiceError as exc:
        add_refusal_to_form(form, "username" if exc.code == Code.USERNAME_TAKEN else None, exc)
        return False
    _login_and_greet(request, result)
    return True
