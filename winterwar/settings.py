"""Settings for winterwar, read from the environment.

DEBUG is off unless ``DJANGO_DEBUG`` says otherwise; a secret key is required unless DEBUG is on.
SQLite is the default database; ``DATABASE_URL`` switches to PostgreSQL (or anything dj-database-url reads).
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


def env_bool(name: str, default: bool = False) -> bool:
    """Read a boolean environment variable ("1", "true", "yes", "on" / "0", "false", "no", "off"; unset: default).

    Anything else stops the start-up: a misspelt DJANGO_SECURE_COOKIES=ture must not turn secure cookies off.
    """
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    word = value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name}={value!r} is not a boolean: use one of {', '.join(sorted(TRUE_WORDS | FALSE_WORDS))}."
    )


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    """Read an integer environment variable; anything but an integer stops the start-up."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not an integer.") from None


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random string "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or set DJANGO_DEBUG=1 for local development."
        )
    # Development only: never used when DEBUG is off.
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS is not set (comma-separated host names).")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "bootstrap",  # django-bootstrap-static: Bootstrap 5's files, served by us (no CDN)
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "quizzes",
]
# Benchmarks, load-test helpers and the synthetic-school builder: a development app, never part of a deployment.
# On with DEBUG and in the test settings; the load scripts switch it on for their production-like server.
DEVTOOLS = env_bool("DJANGO_DEVTOOLS", DEBUG)
if DEVTOOLS:
    INSTALLED_APPS.append("devtools")

MIDDLEWARE = [
    "winterwar.middleware.HealthCheckMiddleware",  # /healthz answered before the rest of the stack
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",  # the language cookie, then Accept-Language, then LANGUAGE_CODE
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "winterwar.middleware.AuthenticationMiddleware",  # Django's; sessions naming ModelBackend carried over
    "winterwar.middleware.UserLanguageMiddleware",  # a logged-in user's saved language wins over the browser's
    "winterwar.middleware.RequestBodyLimitMiddleware",  # 413 from Content-Length, before any body is read
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): the second step of a staff login
    "django.contrib.messages.middleware.MessageMiddleware",
    "winterwar.middleware.KnownDeviceMiddleware",  # a browser that logged in is a known device of that user
    "winterwar.middleware.SessionIdleTimeoutMiddleware",  # shared computers: an idle session ends
    "winterwar.middleware.TwoFactorRequiredMiddleware",  # staff with TOTP: the code before anything else
    "winterwar.middleware.PasswordChangeRequiredMiddleware",  # a provisional password is changed first
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "winterwar.middleware.CSPMiddleware",  # django-csp's, its constant policy built once per process
    "winterwar.middleware.DatabaseUnavailableMiddleware",  # 503 + Retry-After while the database is down
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "winterwar.urls"
WSGI_APPLICATION = "winterwar.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "winterwar" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "quizzes.context_processors.roles",
            ],
            "libraries": {
                "fragments": "winterwar.fragments",  # the base layout's pieces rendered once per process
                "i18n": "winterwar.i18n",  # Django's, a constant {% translate %} rendered once per language
            },
            "builtins": [
                "winterwar.extends",  # Django's {% extends %}, its parent's blocks found once per template
                "winterwar.urltag",  # Django's {% url %}, each URL reversed once per process
            ],
        },
    },
]
# The "i18n" library above replaces Django's on purpose (the same tags, one kept): its name-clash warning is expected.
# tests/winterwar/test_i18n_tags.py checks that it is the only clash.
SILENCED_SYSTEM_CHECKS = ["templates.W003"]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
        # A `SELECT 1` before each request's first query on a reused connection: a connection the database dropped
        # (a restart, a failover) is replaced before the request uses it, not answered with a 503 once per worker.
        conn_health_checks=env_bool("DJANGO_CONN_HEALTH_CHECKS", True),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL + a busy timeout keep one-school SQLite usable with several concurrent students.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DJANGO_DB_PREPARED_STATEMENTS", True
):
    # Parameters bound by the server and a statement prepared once it has run five times on a connection (psycopg's
    # prepare_threshold, which Django turns off by default): PostgreSQL then stops parsing and planning the same hot
    # reads on every request (docs/production.md, fifth round). Turn it off (0) behind a pooler in transaction mode
    # (PgBouncer before 1.21), which cannot keep a connection's prepared statements.
    DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "quizzes.User"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # winterwar.cache.RedisCache: Django's, with one Redis client per pool instead of one per cache call.
    CACHES = {"default": {"BACKEND": "winterwar.cache.RedisCache", "LOCATION": REDIS_URL}}
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Per-user summaries (the student's home, the card queue) are cached only in a cache every worker shares
# (quizzes/selectors/summaries.py): on with Redis, off with the per-process memory cache.
SUMMARY_CACHE = env_bool("DJANGO_SUMMARY_CACHE", bool(REDIS_URL))

AUTHENTICATION_BACKENDS = [
    "winterwar.backends.SchoolAxesBackend",  # django-axes' lockout, fitted to a school network
    "winterwar.backends.UserRowBackend",  # Django's ModelBackend; the session's user read without the ORM's compiler
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "quizzes:home"
LOGOUT_REDIRECT_URL = "login"
# Accounts without a class code: off, so that a public server does not collect strangers' accounts; students sign
# up from their class's join link or code, or their teacher creates the accounts.
WINTERWAR_OPEN_SIGNUP = env_bool("DJANGO_OPEN_SIGNUP", False)

# django-axes: lock an account/IP pair out after repeated failures.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "winterwar.security.axes_username"  # cut to 150 characters (a longer one was a 500)
AXES_CLIENT_IP_CALLABLE = "winterwar.security.client_ip"  # the student's address, also behind the load balancer

# Password spraying: an address that fails with this many different usernames within the window is refused until
# the window passes (0: off). A class behind one address mistyping now and then stays far below it.
WINTERWAR_SPRAY_USERNAMES = env_int("DJANGO_LOGIN_SPRAY_USERNAMES", 40)
WINTERWAR_SPRAY_WINDOW = 15 * 60

# Item analysis flags a question (too easy, too hard, poor discrimination) only once this many students answered it:
# below ~30, facility and discrimination swing with every answer (Moodle's quiz statistics say the same). The quiz
# builder trusts a question's observed difficulty from the same number on.
ITEM_ANALYSIS_MIN_ANSWERS = max(1, env_int("WINTERWAR_ITEM_ANALYSIS_MIN_ANSWERS", 30))

# Two-step login (TOTP, django-otp) for staff: a teacher may turn it on; superusers, who read every student's grades,
# must have it when this is on (on by default outside development).
WINTERWAR_REQUIRE_2FA_SUPERUSERS = env_bool("DJANGO_REQUIRE_2FA_SUPERUSERS", not DEBUG)
OTP_TOTP_ISSUER = "winterwar"

# Shared school computers: a session unused for this long ends (0: never); the absolute lifetime stays
# SESSION_COOKIE_AGE (two weeks, Django's default).
SESSION_IDLE_SECONDS = env_int("DJANGO_SESSION_IDLE_MINUTES", 120) * 60

# Mail (password reset links). Without DJANGO_EMAIL_HOST messages go to the log (console backend): the reset pages
# work but nothing is delivered; set the host (and user, password) for real mail.
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 587)
    EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "winterwar <no-reply@localhost>")

# Interface languages: Spanish (the source of every string, the default) and English (locale/en, complete: the
# check in scripts/check_messages.sh keeps it so). The language of a page: the logged-in user's saved choice, else
# the language cookie (the menu's switch, /i18n/setlang/), else the browser's Accept-Language, else LANGUAGE_CODE.
# Numbers and dates follow the active language («0,8» / «0.8»); no thousands separator (ids, years stay bare).
LANGUAGE_CODE = os.environ.get("DJANGO_LANGUAGE_CODE", "es")
LANGUAGES = [("es", "Español"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "Europe/Madrid")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Bounded requests: a document is at most 1 MB of text (up to 4 MB form-encoded), an import file at most 5 MB.
# RequestBodyLimitMiddleware refuses bodies over 32 MB from their Content-Length before reading them (a larger
# import still reaches its form and gets the form's message); anonymous visitors (the login form) 64 KB at most.
# Non-file form data is read into memory up to 4 MB; uploaded files above 2.5 MB go to a temporary file.
MAX_REQUEST_BODY = 32 * 1024 * 1024
ANONYMOUS_MAX_BODY = 64 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 4 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 1024 * 1024)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Content-Security-Policy (django-csp 4): no inline scripts, everything from our own origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Security headers: on by default when DEBUG is off; each can be turned off for a plain-HTTP test set-up.
SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", SECURE)
# Load balancers probe /healthz over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", SECURE)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000 if SECURE else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
WINTERWAR_PROXY_COUNT = 0  # how many proxies of ours append to X-Forwarded-For (winterwar.security.client_ip)
if env_bool("DJANGO_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
    WINTERWAR_PROXY_COUNT = env_int("DJANGO_PROXY_COUNT", 1)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
