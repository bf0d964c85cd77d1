"""The shipped nginx site (deploy/nginx-portal.conf) in front of a real
gunicorn: slow clients, oversized bodies, static and media files."""

import os
import socket
import statistics
import subprocess
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.resilience.servers import ROOT, fetch, free_port, gunicorn, stop, stream

pytestmark = pytest.mark.nginx

NGINX = "/usr/sbin/nginx"
TEMPLATE = ROOT / "deploy" / "nginx-portal.conf"
# How long the slow clients hold on (bounded; the figure is 60 s).
SLOW_SECONDS = int(os.environ.get("PORTAL_TEST_SLOW_SECONDS", "20"))
SLOW_CLIENTS = 50

WRAPPER = """
{user}
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {tmp}/access.log;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/site.conf;
}}
"""


@contextmanager
def nginx(tmp, upstream, static_root, media_root):
    """The shipped site file, ports and paths filled in, in its own nginx."""
    port = free_port()
    site = TEMPLATE.read_text()
    for name, value in {
        "@LISTEN@": f"127.0.0.1:{port}",
        "@UPSTREAM@": upstream,
        "@SERVER_NAME@": "127.0.0.1",
        "@STATIC_ROOT@": str(static_root),
        "@MEDIA_ROOT@": str(media_root),
        "@ADMIN_BODY_MB@": "12",
    }.items():
        site = site.replace(name, value)
    assert "@" not in "".join(line.split("#")[0] for line in site.splitlines()), (
        "a placeholder was left"
    )
    (tmp / "site.conf").write_text(site)
    # As root, nginx's workers would run as nobody, who cannot read pytest's
    # private temp dirs: keep them as root (ignored for another user).
    user = "user root;" if os.geteuid() == 0 else ""
    (tmp / "nginx.conf").write_text(WRAPPER.format(tmp=tmp, user=user))
    args = [NGINX, "-p", str(tmp), "-c", str(tmp / "nginx.conf")]
    checked = subprocess.run([*args, "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    server = subprocess.Popen(
        [*args, "-g", "daemon off;"], stderr=subprocess.PIPE, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, server.stderr.read()
                assert time.monotonic() < deadline, "nginx did not start"
                time.sleep(0.1)
        yield base
    finally:
        stop(server)


@pytest.fixture(scope="module")
def front(deployment, tmp_path_factory):
    """gunicorn on a loopback port and nginx in front of it, as deployed."""
    tmp = tmp_path_factory.mktemp("front")
    media = deployment.data / "media"
    media.mkdir(exist_ok=True)
    (media / "thu-nghiem.txt").write_text("Tệp thử nghiệm")
    env = {
        **deployment.env,
        "PORTAL_SERVE_MEDIA": "False",
        "STATS_TRUSTED_PROXIES": "1",
        "PORTAL_ACCESS_LOG": str(tmp / "gunicorn-access.log"),
    }
    with gunicorn(env, tmp / "gunicorn.log") as app:
        upstream = app.base.split("//")[1]
        with nginx(tmp, upstream, deployment.data / "static", media) as base:
            yield base, tmp


def slow_client(port, body, until, opened):
    """One slow client until `until`: a request header line (or a body
    byte) every 5 s; a new connection when nginx drops it."""
    while time.monotonic() < until:
        try:
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        except OSError:
            time.sleep(1)
            continue
        opened.append(1)
        with sock:
            try:
                if body:
                    sock.sendall(
                        b"POST /tim-kiem/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        b"Content-Type: text/plain\r\nContent-Length: 100000\r\n\r\n"
                    )
                else:
                    sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                while time.monotonic() < until:
                    sock.sendall(b"x" if body else b"X-Cham: 1\r\n")
                    time.sleep(min(5, max(0, until - time.monotonic())))
            except OSError:
                pass


def test_slow_clients_do_not_keep_readers_waiting(front, deployment):
    base, _ = front
    port = int(base.rsplit(":", 1)[1])
    until = time.monotonic() + SLOW_SECONDS
    opened = []
    clients = [
        threading.Thread(target=slow_client, args=(port, n % 2, until, opened))
        for n in range(SLOW_CLIENTS)
    ]
    for client in clients:
        client.start()
    time.sleep(1)
    probes = []
    paths = [deployment.pages["home"], deployment.pages["article"]]
    while time.monotonic() < until - 1:
        started = time.monotonic()
        try:
            status, seconds, _, _ = fetch(base, paths[len(probes) % 2], timeout=10)
        except OSError as error:
            status, seconds = repr(error), time.monotonic() - started
        probes.append((status, seconds))
        time.sleep(max(0, 1 - (time.monotonic() - started)))
    for client in clients:
        client.join(10)
    times = sorted(seconds for _, seconds in probes)
    p95 = times[int(0.95 * (len(times) - 1))]
    print(
        f"\n{SLOW_CLIENTS} slow clients for {SLOW_SECONDS} s ({len(opened)} "
        f"connections): {len(probes)} probes, statuses "
        f"{sorted({s for s, _ in probes}, key=str)}, median "
        f"{statistics.median(times):.3f} s, p95 {p95:.3f} s, max {times[-1]:.3f} s"
    )
    assert len(probes) >= SLOW_SECONDS // 2
    assert all(status == 200 for status, _ in probes), probes
    assert p95 < 1


@pytest.mark.parametrize("chunked", [False, True], ids=["length", "chunked"])
def test_a_200_mb_anonymous_post_is_refused_by_nginx(front, chunked):
    base, tmp = front
    status, sent = stream(base, "/tim-kiem/", chunked)
    print(
        f"\n200 MB POST through nginx ({'chunked' if chunked else 'length'}): "
        f"{status!r} after {sent / 1024 / 1024:.1f} MB sent"
    )
    assert " 413 " in status
    assert sent < 20 * 1024 * 1024
    access = Path(tmp / "gunicorn-access.log")
    assert "POST /tim-kiem/" not in (access.read_text() if access.exists() else "")


def test_nginx_serves_static_and_media_files_itself(deployment, tmp_path):
    # No gunicorn at all behind it: pages fail, files are still served.
    media = deployment.data / "media"
    media.mkdir(exist_ok=True)
    (media / "thu-nghiem.txt").write_text("Tệp thử nghiệm")
    upstream = f"127.0.0.1:{free_port()}"
    with nginx(tmp_path, upstream, deployment.data / "static", media) as base:
        static = fetch(base, "/static/css/site.css")
        media_file = fetch(base, "/media/thu-nghiem.txt")
        page = fetch(base, "/")
    assert static[0] == 200 and b"body" in static[2]
    assert "max-age=2592000" in static[3].getheader("Cache-Control")
    assert media_file[0] == 200 and media_file[2].decode() == "Tệp thử nghiệm"
    assert media_file[3].getheader("X-Content-Type-Options") == "nosniff"
    assert "max-age=2592000" in media_file[3].getheader("Cache-Control")
    assert page[0] == 502
