"""RSS 2.0 feeds, sitemap.xml and robots.txt."""

import email.utils
import xml.etree.ElementTree as ET

import pytest

from news.models import Article
from portal.models import Page
from tests.news.factories import make_article, make_category
from tests.portal.sitemap_xml import sitemap_urls

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def check_rss(response):
    """The RSS 2.0 rules a feed reader relies on."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for required in ("title", "link", "description"):
        assert channel.findtext(required).strip(), required
    assert channel.findtext("link").startswith("http://testserver/")
    self_link = channel.find(f"{ATOM}link")
    assert self_link.get("rel") == "self"
    assert self_link.get("href").startswith("http://testserver/rss/")
    items = channel.findall("item")
    for item in items:
        assert item.findtext("title")
        link = item.findtext("link")
        assert link.startswith("http://testserver/tin-tuc/")
        assert item.findtext("guid") == link
        # RFC 822 (with four-digit years, as RFC 2822 allows) round-trips.
        pub_date = item.findtext("pubDate")
        assert (
            email.utils.format_datetime(email.utils.parsedate_to_datetime(pub_date))
            == pub_date
        )
    return channel, items


def test_the_site_feed_is_valid_rss_with_the_latest_public_news(client):
    make_article(title="Tin công khai về chợ đêm")
    make_article(title="Tin nháp không được lộ", status=Article.Status.DRAFT)
    channel, items = check_rss(client.get("/rss/"))
    titles = [item.findtext("title") for item in items]
    assert titles == ["Tin công khai về chợ đêm"]
    assert "Tin mới" in channel.findtext("title")


def test_a_category_feed_has_that_category_and_its_sub_categories(client):
    parent = make_category("Văn hóa")
    child = make_category("Thể thao", parent=parent)
    make_article(parent, title="Tin văn hóa")
    make_article(child, title="Tin thể thao")
    make_article(make_category("Khác"), title="Tin khác")
    channel, items = check_rss(client.get(f"/rss/chuyen-muc/{parent.slug}/"))
    assert {i.findtext("title") for i in items} == {"Tin văn hóa", "Tin thể thao"}
    assert "Văn hóa" in channel.findtext("title")
    assert channel.findtext("link") == f"http://testserver{parent.get_absolute_url()}"


def test_pages_announce_their_feeds(client):
    category = make_category("Thông báo")
    make_article(category)
    home = client.get("/").content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml"' in home
        and 'href="/rss/"' in home
    )
    page = client.get(category.get_absolute_url()).content.decode()
    assert f'href="/rss/chuyen-muc/{category.slug}/"' in page


def test_the_sitemap_lists_public_articles_and_categories(client):
    public = make_article(title="Tin có trong sơ đồ")
    draft = make_article(status=Article.Status.DRAFT)
    locs = sitemap_urls(client)
    assert f"http://testserver{public.get_absolute_url()}" in locs
    assert f"http://testserver{public.category.get_absolute_url()}" in locs
    assert "http://testserver/" in locs
    assert f"http://testserver{draft.get_absolute_url()}" not in locs


def test_the_sitemap_lists_the_public_static_pages(client):
    public = Page.objects.create(title="Giới thiệu", body="<p>Phường …</p>")
    hidden = Page.objects.create(title="Nháp", body="<p>…</p>", is_published=False)
    lastmod = sitemap_urls(client)
    assert "http://testserver/trang/gioi-thieu/" in lastmod
    assert lastmod["http://testserver/trang/gioi-thieu/"] is not None
    assert f"http://testserver{hidden.get_absolute_url()}" not in lastmod
    assert public.slug == "gioi-thieu"


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /quan-tri/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
