"""Throughput of the article page with the visitor statistics on and off.

One run: a demo site in a temporary folder (SQLite), two gunicorn servers on
free loopback ports, identical except STATS_ENABLED, loaded in turn by a
bounded Python loop with keep-alive connections:

    off        statistics middleware off
    returning  on; a pool of visitors already counted (the common case)
    new        on; every request from a visitor never seen (a write each)

Rounds alternate the three so that drift on a shared machine hits all alike.
Prints the median requests per second and the median of each round's ratio
to "off". Target: returning ≥ 0.9.
BENCH_SECONDS (default 1) sets the length of each slice; with many short
slices in turn, load from other processes hits the three alike.
"""

import http.client
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
CLIENTS = 8
ROUNDS = 15
BROWSER_UA = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/131.0 Safari/537.36 bench-{}"
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def get(port, path, ua):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers={"User-Agent": ua})
        response = conn.getresponse()
        return response.status, response.read().decode()
    finally:
        conn.close()


def demo_site(folder):
    """A production-mode environment for a demo site of its own in folder
    (SQLite), made ready: migrated, demo loaded, static files collected."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(
            ("DJANGO_", "PORTAL_", "STATS_", "DATABASE_URL", "REDIS_URL")
        )
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings",
        DJANGO_DEBUG="False",
        DJANGO_SECRET_KEY="bench-" + "k" * 50,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="False",
        PORTAL_DATA_DIR=folder,
        DATABASE_URL=f"sqlite:///{folder}/portal.sqlite3",
        WEB_CONCURRENCY=os.environ.get("WEB_CONCURRENCY", "4"),
    )
    print("   preparing a demo site (migrate, load_demo, collectstatic)…")
    run(env, "migrate", "--noinput", "-v0")
    run(env, "load_demo")
    run(env, "collectstatic", "--noinput", "-v0")
    return env


def start_server(env, log, probe="/"):
    port = free_port()
    server = subprocess.Popen(
        [GUNICORN, "-c", "portal/gunicorn.conf.py"],
        cwd=ROOT,
        env={**env, "PORTAL_BIND": f"127.0.0.1:{port}"},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn stopped; see its log")
        try:
            if get(port, probe, "curl/8")[0] == 200:
                return server, port
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer in 60 s")


def stop_server(server):
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)


def load(port, path, user_agents, seconds):
    """CLIENTS threads, keep-alive, for `seconds`: successful requests per second."""
    done = [0] * CLIENTS
    failed = [0] * CLIENTS
    stop = time.monotonic() + seconds

    def client(i):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        n = i
        while time.monotonic() < stop:
            conn.request("GET", path, headers={"User-Agent": user_agents(n)})
            response = conn.getresponse()
            response.read()
            if response.status == 200:
                done[i] += 1
            else:
                failed[i] += 1
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            n += CLIENTS
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if sum(failed):
        print(f"   ({sum(failed)} requests failed)")
    return sum(done) / (time.monotonic() - started)


# The middleware's own cost, timed inside one process on the same database:
# steadier than throughput on a busy machine.
COST = """
import time
from django.http import HttpResponse
from django.test import RequestFactory
from stats.middleware import VisitMiddleware

middleware = VisitMiddleware(lambda r: HttpResponse("<p>tin</p>"))
ua = "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36 cost-{}"
def cost(agents, n=2000):
    start = time.perf_counter()
    for i in range(n):
        middleware(RequestFactory().get("/tin-tuc/x/", HTTP_USER_AGENT=agents(i)))
    return (time.perf_counter() - start) / n * 1e6
base = cost(lambda i: "curl/8")  # not countable: the request factory alone
middleware(RequestFactory().get("/", HTTP_USER_AGENT=ua.format("r")))
print(f"{cost(lambda i: ua.format('r')) - base:.0f} {cost(lambda i: ua.format(i)) - base:.0f}")
"""


def main():
    seconds = float(os.environ.get("BENCH_SECONDS", "1"))
    with tempfile.TemporaryDirectory(prefix="bench-stats-") as folder:
        env = demo_site(folder)
        with open(Path(folder) / "gunicorn.log", "wb") as log:
            off, off_port = start_server({**env, "STATS_ENABLED": "False"}, log)
            on, on_port = start_server(env, log)
            try:
                home = get(on_port, "/", "curl/8")[1]
                path = re.search(r'href="(/tin-tuc/[^"/]+/)"', home).group(1)
                returning = lambda n: BROWSER_UA.format(f"r{n % 50}")  # noqa: E731
                for n in range(50):  # count them once: from now on they return
                    get(on_port, path, returning(n))
                counter = iter(range(10**9))
                fresh = lambda n: BROWSER_UA.format(f"n{next(counter)}")  # noqa: E731
                print(
                    f"   {path} · {env['WEB_CONCURRENCY']} workers · {CLIENTS} "
                    f"clients · {ROUNDS} rounds of {seconds:g} s slices"
                )
                phases = [
                    ("off", off_port, returning),
                    ("returning", on_port, returning),
                    ("new", on_port, fresh),
                ]
                rates = {name: [] for name, _, _ in phases}
                for round_ in range(ROUNDS):
                    # A different order each round, against drift.
                    for name, port, agents in phases[round_:] + phases[:round_]:
                        rates[name].append(load(port, path, agents, seconds))
            finally:
                stop_server(off)
                stop_server(on)
        median = {name: statistics.median(r) for name, r in rates.items()}
        ratios = {
            name: statistics.median(
                [a / b for a, b in zip(r, rates["off"], strict=True)]
            )
            for name, r in rates.items()
        }
        for name, rate in median.items():
            print(f"   {name:<10} {rate:8.1f} req/s   {ratios[name]:5.2f} × off")
        verdict = "meets" if ratios["returning"] >= 0.9 else "MISSES"
        print(f"   returning visitors {verdict} the 0.9 target")
        done = subprocess.run(
            [PYTHON, "manage.py", "shell", "-c", COST],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        returning_us, new_us = done.stdout.split()[-2:]
        print(
            f"   middleware cost per page view: returning {returning_us} µs, "
            f"new {new_us} µs (SQLite, in process)"
        )
