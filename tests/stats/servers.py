"""Load on real gunicorn servers (tests/servers.py) for the concurrency tests."""

import json
import random
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from tests import servers
from tests.servers import ROOT, clean_env, manage
from tests.stats.conftest import BROWSER_UA

__all__ = [
    "ROOT",
    "crowd",
    "figures",
    "get",
    "gunicorn",
    "manage",
    "readers",
    "server_env",
]


def server_env(data_dir, database_url, **extra):
    """The environment of a fresh deployment, whatever the test run's own."""
    settings = {
        "DJANGO_DEBUG": "True",
        "DJANGO_SECRET_KEY": "khoa-thu-nghiem-dong-thoi-" + "x" * 30,
        "DATABASE_URL": database_url,
        "PORTAL_DATA_DIR": str(data_dir),
        # The load below comes through "a proxy": one X-Forwarded-For entry.
        "STATS_TRUSTED_PROXIES": "1",
        "WEB_CONCURRENCY": "4",
        "PORTAL_THREADS": "2",
    }
    return clean_env(**{**settings, **extra})


def figures(env):
    return json.loads(manage(env, "visit_stats", "--json"))


def readers(env, path):
    """Today's distinct readers of `path`, uncached, as `manage.py top_pages`."""
    return json.loads(manage(env, "top_pages", "--days", "1", "--json")).get(path, 0)


def get(url, ua=BROWSER_UA, forwarded_for=None, timeout=30):
    headers = {"User-Agent": ua}
    if forwarded_for:
        headers["X-Forwarded-For"] = forwarded_for
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@contextmanager
def gunicorn(env, log_path, **extra):
    """A server of tests.servers; yields its address."""
    with servers.gunicorn({**env, **extra}, log_path) as server:
        yield server.url


def visitor_address(n):
    """Visitor n's address (documentation ranges; only ever a header value)."""
    return f"198.51.100.{n % 250 + 1}" if n < 250 else f"203.0.113.{n % 250 + 1}"


def crowd(urls, visitors=200, views_each=2, threads=32):
    """`visitors` distinct visitors, each viewing `views_each` pages, all at
    once and shuffled across `urls`, so the same visitor's views race each
    other on different workers (and servers). Returns the status codes."""
    jobs = [
        (urls[(n + v) % len(urls)], visitor_address(n))
        for n in range(visitors)
        for v in range(views_each)
    ]
    random.Random(5).shuffle(jobs)
    with ThreadPoolExecutor(threads) as pool:
        return list(pool.map(lambda job: get(job[0], forwarded_for=job[1]), jobs))
