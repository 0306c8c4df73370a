"""Root URLs: the app, Django's auth views and the admin."""

from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from quizzes.views import accounts, classes, two_factor


class FaviconView(RedirectView):
    """/favicon.ico, which browsers ask for on pages that link no icon (the admin's): the app's icon.
    The address is looked up per request, so the hashed name of the static manifest is used in production."""

    permanent = True
    http_method_names = ["get", "head"]

    def get_redirect_url(self, *args, **kwargs):
        return static("quizzes/favicon.svg")


urlpatterns = [
    path("favicon.ico", FaviconView.as_view(), name="favicon"),
    # Two of Django's views, extended (a chosen password is no longer provisional); same names and paths.
    path("cuentas/password_change/", accounts.PasswordChangeView.as_view(), name="password_change"),
    path(
        "cuentas/reset/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("cuentas/registro/", classes.SignupView.as_view(), name="signup"),
    path("cuentas/dos-pasos/", two_factor.TwoFactorSetupView.as_view(), name="two_factor_setup"),
    path("cuentas/dos-pasos/verificar/", two_factor.TwoFactorVerifyView.as_view(), name="two_factor_verify"),
    path("cuentas/", include("django.contrib.auth.urls")),
    path("i18n/setlang/", accounts.set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("", include("quizzes.urls")),
]

handler403 = "quizzes.views.errors.permission_denied"
handler404 = "quizzes.views.errors.page_not_found"
handler500 = "quizzes.views.errors.server_error"
