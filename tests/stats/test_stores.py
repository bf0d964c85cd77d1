"""The same suite for both stores: the visit and "current" rules, to the second."""

import datetime
import uuid

import pytest
from django.utils import timezone

from stats import figures
from stats.models import DailyVisits, StatsSettings, Visitor

MINUTE = datetime.timedelta(minutes=1)


def visits():
    return sum(DailyVisits.objects.values_list("visits", flat=True))


def test_a_first_page_view_starts_a_visit_on_the_local_day(store, noon):
    assert store.record("a" * 32, noon) is True
    assert DailyVisits.objects.get().day == datetime.date(2026, 11, 26)
    assert visits() == 1


def test_page_views_within_30_minutes_of_each_other_are_one_visit(store, noon):
    # A resident reads for two hours, never pausing 30 minutes: one visit.
    started = [store.record("a" * 32, noon + n * 20 * MINUTE) for n in range(7)]
    assert started == [True] + [False] * 6
    assert visits() == 1


def test_a_visitor_back_after_30_minutes_starts_a_new_visit(store, noon):
    store.record("a" * 32, noon)
    assert store.record("a" * 32, noon + 29 * MINUTE) is False
    assert store.record("a" * 32, noon + 59 * MINUTE + 1 * MINUTE) is True
    assert visits() == 2


def test_distinct_visitors_each_start_a_visit(store, noon):
    for n in range(5):
        store.record(f"{n:032x}", noon)
    assert visits() == 5


def test_a_visit_after_local_midnight_counts_for_the_new_day(store):
    tz = timezone.get_default_timezone()
    store.record("a" * 32, datetime.datetime(2026, 11, 26, 23, 59, tzinfo=tz))
    store.record("b" * 32, datetime.datetime(2026, 11, 27, 0, 1, tzinfo=tz))
    days = dict(DailyVisits.objects.values_list("day", "visits"))
    assert days == {datetime.date(2026, 11, 26): 1, datetime.date(2026, 11, 27): 1}


def test_current_counts_distinct_visitors_seen_in_the_last_5_minutes(store, noon):
    store.record("a" * 32, noon - 6 * MINUTE)  # gone
    store.record("b" * 32, noon - 4 * MINUTE)
    store.record("c" * 32, noon - 2 * MINUTE)
    store.record("c" * 32, noon - 1 * MINUTE)  # same visitor again
    assert store.current(noon) == 2


def test_current_follows_a_visitor_who_keeps_reading(store, noon):
    store.record("a" * 32, noon)
    store.record("a" * 32, noon + 4 * MINUTE)
    # Seen 4 minutes after their visit started, so still here at +8 minutes.
    assert store.current(noon + 8 * MINUTE) == 1
    assert store.current(noon + 10 * MINUTE) == 0


def test_the_current_window_is_a_setting(store, noon, settings):
    store.record("a" * 32, noon - 2 * MINUTE)
    assert store.current(noon) == 1
    settings.STATS_CURRENT_WINDOW_SECONDS = 60
    assert store.current(noon) == 0


def test_purge_forgets_stale_visitors_but_keeps_the_history(store, noon):
    store.record("a" * 32, noon - 40 * MINUTE)
    store.record("b" * 32, noon - 1 * MINUTE)
    store.purge(noon)
    assert store.current(noon) == 1
    assert visits() == 2
    # "b" is still known: no second visit.
    assert store.record("b" * 32, noon) is False


def test_the_total_adds_the_starting_number_staff_set(store):
    StatsSettings.objects.create(starting_total=111200)
    now = timezone.now()
    for n in range(11):
        store.record(f"{n:032x}", now)
    assert figures.compute(now) == {"total": 111211, "today": 11, "current": 11}


def test_the_database_store_keeps_one_row_per_visitor_not_per_page_view(db, noon):
    from stats.stores import DatabaseStore

    store = DatabaseStore()
    for n in range(30):
        store.record("a" * 32, noon + n * MINUTE)
    assert Visitor.objects.count() == 1
    assert DailyVisits.objects.count() == 1


@pytest.mark.redis
def test_the_redis_store_writes_nothing_for_a_visitor_seen_within_the_minute(db, noon):
    from stats.stores import RedisStore
    from tests.stats.conftest import STATS_REDIS_URL, forget

    prefix = f"stats-test-{uuid.uuid4().hex}:"
    store = RedisStore(STATS_REDIS_URL, prefix)
    seen = prefix + "seen:" + "a" * 32
    try:
        store.record("a" * 32, noon)
        first = store.redis.get(seen)
        assert store.record("a" * 32, noon + datetime.timedelta(seconds=59)) is False
        assert store.redis.get(seen) == first
        store.record("a" * 32, noon + datetime.timedelta(seconds=61))
        assert store.redis.get(seen) != first
        # Keys expire with the visit gap: Redis needs no purge for them.
        assert 0 < store.redis.ttl(seen) <= 30 * 60
    finally:
        forget(store.redis, prefix)


@pytest.mark.parametrize(
    "env, expected",
    [
        ({}, "database"),
        ({"REDIS_URL": "redis://127.0.0.1:6379/0"}, "redis"),
        (
            {"REDIS_URL": "redis://127.0.0.1:6379/0", "STATS_STORE": "database"},
            "database",
        ),
        ({"STATS_STORE": "redis"}, "STATS_STORE=redis needs STATS_REDIS_URL"),
        ({"STATS_STORE": "tệp"}, "STATS_STORE must be database or redis"),
    ],
)
def test_the_store_is_redis_when_redis_url_is_set_else_the_database(env, expected):
    import os
    import subprocess
    import sys

    from tests.stats.servers import ROOT

    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("STATS_", "REDIS"))
    }
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings; print(settings.STATS_STORE)",
        ],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "portal.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert expected in done.stdout + done.stderr
