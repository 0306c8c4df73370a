"""Django's password views, with one addition: a password the user chose is no longer a provisional one; and the
language switch, which also saves the choice on the user."""

from django.contrib.auth import views as auth_views
from django.views import i18n
from django.views.decorators.http import require_POST

from ..models import AccountEventKind
from ..services.accounts import language_chosen, password_chosen
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


@require_POST
def set_language(request):
    """Django's language switch (the cookie, back to ``next``); a logged-in user's choice is also saved on the user."""
    response = i18n.set_language(request)
    if request.user.is_authenticated:
        language_chosen(request.user, request.POST.get("language", ""))
    return response
