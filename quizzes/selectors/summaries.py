"""Per-user summaries kept in the cache (the student's home page, the card queue counts) until their data changes.

An entry is stored with the two versions it was built under and the span of time it holds for:

- the **content version**, bumped by any change a teacher or the administrator makes to quizzes, questions,
  assignments, classes, documents or cards;
- the **student's version**, bumped by any change to their attempts, card states, reviews, enrolments or settings;
- **from when until when** it is true by the clock alone: the next card falling due (or entering the learn-ahead
  window), a quiz or assignment opening, closing or falling due, a closed-book attempt running out, the next
  local midnight (today's reviews and new cards), and ``MAX_AGE`` at most.

A reader takes an entry only when both versions match and its ``now`` lies in that span; otherwise it builds the
summary again from the database. quizzes/services/invalidation.py bumps the versions: on every save and delete of
those models (signals, so the admin's edits count too) and in the services that write in bulk; at once, and again
when the transaction commits, so that a summary built from the data as it was before the commit is never kept.

Only with a cache shared by every worker (Redis: ``settings.SUMMARY_CACHE``, on when ``REDIS_URL`` is set); with
the per-process memory cache the versions would not be seen by the other workers, so it stays off.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache

MAX_AGE = timedelta(minutes=30)  # a safety net: an entry is rebuilt at least this often
GLOBAL_KEY = "ww:sv:content"


def _user_key(user_id: int) -> str:
    return f"ww:sv:user:{user_id}"


def _entry_key(name: str, user_id: int) -> str:
    return f"ww:sum:{name}:{user_id}"


def enabled() -> bool:
    return bool(getattr(settings, "SUMMARY_CACHE", False))


def _versions(got: dict[str, Any], keys: list[str]) -> tuple:
    """The versions of ``keys`` (read in ``got``); a missing one starts at a value no earlier entry can hold."""
    values = []
    for key in keys:
        value = got.get(key)
        if value is None:
            cache.add(key, time.time_ns(), timeout=None)
            value = cache.get(key)
        values.append(value)
    return tuple(values)


def cached(
    name: str,
    *,
    user_id: int,
    now: datetime,
    build: Callable[[], Any],
    until: Callable[[Any], datetime | None],
) -> Any:
    """Return the summary ``name`` of a user at ``now``: from the cache while valid, else ``build()`` and store it.

    ``until(value)`` returns the instant until which the value built holds by the clock (None: no such instant);
    it is called only when the cache is on.
    """
    if not enabled():
        return build()
    keys = [GLOBAL_KEY, _user_key(user_id)]
    entry_key = _entry_key(name, user_id)
    got = cache.get_many([*keys, entry_key])
    versions = _versions(got, keys)
    entry = got.get(entry_key)
    if entry is not None:
        entry_versions, since, valid_until, value = entry
        if entry_versions == versions and since <= now and (valid_until is None or now < valid_until):
            return value
    value = build()
    valid_until = until(value)
    valid_until = min(valid_until, now + MAX_AGE) if valid_until is not None else now + MAX_AGE
    timeout = (valid_until - now).total_seconds()
    if timeout > 0:
        cache.set(entry_key, (versions, now, valid_until, value), timeout=timeout)
    return value


def bump(*, user_ids: Iterable[int] = (), everyone: bool = False) -> None:
    """Make the summaries of these users (or of everyone) stale: the next read builds them again."""
    if not enabled():
        return
    keys = [GLOBAL_KEY] if everyone else [_user_key(user_id) for user_id in set(user_ids) if user_id is not None]
    backend = caches["default"]
    if isinstance(backend, RedisCache):
        # One round trip (Django's incr() asks EXISTS first): a missing version starts at a fresh value, then counts up.
        pipe = backend._cache.get_client(write=True).pipeline(transaction=False)
        for key in keys:
            raw = backend.make_and_validate_key(key)
            pipe.set(raw, time.time_ns(), nx=True)
            pipe.incr(raw)
        pipe.execute()
        return
    for key in keys:
        with contextlib.suppress(ValueError):  # never read yet: the first reader starts it at a fresh value
            cache.incr(key)


def earliest_after(now: datetime, instants: Iterable[datetime | None]) -> datetime | None:
    """Return the earliest of ``instants`` strictly after ``now`` (None when there is none)."""
    return min((t for t in instants if t is not None and t > now), default=None)
