"""Absolute URLs come from PORTAL_SITE_URL, never from the request's Host."""

import pytest

from tests.news.factories import make_article

pytestmark = pytest.mark.django_db

SITE = "https://phuong.example.vn"


@pytest.fixture
def site(settings):
    settings.PORTAL_SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["localhost"]


def test_no_absolute_url_echoes_the_requests_host(client, site):
    article = make_article()
    paths = [
        "/",
        article.get_absolute_url(),
        article.category.get_absolute_url(),
        "/rss/",
        f"/rss{article.category.get_absolute_url()}",
        "/sitemap.xml",
        "/sitemap-news.xml",
        "/robots.txt",
    ]
    for path in paths:
        response = client.get(path, HTTP_HOST="localhost:1")
        body = response.content.decode()
        assert response.status_code == 200, path
        assert "localhost" not in body, path
        assert SITE in body, path
    html = client.get(article.get_absolute_url(), HTTP_HOST="localhost:1")
    assert f'"url": "{SITE}{article.get_absolute_url()}"' in html.content.decode()


def test_a_host_outside_allowed_hosts_is_still_refused(client, site):
    response = client.get("/", HTTP_HOST="ke-gia-mao.example")
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()
