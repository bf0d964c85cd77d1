"""`make run` serves as production does, over plain http on its address."""

import os
import re
import stat
import subprocess
import time

from tests.resilience.servers import ROOT, fetch, free_port, stop


def test_make_run_serves_with_debug_off_and_says_where(tmp_path):
    port = free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "PORTAL_", "STATS_", "DATABASE_URL"))
        and k not in ("REDIS_URL", "MAKEFLAGS", "MFLAGS", "MAKELEVEL")
    }
    env.update(PORTAL_DATA_DIR=str(tmp_path), PORTAL_BIND=f"127.0.0.1:{port}")
    log = tmp_path / "make-run.log"
    with open(log, "wb") as out:
        server = subprocess.Popen(
            ["make", "-s", "run"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 150
        while True:
            assert server.poll() is None, log.read_text()[-3000:]
            try:
                if fetch(base, "/", timeout=5)[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.5)
        missing = fetch(base, "/khong-co-trang-nay/")
        home = fetch(base, "/")[2].decode()
        css = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', home)
        login = fetch(base, "/quan-tri/login/")
        css_status = fetch(base, css.group(1))[0] if css else None
    finally:
        stop(server)
    output = log.read_text()
    assert f"Serving the portal at http://127.0.0.1:{port}/" in output
    assert missing[0] == 404
    page = missing[2].decode()
    assert "Không tìm thấy trang" in page and "URLconf" not in page
    assert css, "static files come from the manifest (collectstatic)"
    assert css_status == 200
    assert login[0] == 200  # no redirect to https
    cookie = login[3].getheader("Set-Cookie")
    assert "csrftoken" in cookie and "Secure" not in cookie
    for name in ("secret_key.txt", "portal.sqlite3"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name
