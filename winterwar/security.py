"""Security helpers referenced from settings."""

from django.http import HttpRequest

# The User model's username holds 150 characters; django-axes stores what was typed in a 255-character column.
AXES_USERNAME_MAX = 150


def axes_username(request: HttpRequest, credentials: dict | None = None) -> str | None:
    """Return the username django-axes records for a login attempt, cut to the model's length.

    Django's login form does not refuse a longer username before authenticating, and axes would then fail to save
    the attempt on PostgreSQL (value too long: a 500). Found by tests/test_fuzz.py; see tests/test_auth.py.
    """
    if credentials:
        value = credentials.get("username")
    else:
        value = getattr(request, "data", request.POST).get("username")
    return None if value is None else str(value)[:AXES_USERNAME_MAX]
