"""The main pages are valid HTML for the Nu HTML Checker (vnu-jar from
node_modules, installed by `make test`; run with the machine's Java)."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from news.models import Article

VNU = Path(__file__).resolve().parents[2] / "node_modules/vnu-jar/build/dist/vnu.jar"


def vnu_command():
    java = shutil.which("java")
    missing = None if java else "java is not installed"
    if not VNU.exists():
        missing = f"{VNU} is missing: run `npm ci` (make test does)"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(missing)
        pytest.skip(missing)
    return [java, "-jar", str(VNU), "--format", "json", "--stdout"]


@pytest.mark.django_db
def test_the_main_pages_are_valid_html(tmp_path):
    call_command("load_demo")
    article = Article.objects.published().exclude(image="").first()
    day = article.published_at.astimezone().date()
    pages = {
        "home": "/",
        "home-page-2": "/?page=2",
        "category": article.category.get_absolute_url(),
        "article": article.get_absolute_url(),
        "day": f"/ngay/{day:%Y/%m/%d}/",
        "month": f"/ngay/{day:%Y/%m}/",
        "search": "/tim-kiem/?q=ph%C6%B0%E1%BB%9Dng",
        "search-empty": "/tim-kiem/?q=",
        "about": "/trang/gioi-thieu/",
        "contact": "/trang/lien-he/",
        "privacy": "/trang/quyen-rieng-tu/",
        "not-found": "/khong-co-trang-nay/",
    }
    client = Client(raise_request_exception=False)
    files = []
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(str(path))
    (tmp_path / "server-error.html").write_bytes(_server_error_page())
    files.append(str(tmp_path / "server-error.html"))

    result = subprocess.run(
        vnu_command() + files, capture_output=True, text=True, timeout=180
    )
    messages = json.loads(result.stdout or "{}").get("messages", [])
    errors = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    assert not errors, "\n".join(errors)
    assert result.returncode == 0, result.stderr


def _server_error_page():
    from portal.views import server_error

    return server_error(None).content
