"""Django's password views, with one addition: a password the user chose is no longer a provisional one."""

from django.contrib.auth import views as auth_views

from ..models import AccountEventKind
from ..services.accounts import password_chosen
from ..services.audit import record


class PasswordChangeView(auth_views.PasswordChangeView):
    def form_valid(self, form):
        response = super().form_valid(form)
        password_chosen(form.user)
        record(AccountEventKind.PASSWORD_CHANGED, user=form.user, request=self.request)
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    def form_valid(self, form):
        response = super().form_valid(form)
        password_chosen(form.user)
        record(AccountEventKind.PASSWORD_RESET_EMAIL, user=form.user, request=self.request)
        return response
