"""Readership: how many distinct readers each page had per local day.

The site shows it as "Tin đọc nhiều"; this app knows paths, not articles.

A reader is the visitor hash of stats.visitors (IP and user agent under the
day's salt), so a page counts each visitor once a day however often they
reload it: 30 distinct readers make exactly 30. The counted views are those
of the visit counter (VisitMiddleware: no robot, preview, prefetch, error or
redirect), and staff are not readers.

Writes happen only on a visitor's first view of a page in a day, atomically:
- database: a PageReader row (unique day, path, visitor) decides who counts,
  then DailyPageReaders gets F("readers") + 1; a repeated view costs one
  indexed read and no write;
- Redis: one Lua script, SADD to the day's set of (visitor, path) pairs and,
  when the pair is new, HINCRBY of the day's hash of paths; the hashes are
  read directly (no flush to the database) and expire after KEEP_DAYS.
"""

import datetime

from django.db import IntegrityError, transaction

from stats.models import DailyPageReaders, PageReader
from stats.stores import RedisStore, _short_lock_wait, get_store

# The longest period shown ("30 ngày") and a margin for the day boundary.
KEEP_DAYS = 32
MAX_PATH = 255


class DatabaseReadership:
    def record(self, key, path, day):
        seen = PageReader.objects.filter(day=day, path=path, visitor=key)
        if seen.exists():
            return False
        with _short_lock_wait():
            try:
                with transaction.atomic():
                    PageReader.objects.create(day=day, path=path, visitor=key)
            except IntegrityError:
                return False  # the same reader, a moment ago on another worker
            DailyPageReaders.objects.add_reader(day, path)
        return True

    def counts(self, first_day, last_day):
        rows = DailyPageReaders.objects.filter(day__gte=first_day, day__lte=last_day)
        totals = {}
        for path, readers in rows.values_list("path", "readers"):
            totals[path] = totals.get(path, 0) + readers
        return totals

    def purge(self, today):
        with _short_lock_wait():
            return PageReader.objects.filter(day__lt=today).delete()[0]


# KEYS: the day's set of readers, the day's hash of counts. ARGV: the
# (visitor, path) member, the path, the keys' lifetime in seconds.
# Returns 1 when this reader is new for this page today, else 0.
READ_SCRIPT = """
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then
  return 0
end
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
redis.call('EXPIRE', KEYS[2], ARGV[3])
return 1
"""


class RedisReadership:
    """Readers in the visitor store's Redis, behind its circuit breaker: a
    Redis that is down costs one short timeout, then is skipped."""

    def __init__(self, store):
        self.redis = store.redis
        self.breaker = store.breaker
        self.prefix = store.prefix
        self._read = self.redis.register_script(READ_SCRIPT)

    def _keys(self, day):
        stamp = day.isoformat()
        return self.prefix + "readers:" + stamp, self.prefix + "pages:" + stamp

    def record(self, key, path, day):
        lifetime = KEEP_DAYS * 86400
        added = self.breaker.call(
            self._read, keys=self._keys(day), args=[f"{key} {path}", path, lifetime]
        )
        return added == 1

    def counts(self, first_day, last_day):
        pipe = self.redis.pipeline(transaction=False)
        day = first_day
        while day <= last_day:
            pipe.hgetall(self._keys(day)[1])
            day += datetime.timedelta(days=1)
        totals = {}
        for found in self.breaker.call(pipe.execute, default=[]):
            for path, readers in found.items():
                path = path.decode()
                totals[path] = totals.get(path, 0) + int(readers)
        return totals

    def purge(self, today):
        return 0  # every key expires by itself


_redis = {}


def get_readership():
    """Readership kept where the visitor store is: Redis or the database."""
    store = get_store()
    if not isinstance(store, RedisStore):
        return DatabaseReadership()
    if store not in _redis:
        _redis[store] = RedisReadership(store)
    return _redis[store]


def countable_path(path):
    return len(path) <= MAX_PATH


def record(key, path, day):
    """Note that visitor `key` read `path` on `day`; True when it counts."""
    if not countable_path(path):
        return False
    return get_readership().record(key, path, day)


def top_paths(days, today, prefix="/", limit=10):
    """[(path, readers)] of the `days` local days up to `today`, most read
    first (ties by path), only paths starting with `prefix`."""
    first = today - datetime.timedelta(days=days - 1)
    counts = get_readership().counts(first, today)
    found = [(p, n) for p, n in counts.items() if p.startswith(prefix)]
    found.sort(key=lambda item: (-item[1], item[0]))
    return found[:limit]
