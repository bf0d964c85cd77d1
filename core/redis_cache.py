"""The Django cache on Redis, failing open.

A Redis that refuses or never answers must not take pages down: every call
waits at most a fraction of a second, and after a failure Redis is skipped
for a few seconds (core.breaker), reads miss and writes do nothing. Pages
then come from the database, as on a cold cache.
"""

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

from core.breaker import CircuitBreaker

# Django makes one cache object per thread: the breaker is per process.
_breakers = {}


class FailOpenRedisCache(RedisCache):
    """OPTIONS: socket_timeout and socket_connect_timeout (seconds, default
    0.25) and breaker_seconds (default 30); the rest goes to redis-py."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        reset = float(options.pop("breaker_seconds", 30))
        options.setdefault("socket_timeout", 0.25)
        options.setdefault("socket_connect_timeout", 0.25)
        options.setdefault("retry", Retry(NoBackoff(), 0))
        super().__init__(server, {**params, "OPTIONS": options})
        key = (str(server), reset)
        if key not in _breakers:
            _breakers[key] = CircuitBreaker(
                "Redis cache", reset, errors=(RedisError, OSError)
            )
        self.breaker = _breakers[key]

    def _call(self, default, method, *args, **kwargs):
        return self.breaker.call(method, *args, default=default, **kwargs)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, super().add, key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        # None when Redis is away: callers counting attempts (core.publicforms)
        # then let the request through rather than refuse every resident.
        return self._call(None, super().incr, key, delta, version)

    def get(self, key, default=None, version=None):
        return self._call(default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._call({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._call(False, super().has_key, key, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call(None, super().delete_many, keys, version)

    def clear(self):
        return self._call(False, super().clear)
