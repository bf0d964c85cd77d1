"""Shared test set-up.

Tests that need a real service carry a marker (browser, postgres, redis).
When the service is missing they are skipped with a reason, and the summary
lists the skipped groups; a group named in PORTAL_TEST_REQUIRE (comma
separated, set by CI) fails the run instead.
"""

import os
import shutil
import socket
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
# Residents read in Vietnamese, in Vietnam: the browser says so too.
TIME_ZONE = "Asia/Ho_Chi_Minh"
REDIS_URL = os.environ.get("PORTAL_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
NODE_MODULES = Path(__file__).resolve().parent.parent / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
GROUPS = ("browser", "postgres", "redis", "checkers", "nginx")
NGINX = "/usr/sbin/nginx"

_skipped_groups = {}


def _redis_reachable():
    from urllib.parse import urlparse

    url = urlparse(REDIS_URL)
    try:
        with socket.create_connection((url.hostname, url.port or 6379), timeout=1):
            return True
    except OSError:
        return False


def _missing(group):
    """Why a group cannot run here, or None when it can."""
    if group == "browser":
        if not os.path.exists(CHROMIUM):
            return f"Chromium not found at {CHROMIUM}"
        try:
            import playwright  # noqa: F401
        except ImportError:
            return "playwright is not installed"
    if group == "postgres":
        engine = settings.DATABASES["default"]["ENGINE"]
        if not engine.endswith("postgresql"):
            return "the test database is SQLite (set DATABASE_URL to a PostgreSQL URL)"
    if group == "checkers":
        for tool in (AXE, VNU):
            if not tool.exists():
                return f"{tool} is missing (make test runs npm ci; needs npm)"
        if not shutil.which("java"):
            return "java is not installed (the Nu HTML Checker needs it)"
    if group == "nginx" and not os.path.exists(NGINX):
        return f"nginx not found at {NGINX} (Debian package nginx)"
    if group == "redis" and not _redis_reachable():
        return f"no Redis server at {REDIS_URL}"
    return None


def pytest_collection_modifyitems(config, items):
    required = {
        g.strip() for g in os.environ.get("PORTAL_TEST_REQUIRE", "").split(",") if g
    }
    unknown = required - set(GROUPS)
    if unknown:
        raise pytest.UsageError(f"PORTAL_TEST_REQUIRE names unknown groups: {unknown}")
    for group in GROUPS:
        marked = [item for item in items if group in item.keywords]
        reason = _missing(group)
        if reason and group in required:
            raise pytest.UsageError(
                f"PORTAL_TEST_REQUIRE asks for {group!r}, but {reason}."
            )
        if reason and marked:
            _skipped_groups[group] = (reason, len(marked))
            for item in marked:
                item.add_marker(pytest.mark.skip(reason=f"{group}: {reason}"))


def pytest_terminal_summary(terminalreporter):
    if not _skipped_groups:
        terminalreporter.write_line(
            f"No service group was skipped ({', '.join(GROUPS)})."
        )
        return
    for group, (reason, count) in _skipped_groups.items():
        terminalreporter.write_line(
            f"Skipped group {group!r} ({count} tests): {reason}.", yellow=True
        )


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    """Each test gets an empty cache and its own media and files folders."""
    settings.MEDIA_ROOT = tmp_path / "media"
    # Absolute URLs come from the configured address; Django's test client
    # says Host: testserver, so the tests configure that address.
    settings.PORTAL_SITE_URL = "http://testserver"
    settings.PORTAL_FILES_ROOT = tmp_path / "files"
    for cache in caches.all(initialized_only=True):
        cache.clear()
    yield
    for cache in caches.all(initialized_only=True):
        cache.clear()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser page; fails the test on any console error."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="vi-VN", timezone_id=TIME_ZONE
    )
    page = context.new_page()
    errors = []
    page.on(
        "console",
        lambda msg: errors.append(msg.text) if msg.type == "error" else None,
    )
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.console_errors = errors
    yield page
    context.close()
    assert not errors, f"console errors: {errors}"


@pytest.fixture
def screenshot(page):
    """screenshot("name") saves the page under artifacts/screenshots/."""
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)

    def take(name, full_page=True):
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take


@pytest.fixture
def redis_url():
    return REDIS_URL
