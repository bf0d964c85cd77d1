"""RSS 2.0 of new documents, and the register in the sitemap."""

import xml.etree.ElementTree as ET

import pytest

from tests.documents.factories import make_document
from tests.portal.sitemap_xml import sitemap_urls

pytestmark = pytest.mark.django_db


def test_the_feed_lists_published_documents_newest_first(client):
    make_document("1/TB-UBND", summary="Thông báo <b>lịch</b> họp")
    make_document("2/TB-UBND", status="draft")
    response = client.get("/van-ban/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title").endswith("Văn bản mới")
    assert channel.findtext("link").endswith("/van-ban/")
    items = channel.findall("item")
    assert len(items) == 1
    item = items[0]
    assert item.findtext("title") == "Nghị quyết 1/TB-UBND"
    assert item.findtext("link").startswith("http://testserver/van-ban/")
    # Plain text reaches a reader (who renders descriptions as HTML) as typed.
    assert item.findtext("description") == "Thông báo &lt;b&gt;lịch&lt;/b&gt; họp"
    assert item.findtext("pubDate") and item.findtext("guid")


def test_published_documents_are_in_the_sitemap(client):
    public = make_document()
    draft = make_document(status="draft")
    urls = sitemap_urls(client)
    assert "http://testserver/van-ban/" in urls
    assert f"http://testserver/van-ban/{public.pk}/" in urls
    assert f"http://testserver/van-ban/{draft.pk}/" not in urls
