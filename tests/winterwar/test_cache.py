"""winterwar.cache.RedisCache: Django's Redis backend, with one Redis client per pool (not one per call)."""

import uuid

import pytest
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

from tests.reachable import tcp_reachable
from winterwar.cache import RedisCache

URL = "redis://127.0.0.1:6379/15"


pytestmark = pytest.mark.skipif(not tcp_reachable("127.0.0.1", 6379), reason="Redis is not running on 127.0.0.1:6379")


@pytest.fixture
def backend():
    cache = RedisCache(URL, {"KEY_PREFIX": f"test-cache-{uuid.uuid4().hex}"})
    yield cache
    cache.clear()


def test_every_call_uses_the_same_client(backend):
    first = backend._cache.get_client("a")
    assert backend._cache.get_client("b") is first
    assert backend._cache.get_client("c", write=True) is first  # one server: reads and writes share its pool
    # Django's own backend builds a new one each time: what this backend exists to avoid.
    django_cache = DjangoRedisCache(URL, {})
    assert django_cache._cache.get_client("a") is not django_cache._cache.get_client("a")


def test_it_behaves_as_the_django_backend(backend):
    assert backend.get("missing", "default") == "default"
    backend.set("k", {"value": [1, 2]}, 30)
    assert backend.get("k") == {"value": [1, 2]}
    assert backend.add("k", "other") is False
    backend.set_many({"x": 1, "y": 2})
    assert backend.get_many(["x", "y", "z"]) == {"x": 1, "y": 2}
    assert backend.incr("x") == 2
    backend.delete("k")
    assert backend.get("k") is None


def test_the_settings_use_it_with_redis():
    import subprocess
    import sys
    from pathlib import Path

    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    env = {"DJANGO_DEBUG": "1", "REDIS_URL": URL, "PATH": "/usr/bin:/bin"}
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip().splitlines()[-1] == "winterwar.cache.RedisCache", result.stderr


@pytest.mark.parametrize(
    "value",
    [0, 7, -12, 10**30, "", "texto", "123", b"\x80bytes", 1.5, True, None, [1, "2"], {"a": (1, 2)}],
)
def test_values_read_back_as_django_reads_them(backend, value):
    from django.core.cache.backends.redis import RedisSerializer

    from winterwar.cache import Serializer

    stored = Serializer().dumps(value)
    raw = str(stored).encode() if isinstance(stored, int) else stored  # Redis gives an int back as its digits
    assert Serializer().loads(raw) == RedisSerializer().loads(raw) == value
    assert type(Serializer().loads(raw)) is type(value)
    backend.set("v", value)
    assert backend.get("v") == value
    assert type(backend.get("v")) is type(value)


def test_a_pickle_is_not_read_with_int_first(backend, monkeypatch):
    """The cost this backend saves: ``int()`` on a pickled value, whose ValueError carries the value's ``repr``."""
    import builtins

    from winterwar import cache as module

    tried = []

    class Spy:
        def __call__(self, data):
            tried.append(data)
            return builtins.int(data)

    backend.set("p", {"page": "x" * 1000})
    backend.set("n", 42)
    monkeypatch.setattr(module, "int", Spy(), raising=False)
    monkeypatch.setattr("django.core.cache.backends.redis.int", Spy(), raising=False)
    assert backend.get("p") == {"page": "x" * 1000}
    assert tried == []
    assert backend.get("n") == 42
    assert tried == [b"42"]


def test_the_configured_serializer_still_wins():
    from django.core.cache.backends.redis import RedisSerializer

    from winterwar.cache import Serializer

    assert type(RedisCache(URL, {})._cache._serializer) is Serializer
    options = {"OPTIONS": {"serializer": "django.core.cache.backends.redis.RedisSerializer"}}
    assert type(RedisCache(URL, options)._cache._serializer) is RedisSerializer


@pytest.mark.parametrize("key", ["con espacio", "ctrl\x01", "x" * 251])
def test_keys_memcached_would_refuse_still_warn(backend, key):
    from django.core.cache import CacheKeyWarning

    with pytest.warns(CacheKeyWarning):
        backend.set(key, 1)
    with pytest.warns(CacheKeyWarning):
        assert backend.get(key) == 1


def test_a_plain_key_does_not_warn(backend, recwarn):
    backend.set("ww:plain:key", 1)
    assert backend.get("ww:plain:key") == 1
    assert not [w for w in recwarn if "memcached" in str(w.message)]


def test_replies_are_parsed_by_hiredis(backend):
    """hiredis (requirements.txt) is redis-py's C reply parser, used whenever it is installed: a cache read costs
    ~150 Python calls fewer than with redis-py's own parser."""
    from redis._parsers.hiredis import _HiredisParser

    backend.set("h", {"a": 1})
    client = backend._cache.get_client("h")
    connection = client.connection_pool.get_connection()
    try:
        assert isinstance(connection._parser, _HiredisParser)
    finally:
        client.connection_pool.release(connection)
    assert backend.get("h") == {"a": 1}
    assert backend.get_many(["h", "nada"]) == {"h": {"a": 1}}


class CountingExecute:
    """redis-py's ``Redis.execute_command``, counting the commands that went through it."""

    def __init__(self, monkeypatch):
        import redis

        self.commands = []
        original = redis.Redis.execute_command

        def execute_command(client, *args, **options):
            self.commands.append(args[0])
            return original(client, *args, **options)

        monkeypatch.setattr(redis.Redis, "execute_command", execute_command)


def test_reads_use_the_kept_connection_and_see_every_write(backend, monkeypatch):
    """GET and MGET go out on one kept connection, not through redis-py's client; writes still do, and a read right
    after a write, a delete or an expiry sees it (the cache's invalidation depends on it)."""
    spy = CountingExecute(monkeypatch)
    assert backend.get("k", "default") == "default"
    backend.set("k", {"v": 1})
    assert backend.get("k") == {"v": 1}
    backend.set("k", {"v": 2})
    assert backend.get("k") == {"v": 2}
    backend.set_many({"a": 1, "b": "dos"})
    assert backend.get_many(["a", "b", "nada"]) == {"a": 1, "b": "dos"}
    backend.delete("a")
    assert backend.get_many(["a", "b"]) == {"b": "dos"}
    assert backend.get("a", "gone") == "gone"
    assert "GET" not in spy.commands and "MGET" not in spy.commands
    assert spy.commands.count("SET") == 2 and "DEL" in spy.commands
    kept = backend._cache._kept[1]
    assert backend.get("b") == "dos"
    assert backend._cache._kept[1] is kept  # the same connection every time
    assert backend.get_many([]) == {}  # no keys: Django's path, as before


def test_reads_equal_the_django_backends(backend):
    django_cache = DjangoRedisCache(URL, {"KEY_PREFIX": backend.key_prefix})
    values = {"i": 7, "s": "texto", "d": {"a": [1, 2]}, "n": None, "b": b"\x80raw", "big": "x" * 100_000}
    backend.set_many(values)
    for key in [*values, "missing"]:
        assert backend.get(key, "default") == django_cache.get(key, "default")
    assert backend.get_many([*values, "missing"]) == django_cache.get_many([*values, "missing"])


def test_a_dropped_kept_connection_falls_back_to_redis_py_and_reconnects(backend, monkeypatch):
    """Redis restarted, or the server closed an idle connection: the read goes through redis-py's path (its pool and
    retries) and still answers; the kept connection connects again on the next read."""
    import redis

    backend.set("k", "valor")
    assert backend.get("k") == "valor"
    kept = backend._cache._kept[1]
    kept.send_command("CLIENT", "ID")
    redis.Redis.from_url(URL).client_kill_filter(_id=kept.read_response())
    spy = CountingExecute(monkeypatch)
    assert backend.get("k") == "valor"
    assert backend.get_many(["k"]) == {"k": "valor"}
    assert backend._cache._kept[1] is kept
    assert kept.is_connected
    assert spy.commands == ["GET"]  # only the read that found the connection dropped went through redis-py


def test_a_read_falls_back_when_the_kept_connection_fails(backend, monkeypatch):
    import redis

    backend.set("k", "valor")
    assert backend.get("k") == "valor"
    kept = backend._cache._kept[1]

    def broken(*args, **kwargs):
        raise redis.ConnectionError("dropped")

    monkeypatch.setattr(kept, "send_command", broken)
    spy = CountingExecute(monkeypatch)
    assert backend.get("k") == "valor"
    assert backend.get_many(["k", "nada"]) == {"k": "valor"}
    assert spy.commands == ["GET", "MGET"]
    assert not kept.is_connected
    monkeypatch.undo()
    assert backend.get("k") == "valor"
    assert kept.is_connected


def test_another_thread_or_process_does_not_share_the_kept_connection(backend, monkeypatch):
    from winterwar import cache as module

    backend.set("k", "valor")
    assert backend.get("k") == "valor"
    kept = backend._cache._kept[1]
    spy = CountingExecute(monkeypatch)
    with backend._cache._kept_lock:  # another thread is using it: redis-py's path
        assert backend.get("k") == "valor"
        assert backend.get_many(["k"]) == {"k": "valor"}
    assert spy.commands == ["GET", "MGET"]
    pid = module.os.getpid()
    monkeypatch.setattr(module.os, "getpid", lambda: pid + 1)  # a forked worker takes its own connection
    assert backend.get("k") == "valor"
    assert backend._cache._kept[1] is not kept
    assert backend._cache._kept[0] == pid + 1


def test_a_cache_of_several_servers_reads_as_django_does(monkeypatch):
    cache = RedisCache([URL, URL], {"KEY_PREFIX": f"test-cache-{uuid.uuid4().hex}"})
    try:
        cache.set("k", "valor")
        spy = CountingExecute(monkeypatch)
        assert cache.get("k") == "valor"
        assert cache.get_many(["k"]) == {"k": "valor"}
        assert spy.commands == ["GET", "MGET"]
        assert cache._cache._kept is None
    finally:
        cache.clear()


def test_a_pipeline_goes_out_on_the_kept_connection_in_one_round_trip(backend, monkeypatch):
    """The summaries' version bumps (SET NX, then INCR, per key): one round trip on the kept connection, the same
    values redis-py's pipeline leaves; an error reply is raised once every reply is read, and the connection stays in
    step for the next command."""
    import redis

    spy = CountingExecute(monkeypatch)
    a, b = backend.make_and_validate_key("a"), backend.make_and_validate_key("b")
    backend.set("b", 41)
    backend._cache.pipeline([("SET", a, 7, "NX"), ("INCR", a), ("SET", b, 7, "NX"), ("INCR", b)])
    assert backend.get_many(["a", "b"]) == {"a": 8, "b": 42}
    assert spy.commands == ["SET"]  # only the set above went through redis-py
    backend.set("text", "no es un número")
    text = backend.make_and_validate_key("text")
    with pytest.raises(redis.ResponseError):
        backend._cache.pipeline([("INCR", text), ("INCR", a)])
    assert backend.get("a") == 9  # the command after the error ran, as in a redis-py pipeline
    assert backend.get("text") == "no es un número"


def test_a_pipeline_falls_back_to_redis_py_when_the_kept_connection_fails(backend, monkeypatch):
    import redis

    backend.get("x")
    kept = backend._cache._kept[1]
    sent = []
    original = redis.client.Pipeline.execute
    monkeypatch.setattr(redis.client.Pipeline, "execute", lambda pipe: sent.append(len(pipe)) or original(pipe))

    def broken(*args, **kwargs):
        raise redis.ConnectionError("dropped")

    with monkeypatch.context() as patched:
        patched.setattr(kept, "send_packed_command", broken)
        a = backend.make_and_validate_key("a")
        backend._cache.pipeline([("SET", a, 7, "NX"), ("INCR", a)])
    assert sent == [2] and not kept.is_connected
    assert backend.get("a") == 8 and kept.is_connected


def test_summary_versions_are_bumped_on_the_kept_connection(settings, monkeypatch):
    """quizzes.selectors.summaries.bump with this backend: each bump moves every version it names, in one round trip
    that does not go through redis-py's client."""
    import redis
    from django.core.cache import caches

    from quizzes.selectors import summaries

    settings.CACHES = {
        "default": {"BACKEND": "winterwar.cache.RedisCache", "LOCATION": URL, "KEY_PREFIX": uuid.uuid4().hex}
    }
    settings.SUMMARY_CACHE = True
    backend = caches["default"]
    assert isinstance(backend, RedisCache)
    pipelines = []
    original = redis.client.Pipeline.execute
    monkeypatch.setattr(redis.client.Pipeline, "execute", lambda pipe: pipelines.append(len(pipe)) or original(pipe))
    try:
        spy = CountingExecute(monkeypatch)
        summaries.bump(user_ids=[7, 8], class_ids=[3])
        keys = [summaries._user_key(7), summaries._user_key(8), summaries._class_key(3)]
        first = backend.get_many(keys)
        assert len(first) == 3
        summaries.bump(user_ids=[7], class_ids=[3])
        second = backend.get_many(keys)
        assert second[keys[0]] == first[keys[0]] + 1 and second[keys[2]] == first[keys[2]] + 1
        assert second[keys[1]] == first[keys[1]]
        assert spy.commands == [] and pipelines == []
    finally:
        backend.clear()


def test_a_read_falls_back_when_the_first_connection_cannot_be_taken(backend, monkeypatch):
    """Redis unreachable at a worker's first read: redis-py's path (its retries) answers, not an exception."""
    import redis

    backend.set("k", "valor")
    pool = backend._cache._get_connection_pool(False)
    backend._cache._kept = None
    real = pool.get_connection

    def refused(*args, **kwargs):
        raise redis.ConnectionError("refused")

    monkeypatch.setattr(pool, "get_connection", refused)
    assert backend._cache._send([("GET", backend.make_and_validate_key("k"))]) is None
    assert backend._cache._kept is None
    monkeypatch.setattr(pool, "get_connection", real)
    assert backend.get("k") == "valor"
    assert backend._cache._kept is not None  # taken on the next read once Redis answers


def test_bump_with_django_s_own_redis_backend_counts_up_without_the_pipeline(settings):
    """summaries.bump sends its writes on winterwar's client; Django's stock Redis backend has no pipeline: incr."""
    from django.core.cache import caches

    from quizzes.selectors import summaries

    settings.SUMMARY_CACHE = True
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": URL,
            "KEY_PREFIX": f"test-bump-{uuid.uuid4().hex}",
        }
    }
    backend = caches["default"]
    try:
        key = summaries._user_key(4242)
        backend.set(key, 7)
        summaries.bump(user_ids=[4242])
        assert backend.get(key) == 8
    finally:
        backend.clear()
