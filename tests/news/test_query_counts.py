"""The public pages run a fixed number of queries, whatever the number of
articles. The sidebar and menu come from the cache, warmed by a first request;
the visitor counter (stats) is left out so that only news queries count, and
the page cache and the kept fragments hold nothing: these are the queries of a
cache miss (the last tests show what the fragments save)."""

import pytest
from django.utils import timezone

from tests.news.factories import make_article, make_category

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def uncached_and_uncounted(settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.startswith("stats.")]
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0


@pytest.fixture(
    params=[(3, 3), (300, 3), (3, 12), (300, 12)],
    ids=[
        "3-articles-3-menus",
        "300-articles-3-menus",
        "3-articles-12-menus",
        "300-articles-12-menus",
    ],
)
def news(request):
    articles_wanted, menus = request.param
    parent = make_category("Tin hoạt động", order=1)
    categories = [parent, make_category("Con", parent=parent)]
    categories += [make_category(f"Mục {n}", order=2 + n) for n in range(menus - 1)]
    articles = [
        make_article(categories[n % len(categories)], is_featured=n < 2)
        for n in range(articles_wanted)
    ]
    return parent, articles


def count(client, django_assert_num_queries, url, queries):
    client.get(url)  # warms the menu and sidebar caches
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


def test_home_page_queries(client, django_assert_num_queries, news):
    # 1 featured articles, 2 count of the latest (at most 100 pages' worth),
    # 3 the latest page, 4 the categories, 5 the newest articles of every menu
    # category at once (whatever the number of menu categories)
    count(client, django_assert_num_queries, "/", 5)


def test_category_page_queries(client, django_assert_num_queries, news):
    parent, _ = news
    # 1 the category, 2 count of its articles (sub-categories included; at
    # most 100 pages' worth), 3 the page
    count(client, django_assert_num_queries, parent.get_absolute_url(), 3)


def test_article_page_queries(client, django_assert_num_queries, news):
    _, articles = news
    # 1 the article with its category, 2-3 the newer and the older articles
    # of its category, 4 the latest news elsewhere, 5 its attached files,
    # 6 its correction notes (no write: readers are counted by the statistics)
    count(client, django_assert_num_queries, articles[0].get_absolute_url(), 6)


def test_day_page_queries(client, django_assert_num_queries, news):
    _, articles = news
    day = timezone.localdate(articles[0].published_at)
    # 1 previous day with news, 2 next day with news, 3 count of the day, 4 the page
    count(client, django_assert_num_queries, f"/ngay/{day:%Y/%m/%d}/", 4)


def test_home_and_category_lists_kept_as_fragments_cost_nothing_more(
    client, django_assert_num_queries, news, settings
):
    settings.FRAGMENT_CACHE_SECONDS = 3600
    parent, _ = news
    count(client, django_assert_num_queries, "/", 0)
    count(client, django_assert_num_queries, "/?page=2", 0)
    # 1 the category (its list is kept)
    count(client, django_assert_num_queries, parent.get_absolute_url(), 1)


def test_a_public_article_kept_as_a_fragment_costs_no_query(
    client, django_assert_num_queries, news, settings
):
    settings.FRAGMENT_CACHE_SECONDS = 3600
    _, articles = news
    count(client, django_assert_num_queries, articles[0].get_absolute_url(), 0)


def test_made_up_article_addresses_are_not_kept(client, news, settings):
    from django.core.cache import cache

    settings.FRAGMENT_CACHE_SECONDS = 3600
    _, articles = news
    client.get(articles[0].get_absolute_url())

    def kept():
        return [k for k in cache._cache if ":fragment:" in k]

    assert len(kept()) == 1
    for n in range(20):
        assert client.get(f"/tin-tuc/khong-co-tin-{n}/").status_code == 404
    assert len(kept()) == 1
