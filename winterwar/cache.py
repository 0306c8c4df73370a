"""The Redis cache backend, with one Redis client per connection pool instead of one per call, and reads on a kept
connection.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` around the pool for every cache call; building
one sets up its table of response callbacks, ~60 µs of CPU, and a page makes two to four cache calls (the session,
the summaries, the versions). A ``redis.Redis`` is safe to share between threads (each command takes a connection
from the pool), so one per pool is kept.

A page's reads (the session's GET, the summaries' MGET) and the summaries' version bumps go to Redis on one
connection each process keeps (see ``SharedClientRedisCacheClient._send``). Everything else is Django's backend,
unchanged.
"""

import os
import pickle
import re
import threading

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
        # The kept connection for reads: (the process id it was taken in, the connection), and who is using it.
        self._kept = None
        self._kept_lock = threading.Lock()

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client

    def _send(self, commands):
        """The replies to ``commands`` (each a tuple of a command's words), sent in one round trip on the connection
        this process keeps; None when it could not be used.

        ``redis.Redis`` wraps every command in its pool's checkout and return, a retry wrapper and observability
        hooks (no-ops without a provider): ~170 Python calls around the ~30 that send the command and read the reply,
        and a page makes two reads. The kept connection is taken from the pool once per process (a forked process
        takes its own) and never given back, so the pool still knows it (its ``disconnect()`` reaches it). Used only
        by one thread at a time (Django keeps a cache object per thread, so each thread's client keeps its own); a
        cache of several servers (reads spread over the replicas), or a connection that cannot be taken, gets None
        and redis-py's path. A failed connection is closed and None returned, so the caller goes through
        redis-py's path and its retries (which send every command again, as redis-py's own retry of a pipeline
        does): a Redis restart costs the same reconnect as before; the kept connection connects again on its next
        use. An error reply is raised once every reply is read, as a redis-py pipeline raises it.
        """
        if len(self._servers) != 1 or not self._kept_lock.acquire(blocking=False):
            return None
        try:
            kept = self._kept
            if kept is None or kept[0] != os.getpid():
                try:
                    kept = self._kept = (os.getpid(), self._get_connection_pool(False).get_connection())
                except (self._lib.ConnectionError, self._lib.TimeoutError):
                    return None  # Redis not reachable yet: redis-py's path and its retries, as for a failed send
            connection = kept[1]
            replies, error = [], None
            try:
                if len(commands) == 1:  # a page's reads: the shortest way
                    connection.send_command(*commands[0])
                    replies.append(connection.read_response())
                else:
                    connection.send_packed_command(connection.pack_commands(commands))
                    for _command in commands:
                        try:
                            replies.append(connection.read_response())
                        except self._lib.ResponseError as exc:  # the connection is still in step: read on
                            replies.append(exc)
                            error = error or exc
            except (self._lib.ConnectionError, self._lib.TimeoutError):
                connection.disconnect()
                return None
            if connection.should_reconnect():  # a maintenance notification asked for it, as redis-py does
                connection.disconnect()
            if error is not None:
                raise error
            return replies
        finally:
            self._kept_lock.release()

    def pipeline(self, commands) -> None:
        """Send ``commands`` (each a tuple of a command's words) in one round trip, as a redis-py pipeline without a
        transaction sends them (writes whose repetition is harmless: redis-py's retry sends them all again)."""
        if self._send(commands) is None:
            pipe = self.get_client(write=True).pipeline(transaction=False)
            for command in commands:
                pipe.execute_command(*command)
            pipe.execute()

    def get(self, key, default):
        reply = self._send((("GET", key),))
        if reply is None:
            return super().get(key, default)
        value = reply[0]
        return default if value is None else self._serializer.loads(value)

    def get_many(self, keys):
        keys = list(keys)
        reply = self._send((("MGET", *keys),)) if keys else None
        if reply is None:
            return super().get_many(keys)
        loads = self._serializer.loads
        return {k: loads(v) for k, v in zip(keys, reply[0], strict=True) if v is not None}


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient

    def validate_key(self, key):
        """Django's warnings for a key memcached would refuse, looked for only if the key may have one."""
        if len(key) > MEMCACHE_MAX_KEY_LENGTH or _MEMCACHE_BAD_CHARS.search(key):
            super().validate_key(key)
