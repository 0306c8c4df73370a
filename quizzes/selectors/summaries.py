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
those models (signals, so the admin's edits count too) and in the services that write in bulk; outside a transaction
at once, inside one once when it commits (``bump_at_commit``), so that a summary built from the data as it was before
the commit is never kept; a reader in the same transaction after a change bumps first (``_bump_pending``).

A teacher's report of a class (``cached_report``: the class page, the item analysis) is kept the same way, under the
content version, the **class's version** (bumped when a student joins or leaves it) and the version of each of its
students, read before the report's own queries.

Only with a cache shared by every worker (Redis: ``settings.SUMMARY_CACHE``, on when ``REDIS_URL`` is set); with
the per-process memory cache the versions would not be seen by the other workers, so it stays off.
"""

from __future__ import annotations

import contextlib
import pickle
import threading
import time
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.core.signals import request_finished, request_started
from django.db import transaction

MAX_AGE = timedelta(minutes=30)  # a safety net: an entry is rebuilt at least this often
GLOBAL_KEY = "ww:sv:content"


def _user_key(user_id: int) -> str:
    return f"ww:sv:user:{user_id}"


def _entry_key(name: str, user_id: int) -> str:
    return f"ww:sum:{name}:{user_id}"


def _class_key(classroom_id: int) -> str:
    return f"ww:sv:class:{classroom_id}"


class Pickled:
    """A value kept in a cache entry as a pickle of its own, unpickled only when ``get()`` asks for it.

    Reading an entry unpickles the whole of it. A page that shows a rendered body kept beside the data it was rendered
    from (the item analysis: its questions, options and quiz, ~600 µs of CPU to unpickle on the demo, more than a
    tenth of the page) need not pay for data it does not show; the data stays there for whoever asks (the tests).
    """

    __slots__ = ("_blob", "_value")
    _UNSET = object()

    def __init__(self, value: Any):
        self._value = value
        self._blob = None

    @classmethod
    def _from_blob(cls, blob: bytes) -> Pickled:
        kept = cls.__new__(cls)
        kept._value, kept._blob = cls._UNSET, blob
        return kept

    def __reduce__(self):
        blob = self._blob if self._blob is not None else pickle.dumps(self._value, pickle.HIGHEST_PROTOCOL)
        return (Pickled._from_blob, (blob,))

    def get(self) -> Any:
        if self._value is Pickled._UNSET:
            self._value = pickle.loads(self._blob)
        return self._value


# The content version as a summary of the current request read it (set between request_started and request_finished
# only, emptied by any bump): content_version() then needs no round trip of its own (the class page read it with
# its report a moment before). Reading it once per request is as if the request had come a moment earlier.
_seen = threading.local()


def _request_started(**kwargs) -> None:
    _seen.__dict__.clear()
    _seen.active = True


def _request_finished(**kwargs) -> None:
    _seen.__dict__.clear()


request_started.connect(_request_started, dispatch_uid="summaries.request_started")
request_finished.connect(_request_finished, dispatch_uid="summaries.request_finished")


def enabled() -> bool:
    return bool(getattr(settings, "SUMMARY_CACHE", False))


def _versions(got: dict[str, Any], keys: list[str]) -> tuple:
    """The versions of ``keys`` (read in ``got``); a missing one starts at a value no earlier entry can hold."""
    missing = [key for key in keys if got.get(key) is None]
    if len(missing) > 1:
        # Many at once (a class's students read for the first time): one round trip. Overwriting a version another
        # process has just started costs at most a miss: a fresh value is never one an entry was stored under.
        fresh = time.time_ns()
        started = {key: fresh + i for i, key in enumerate(missing)}
        cache.set_many(started, timeout=None)
        got = {**got, **started}
    values = []
    for key in keys:
        value = got.get(key)
        if value is None:
            cache.add(key, time.time_ns(), timeout=None)
            value = cache.get(key)
        values.append(value)
    if GLOBAL_KEY in keys and getattr(_seen, "active", False):
        _seen.content = values[keys.index(GLOBAL_KEY)]
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
    _bump_pending()
    keys = [GLOBAL_KEY, _user_key(user_id)]
    entry_key = _entry_key(name, user_id)
    got = _take_prefetched(entry_key, user_id=user_id)
    if got is None:
        got = cache.get_many([*keys, entry_key])
    versions = _versions(got, keys)
    entry = got.get(entry_key)
    if entry is not None:
        entry_versions, since, valid_until, value = entry
        if entry_versions == versions and since <= now and (valid_until is None or now < valid_until):
            return value
    _prefetch.__dict__.clear()  # building may write (and bump): a summary read after it is read afresh
    value = build()
    valid_until = until(value)
    valid_until = min(valid_until, now + MAX_AGE) if valid_until is not None else now + MAX_AGE
    timeout = (valid_until - now).total_seconds()
    if timeout > 0:
        cache.set(entry_key, (versions, now, valid_until, value), timeout=timeout)
    return value


# A read of several summaries of one user in one round trip (prefetched()): the user, the entries' keys not taken yet
# and what the read returned. Emptied when one of them is built and by any bump.
_prefetch = threading.local()


def _content_key(name: str, key: object) -> str:
    # The value is a Pickled ("lazy"): an entry of the earlier shape, under another name, is never read as one.
    return f"ww:content:lazy:{name}:{key}"


@contextlib.contextmanager
def prefetched(names: Iterable[str], *, user_id: int, content: Iterable[tuple[str, object]] = ()):
    """Within this block, the summaries ``names`` of the user are read with their versions in one round trip.

    A page that reads two summaries one after the other (the review page: the card sync's, then the queue) made two
    round trips. Each entry is taken from that read once; as soon as one is built instead (building may write and
    bump the versions) or anything is bumped, the others are read afresh as without this block. ``content`` names
    entries of ``cached_content`` (``(name, key)``, shared by every user) read in the same round trip: the question
    page of an attempt reads the student's window for the quiz and the question this way.
    """
    if not enabled():
        yield
        return
    _bump_pending()
    keys = [GLOBAL_KEY, _user_key(user_id)]
    entry_keys = {_entry_key(name, user_id) for name in names}
    entry_keys |= {_content_key(name, key) for name, key in content}
    _prefetch.state = (user_id, entry_keys, cache.get_many([*keys, *sorted(entry_keys)]))
    try:
        yield
    finally:
        _prefetch.__dict__.clear()


def _take_prefetched(entry_key: str, *, user_id: int | None = None) -> dict[str, Any] | None:
    """The prefetched read holding ``entry_key`` (of this user, for a summary), once; None when there is none."""
    state = getattr(_prefetch, "state", None)
    if state is None or (user_id is not None and state[0] != user_id) or entry_key not in state[1]:
        return None
    state[1].discard(entry_key)
    return state[2]


def cached_content(name: str, key: object, build: Callable[[], Any]) -> Any:
    """Return a value read from content alone (a question and its options), cached under the content version.

    Shared by every student (no per-user version); ``MAX_AGE`` at most, like the summaries. The value is kept as a
    ``Pickled``: a page that prefetched the entry and then had no use for it (the question page whose body is kept,
    views/quizzes.py) does not pay for unpickling model instances.
    """
    if not enabled():
        return build()
    _bump_pending()
    entry_key = _content_key(name, key)
    got = _take_prefetched(entry_key)
    if got is None:
        got = cache.get_many([GLOBAL_KEY, entry_key])
    (version,) = _versions(got, [GLOBAL_KEY])
    entry = got.get(entry_key)
    if entry is not None and entry[0] == version:
        return entry[1].get()
    _prefetch.__dict__.clear()  # as a summary's build: whatever is read after it is read afresh
    value = build()
    cache.set(entry_key, (version, Pickled(value)), timeout=MAX_AGE.total_seconds())
    return value


def content_version() -> int | None:
    """Return the content version while the shared cache is on (a key for template fragments that show content).

    The one a summary of the same request read, if one did (no round trip); else read.
    """
    if not enabled():
        return None
    _bump_pending()
    seen = getattr(_seen, "content", None)
    if seen is not None:
        return seen
    return _versions(cache.get_many([GLOBAL_KEY]), [GLOBAL_KEY])[0]


def cached_report(
    name: str,
    *,
    classroom_id: int,
    key: str,
    now: datetime,
    roster: Callable[[], Iterable[int]],
    build: Callable[[], Any],
    until: Callable[[Any], datetime | None],
) -> Any:
    """Return a teacher's report ``name`` of a class (``key``: its parameters), from the cache while valid, else build.

    An entry holds the content version, the class's version (bumped when a student joins or leaves) and the version
    of each of its students at the time it was built, so any change to their attempts, cards or accounts makes it
    stale. ``roster()`` returns the class's student ids (a query, run on a miss only, before ``build()``: versions
    are read before the rows they cover); ``until(value)`` as for :func:`cached`.
    """
    if not enabled():
        return build()
    _bump_pending()
    head = [GLOBAL_KEY, _class_key(classroom_id)]
    entry_key = f"ww:rep:{name}:{classroom_id}:{key}"
    # The students' versions the last entry of this class named, read with it: one round trip instead of two while
    # the class's roster stays the same (MGET reads them all at one instant, as fresh as a read after the entry).
    expected = _rosters.get(classroom_id, ())
    got = cache.get_many([*head, entry_key, *expected])
    versions = _versions(got, head)
    entry = got.get(entry_key)
    if entry is not None:
        entry_versions, user_keys, user_versions, since, valid_until, value = entry
        if entry_versions == versions and since <= now and (valid_until is None or now < valid_until):
            if user_keys and list(user_keys) != list(expected):
                _remember_roster(classroom_id, user_keys)
                got = cache.get_many(user_keys)
            if not user_keys or _versions(got, user_keys) == user_versions:
                return value
    user_keys = [_user_key(user_id) for user_id in sorted(set(roster()))]
    user_versions = _versions(cache.get_many(user_keys), user_keys) if user_keys else ()
    _remember_roster(classroom_id, user_keys)
    value = build()
    valid_until = until(value)
    valid_until = min(valid_until, now + MAX_AGE) if valid_until is not None else now + MAX_AGE
    timeout = (valid_until - now).total_seconds()
    if timeout > 0:
        cache.set(entry_key, (versions, user_keys, user_versions, now, valid_until, value), timeout=timeout)
    return value


# Per process: the students' version keys the last report entry of each class named (bounded; a guess only: a report
# whose entry names other keys reads those, as before).
_rosters: dict[int, tuple[str, ...]] = {}
MAX_ROSTERS = 1024


def _remember_roster(classroom_id: int, user_keys) -> None:
    if len(_rosters) >= MAX_ROSTERS and classroom_id not in _rosters:
        _rosters.clear()
    _rosters[classroom_id] = tuple(user_keys)


def bump(*, user_ids: Iterable[int] = (), everyone: bool = False, class_ids: Iterable[int] = ()) -> None:
    """Make the summaries of these users (or of everyone) and the reports of these classes stale."""
    if not enabled():
        return
    _seen.__dict__.pop("content", None)
    _prefetch.__dict__.clear()
    keys = [GLOBAL_KEY] if everyone else [_user_key(user_id) for user_id in set(user_ids) if user_id is not None]
    keys += [_class_key(classroom_id) for classroom_id in set(class_ids) if classroom_id is not None]
    backend = caches["default"]
    if isinstance(backend, RedisCache) and hasattr(backend._cache, "pipeline"):  # winterwar.cache's client
        # One round trip (Django's incr() asks EXISTS first): a missing version starts at a fresh value, then counts up.
        commands = []
        for key in keys:
            raw = backend.make_and_validate_key(key)
            commands += [("SET", raw, time.time_ns(), "NX"), ("INCR", raw)]
        backend._cache.pipeline(commands)
        return
    for key in keys:
        with contextlib.suppress(ValueError):  # never read yet: the first reader starts it at a fresh value
            cache.incr(key)


def bump_at_commit(*, user_ids: Iterable[int] = (), everyone: bool = False, class_ids: Iterable[int] = ()) -> None:
    """Inside a transaction: bump these versions once, when it commits (and not at all if it rolls back).

    One callback per set of users and classes, however many rows of theirs the transaction writes. Until it commits
    the change is *pending*: a reader in the same transaction (the only one that can see the new rows) first bumps
    every pending set (``_bump_pending``: one round trip), so it cannot take an entry built before the change; the
    commit bumps again all the same, for a reader elsewhere that built one from the rows of before the commit.
    """
    connection = transaction.get_connection()
    what = (everyone, tuple(user_ids), tuple(class_ids))
    scope = set(connection.savepoint_ids)
    for sids, func, *_robust in connection.run_on_commit:
        # The same set changed again in the same savepoint: one bump. (A change in a savepoint registers its own, so
        # that rolling the savepoint back drops it.)
        if getattr(func, "summaries", None) == what and sids == scope:
            func.pending = True  # changed again after a reader's bump: the next reader bumps again
            return

    def bump_again():
        bump(user_ids=user_ids, everyone=everyone, class_ids=class_ids)

    bump_again.summaries = what
    bump_again.pending = True
    transaction.on_commit(bump_again)


def _bump_pending() -> None:
    """Bump, in one round trip, the versions a change of the current transaction has left pending (bump_at_commit)."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return
    pending = [
        func
        for _sids, func, *_robust in connection.run_on_commit
        if getattr(func, "pending", False) and hasattr(func, "summaries")
    ]
    if not pending:
        return
    everyone = any(func.summaries[0] for func in pending)
    user_ids = {user_id for func in pending for user_id in func.summaries[1]}
    class_ids = {class_id for func in pending for class_id in func.summaries[2]}
    for func in pending:
        func.pending = False
    bump(user_ids=user_ids, everyone=everyone, class_ids=class_ids)


def earliest_after(now: datetime, instants: Iterable[datetime | None]) -> datetime | None:
    """Return the earliest of ``instants`` strictly after ``now`` (None when there is none)."""
    return min((t for t in instants if t is not None and t > now), default=None)
