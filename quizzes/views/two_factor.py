"""Two-step login for staff: set up an authenticator app, and give its code after the password."""

import segno
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views import View

from ..forms.accounts import TotpForm
from ..services import two_factor
from ..services.errors import ServiceError
from .errors import add_refusal_to_form


class StaffRequiredMixin(LoginRequiredMixin, UserPassesTestMixin):
    def test_func(self) -> bool:
        return self.request.user.is_staff


class TwoFactorSetupView(StaffRequiredMixin, View):
    """Scan the code (or type the key) in an authenticator app, then confirm with the 6 digits it shows."""

    template_name = "registration/two_factor_setup.html"

    def _render(self, request, form, status=200):
        device = two_factor.device_start(user=request.user)
        qr = segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#000", light="#fff")
        context = {
            "form": form,
            "qr_svg": mark_safe(qr),  # segno's own SVG markup from our URL: no user input in it
            "secret": two_factor.device_secret(device),
            "has_device": request.session.get(two_factor.TWO_FACTOR_SESSION_KEY, False),
        }
        return render(request, self.template_name, context, status=status)

    def get(self, request):
        return self._render(request, TotpForm())

    def post(self, request):
        form = TotpForm(request.POST)
        if form.is_valid():
            try:
                two_factor.device_confirm(request=request, user=request.user, token=form.cleaned_data["token"])
            except ServiceError as exc:
                add_refusal_to_form(form, "token", exc)
            else:
                messages.success(request, _("Verificación en dos pasos activada."))
                return redirect("quizzes:home")
        # A failed confirmation keeps the pending device (the app already has it): show it again, not a new one.
        return self._render_pending(request, form)

    def _render_pending(self, request, form):
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device = TOTPDevice.objects.filter(user=request.user, confirmed=False).order_by("-id").first()
        if device is None:
            return self._render(request, form, status=400)
        qr = segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#000", light="#fff")
        context = {"form": form, "qr_svg": mark_safe(qr), "secret": two_factor.device_secret(device)}
        return render(request, self.template_name, context, status=400)


class TwoFactorVerifyView(LoginRequiredMixin, View):
    """The second step of a staff login: the code from the authenticator app."""

    template_name = "registration/two_factor_verify.html"

    def _next(self, request) -> str:
        target = request.POST.get("next") or request.GET.get("next") or ""
        if url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return target
        return "/"

    def get(self, request):
        return render(request, self.template_name, {"form": TotpForm(), "next": self._next(request)})

    def post(self, request):
        form = TotpForm(request.POST)
        if form.is_valid():
            try:
                two_factor.verify(request=request, user=request.user, token=form.cleaned_data["token"])
            except ServiceError as exc:
                add_refusal_to_form(form, "token", exc)
            else:
                return redirect(self._next(request))
        return render(request, self.template_name, {"form": form, "next": self._next(request)}, status=400)
