"""Scratch sites for backup tests: `manage.py` run in a subprocess against
its own database, media and files folders, as an operator would run it."""

import contextlib
import hashlib
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import psycopg2
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent.parent
# Settings of the test run that must not leak into a scratch site.
LEAKY = ("DATABASE_URL", "REDIS_URL", "STATS_STORE", "STATS_REDIS_URL")


def site(folder, database_url):
    """Environment for a site whose data, media, attached files and backups
    live in folder."""
    env = {k: v for k, v in os.environ.items() if k not in LEAKY}
    env.update(
        DATABASE_URL=database_url,
        PORTAL_DATA_DIR=str(folder),
        DJANGO_MEDIA_ROOT=str(folder / "media"),
        PORTAL_FILES_ROOT=str(folder / "files"),
        PORTAL_BACKUP_DIR=str(folder / "backups"),
        DJANGO_SECRET_KEY="backup-tests-" + "x" * 40,
        DJANGO_DEBUG="True",
        STATS_ENABLED="False",
    )
    return env


def manage(env, *args, check=True):
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if check:
        assert done.returncode == 0, done.stderr
    return done


def rows(env):
    """Every row of every app, as dumpdata sees it, in a stable order."""
    data = json.loads(manage(env, "dumpdata").stdout)
    return sorted(data, key=lambda row: (row["model"], str(row["pk"])))


def checksums(folder):
    """{relative path: SHA-256} of every file under folder."""
    folder = Path(folder)
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(
            path.read_bytes()
        ).hexdigest()
        for path in folder.rglob("*")
        if path.is_file()
    }


def _server():
    return psycopg2.connect(
        dbname="postgres",
        user=connection.settings_dict["USER"],
        password=connection.settings_dict["PASSWORD"],
        host=connection.settings_dict["HOST"],
        port=connection.settings_dict["PORT"],
    )


def _admin(sql):
    server = _server()
    server.autocommit = True
    try:
        with server.cursor() as cursor:
            cursor.execute(sql)
    finally:
        server.close()


@contextlib.contextmanager
def scratch_postgres(label):
    """A new empty PostgreSQL database on the test server; its URL."""
    name = f"portal_backup_{label}_{secrets.token_hex(4)}"
    _admin(
        f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' "
        "LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'"
    )
    s = connection.settings_dict
    auth = quote(s["USER"] or "postgres")
    if s["PASSWORD"]:
        auth += ":" + quote(s["PASSWORD"])
    try:
        yield f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"
    finally:
        _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
