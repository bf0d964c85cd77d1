"""Reading settings from the environment.

Each helper rejects a bad value with ImproperlyConfigured naming the variable;
manage.py and gunicorn's config turn that into one line, not a traceback.
"""

import datetime
import os
import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be True or False, not {value!r}.")


def env_int(name, default, minimum=0):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.")
    if number < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {number}.")
    return number


def env_list(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_dates(name, default):
    """A comma-separated list of ISO dates (2027-02-03,2027-02-04)."""
    dates = []
    for item in env_list(name, default):
        try:
            dates.append(datetime.date.fromisoformat(item))
        except ValueError:
            raise ImproperlyConfigured(
                f"{name} must list dates as YYYY-MM-DD, not {item!r}."
            )
    return dates


_RATE = re.compile(r"^(\d+)/(\d*)([smhd])$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def env_rates(name, default):
    """Rate limits such as "3/10m,20/d": [(3, 600), (20, 86400)]."""
    value = os.environ.get(name) or default
    rates = []
    for part in value.split(","):
        match = _RATE.match(part.strip())
        if not match:
            raise ImproperlyConfigured(
                f"{name} must list rates such as 3/10m,20/d, not {value!r}."
            )
        count, span, unit = match.groups()
        rates.append((int(count), int(span or 1) * _UNITS[unit]))
    return rates


def env_database(name, default):
    url = os.environ.get(name) or default
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except Exception:
        raise ImproperlyConfigured(
            f"{name} is not a valid database URL ({url!r}); expected "
            "sqlite:///path/to/file.sqlite3 or postgres://user@host:5432/name."
        )
    engine = config.get("ENGINE", "")
    if engine not in (
        "django.db.backends.sqlite3",
        "django.db.backends.postgresql",
    ):
        raise ImproperlyConfigured(
            f"{name} must name a sqlite:// or postgres:// database, not {url!r}."
        )
    if engine == "django.db.backends.sqlite3":
        if not config.get("NAME"):
            raise ImproperlyConfigured(f"{name} names no SQLite file: {url!r}.")
        # WAL lets readers go on while a writer commits; IMMEDIATE avoids
        # "database is locked" upgrades when two workers write at once. The
        # connection is kept, as for PostgreSQL: opening it and setting its
        # pragmas cost more than a page served from the cache.
        config["CONN_HEALTH_CHECKS"] = False
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                "PRAGMA busy_timeout=20000;"
            ),
        }
        path = Path(config["NAME"])
        if path.is_file() and not os.access(path.parent, os.W_OK):
            # A read-only data dir (disk remounted read-only): SQLite cannot
            # make its WAL files there, so open the file read-only and as
            # unchanging. Readers keep their pages; writes fail (logged).
            config["NAME"] = f"file:{path}?mode=ro&immutable=1"
            config["OPTIONS"] = {"timeout": 20}
    else:
        if not config.get("NAME"):
            raise ImproperlyConfigured(f"{name} names no PostgreSQL database: {url!r}.")
        # Test databases get a UTF-8 encoding so lower() folds Vietnamese.
        config["TEST"] = {"TEMPLATE": "template0", "CHARSET": "UTF8"}
        # A database that hangs must free the worker's thread within seconds:
        # the reader gets the error page instead of waiting without end.
        statement_ms = env_int("PORTAL_DB_STATEMENT_TIMEOUT_MS", 5000, minimum=0)
        config["OPTIONS"] = {
            "connect_timeout": env_int("PORTAL_DB_CONNECT_TIMEOUT", 3, minimum=2),
            "options": f"-c statement_timeout={statement_ms}",
        }
    return config
