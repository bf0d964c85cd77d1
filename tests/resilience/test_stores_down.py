"""Redis and PostgreSQL failing under a real gunicorn in production mode:
readers still get pages (Redis) or an answer within seconds (PostgreSQL)."""

import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest

from tests.resilience.servers import fetch, free_port, gunicorn, silent_server


@contextmanager
def redis_that(kind):
    if kind == "silent":
        with silent_server() as port:
            yield f"redis://127.0.0.1:{port}/0"
    else:
        yield f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there


@pytest.mark.parametrize("kind", ["refused", "silent"])
def test_every_public_page_is_served_within_a_second_with_redis_down(
    deployment, tmp_path, kind
):
    # REDIS_URL makes Redis both the cache and the visitor store.
    with redis_that(kind) as url:
        env = {**deployment.env, "REDIS_URL": url}
        with gunicorn(env, tmp_path / "gunicorn.log") as server:
            # First pass: each worker meets the failure once, then skips Redis.
            first = {
                name: fetch(server.base, path)[:2]
                for name, path in deployment.pages.items()
            }
            timed = {
                name: fetch(server.base, path)[:2]
                for name, path in deployment.pages.items()
            }
            login = fetch(server.base, "/quan-tri/login/")
    print(f"\nRedis {kind}: first pass", {k: f"{s:.3f}" for k, (_, s) in first.items()})
    print(f"Redis {kind}: second pass", {k: f"{s:.3f}" for k, (_, s) in timed.items()})
    assert {name: status for name, (status, _) in first.items()} == dict.fromkeys(
        deployment.pages, 200
    )
    assert {name: status for name, (status, _) in timed.items()} == dict.fromkeys(
        deployment.pages, 200
    )
    slow = {name: s for name, (_, s) in timed.items() if s >= 1}
    assert not slow, slow
    assert login[0] == 200
    log = (tmp_path / "gunicorn.log").read_text()
    assert "unavailable, skipped for" in log


def test_with_postgresql_silent_readers_get_an_answer_within_5_s(deployment, tmp_path):
    with silent_server() as port:
        env = {
            **deployment.env,
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{port}/portal",
        }
        with gunicorn(env, tmp_path / "gunicorn.log") as server:
            readers = [deployment.pages["home"], deployment.pages["article"]] * 5
            with ThreadPoolExecutor(len(readers)) as pool:
                answers = pool.map(lambda p: fetch(server.base, p, timeout=30), readers)
                time.sleep(0.5)  # the readers now hold ten threads
                side = [
                    fetch(server.base, path, timeout=30)[:2]
                    for path in ["/robots.txt", "/static/css/site.css"] * 3
                ]
                answers = [a[:3] for a in answers]
    print("\nPostgreSQL silent: readers", [f"{s} {t:.2f}s" for s, t, _ in answers])
    print("PostgreSQL silent: robots/static meanwhile", side)
    assert all(status in (500, 503) for status, _, _ in answers)
    assert max(seconds for _, seconds, _ in answers) < 5
    assert all("Hệ thống" in body.decode() for _, _, body in answers)
    assert all(status == 200 for status, _ in side)
    assert max(seconds for _, seconds in side) < 2


@contextmanager
def throwaway_postgres(name):
    """A fresh PostgreSQL database beside the test database, dropped at the end."""
    import psycopg2
    from django.conf import settings

    db = settings.DATABASES["default"]
    params = {
        "host": db["HOST"] or "127.0.0.1",
        "port": db["PORT"] or 5432,
        "user": db["USER"],
        "password": db["PASSWORD"],
    }
    admin = psycopg2.connect(dbname="postgres", **params)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(
            f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' "
            "LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'"
        )
    user = f"{params['user']}:{params['password'] or ''}@" if params["user"] else ""
    try:
        yield admin, f"postgres://{user}{params['host']}:{params['port']}/{name}"
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.mark.postgres
def test_a_read_only_postgresql_serves_every_public_page(deployment, tmp_path):
    from django.conf import settings

    from tests.resilience.servers import manage

    name = settings.DATABASES["default"]["NAME"] + "_readonly"
    with throwaway_postgres(name) as (admin, url):
        env = {**deployment.env, "DATABASE_URL": url, "STATS_STORE": "database"}
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo")
        with admin.cursor() as cursor:
            cursor.execute(
                f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'
            )
        with gunicorn(env, tmp_path / "gunicorn.log") as server:
            # Twice: the second pass is a returning visitor the store would write.
            statuses = [
                {n: fetch(server.base, p)[0] for n, p in deployment.pages.items()}
                for _ in range(2)
            ]
            login = fetch(server.base, "/quan-tri/login/")[0]
    print("\nPostgreSQL read-only:", statuses[0])
    assert statuses == [dict.fromkeys(deployment.pages, 200)] * 2
    assert login == 200
    log = (tmp_path / "gunicorn.log").read_text()
    assert "read-only transaction" in log  # the visit was tried, and not counted
