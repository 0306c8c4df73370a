"""The account audit log (``AccountEvent``): written from Django's and django-axes' signals and by the services.

Recording never stops what it records: a login goes on even if its event cannot be written.
"""

from __future__ import annotations

import ipaddress
import logging

from django.contrib.auth import signals as auth_signals
from django.db import DatabaseError, transaction

from ..models import AccountEvent, AccountEventKind

log = logging.getLogger(__name__)
USERNAME_MAX = 150


def _address(request) -> str | None:
    if request is None:
        return None
    from axes.helpers import get_client_ip_address  # the same address the login throttling uses

    value = get_client_ip_address(request)
    try:
        return str(ipaddress.ip_address(value)) if value else None
    except ValueError:
        return None


def record(kind: AccountEventKind, *, user=None, username: str = "", actor=None, request=None) -> None:
    """Write one event (a savepoint: a failure is logged and does not break the caller's transaction)."""
    name = str(username or getattr(user, "username", "") or "")[:USERNAME_MAX]
    try:
        with transaction.atomic():
            AccountEvent.objects.create(
                kind=kind,
                user=user if getattr(user, "pk", None) else None,
                username=name,
                actor=actor,
                ip_address=_address(request),
            )
    except DatabaseError:
        log.exception("account event %s for %r not recorded", kind, name)


def record_created(users, *, actor) -> None:
    """New accounts made by a teacher, in one insert."""
    AccountEvent.objects.bulk_create(
        AccountEvent(kind=AccountEventKind.ACCOUNT_CREATED, user=u, username=u.username, actor=actor) for u in users
    )


def _logged_in(sender, request, user, **kwargs):
    record(AccountEventKind.LOGIN, user=user, request=request)


def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        record(AccountEventKind.LOGOUT, user=user, request=request)


def _login_failed(sender, credentials, request=None, **kwargs):
    record(AccountEventKind.LOGIN_FAILED, username=str(credentials.get("username") or ""), request=request)


def _locked_out(sender, request, username, ip_address, **kwargs):
    record(AccountEventKind.LOCKED_OUT, username=str(username or ""), request=request)


def connect() -> None:
    """Listen to the signals (called once, from the app's ``ready``)."""
    from axes.signals import user_locked_out

    auth_signals.user_logged_in.connect(_logged_in, dispatch_uid="winterwar-audit-login")
    auth_signals.user_logged_out.connect(_logged_out, dispatch_uid="winterwar-audit-logout")
    auth_signals.user_login_failed.connect(_login_failed, dispatch_uid="winterwar-audit-login-failed")
    user_locked_out.connect(_locked_out, dispatch_uid="winterwar-audit-locked-out")
