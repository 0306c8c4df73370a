"""Settings for the test suite: production settings with a throwaway key and fast hashing."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-that-is-long-enough-to-look-random-0123456789")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,testserver")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "0")
os.environ.setdefault("DJANGO_HSTS_SECONDS", "0")
os.environ.setdefault("DJANGO_DEVTOOLS", "1")
os.environ.setdefault("DJANGO_REQUIRE_2FA_SUPERUSERS", "0")  # tests/views/test_two_factor.py turns it on

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Serve static files straight from the apps (no collectstatic in tests; the live server needs them).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The whole suite runs with the per-user summaries cached (tests/conftest.py empties the cache before each test):
# every test that reads a page after a change also checks that no stale summary is shown.
SUMMARY_CACHE = True
