"""Project middleware."""

import time

from csp import middleware as csp_middleware
from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.utils import build_policy
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, logout
from django.contrib.auth import middleware as auth_middleware
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from quizzes.services.two_factor import TWO_FACTOR_SESSION_KEY

from .backends import LEGACY_BACKEND, USER_BACKEND
from .security import remember_device

RETRY_AFTER_SECONDS = 5
HEALTH_PATH = "/healthz"


class HealthCheckMiddleware:
    """Answer GET/HEAD /healthz first, before sessions, CSRF, CSP, axes and WhiteNoise run.

    A load balancer probes it many times a second: it needs no database, no session and no template, and the
    rest of the stack cost as much as a bare view. Other methods go on to the view (405 there).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == HEALTH_PATH and request.method in ("GET", "HEAD"):
            response = HttpResponse("ok", content_type="text/plain; charset=utf-8")
            response["X-Content-Type-Options"] = "nosniff"
            add_never_cache_headers(response)
            return response
        return self.get_response(request)


class AuthenticationMiddleware(auth_middleware.AuthenticationMiddleware):
    """Django's, carrying over the sessions opened before ``UserRowBackend`` replaced ``ModelBackend`` in
    AUTHENTICATION_BACKENDS: they name ModelBackend, whose checks it keeps (the session's hash, the active flag, all
    in ``django.contrib.auth.get_user``), so they are renamed rather than ended at the deploy."""

    def process_request(self, request):
        if request.session.get(BACKEND_SESSION_KEY) == LEGACY_BACKEND:
            request.session[BACKEND_SESSION_KEY] = USER_BACKEND
        super().process_request(request)
        # The user itself, not Django's SimpleLazyObject around it: UserLanguageMiddleware, next, asks
        # ``request.user.is_authenticated`` on every request, so the session's user is read here anyway, at the same
        # point and with the same reads. Through the lazy object every attribute of the user (~50 a page, from the
        # middlewares, the views and the templates) cost an AttributeError raised and caught and three Python calls.
        request.user = auth_middleware.get_user(request)


class CSPMiddleware(csp_middleware.CSPMiddleware):
    """django-csp's, with the policy built once per process while nothing but the settings makes it.

    django-csp builds both headers from the settings on every response (a copy of each directive, the nonce looked
    for, the string joined): the same two strings for every page of this project, which uses no nonce and no per-view
    policy. A response that asks for one (a nonce used, or django-csp's decorators) goes through django-csp itself.
    The strings are kept for the settings' own dicts, so a test that overrides the setting gets its own policy.
    """

    _PER_RESPONSE = (
        "_csp_config",
        "_csp_update",
        "_csp_replace",
        "_csp_config_ro",
        "_csp_update_ro",
        "_csp_replace_ro",
    )
    _built: dict[str, tuple[object, str]] = {}

    def process_response(self, request, response):
        if (
            settings.DEBUG
            or getattr(request, "_csp_nonce", None) is not None
            or any(getattr(response, name, None) is not None for name in self._PER_RESPONSE)
        ):
            return super().process_response(request, response)
        for setting, header, exempt in (
            ("CONTENT_SECURITY_POLICY", HEADER, "_csp_exempt"),
            ("CONTENT_SECURITY_POLICY_REPORT_ONLY", HEADER_REPORT_ONLY, "_csp_exempt_ro"),
        ):
            policy = getattr(settings, setting, None)
            built = self._built.get(setting)
            if built is None or built[0] is not policy:
                built = (policy, build_policy(report_only=header == HEADER_REPORT_ONLY))
                self._built[setting] = built
            if (
                built[1]
                and header not in response
                and getattr(response, exempt, False) is False
                and not request.path_info.startswith(tuple((policy or {}).get("EXCLUDE_URL_PREFIXES", None) or ()))
            ):
                response[header] = built[1]
        # As django-csp: a nonce asked for after the header is written is an error, not a silent policy hole.
        request.csp_nonce = csp_middleware.CheckableLazyObject(self._csp_nonce_post_response)
        return response


class DatabaseUnavailableMiddleware:
    """Answer 503 Service Unavailable with Retry-After, not a 500, when the database cannot be reached.

    A PostgreSQL restart or failover makes every request fail for a few seconds (scripts/chaos.sh measures it);
    a 503 tells load balancers and browsers it is temporary. Rendered without context processors: they may query
    the database. CONN_HEALTH_CHECKS reconnects on the next request, so nothing else is needed to recover.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response


def session_started(sender, request, user, **kwargs):
    """At login, the session's time of use is now (so the first page after it does not write the session again)."""
    if request is not None and hasattr(request, "session"):
        request.session[SessionIdleTimeoutMiddleware.KEY] = int(time.time())


class SessionIdleTimeoutMiddleware:
    """End a session that has not been used for ``SESSION_IDLE_SECONDS`` (a student who walked away from a shared
    computer). The time of use is written at most once a minute, so an active session is not saved on every request.
    """

    KEY = "_last_seen"
    WRITE_EVERY = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        idle = getattr(settings, "SESSION_IDLE_SECONDS", 0)
        user = getattr(request, "user", None)
        if idle and user is not None and user.is_authenticated:
            now = int(time.time())
            last = request.session.get(self.KEY)
            if isinstance(last, int) and now - last > idle:
                logout(request)
            elif not isinstance(last, int) or now - last >= self.WRITE_EVERY:
                request.session[self.KEY] = now
        return self.get_response(request)


class KnownDeviceMiddleware:
    """After a successful login, remember the browser as a known device of that username (winterwar/security.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        before = user.pk if user is not None and user.is_authenticated else None
        response = self.get_response(request)
        user = getattr(request, "user", None)  # login() replaces it
        if user is not None and user.is_authenticated and user.pk != before:
            remember_device(request, response, user.get_username())
        return response


class UserLanguageMiddleware:
    """A logged-in user's saved language (``User.language``, set with the menu's switch) wins over the language
    cookie and the browser's Accept-Language that LocaleMiddleware read before; an empty one leaves theirs.

    The cookie is brought in line too, so that the pages after logging out keep the user's language. Costs no query:
    the user is loaded for the session anyway.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        language = getattr(user, "language", "") if user is not None and user.is_authenticated else ""
        if language not in dict(settings.LANGUAGES):
            return self.get_response(request)
        if language != getattr(request, "LANGUAGE_CODE", None):
            translation.activate(language)
            request.LANGUAGE_CODE = language
        response = self.get_response(request)
        if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response


class TwoFactorRequiredMiddleware:
    """Staff with a TOTP device give its code after the password; superusers must set one up when required.

    Whether the user has a device is read once, at login, into the session (``TWO_FACTOR_SESSION_KEY``), so the
    pages of a user without one cost no query.
    """

    VERIFY_ALLOWED = ("two_factor_verify", "logout")
    SETUP_ALLOWED = ("two_factor_setup", "logout")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        static = "/" + settings.STATIC_URL.lstrip("/")
        if user is not None and user.is_authenticated and user.is_staff and not request.path.startswith(static):
            has_device = request.session.get(TWO_FACTOR_SESSION_KEY, False)
            if has_device and not user.is_verified():
                if request.path not in {reverse(n) for n in self.VERIFY_ALLOWED}:
                    query = urlencode({"next": request.get_full_path()[:500]})
                    return redirect(f"{reverse('two_factor_verify')}?{query}")
            elif not has_device and user.is_superuser and settings.WINTERWAR_REQUIRE_2FA_SUPERUSERS:
                setup_pages = {reverse(n) for n in self.SETUP_ALLOWED}
                return self.get_response(request) if request.path in setup_pages else redirect("two_factor_setup")
        return self.get_response(request)


class PasswordChangeRequiredMiddleware:
    """Send a user whose password is provisional (a teacher gave it) to choose their own before anything else.

    Only the password change page, logging out and static files stay reachable.
    """

    ALLOWED_NAMES = ("password_change", "password_change_done", "logout")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and getattr(user, "must_change_password", False):
            allowed = {reverse(name) for name in self.ALLOWED_NAMES}
            static = "/" + settings.STATIC_URL.lstrip("/")
            if request.path not in allowed and not request.path.startswith(static):
                return redirect("password_change")
        return self.get_response(request)


class RequestBodyLimitMiddleware:
    """Refuse an oversized request body from its Content-Length, before anything reads (or spools to disk) the body.

    An anonymous visitor only ever posts the login form: ANONYMOUS_MAX_BODY (64 KB) is plenty. A signed-in user may
    send up to MAX_REQUEST_BODY (32 MB): imports are at most 5 MB, but a somewhat larger file should still reach the
    form and get its own message («el máximo es 5 MB»). Django's own DATA_UPLOAD_MAX_MEMORY_SIZE and
    FILE_UPLOAD_MAX_MEMORY_SIZE bound what is then read into memory.
    Placed after AuthenticationMiddleware (it needs request.user) and before anything that reads request.POST.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raw = request.META.get("CONTENT_LENGTH") or "0"
        if not (raw.isascii() and raw.isdigit()) or len(raw) > 15:
            return HttpResponseBadRequest(_("Longitud de la petición no válida."), content_type="text/plain")
        length = int(raw)
        limit = settings.MAX_REQUEST_BODY
        if length > settings.ANONYMOUS_MAX_BODY and not request.user.is_authenticated:
            limit = settings.ANONYMOUS_MAX_BODY
        if length > limit:
            message = _("La petición es demasiado grande (máximo %(kb)d KB).") % {"kb": limit // 1024}
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
