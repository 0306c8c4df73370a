"""The Redis cache backend, with one Redis client per connection pool instead of one per call.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` around the pool for every cache call; building
one sets up its table of response callbacks, ~60 µs of CPU, and a page makes two to four cache calls (the session,
the summaries, the versions). A ``redis.Redis`` is safe to share between threads (each command takes a connection
from the pool), so one per pool is kept. Everything else is Django's backend, unchanged.
"""

import pickle
import re

from django.core.cache.backends.base import MEMCACHE_MAX_KEY_LENGTH
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient, RedisSerializer

# What django.core.cache.backends.base.memcache_key_warnings looks for (its regular expression is compiled lazily:
# every use of it went through a SimpleLazyObject).
_MEMCACHE_BAD_CHARS = re.compile(r"[\x00-\x20\x7f]")


class Serializer(RedisSerializer):
    """Django's, reading a pickled value without trying ``int()`` on it first.

    Django stores an int as its digits and anything else pickled, and reads every value with ``int(data)`` first,
    falling back to ``pickle.loads`` on the ValueError: whose message holds the ``repr`` of the whole value (~10 µs for
    a page's few KB). A pickle (protocol 2 or later, as Django writes them) starts with the PROTO opcode, 0x80, which
    ``int()`` never accepts: such a value goes straight to ``pickle.loads``; any other is read as Django reads it.
    """

    def loads(self, data):
        if data[:1] == b"\x80":
            return pickle.loads(data)
        return super().loads(data)


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, servers, serializer=None, **options):
        super().__init__(servers, serializer=serializer or Serializer, **options)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient

    def validate_key(self, key):
        """Django's warnings for a key memcached would refuse, looked for only if the key may have one."""
        if len(key) > MEMCACHE_MAX_KEY_LENGTH or _MEMCACHE_BAD_CHARS.search(key):
            super().validate_key(key)
