import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def start(env, tmp_path):
    """Run `manage.py check` with a clean environment plus `env`."""
    base = {"PATH": os.environ["PATH"], "PORTAL_DATA_DIR": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=base | env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def last_line(result):
    """The one line a bad setting prints: no traceback."""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_it_refuses_production_without_a_secret_key(tmp_path):
    result = start({"DJANGO_DEBUG": "False"}, tmp_path)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in last_line(result)


def test_it_refuses_a_malformed_database_url(tmp_path):
    result = start({"DATABASE_URL": "mysql//nope"}, tmp_path)
    assert result.returncode != 0
    assert "DATABASE_URL" in last_line(result)


def test_it_refuses_a_database_it_does_not_support(tmp_path):
    result = start({"DATABASE_URL": "mysql://u@h/db"}, tmp_path)
    assert result.returncode != 0
    assert "DATABASE_URL" in last_line(result)


def start_gunicorn(env, tmp_path):
    return subprocess.run(
        [sys.executable, "-m", "portal.serve", "--bind", "127.0.0.1:0"],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], "PORTAL_DATA_DIR": str(tmp_path)} | env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"DJANGO_DEBUG": "False"}, "DJANGO_SECRET_KEY"),
        ({"WEB_CONCURRENCY": "four"}, "WEB_CONCURRENCY"),
        ({"WEB_CONCURRENCY": "0"}, "WEB_CONCURRENCY"),
        ({"PORTAL_THREADS": "2.5"}, "PORTAL_THREADS"),
    ],
)
def test_gunicorn_stops_with_one_line_naming_a_bad_setting(tmp_path, env, named):
    result = start_gunicorn(env, tmp_path)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert named in last_line(result)
    assert last_line(result).startswith("Configuration error:")


@pytest.mark.parametrize("value", ["maybe", "2"])
def test_it_refuses_a_debug_flag_that_is_not_a_boolean(tmp_path, value):
    result = start({"DJANGO_DEBUG": value}, tmp_path)
    assert result.returncode != 0
    assert "DJANGO_DEBUG" in last_line(result)


def test_it_refuses_a_redis_url_without_a_scheme(tmp_path):
    result = start({"REDIS_URL": "127.0.0.1:6379"}, tmp_path)
    assert "REDIS_URL" in last_line(result)


def test_development_keeps_one_generated_secret_key(tmp_path):
    assert start({}, tmp_path).returncode == 0
    key = (tmp_path / "secret_key.txt").read_text()
    assert start({}, tmp_path).returncode == 0
    assert (tmp_path / "secret_key.txt").read_text() == key
    assert len(key) >= 50


def test_check_reports_no_warning(tmp_path):
    result = start({}, tmp_path)
    assert result.returncode == 0
    assert "System check identified no issues" in result.stdout


def test_production_settings_pass_the_deploy_check(tmp_path):
    env = {
        "DJANGO_DEBUG": "False",
        "DJANGO_SECRET_KEY": "x" * 20 + "-a-long-random-production-key-0123456789",
        "DJANGO_ALLOWED_HOSTS": "phuong.example.vn",
    }
    base = {"PATH": os.environ["PATH"], "PORTAL_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=base | env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_it_is_set_for_vietnam(settings):
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.USE_TZ is True
