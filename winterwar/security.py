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


# ---------------------------------------------------------------------------------------------------------------------
# Login throttling that fits a school network
#
# django-axes locks a username from an address after AXES_FAILURE_LIMIT failures. On a school network every student
# shares the address, so a classmate could lock someone out on purpose. Two additions:
# - a known device (a browser where this username logged in before: a signed cookie holding a keyed hash of the
#   username, never the name itself) still gets in with the correct password during a lockout; failures from it count
#   as any other;
# - an address that fails with many different usernames in a short time (password spraying) is refused for a while,
#   whatever the username: SPRAY_USERNAMES distinct usernames in SPRAY_WINDOW, read from the audit log.

DEVICE_COOKIE = "ww_device"
DEVICE_MAX_AGE = 180 * 24 * 3600
DEVICE_NAMES = 8  # usernames remembered per browser (a shared computer)
_DEVICE_SALT = "winterwar.known-device"


def _device_tag(username: str) -> str:
    import hashlib

    from django.conf import settings

    digest = hashlib.blake2b(username.casefold().encode(), key=settings.SECRET_KEY.encode()[:64], digest_size=12)
    return digest.hexdigest()


def _device_tags(request: HttpRequest) -> list[str]:
    from django.core import signing

    raw = request.COOKIES.get(DEVICE_COOKIE, "")
    if not raw or len(raw) > 2000:
        return []
    try:
        value = signing.loads(raw, salt=_DEVICE_SALT, max_age=DEVICE_MAX_AGE)
    except signing.BadSignature:
        return []
    return [t for t in value if isinstance(t, str)] if isinstance(value, list) else []


def device_known(request: HttpRequest, username: str) -> bool:
    """Whether this browser logged in as ``username`` before (within DEVICE_MAX_AGE)."""
    return bool(username) and _device_tag(username) in _device_tags(request)


def remember_device(request: HttpRequest, response, username: str) -> None:
    """Add ``username`` to the browser's known-device cookie (the newest first, DEVICE_NAMES at most)."""
    from django.conf import settings
    from django.core import signing

    tag = _device_tag(username)
    tags = [tag, *(t for t in _device_tags(request) if t != tag)][:DEVICE_NAMES]
    response.set_cookie(
        DEVICE_COOKIE,
        signing.dumps(tags, salt=_DEVICE_SALT),
        max_age=DEVICE_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def spraying(request: HttpRequest) -> bool:
    """Whether the client's address failed with too many different usernames lately (see above)."""
    from datetime import timedelta

    from django.conf import settings
    from django.utils import timezone

    from quizzes.models import AccountEvent, AccountEventKind

    limit = getattr(settings, "WINTERWAR_SPRAY_USERNAMES", 0)
    address = client_ip(request)
    if not limit or not address:
        return False
    since = timezone.now() - timedelta(seconds=getattr(settings, "WINTERWAR_SPRAY_WINDOW", 900))
    usernames = (
        AccountEvent.objects.filter(kind=AccountEventKind.LOGIN_FAILED, ip_address=address, at__gte=since)
        .values("username")
        .distinct()
    )
    return usernames[:limit].count() >= limit
