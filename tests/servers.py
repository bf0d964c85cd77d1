"""Real gunicorn servers for the tests that need one: a clean environment,
free ports, readiness, cleanup with every worker."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
# Our own requests while waiting for a server: a robot, so never counted.
PROBE_UA = "curl/8.5.0"
PROJECT_VARIABLES = (
    "DJANGO_",
    "PORTAL_",
    "STATS_",
    "DATABASE_URL",
    "REDIS_URL",
    "AXES_",
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def clean_env(**settings):
    """The environment of a fresh deployment with these settings, whatever
    the test run's own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(PROJECT_VARIABLES)}
    env.update(DJANGO_SETTINGS_MODULE="portal.settings", **settings)
    return env


def manage(env, *args, timeout=180):
    done = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def _answers(url):
    request = urllib.request.Request(url, headers={"User-Agent": PROBE_UA})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status == 200
    except urllib.error.HTTPError:
        return False


@contextmanager
def gunicorn(env, log_path, ready_path="/robots.txt"):
    """A gunicorn with the portal's config on a free loopback port, killed
    with its workers at the end. The process carries .base and .url."""
    port = free_port()
    env = {**env, "PORTAL_BIND": f"127.0.0.1:{port}"}
    with open(log_path, "ab") as log:
        server = subprocess.Popen(
            [GUNICORN, "-c", "portal/gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server.base = f"http://127.0.0.1:{port}"
    server.url = server.base + "/"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, Path(log_path).read_text()[-3000:]
            try:
                if _answers(server.base + ready_path):
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "gunicorn did not answer in 60 s"
            time.sleep(0.2)
        yield server
    finally:
        stop(server)


def stop(process):
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)
