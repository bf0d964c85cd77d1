"""RSS 2.0 of this week's and the coming weeks' schedule, checked against the
RSS rules by hand (no validator on the registries), and the weeks in the
sitemap."""

import datetime
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest
from django.utils import timezone

from schedule.weeks import Week
from tests.portal.sitemap_xml import sitemap_text
from tests.schedule.factories import make_entry

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def channel(client):
    response = client.get("/lich-cong-tac/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    assert "public" in response["Cache-Control"]
    return ET.fromstring(response.content).find("channel")


def test_the_feed_lists_this_and_coming_weeks_entries_in_order(client):
    monday = Week.current().monday
    make_entry(monday + datetime.timedelta(days=8), "07:30", content="Tuần sau")
    make_entry(monday, "14:00", end_time=datetime.time(16, 0), content="Chiều thứ hai")
    make_entry(monday - datetime.timedelta(days=1), content="Tuần trước")
    make_entry(monday, content="Bản nháp", status="draft")
    feed = channel(client)
    assert feed.findtext("title").endswith("Lịch công tác")
    assert feed.findtext("link") == "http://testserver/lich-cong-tac/"
    assert feed.findtext("description")
    assert (
        feed.find(f"{ATOM}link").get("href") == "http://testserver/lich-cong-tac/rss/"
    )
    items = feed.findall("item")
    assert [i.findtext("title").rsplit(": ", 1)[1] for i in items] == [
        "Chiều thứ hai",
        "Tuần sau",
    ]
    first = items[0]
    assert first.findtext("title") == (
        f"Thứ Hai {monday:%d/%m/%Y}, 14:00 – 16:00: Chiều thứ hai"
    )
    week = Week.current()
    link = first.findtext("link")
    assert link.startswith(
        f"http://testserver/lich-cong-tac/{week.year}/tuan-{week.number}/#muc-lich-"
    )
    assert "Chủ trì: Đ/c Trần Thị Bích" in first.findtext("description")
    assert "Địa điểm: Phòng họp UBND phường." in first.findtext("description")
    assert parsedate_to_datetime(first.findtext("pubDate")).tzinfo is not None
    guids = [i.findtext("guid") for i in items]
    assert len(set(guids)) == 2
    assert items[0].find("guid").get("isPermaLink") == "false"


def test_an_adjusted_entry_comes_again_marked_with_a_new_guid(client):
    entry = make_entry(content="Đối thoại với hộ kinh doanh")
    before = channel(client).find("item").findtext("guid")
    entry.location = "Hội trường UBND phường"
    entry.save()
    item = channel(client).find("item")
    assert item.findtext("title").endswith("Đối thoại với hộ kinh doanh (điều chỉnh)")
    local = timezone.localtime(entry.adjusted_at)
    assert f"Điều chỉnh lúc {local:%H:%M %d/%m/%Y}." in item.findtext("description")
    assert item.findtext("guid") != before
    assert parsedate_to_datetime(item.findtext("pubDate")) == entry.adjusted_at.replace(
        microsecond=0
    )


def test_plain_text_reaches_the_reader_as_typed(client):
    make_entry(content="Họp <b>khẩn</b> & bàn việc")
    item = channel(client).find("item")
    assert "Họp &lt;b&gt;khẩn&lt;/b&gt; &amp; bàn việc" in item.findtext("title")


def test_weeks_with_published_entries_are_in_the_sitemap(client):
    make_entry(datetime.date(2026, 12, 31))
    make_entry(datetime.date(2027, 1, 3))
    make_entry(datetime.date(2030, 3, 5), status="draft")
    xml = sitemap_text(client)
    assert "<loc>http://testserver/lich-cong-tac/</loc>" in xml
    assert "<loc>http://testserver/lich-cong-tac/2026/tuan-53/</loc>" in xml
    assert xml.count("/lich-cong-tac/2026/tuan-53/") == 1
    assert "/lich-cong-tac/2030/" not in xml
    root = ET.fromstring(client.get("/sitemap-schedule.xml").content)
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    week = next(
        u for u in root.iter(f"{ns}url") if u.findtext(f"{ns}loc").endswith("tuan-53/")
    )
    assert week.findtext(f"{ns}lastmod")


def test_no_link_echoes_the_requests_host(client, settings):
    settings.PORTAL_SITE_URL = "https://phuong.example.vn"
    settings.ALLOWED_HOSTS = ["localhost"]
    make_entry()
    feed = client.get("/lich-cong-tac/rss/", HTTP_HOST="localhost:1").content.decode()
    for body in (feed, sitemap_text(client, HTTP_HOST="localhost:1")):
        assert (
            "localhost" not in body
            and "https://phuong.example.vn/lich-cong-tac/" in body
        )
