"""Sharing an article to Zalo and Facebook (issue 12): plain links, no script."""

import re
from urllib.parse import parse_qs, urlparse

import pytest

from tests.news.factories import image_upload, make_article

pytestmark = pytest.mark.django_db


def test_the_share_links_carry_the_articles_canonical_url(client):
    article = make_article(title="Ngày hội đọc sách")
    html = client.get(article.get_absolute_url() + "?utm=zalo").content.decode()
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
    assert canonical == "http://testserver" + article.get_absolute_url()
    zalo = re.search(r'href="(https://sp\.zalo\.me/share_inline\?[^"]+)"', html).group(
        1
    )
    facebook = re.search(r'href="(https://www\.facebook\.com/sharer/[^"]+)"', html)
    assert parse_qs(urlparse(zalo.replace("&amp;", "&")).query)["url"] == [canonical]
    assert parse_qs(urlparse(facebook.group(1)).query)["u"] == [canonical]
    assert f'data-copy-link="{canonical}"' in html
    for label in ("Chia sẻ qua Zalo", "Chia sẻ lên Facebook", "Sao chép liên kết"):
        assert label in html
    assert html.count('target="_blank" rel="noopener noreferrer"') >= 2


def test_sharing_loads_nothing_from_another_site(client):
    html = client.get(make_article().get_absolute_url()).content.decode()
    assert not re.search(r'<script[^>]+src="(https?:)?//', html)
    assert not re.search(r'<img[^>]+src="(https?:)?//', html)
    assert "<iframe" not in html and "style=" not in html


def test_the_open_graph_preview_has_a_1200_by_630_picture(client, settings):
    article = make_article(
        summary="Thư viện phường mở cửa cả ngày Chủ nhật.",
        image=image_upload(size=(1600, 1000)),
        image_alt="Thiếu nhi đọc sách",
    )
    html = client.get(article.get_absolute_url()).content.decode()
    meta = dict(re.findall(r'<meta property="(og:[a-z:_]+)" content="([^"]*)"', html))
    assert meta["og:type"] == "article"
    assert meta["og:url"] == "http://testserver" + article.get_absolute_url()
    assert meta["og:title"] == article.title
    assert meta["og:description"] == "Thư viện phường mở cửa cả ngày Chủ nhật."
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert "/renditions/social/" in meta["og:image"]
    assert meta["og:image"].startswith("http://testserver/")
    from PIL import Image

    path = settings.MEDIA_ROOT / meta["og:image"].split("/media/", 1)[1]
    with Image.open(path) as img:
        assert img.size == (1200, 630)


def test_a_staff_preview_offers_no_share_links(client):
    from tests.news.factories import APPROVERS, make_staff

    client.force_login(make_staff("duyettin", APPROVERS))
    draft = make_article(status="draft")
    html = client.get(draft.get_absolute_url()).content.decode()
    assert "Bản xem trước" in html and "Chia sẻ qua Zalo" not in html
