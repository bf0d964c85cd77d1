"""Real servers for the resilience tests: gunicorn in production mode, stores
that refuse or never answer, timed requests."""

import http.client
import os
import select
import signal
import socket
import subprocess
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from tests.stats.conftest import BROWSER_UA
from tests.stats.servers import GUNICORN, PYTHON, ROOT, free_port

SECRET = "khoa-thu-nghiem-suc-chiu-dung-" + "y" * 30


def production_env(data_dir, database_url, **extra):
    """A fresh production deployment's environment, whatever the test run's."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(
            ("DJANGO_", "PORTAL_", "STATS_", "DATABASE_URL", "REDIS_URL", "AXES_")
        )
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings",
        DJANGO_DEBUG="False",
        DJANGO_SECRET_KEY=SECRET,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="False",
        PORTAL_SITE_URL="http://127.0.0.1:8000",
        DATABASE_URL=database_url,
        PORTAL_DATA_DIR=str(data_dir),
        WEB_CONCURRENCY="2",
        PORTAL_THREADS="8",
    )
    env.update(extra)
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


def fetch(base, path, method="GET", body=None, headers=None, timeout=10):
    """(status, seconds, body, response) of one request on a fresh
    connection, as a reader's browser (so the visit counter sees it)."""
    host, port = base.split("//")[1].rstrip("/").split(":")
    started = time.monotonic()
    conn = http.client.HTTPConnection(host, int(port), timeout=timeout)
    try:
        conn.request(
            method,
            path,
            body=body,
            headers={"User-Agent": BROWSER_UA, **(headers or {})},
        )
        response = conn.getresponse()
        data = response.read()
        return response.status, time.monotonic() - started, data, response
    finally:
        conn.close()


@contextmanager
def gunicorn(env, log_path, ready_path="/robots.txt"):
    """A gunicorn on a free loopback port, killed with its workers at the end."""
    port = free_port()
    env = {**env, "PORTAL_BIND": f"127.0.0.1:{port}"}
    base = f"http://127.0.0.1:{port}"
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
                if fetch(base, ready_path, timeout=5)[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "gunicorn did not answer in 60 s"
            time.sleep(0.2)
        server.base = base
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


@contextmanager
def silent_server():
    """A port that accepts connections and never answers: a hung Redis or
    PostgreSQL. Yields the port."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(128)
    held = []
    stopping = threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stopping.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stopping.set()
        thread.join(5)
        for sock in held:
            sock.close()
        listener.close()


def stream(base, path, chunked, total=200 * 1024 * 1024, chunk=64 * 1024):
    """POST a `total`-byte body in chunks, stopping as soon as the server
    answers. Returns (status line, bytes sent)."""
    host, port = base.split("//")[1].split(":")
    sock = socket.create_connection((host, int(port)), timeout=10)
    head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=xyz\r\n"
    head += "Cookie: csrftoken=" + "a" * 32 + "\r\n"
    head += (
        "Transfer-Encoding: chunked\r\n\r\n"
        if chunked
        else f"Content-Length: {total}\r\n\r\n"
    )
    sent = 0
    with sock:
        sock.sendall(head.encode())
        piece = b"x" * chunk
        if chunked:
            piece = f"{chunk:x}\r\n".encode() + piece + b"\r\n"
        while sent < total:
            if select.select([sock], [], [], 0)[0]:
                break
            try:
                sock.sendall(piece)
            except OSError:
                break
            sent += chunk
        deadline = time.monotonic() + 10
        answer = b""
        while b"\r\n" not in answer and time.monotonic() < deadline:
            try:
                data = sock.recv(4096)
            except OSError:
                break
            if not data:
                break
            answer += data
    return answer.split(b"\r\n")[0].decode(), sent
