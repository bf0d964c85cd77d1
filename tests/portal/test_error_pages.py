import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

from portal.models import SiteProfile


@pytest.mark.django_db
def test_an_unknown_address_gets_the_vietnamese_404_in_the_layout(client):
    SiteProfile.objects.create(portal_name="Cổng thông tin điện tử phường Mỹ An Tây")
    response = client.get("/khong-co-trang-nay/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang" in html
    assert "Cổng thông tin điện tử phường Mỹ An Tây" in html  # header from the profile
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    assert "Tìm kiếm tin tức" in html  # the sidebar's search form
    assert '<html lang="vi">' in html


@pytest.fixture
def database_down(monkeypatch):
    """Every attempt to reach the database fails, as when the server is down."""
    from django.db import connections

    def refuse(self):
        raise OperationalError("could not connect to server: Connection refused")

    for conn in connections.all():
        conn.close()
    monkeypatch.setattr(BaseDatabaseWrapper, "ensure_connection", refuse)


def test_the_500_page_renders_with_the_database_unreachable(database_down):
    client = Client(raise_request_exception=False)
    response = client.get("/")  # the home page needs the database: it fails
    html = response.content.decode()
    assert response.status_code == 500
    assert "Hệ thống đang gặp sự cố" in html
    assert '<html lang="vi">' in html
    assert 'class="site-header"' in html  # in the portal's look
    assert "/static/css/site.css" in html


def test_the_500_page_runs_no_context_processor(database_down, settings):
    # A context processor that needs the database would fail inside the 500
    # handler and turn the error page itself into a bare server error.
    settings.TEMPLATES[0]["OPTIONS"]["context_processors"].append(
        "tests.portal.test_error_pages.explode"
    )
    client = Client(raise_request_exception=False)
    response = client.get("/trang/gioi-thieu/")
    assert response.status_code == 500
    assert "Hệ thống đang gặp sự cố" in response.content.decode()


def explode(request):
    raise AssertionError("the 500 page must not run context processors")
