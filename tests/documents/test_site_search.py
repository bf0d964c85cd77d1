"""/tim-kiem/ finds documents as well as articles, and says which is which."""

import pytest

from tests.documents.factories import attach_pdf, make_document
from tests.news.factories import make_article

pytestmark = pytest.mark.django_db


def test_site_search_lists_documents_apart_from_articles(client):
    make_article(title="Phường ra quân nạo vét kênh")
    doc = make_document("14/KH-UBND", summary="Kế hoạch nạo vét kênh thoát nước")
    attach_pdf(doc, "Đội xung kích nạo vét kênh.")
    make_document("15/KH-UBND", summary="Về việc khác", status="draft")
    page = client.get("/tim-kiem/", {"q": "nạo vét kênh"}).content.decode()
    assert "Văn bản phù hợp (1)" in page and "14/KH-UBND" in page
    assert "Tin bài phù hợp" in page and "Phường ra quân" in page
    assert "15/KH-UBND" not in page


def test_more_documents_than_shown_link_to_the_register(client):
    for n in range(7):
        make_document(f"{n + 1}/TB-UBND", summary="Thông báo lịch cắt điện")
    page = client.get("/tim-kiem/", {"q": "lich cat dien"}).content.decode()
    assert "Văn bản phù hợp (7)" in page
    assert 'href="/van-ban/?q=lich%20cat%20dien"' in page
    assert page.count('class="document-item"') == 5


def test_no_document_section_without_a_document_hit(client):
    make_article(title="Phường ra quân nạo vét kênh")
    page = client.get("/tim-kiem/", {"q": "nạo vét"}).content.decode()
    assert "Văn bản phù hợp" not in page and "Tin bài phù hợp" not in page


def test_documents_add_at_most_two_queries_to_the_results(client, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.startswith("stats.")]
    make_article(title="Phường ra quân nạo vét kênh")

    def queries(**params):
        client.get("/tim-kiem/", params)  # warms the layout's caches
        with CaptureQueriesContext(connection) as captured:
            client.get("/tim-kiem/", params)
        return len(captured)

    # The documents' count is one query on the first page of any search…
    no_hit = queries(q="nạo vét")
    make_document("14/KH-UBND", summary="Kế hoạch nạo vét kênh")
    # …and when something matched, one more for the newest few.
    assert queries(q="nạo vét") == no_hit + 1
