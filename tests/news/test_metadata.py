"""Open Graph, Dublin Core, NewsArticle JSON-LD and canonical URLs."""

import json
import re

import pytest

from tests.news.factories import image_bytes, make_article, make_category

pytestmark = pytest.mark.django_db


def json_ld(html):
    [block] = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    return json.loads(block)


def test_an_article_carries_open_graph_dublin_core_and_json_ld(client):
    from django.core.files.base import ContentFile

    article = make_article(
        make_category("Tin hoạt động"),
        title="Khánh thành nhà văn hóa khu phố 4",
        summary="Công trình mới phục vụ sinh hoạt cộng đồng.",
        author="Trần Thị Bích",
    )
    article.image.save(
        "nvh.jpg", ContentFile(image_bytes("JPEG", size=(800, 500))), save=False
    )
    article.image_alt = "Nhà văn hóa mới"
    article.save()
    html = client.get(article.get_absolute_url()).content.decode()
    url = f"http://testserver{article.get_absolute_url()}"
    assert f'<link rel="canonical" href="{url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert (
        '<meta property="og:title" content="Khánh thành nhà văn hóa khu phố 4">' in html
    )
    assert f'<meta property="og:url" content="{url}">' in html
    assert re.search(
        r'<meta property="og:image" content="http://testserver/media/[^"]+\.webp">',
        html,
    )
    assert '<meta name="DC.title" content="Khánh thành nhà văn hóa khu phố 4">' in html
    assert '<meta name="DC.creator" content="Trần Thị Bích">' in html
    assert '<meta name="DC.language" content="vi">' in html
    data = json_ld(html)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Khánh thành nhà văn hóa khu phố 4"
    assert data["mainEntityOfPage"] == url
    assert data["datePublished"].endswith("+07:00")
    assert data["author"] == {"@type": "Person", "name": "Trần Thị Bích"}
    assert data["image"][0].startswith("http://testserver/media/")


def test_text_cannot_break_out_of_the_json_ld_block(client):
    article = make_article(title="</script><script>alert(1)</script> & <!--")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(html)["headline"] == "</script><script>alert(1)</script> & <!--"


def test_home_and_category_pages_have_canonical_urls(client):
    category = make_category("Thông báo")
    make_article(category)
    assert (
        '<link rel="canonical" href="http://testserver/">'
        in client.get("/").content.decode()
    )
    html = client.get(category.get_absolute_url()).content.decode()
    assert (
        f'<link rel="canonical" href="http://testserver{category.get_absolute_url()}">'
        in html
    )


def test_a_preview_has_no_canonical_url_and_is_not_indexed(client, admin_client):
    from news.models import Article

    draft = make_article(status=Article.Status.DRAFT)
    html = admin_client.get(draft.get_absolute_url()).content.decode()
    assert 'rel="canonical"' not in html and "application/ld+json" not in html
    assert '<meta name="robots" content="noindex">' in html
