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
