"""The database side of a backup: dump, restore, migration state, emptiness.

PostgreSQL goes through pg_dump/pg_restore (custom format), SQLite through
its online backup API, which copies a consistent snapshot while the site
keeps reading and writing.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

# Tables that `migrate` fills by itself: a just-migrated database still
# counts as empty with rows in these (the role groups come from news/0004,
# the document types from documents/0002, the required menu items from
# portal/0006, the question topics from the questions app's post_migrate).
SCHEMA_TABLES = {
    "django_migrations",
    "django_content_type",
    "auth_permission",
    "auth_group",
    "auth_group_permissions",
    "documents_documenttype",
    "questions_topic",
    "portal_menuitem",
}
PG_ENV = {"HOST": "PGHOST", "PORT": "PGPORT", "USER": "PGUSER"}


class DatabaseError(Exception):
    """A dump or restore tool failed; the message says why, in one line."""


def vendor():
    return connection.vendor


def pg_command(tool, settings_dict, *args):
    """argv and environment for a PostgreSQL client tool.

    Connection parameters travel in the environment, the password in
    PGPASSWORD: nothing secret appears in the process list.
    """
    env = dict(os.environ)
    for key, name in PG_ENV.items():
        if settings_dict.get(key):
            env[name] = str(settings_dict[key])
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    sslmode = settings_dict.get("OPTIONS", {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = sslmode
    argv = [tool, f"--dbname={settings_dict['NAME']}", *args]
    return argv, env


def _run_pg(tool, *args):
    if not shutil.which(tool):
        raise DatabaseError(
            f"Không tìm thấy {tool}: cài gói postgresql-client cùng phiên bản "
            "với máy chủ PostgreSQL (apt-get install postgresql-client)."
        )
    argv, env = pg_command(tool, connection.settings_dict, *args)
    done = subprocess.run(argv, env=env, capture_output=True, text=True)
    if done.returncode:
        lines = done.stderr.strip().splitlines() or [f"mã lỗi {done.returncode}"]
        raise DatabaseError(f"{tool} thất bại: {lines[0]}")


def dump(path):
    """Write a consistent copy of the database to `path`."""
    if vendor() == "postgresql":
        _run_pg("pg_dump", "--format=custom", f"--file={path}")
        return
    # Through Django's own connection, so that its settings (busy timeout)
    # apply. It must not hold a transaction open: the backup would wait for it.
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
    except sqlite3.Error as exc:
        raise DatabaseError(f"sao lưu SQLite thất bại: {exc}")
    finally:
        target.close()


def restore(path):
    """Replace the (empty) configured database with the copy at `path`."""
    connection.close()
    if vendor() == "postgresql":
        _run_pg(
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            "--clean",
            "--if-exists",
            str(path),
        )
        return
    source = sqlite3.connect(path)
    target = sqlite3.connect(connection.settings_dict["NAME"])
    try:
        source.backup(target)
    except sqlite3.Error as exc:
        raise DatabaseError(f"khôi phục SQLite thất bại: {exc}")
    finally:
        target.close()
        source.close()


def make_reachable():
    """A new machine may lack the SQLite file's folder: make it."""
    if vendor() == "sqlite":
        name = str(connection.settings_dict["NAME"])
        if not name.startswith("file:") and name != ":memory:":
            Path(name).parent.mkdir(parents=True, exist_ok=True)


def applied_migrations():
    """The (app, name) migrations recorded in the database, sorted."""
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return []
    return sorted(recorder.applied_migrations())


def known_migrations():
    """The (app, name) migrations this code has on disk."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return set(loader.disk_migrations)


def tables_with_content():
    """Tables other than those `migrate` fills that hold at least one row."""
    quote = connection.ops.quote_name
    found = []
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        for table in sorted(set(tables) - SCHEMA_TABLES):
            cursor.execute(f"SELECT 1 FROM {quote(table)} LIMIT 1")
            if cursor.fetchone():
                found.append(table)
    return found
