"""Real servers for the resilience tests: gunicorn in production mode, stores
that refuse or never answer, timed requests."""

import http.client
import select
import socket
import threading
import time
from contextlib import contextmanager

from tests.servers import ROOT, clean_env, free_port, gunicorn, manage, stop
from tests.stats.conftest import BROWSER_UA

__all__ = ["ROOT", "fetch", "free_port", "gunicorn", "manage", "silent_server", "stop"]

SECRET = "khoa-thu-nghiem-suc-chiu-dung-" + "y" * 30


def production_env(data_dir, database_url, **extra):
    """A fresh production deployment's environment, whatever the test run's."""
    settings = {
        "DJANGO_DEBUG": "False",
        "DJANGO_SECRET_KEY": SECRET,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "False",
        "PORTAL_SITE_URL": "http://127.0.0.1:8000",
        "DATABASE_URL": database_url,
        "PORTAL_DATA_DIR": str(data_dir),
        "WEB_CONCURRENCY": "2",
        "PORTAL_THREADS": "8",
    }
    return clean_env(**{**settings, **extra})


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
