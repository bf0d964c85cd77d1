"""Sơ đồ cổng (/so-do-cong/) and sitemap.xml (issue 15): both built from the
one registry of sections (portal.sitemaps), both listing exactly the public
pages. A draft and a private static page are in neither. An expired notice
is in sitemap.xml (its address still answers 200 and search engines may keep
it) but Sơ đồ cổng lists sections, not articles, so no article is there."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.urls import clear_url_caches
from django.utils import timezone

from news.models import Article
from portal.models import Page
from portal.sitemaps import SECTIONS
from tests.documents.factories import make_document
from tests.news.factories import make_article, make_category
from tests.portal.sitemap_xml import section_locations, sitemap_urls

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
LINK = re.compile(r'<a href="([^"]*)"[^>]*>([^<]*)</a>')


def site_map_links(client):
    html = client.get("/so-do-cong/").content.decode()
    tree = html.split('<ul class="site-map">')[1].split("</nav>")[0]
    return [(title, href) for href, title in LINK.findall(tree)]


@pytest.fixture
def other_apps(settings):
    settings.ROOT_URLCONF = "tests.portal.other_apps_urls"
    clear_url_caches()
    cache.clear()
    yield
    clear_url_caches()


@pytest.fixture
def ward():
    news = make_category("Tin hoạt động", order=1)
    youth = make_category("Đoàn thanh niên", parent=news)
    notices = make_category("Thông báo", order=2)
    public = make_article(news, title="Ra quân dọn vệ sinh")
    draft = make_article(youth, title="Bản nháp", status=Article.Status.DRAFT)
    expired = make_article(
        notices,
        title="Tạm ngừng cấp nước",
        display_until=timezone.now() - datetime.timedelta(minutes=1),
    )
    about = Page.objects.create(title="Giới thiệu", body="<p>Phường …</p>")
    private = Page.objects.create(title="Nội bộ", body="<p>…</p>", is_published=False)
    document = make_document()
    hidden_document = make_document(status="draft")
    return locals()


def test_the_html_map_is_the_sections_as_a_tree(client, ward, other_apps):
    html = client.get("/so-do-cong/").content.decode()
    assert site_map_links(client) == [
        ("Trang chủ", "/"),
        ("Tin hoạt động", "/chuyen-muc/tin-hoat-dong/"),
        ("Đoàn thanh niên", "/chuyen-muc/doan-thanh-nien/"),
        ("Thông báo", "/chuyen-muc/thong-bao/"),
        ("Giới thiệu", "/trang/gioi-thieu/"),
        ("Văn bản", "/van-ban/"),
        ("Góp ý dự thảo", "/gop-y-du-thao/"),
        ("Hỏi đáp", "/hoi-dap/"),
        ("Lịch công tác", "/lich-cong-tac/"),
        ("Tin đọc nhiều", "/tin-doc-nhieu/"),
        ("Sơ đồ cổng", "/so-do-cong/"),
        ("English", "/en/"),
    ]
    # The sub-category sits in its parent's list.
    tree = html.split('<ul class="site-map">')[1]
    news = tree.split('href="/chuyen-muc/tin-hoat-dong/"')[1]
    nested = news.split("</ul>")[0]
    assert "<ul>" in nested and 'href="/chuyen-muc/doan-thanh-nien/"' in nested
    assert '<a href="/en/" lang="en" hreflang="en">English</a>' in html


def test_the_html_map_leaves_out_what_the_public_cannot_see(client, ward):
    html = client.get("/so-do-cong/").content.decode()
    map_part = html.split('<ul class="site-map">')[1].split("</nav>")[0]
    for hidden in ("Nội bộ", "Bản nháp", "Tạm ngừng cấp nước", "Ra quân"):
        assert hidden not in map_part
    # Sections of apps not installed on this branch are simply absent.
    links = dict(site_map_links(client))
    for title, url_name in [("Hỏi đáp", "questions:index"), ("English", "english")]:
        assert (title in links) is _resolves(url_name)


def _resolves(name):
    from portal.sitemaps import _resolves

    return _resolves(name)


def test_sitemap_xml_lists_exactly_the_public_pages(client, ward, other_apps):
    expected = {
        "/",
        "/chuyen-muc/tin-hoat-dong/",
        "/chuyen-muc/doan-thanh-nien/",
        "/chuyen-muc/thong-bao/",
        ward["public"].get_absolute_url(),
        ward["expired"].get_absolute_url(),  # still answers 200
        "/trang/gioi-thieu/",
        "/van-ban/",
        ward["document"].get_absolute_url(),
        "/gop-y-du-thao/",
        "/hoi-dap/",
        "/lich-cong-tac/",
        "/tin-doc-nhieu/",
        "/so-do-cong/",
        "/en/",
    }
    assert set(sitemap_urls(client)) == {SITE + path for path in expected}
    for path in expected - {"/hoi-dap/", "/lich-cong-tac/", "/en/"}:
        assert client.get(path).status_code == 200, path


def test_sitemap_xml_is_an_index_of_one_file_per_section(client, ward):
    sections = section_locations(client)
    assert list(sections) == [
        f"{SITE}/sitemap-{section.name}.xml" for section in SECTIONS if section.in_xml
    ]
    for name in ("news", "pages", "documents"):
        lastmod = sections[f"{SITE}/sitemap-{name}.xml"]
        assert lastmod is not None and lastmod.text.startswith(str(timezone.now().year))
    urls = sitemap_urls(client)
    assert urls[SITE + ward["public"].get_absolute_url()] is not None
    assert urls[SITE + "/trang/gioi-thieu/"] is not None


def test_both_maps_follow_staff_changes_at_once(client, ward):
    make_category("Cải cách hành chính", order=3)
    ward["private"].is_published = True
    ward["private"].save()
    assert ("Cải cách hành chính", "/chuyen-muc/cai-cach-hanh-chinh/") in (
        site_map_links(client)
    )
    assert ("Nội bộ", "/trang/noi-bo/") in site_map_links(client)
    assert f"{SITE}/trang/noi-bo/" in sitemap_urls(client)


def test_hostile_section_names_and_pages_are_404(client):
    for path in ("/sitemap-khong-co.xml", "/sitemap-news.xml?p=0", "/sitemap-.xml"):
        assert client.get(path).status_code == 404, path
    assert client.get("/so-do-cong/?trang=%00&p=abc").status_code == 200


@pytest.fixture
def uncached_and_uncounted(settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.startswith("stats.")]
    settings.PAGE_CACHE_SECONDS = 0


@pytest.mark.parametrize("categories", [3, 30])
def test_the_html_map_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, uncached_and_uncounted, categories
):
    for n in range(categories):
        parent = make_category(f"Mục {n}")
        make_category(f"Mục con {n}", parent=parent)
        Page.objects.create(title=f"Trang {n}", body="<p>…</p>")
    client.get("/so-do-cong/")  # warms the menu, profile and footer caches
    # 1 the categories (sub-categories included), 2 the public static pages
    with django_assert_num_queries(2):
        assert client.get("/so-do-cong/").status_code == 200
