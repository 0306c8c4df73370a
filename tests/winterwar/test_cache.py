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
