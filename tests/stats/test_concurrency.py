"""Exact counts against real servers: gunicorn workers racing each other.

200 distinct visitors (distinct addresses through one trusted proxy) view
pages twice each, all at once: the total rises by exactly 200 and "current"
reads 200, and the page has exactly 200 more readers ("Tin đọc nhiều").
The same 200 again add nothing. SQLite, PostgreSQL, Redis, and
two servers sharing one PostgreSQL.
"""

import shutil
import sqlite3
import time
import uuid

import psycopg2
import pytest
from django.conf import settings

from tests.stats.conftest import STATS_REDIS_URL, forget
from tests.stats.servers import (
    crowd,
    figures,
    get,
    gunicorn,
    manage,
    readers,
    server_env,
)

VISITORS = 200


def assert_exact_counts(env, urls):
    before = figures(env)
    read_before = readers(env, "/")
    statuses = crowd(urls, VISITORS)
    assert statuses == [200] * len(statuses)
    after = figures(env)
    assert after["total"] - before["total"] == VISITORS
    assert after["today"] - before["today"] == VISITORS
    assert after["current"] == VISITORS
    assert readers(env, "/") - read_before == VISITORS
    # The same visitors again, within 30 minutes: no new visit.
    statuses = crowd(urls, VISITORS)
    assert statuses == [200] * len(statuses)
    again = figures(env)
    assert again["total"] == after["total"]
    assert again["current"] == VISITORS
    assert readers(env, "/") - read_before == VISITORS


@pytest.fixture(scope="module")
def migrated_sqlite(tmp_path_factory):
    """A migrated SQLite file, made once by `manage.py migrate`; tests copy it."""
    folder = tmp_path_factory.mktemp("sqlite-template")
    path = folder / "portal.sqlite3"
    manage(server_env(folder, f"sqlite:///{path}"), "migrate", "--noinput")
    return path


@pytest.fixture
def sqlite_env(tmp_path, migrated_sqlite):
    path = tmp_path / "portal.sqlite3"
    shutil.copy(migrated_sqlite, path)
    return server_env(tmp_path, f"sqlite:///{path}"), path


@pytest.fixture
def postgres_url(tmp_path, request):
    """A throwaway PostgreSQL database, migrated, dropped at the end."""
    import os

    db = settings.DATABASES["default"]
    name = f"portal_stats_conc_{os.getpid()}"
    admin = psycopg2.connect(
        dbname="postgres",
        user=db["USER"],
        password=db["PASSWORD"],
        host=db["HOST"],
        port=db["PORT"],
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        cursor.execute(
            f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' "
            "LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'"
        )
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    url = f"postgres://{auth}@{db['HOST']}:{db['PORT']}/{name}"
    try:
        manage(server_env(tmp_path, url), "migrate", "--noinput")
        yield url
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.close()


def test_four_workers_on_sqlite_count_200_visitors_exactly(sqlite_env, tmp_path):
    env, _ = sqlite_env
    with gunicorn(env, tmp_path / "gunicorn.log") as url:
        assert_exact_counts(env, [url])


@pytest.mark.postgres
def test_four_workers_on_postgresql_count_200_visitors_exactly(postgres_url, tmp_path):
    env = server_env(tmp_path, postgres_url)
    with gunicorn(env, tmp_path / "gunicorn.log") as url:
        assert_exact_counts(env, [url])


@pytest.mark.postgres
def test_two_servers_sharing_postgresql_count_200_visitors_exactly(
    postgres_url, tmp_path
):
    env = server_env(tmp_path, postgres_url, WEB_CONCURRENCY="2")
    with gunicorn(env, tmp_path / "a.log") as first:
        with gunicorn(env, tmp_path / "b.log") as second:
            assert first != second
            assert_exact_counts(env, [first, second])


@pytest.mark.redis
def test_four_workers_with_the_redis_store_count_200_visitors_exactly(
    sqlite_env, tmp_path
):
    import redis

    env, _ = sqlite_env
    prefix = f"stats-conc-{uuid.uuid4().hex}:"
    env = {
        **env,
        "STATS_STORE": "redis",
        "STATS_REDIS_URL": STATS_REDIS_URL,
        "STATS_REDIS_PREFIX": prefix,
    }
    client = redis.Redis.from_url(STATS_REDIS_URL)
    try:
        with gunicorn(env, tmp_path / "gunicorn.log") as url:
            assert_exact_counts(env, [url])
        assert client.zcard(prefix + "recent") == VISITORS
    finally:
        forget(client, prefix)


def test_a_locked_sqlite_database_costs_the_visit_not_the_page(sqlite_env, tmp_path):
    env, path = sqlite_env
    log = tmp_path / "gunicorn.log"
    with gunicorn(env, log, WEB_CONCURRENCY="1") as url:
        locker = sqlite3.connect(path, isolation_level=None)
        locker.execute("BEGIN IMMEDIATE")  # holds the write lock
        try:
            started = time.monotonic()
            assert get(url, forwarded_for="198.51.100.1") == 200
            assert time.monotonic() - started < 10
        finally:
            locker.execute("ROLLBACK")
            locker.close()
        assert figures(env)["total"] == 0
        assert "Visit not counted: OperationalError: database is locked" in (
            log.read_text()
        )
        # Once the lock is gone, the same visitor is counted.
        assert get(url, forwarded_for="198.51.100.1") == 200
        assert figures(env)["total"] == 1
