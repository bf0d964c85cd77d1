"""The week page and the feed run a fixed number of queries, at 12 entries a
week as at 1,200. The menu and sidebar come from the cache, warmed by a first
request; the visitor counter (stats) is left out, as is the page cache."""

import datetime

import pytest
from django.utils import timezone

from schedule.models import Entry
from schedule.weeks import Week

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def without_visit_counting(settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.startswith("stats.")]
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(params=[12, 1200], ids=["12-entries", "1200-entries"])
def week(request):
    week = Week.current()
    published = timezone.now() - datetime.timedelta(hours=1)
    Entry.objects.bulk_create(
        Entry(
            day=week.monday + datetime.timedelta(days=n % 7),
            start_time=datetime.time(7 + n % 10, 0),
            content=f"Họp bàn việc thứ {n + 1}",
            presiding="Đ/c Trần Thị Bích – Chủ tịch UBND phường",
            attendees="Công chức Văn phòng",
            location="Phòng họp UBND phường",
            status=Entry.Status.PUBLISHED if n % 5 else Entry.Status.DRAFT,
            published_at=published,
        )
        for n in range(request.param)
    )
    return week


def count(client, django_assert_num_queries, url, queries):
    client.get(url)  # warms the menu and sidebar caches
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


def test_the_current_week_page_queries(client, django_assert_num_queries, week):
    # 1 the week's published entries, in order
    count(client, django_assert_num_queries, "/lich-cong-tac/", 1)


def test_a_week_page_queries(client, django_assert_num_queries, week):
    url = f"/lich-cong-tac/{week.year}/tuan-{week.number}/"
    # 1 the week's published entries, in order
    count(client, django_assert_num_queries, url, 1)


def test_the_feed_queries(client, django_assert_num_queries, week):
    # 1 the coming published entries
    count(client, django_assert_num_queries, "/lich-cong-tac/rss/", 1)
