"""Real gunicorn servers for the concurrency tests: free ports, readiness, cleanup."""

import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from tests.stats.conftest import BROWSER_UA

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
# Our own requests while waiting for a server: a robot, so never counted.
PROBE_UA = "curl/8.5.0"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(data_dir, database_url, **extra):
    """The environment of a fresh deployment, whatever the test run's own."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(
            ("DJANGO_", "PORTAL_", "STATS_", "DATABASE_URL", "REDIS_URL")
        )
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings",
        DJANGO_DEBUG="True",
        DJANGO_SECRET_KEY="khoa-thu-nghiem-dong-thoi-" + "x" * 30,
        DATABASE_URL=database_url,
        PORTAL_DATA_DIR=str(data_dir),
        # The load below comes through "a proxy": one X-Forwarded-For entry.
        STATS_TRUSTED_PROXIES="1",
        WEB_CONCURRENCY="4",
        PORTAL_THREADS="2",
    )
    env.update(extra)
    return env


def manage(env, *args):
    done = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


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
    """A gunicorn on a free loopback port, killed (with its workers) at the end."""
    port = free_port()
    env = {**env, "PORTAL_BIND": f"127.0.0.1:{port}", **extra}
    url = f"http://127.0.0.1:{port}/"
    with open(log_path, "ab") as log:
        server = subprocess.Popen(
            [GUNICORN, "-c", "portal/gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, Path(log_path).read_text()[-3000:]
            try:
                if get(url, ua=PROBE_UA, timeout=5) == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "gunicorn did not answer in 60 s"
            time.sleep(0.2)
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(5)


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
