"""Where "who was seen recently" is kept: the database or Redis.

A store answers three questions, atomically and for many workers at once:

- record(key, now): note a counted page view; True when it starts a visit
  (the visitor was not seen for STATS_VISIT_GAP_SECONDS). A visitor seen less
  than STATS_REFRESH_SECONDS ago costs no write at all.
- current(now): distinct visitors seen within STATS_CURRENT_WINDOW_SECONDS.
- purge(now): forget visitors that can no longer matter.

Visits themselves are counted per day in the database (DailyVisits), with
either store: that history is kept forever, while the store's contents may be
lost at any time at the price of a few visits counted twice.
"""

import datetime
from contextlib import contextmanager

from django.core.cache import InvalidCacheBackendError, caches
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from core.breaker import CircuitBreaker
from stats import conf
from stats.models import DailyVisits, Visitor

RECENT_CACHE = "stats-recent"


def _seconds(name):
    return datetime.timedelta(seconds=conf.get(name))


def _stale_before(now):
    """Visitors last seen before this matter neither for visits nor for current."""
    keep = max(
        conf.get("STATS_VISIT_GAP_SECONDS"), conf.get("STATS_CURRENT_WINDOW_SECONDS")
    )
    return now - datetime.timedelta(seconds=keep)


def recent_memo():
    """This process's memory of what it recorded a moment ago (the
    "stats-recent" cache), or None when the site configures none."""
    try:
        return caches[RECENT_CACHE]
    except InvalidCacheBackendError:
        return None


class DatabaseStore:
    def record(self, key, now):
        gap = now - _seconds("STATS_VISIT_GAP_SECONDS")
        refresh = now - _seconds("STATS_REFRESH_SECONDS")
        last_seen = self._last_seen(key, refresh)
        if last_seen is not None and last_seen >= refresh:
            return False
        with _short_lock_wait():
            if last_seen is not None and last_seen >= gap:
                # The same visit goes on: last_seen moves at most once a minute.
                Visitor.objects.filter(key=key, last_seen__lt=refresh).update(
                    last_seen=now
                )
                self._remember(key, now)
                return False
            started = self._start_visit(key, now, gap)
            if started:
                DailyVisits.objects.add_visit(timezone.localdate(now))
            self._remember(key, now)
            return started

    def _last_seen(self, key, refresh):
        # last_seen only moves forward: a time this process wrote or read a
        # moment ago that is still within the minute decides as the row would,
        # without the query.
        memo = recent_memo()
        known = memo.get(f"v:{key}") if memo is not None else None
        if known is not None and known >= refresh:
            return known
        found = (
            Visitor.objects.filter(key=key).values_list("last_seen", flat=True).first()
        )
        if found is not None:
            self._remember(key, found)
        return found

    def _remember(self, key, last_seen):
        memo = recent_memo()
        if memo is not None:
            memo.set(f"v:{key}", last_seen, conf.get("STATS_REFRESH_SECONDS"))

    def _start_visit(self, key, now, gap):
        """Only one worker can move a stale row forward, or insert a new one:
        that worker, and no other, counts the visit."""
        if Visitor.objects.filter(key=key, last_seen__lt=gap).update(last_seen=now):
            return True
        try:
            with transaction.atomic():
                Visitor.objects.create(key=key, last_seen=now)
            return True
        except IntegrityError:
            return False  # another worker saw this visitor a moment ago

    def current(self, now):
        since = now - _seconds("STATS_CURRENT_WINDOW_SECONDS")
        return Visitor.objects.filter(last_seen__gte=since).count()

    def purge(self, now):
        with _short_lock_wait():
            return Visitor.objects.filter(last_seen__lt=_stale_before(now)).delete()[0]


@contextmanager
def _short_lock_wait():
    """A transaction that gives up after STATS_LOCK_TIMEOUT_SECONDS when the
    database is locked, instead of the site's long wait: the visit is lost,
    the page is not held up."""
    ms = int(conf.get("STATS_LOCK_TIMEOUT_SECONDS") * 1000)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA busy_timeout")
            previous = cursor.fetchone()[0]
            cursor.execute(f"PRAGMA busy_timeout = {ms:d}")
        try:
            with transaction.atomic():
                yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA busy_timeout = {int(previous):d}")
    else:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT set_config('lock_timeout', %s, true)", [f"{ms}ms"]
                )
            yield


# One round trip, atomic in Redis. KEYS: the visitor's key, the sorted set of
# recent visitors. ARGV: now, visit gap, refresh, current window (seconds),
# the visitor's key as set member. Returns 1 when a visit starts, 0 when a
# known visitor was refreshed, -1 when nothing had to be written. The key
# holds the time it was last written and expires after the visit gap.
RECORD_SCRIPT = """
local now = tonumber(ARGV[1])
local last = redis.call('GET', KEYS[1])
local age = last and now - tonumber(last)
if age and age < tonumber(ARGV[3]) then
  return -1
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
redis.call('ZADD', KEYS[2], now, ARGV[5])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - tonumber(ARGV[4]))
if age and age < tonumber(ARGV[2]) then
  return 0
end
return 1
"""


class RedisStore:
    """Fails open: every call waits at most STATS_REDIS_TIMEOUT_SECONDS, and
    after a failure Redis is skipped for STATS_REDIS_BREAKER_SECONDS (visits
    are not counted, "current" reads None) instead of paying the timeout on
    every page."""

    def __init__(self, url, prefix):
        import redis
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        wait = conf.get("STATS_REDIS_TIMEOUT_SECONDS")
        # redis-py retries ten times with backoff by default: never here.
        self.redis = redis.Redis.from_url(
            url,
            socket_timeout=wait,
            socket_connect_timeout=wait,
            retry=Retry(NoBackoff(), 0),
        )
        self.prefix = prefix
        self.recent = prefix + "recent"
        self._record = self.redis.register_script(RECORD_SCRIPT)
        self.breaker = CircuitBreaker(
            "Redis visitor store",
            conf.get("STATS_REDIS_BREAKER_SECONDS"),
            errors=(redis.RedisError, OSError),
        )

    def record(self, key, now):
        result = self.breaker.call(
            self._record,
            keys=[self.prefix + "seen:" + key, self.recent],
            args=[
                now.timestamp(),
                conf.get("STATS_VISIT_GAP_SECONDS"),
                conf.get("STATS_REFRESH_SECONDS"),
                conf.get("STATS_CURRENT_WINDOW_SECONDS"),
                key,
            ],
        )
        if result == 1:
            DailyVisits.objects.add_visit(timezone.localdate(now))
        return result == 1

    def current(self, now):
        since = now.timestamp() - conf.get("STATS_CURRENT_WINDOW_SECONDS")
        return self.breaker.call(self.redis.zcount, self.recent, since, "+inf")

    def purge(self, now):
        # Seen keys expire by themselves; the sorted set is trimmed here and
        # on every write.
        stale = _stale_before(now).timestamp()
        return self.breaker.call(
            self.redis.zremrangebyscore, self.recent, "-inf", stale, default=0
        )


_stores = {}


def get_store():
    """The configured store, one per process (Redis keeps a connection pool)."""
    kind = conf.get("STATS_STORE")
    if kind == "database":
        return DatabaseStore()
    place = (conf.get("STATS_REDIS_URL"), conf.get("STATS_REDIS_PREFIX"))
    if place not in _stores:
        _stores[place] = RedisStore(*place)
    return _stores[place]
