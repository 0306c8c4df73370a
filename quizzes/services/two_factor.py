"""Two-step login for staff: a TOTP device (an authenticator app) set up, confirmed and checked (django-otp).

Whether a user has a confirmed device is read at login into the session, so that pages cost no query for it;
setting a device up updates the session too.
"""

from __future__ import annotations

import base64

from django.contrib.auth import signals as auth_signals
from django.db import transaction
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .errors import Code, ServiceError

TWO_FACTOR_SESSION_KEY = "winterwar_2fa"
DEVICE_NAME = "winterwar"


def has_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


@transaction.atomic
def device_start(*, user) -> TOTPDevice:
    """A fresh, unconfirmed device for the user to scan (an earlier unconfirmed one is replaced)."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def device_secret(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, for typing into an app that cannot scan."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def _clean(token: str) -> str:
    token = "".join((token or "").split())
    if not token.isdigit() or len(token) != 6:
        raise ServiceError(Code.TOTP_INVALID)
    return token


@transaction.atomic
def device_confirm(*, request, user, token: str) -> TOTPDevice:
    """Confirm the pending device with a code from the app; older confirmed devices are replaced."""
    token = _clean(token)
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).order_by("-id").first()
    if device is None:
        raise ServiceError(Code.TOTP_NO_PENDING)
    if not device.verify_token(token):
        raise ServiceError(Code.TOTP_INVALID)
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    request.session[TWO_FACTOR_SESSION_KEY] = True
    return device


def verify(*, request, user, token: str) -> TOTPDevice:
    """Check a code at login (django-otp throttles repeated failures per device)."""
    token = _clean(token)
    for device in TOTPDevice.objects.filter(user=user, confirmed=True):
        allowed, _detail = device.verify_is_allowed()
        if not allowed:
            raise ServiceError(Code.TOTP_THROTTLED)
        if device.verify_token(token):
            otp_login(request, device)
            return device
    raise ServiceError(Code.TOTP_INVALID)


def _logged_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[TWO_FACTOR_SESSION_KEY] = bool(user.is_staff and has_device(user))


def connect() -> None:
    auth_signals.user_logged_in.connect(_logged_in, dispatch_uid="winterwar-2fa-login")
