"""Security helpers referenced from settings."""

import ipaddress

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


def client_ip(request: HttpRequest) -> str | None:
    """The client's address for login throttling: REMOTE_ADDR, or behind the proxy the address it saw.

    Behind ``DJANGO_BEHIND_PROXY`` every request comes from the load balancer, so REMOTE_ADDR would put every user in
    one bucket (one failed login per student, and the whole school is locked out). The proxy appends the address it
    saw to X-Forwarded-For; the entry ``DJANGO_PROXY_COUNT`` places from the right is the one our own proxies wrote
    (entries further left come from the client and can be forged).
    """
    from django.conf import settings

    remote = request.META.get("REMOTE_ADDR")
    count = getattr(settings, "WINTERWAR_PROXY_COUNT", 0)
    if not count:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < count:
        return remote
    try:
        # Only an address: axes stores it in an address column (PostgreSQL's inet refuses anything else: a 500).
        return str(ipaddress.ip_address(forwarded[-count]))
    except ValueError:
        return remote
