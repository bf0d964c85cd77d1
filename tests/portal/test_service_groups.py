import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_smoke_test(**env):
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        + ["tests/browser/test_smoke.py"],
        cwd=ROOT,
        env=os.environ | {"PORTAL_CHROMIUM": "/nonexistent/chromium"} | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_missing_browser_skips_its_group_and_says_why():
    result = run_smoke_test(PORTAL_TEST_REQUIRE="")
    assert result.returncode == 0, result.stdout
    assert "Skipped group 'browser'" in result.stdout
    assert "Chromium not found at /nonexistent/chromium" in result.stdout


def test_a_required_group_that_cannot_run_fails_the_run():
    result = run_smoke_test(PORTAL_TEST_REQUIRE="browser")
    assert result.returncode != 0
    assert "PORTAL_TEST_REQUIRE asks for 'browser'" in result.stdout + result.stderr
