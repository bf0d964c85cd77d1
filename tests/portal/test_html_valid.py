"""The main pages are valid HTML for the Nu HTML Checker (vnu-jar from
node_modules, installed by `make test`; run with the machine's Java)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from news.models import Article
from tests.conftest import VNU

pytestmark = pytest.mark.checkers


def vnu_command():
    return [shutil.which("java"), "-jar", str(VNU), "--format", "json", "--stdout"]


@pytest.mark.django_db
def test_the_main_pages_are_valid_html(tmp_path):
    call_command("load_demo")
    article = Article.objects.published().exclude(image="").first()
    day = timezone.localdate(article.published_at)
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
        "site-map": "/so-do-cong/",
        "expired-notice": expired_notice(),
        **document_pages(),
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


def expired_notice():
    """A demo notice whose end of display has passed: its page has the line."""
    notice = Article.objects.published().filter(category__slug="thong-bao").first()
    Article.objects.filter(pk=notice.pk).update(
        display_until=notice.published_at + timezone.timedelta(minutes=1)
    )
    return notice.get_absolute_url()


def document_pages():
    """The register's pages, from the demo: the list, filtered and searched,
    a document that replaces another, and the one it replaced."""
    from documents.models import Document

    old = Document.objects.get(number_symbol="05/KH-UBND")
    return {
        "documents": "/van-ban/",
        "documents-filtered": "/van-ban/?loai=ke-hoach&hieu_luc=con-hieu-luc&q=t%E1%BA%BFt",
        "documents-bad-filter": "/van-ban/?loai=khong-co&nam=abc",
        "document": old.replaced_by.get_absolute_url(),
        "document-replaced": old.get_absolute_url(),
    }


def _server_error_page():
    from portal.views import server_error

    return server_error(None).content
