"""The page cache for anonymous readers (core/pagecache.py, issue 16)."""

import gzip
import time

import pytest
from django.core.cache import cache
from django.db.models import Sum
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from core.pagecache import PageCacheMiddleware, page_cacheable
from news.models import Article
from portal.models import Page
from stats.models import DailyVisits
from tests.news.factories import APPROVERS, make_article, make_category, make_staff
from tests.stats.conftest import BROWSER_UA

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings, tmp_path):
    settings.DATA_DIR = tmp_path  # the content version file
    settings.PAGE_CACHE_SECONDS = 30
    settings.STATS_STORE = "database"
    settings.STATS_PURGE_PROBABILITY = 0


@pytest.fixture
def news():
    category = make_category("Thông báo")
    article = make_article(category, title="Lịch cắt điện tuần này")
    Page.objects.create(title="Giới thiệu", body="<p>Phường …</p>")
    day = timezone.localdate(article.published_at)
    return {
        "home": "/",
        "category": category.get_absolute_url(),
        "article": article.get_absolute_url(),
        "day": f"/ngay/{day:%Y/%m/%d}/",
        "month": f"/ngay/{day:%Y/%m}/",
        "feed": "/rss/",
        "category feed": f"/rss/chuyen-muc/{category.slug}/",
        "page": "/trang/gioi-thieu/",
        "sitemap": "/sitemap.xml",
        "article object": article,
    }


PAGES = ["home", "category", "article", "day", "month", "feed", "category feed"]
PAGES += ["page", "sitemap"]


def get(client, url, **headers):
    return client.get(url, HTTP_USER_AGENT=BROWSER_UA, **headers)


def page_entries():
    return [k for k in cache._cache if ":page:" in k]


@pytest.mark.parametrize("name", PAGES)
def test_a_second_reader_gets_the_page_from_the_cache_without_queries(
    client, news, name, django_assert_num_queries, settings
):
    # The visitor counter's own write is measured in tests/stats.
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.startswith("stats")]
    first = get(client, news[name])
    assert first.status_code == 200 and "X-Page-Cache" not in first
    with django_assert_num_queries(0):
        second = get(client, news[name])
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


@pytest.mark.parametrize("name", ["home", "category", "article", "day", "feed"])
def test_an_edit_shows_at_once_on_every_page(client, news, name):
    get(client, news[name])
    article = news["article object"]
    article.title = "Lịch cắt điện tuần này đã thay đổi"
    article.save()
    assert "đã thay đổi" in get(client, news[name]).content.decode()


@pytest.mark.parametrize("name", ["home", "category", "day", "feed"])
def test_publishing_and_unpublishing_show_at_once(client, news, name):
    draft = make_article(
        Article.objects.get().category,
        title="Tin mới duyệt",
        status=Article.Status.DRAFT,
    )
    assert "Tin mới duyệt" not in get(client, news[name]).content.decode()
    draft.status = Article.Status.PUBLISHED
    draft.save()
    assert "Tin mới duyệt" in get(client, news[name]).content.decode()
    draft.status = Article.Status.DRAFT
    draft.save()
    assert "Tin mới duyệt" not in get(client, news[name]).content.decode()


def test_an_unpublished_article_page_goes_at_once(client, news):
    assert get(client, news["article"]).status_code == 200
    Article.objects.get().delete()
    assert get(client, news["article"]).status_code == 404


def test_a_scheduled_article_appears_when_its_time_comes(client, news):
    make_article(
        Article.objects.get().category,
        title="Tin hẹn giờ",
        published_at=timezone.now() + timezone.timedelta(seconds=2),
    )
    assert "Tin hẹn giờ" not in get(client, "/").content.decode()
    assert get(client, "/")["X-Page-Cache"] == "hit"  # kept until then
    time.sleep(2.2)
    assert "Tin hẹn giờ" in get(client, "/").content.decode()


def test_staff_are_never_served_from_the_cache_nor_fill_it(client, news):
    get(client, "/")  # an anonymous reader fills it
    client.force_login(make_staff("bientap"))
    response = get(client, "/")
    assert "X-Page-Cache" not in response
    client.logout()
    cache.clear()
    client.force_login(make_staff("duyettin"))
    get(client, news["article"])
    client.logout()
    assert page_entries() == []


def test_a_staff_preview_of_a_draft_is_not_cached(client, news):
    draft = make_article(title="Bản nháp riêng", status=Article.Status.DRAFT)
    client.force_login(make_staff("duyettin", APPROVERS))
    assert get(client, draft.get_absolute_url()).status_code == 200
    client.logout()
    assert get(client, draft.get_absolute_url()).status_code == 404
    assert get(client, draft.get_absolute_url()).status_code == 404
    assert page_entries() == []


def test_errors_posts_and_search_are_not_cached(client, news):
    get(client, "/chuyen-muc/khong-co/")
    client.post("/", HTTP_USER_AGENT=BROWSER_UA)
    get(client, "/tim-kiem/?q=điện")
    assert page_entries() == []


def through_cache(view, **kwargs):
    middleware = PageCacheMiddleware(
        lambda request: middleware.process_view(request, view, (), {}) or view(request)
    )
    return middleware(RequestFactory().get("/trang-thu/", **kwargs))


def test_a_response_that_sets_a_cookie_or_uses_the_csrf_token_is_not_cached():
    @page_cacheable
    def sets_cookie(request):
        response = HttpResponse("<p>Trang</p>")
        response.set_cookie("thu", "1")
        return response

    @page_cacheable
    def uses_csrf(request):
        from django.middleware.csrf import get_token

        return HttpResponse(f"<form>{get_token(request)}</form>")

    for view in (sets_cookie, uses_csrf):
        through_cache(view)
        assert "X-Page-Cache" not in through_cache(view)
    assert page_entries() == []


def test_unknown_query_parameters_share_the_entry(client, news):
    get(client, "/")
    for query in ("?utm_source=zalo", "?fbclid=abc", "?x=1&y=2"):
        assert get(client, f"/{query}")["X-Page-Cache"] == "hit"
    get(client, "/?page=2&utm_source=zalo")
    assert get(client, "/?page=2")["X-Page-Cache"] == "hit"
    assert len(page_entries()) == 2  # "/" and "/?page=2"


def test_random_parameters_and_hostile_page_numbers_do_not_fill_the_cache(client, news):
    for n in range(50):
        get(client, f"/?q{n}={n}")
        get(client, f"/?page=-{n}")
        get(client, f"/?page={'9' * (n + 5)}")
    assert len(page_entries()) == 1


def test_a_page_served_from_the_cache_is_counted_exactly_once(client, news):
    get(client, "/", REMOTE_ADDR="10.0.0.1")
    assert get(client, "/", REMOTE_ADDR="10.0.0.2")["X-Page-Cache"] == "hit"
    visits = DailyVisits.objects.aggregate(n=Sum("visits"))["n"]
    assert visits == 2


def test_pages_are_gzipped_from_the_cache_and_plain_for_others(client, news):
    plain = get(client, "/")
    zipped = get(client, "/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == plain.content
    assert "Accept-Encoding" in zipped["Vary"]
    assert get(client, "/")["X-Page-Cache"] == "hit"
    assert "Content-Encoding" not in get(client, "/")


def test_a_reader_revalidates_with_an_etag_and_gets_a_304(client, news):
    etag = get(client, news["article"])["ETag"]
    assert etag
    again = get(client, news["article"], HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    news["article object"].save()  # any change: a new page, a new tag
    assert get(client, news["article"], HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_public_pages_do_not_vary_on_the_language(client, news):
    for name in PAGES:
        assert "Accept-Language" not in get(client, news[name]).get("Vary", "")


def test_the_admin_and_forms_with_a_csrf_token_are_not_compressed(client, news):
    login = client.get("/quan-tri/login/", HTTP_ACCEPT_ENCODING="gzip")
    assert login.status_code == 200
    assert "Content-Encoding" not in login


class BrokenCache:
    """A cache store that fails on every call, like a Redis that is down."""

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("Redis is down")

        return fail


def test_pages_are_served_when_the_cache_store_fails(client, news, monkeypatch):
    import core.cache
    import core.pagecache

    monkeypatch.setattr(core.pagecache, "cache", BrokenCache())
    monkeypatch.setattr(core.cache, "cache", BrokenCache())
    for name in PAGES:
        assert get(client, news[name]).status_code == 200, name
