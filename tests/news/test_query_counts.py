"""The public pages run a fixed number of queries, whatever the number of
articles. The sidebar and menu come from the cache, warmed by a first request;
the visitor counter (stats) is left out so that only news queries count."""

import pytest
from django.utils import timezone

from tests.news.factories import make_article, make_category

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def without_visit_counting(settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.startswith("stats.")]


@pytest.fixture(params=[3, 30], ids=["few-articles", "many-articles"])
def news(request):
    parent = make_category("Tin hoạt động", order=1)
    categories = [
        parent,
        make_category("Thông báo", order=2),
        make_category("Con", parent=parent),
    ]
    articles = [
        make_article(categories[n % 3], is_featured=n < 2) for n in range(request.param)
    ]
    return parent, articles


def count(client, django_assert_num_queries, url, queries):
    client.get(url)  # warms the menu and sidebar caches
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


def test_home_page_queries(client, django_assert_num_queries, news):
    # 1 featured articles, 2 count of the latest, 3 the latest page,
    # 4 menu categories, 5-6 the newest articles of each of the two menu
    # categories (one query per menu category, none per article)
    count(client, django_assert_num_queries, "/", 6)


def test_category_page_queries(client, django_assert_num_queries, news):
    parent, _ = news
    # 1 the category, 2 count of its articles (sub-categories included), 3 the page
    count(client, django_assert_num_queries, parent.get_absolute_url(), 3)


def test_article_page_queries(client, django_assert_num_queries, news):
    _, articles = news
    # 1 the article with its category, 2 the atomic view count update,
    # 3 its correction notes, 4 other news of the same category, 5 other news
    # from elsewhere to fill up
    count(client, django_assert_num_queries, articles[0].get_absolute_url(), 5)


def test_day_page_queries(client, django_assert_num_queries, news):
    _, articles = news
    day = timezone.localdate(articles[0].published_at)
    # 1 previous day with news, 2 next day with news, 3 count of the day, 4 the page
    count(client, django_assert_num_queries, f"/ngay/{day:%Y/%m/%d}/", 4)
