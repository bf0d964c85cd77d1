"""Throughput of the home and article pages against a bare-Django floor.

One run: a demo site in a temporary folder (SQLite) served by four gunicorn
servers with the portal's config (4 workers): the floor ("ok" from a bare
Django project), the portal with its page cache, the portal without it (a
page-cache miss: the lists and the article come from their kept fragments,
the frame and the visitor figures are rendered), and the portal with neither
(a "cold" miss, as right after a change).
wrk (Debian's `wrk`, -t2 -c16) loads them in interleaved rounds, so drift on a
shared machine hits all alike; the figures are the medians of per-round
ratios. Also prints bytes on the wire with and without gzip.

Goals (issue 16): cached home and article ≥ 0.25 × the floor; uncached home
≥ 3 × and uncached article ≥ 1.2 × the figures before (60 and 176 req/s on
this machine, measured the same way).
BENCH_SECONDS (default 3) sets each slice, BENCH_ROUNDS (default 5) the rounds.
"""

import gzip
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import urllib.request
from pathlib import Path

from bench.stats import demo_site, get, start_server, stop_server

BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36 bench"


def wrk(port, path, seconds):
    out = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{seconds}s", "-H", f"User-Agent: {BROWSER_UA}"]
        + ["-H", "Accept-Encoding: gzip", f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(re.search(r"Requests/sec:\s+([0-9.]+)", out).group(1))


def wire_bytes(port, path, encoding):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        headers={"Accept-Encoding": encoding, "User-Agent": BROWSER_UA},
    )
    with urllib.request.urlopen(request) as response:
        body = response.read()
        zipped = response.headers.get("Content-Encoding") == "gzip"
    return len(body), len(gzip.decompress(body)) if zipped else len(body)


def main():
    if not shutil.which("wrk"):
        print("   needs wrk (Debian package `wrk`): apt-get install wrk")
        return
    seconds = int(os.environ.get("BENCH_SECONDS", "3"))
    rounds = int(os.environ.get("BENCH_ROUNDS", "5"))
    with tempfile.TemporaryDirectory(prefix="bench-speed-") as folder:
        env = demo_site(folder)
        with open(Path(folder) / "gunicorn.log", "wb") as log:
            floor_env = {**env, "DJANGO_SETTINGS_MODULE": "bench.floor.settings"}
            servers = {
                "floor": start_server(floor_env, log, probe="/ok"),
                "cached": start_server(env, log),
                "uncached": start_server(
                    {**env, "PORTAL_PAGE_CACHE_SECONDS": "0"}, log
                ),
                "cold": start_server(
                    {
                        **env,
                        "PORTAL_PAGE_CACHE_SECONDS": "0",
                        "PORTAL_FRAGMENT_CACHE_SECONDS": "0",
                    },
                    log,
                ),
            }
            try:
                port = servers["cached"][1]
                home = get(port, "/", "curl/8")[1]
                article = re.search(r'href="(/tin-tuc/[^"/]+/)"', home).group(1)
                cases = [
                    ("floor ok", "floor", "/ok"),
                    ("home cached", "cached", "/"),
                    ("home uncached", "uncached", "/"),
                    ("home cold", "cold", "/"),
                    ("article cached", "cached", article),
                    ("article uncached", "uncached", article),
                    ("article cold", "cold", article),
                ]
                rates = {name: [] for name, _, _ in cases}
                for n in range(rounds):
                    for name, server, path in cases[n:] + cases[:n]:
                        rates[name].append(wrk(servers[server][1], path, seconds))
                sizes = {
                    page: (wire_bytes(port, path, "gzip"), wire_bytes(port, path, ""))
                    for page, path in (("home", "/"), ("article", article))
                }
            finally:
                for server, _ in servers.values():
                    stop_server(server)
    print(f"   {rounds} rounds of {seconds} s slices, wrk -t2 -c16, 4 workers")
    for name, found in rates.items():
        ratio = statistics.median(
            [a / b for a, b in zip(found, rates["floor ok"], strict=True)]
        )
        print(
            f"   {name:<17} {statistics.median(found):8.1f} req/s   "
            f"{ratio:5.3f} × floor   (rounds: {', '.join(f'{r:.0f}' for r in found)})"
        )
    for page, ((zipped, plain), (identity, _)) in sizes.items():
        print(
            f"   {page:<8} on the wire: {zipped / 1024:.1f} KB gzip, "
            f"{identity / 1024:.1f} KB plain ({plain / 1024:.1f} KB of HTML)"
        )
