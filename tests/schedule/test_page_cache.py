"""The week pages and the feed are served from the page cache to anonymous
readers, and a change to an entry shows at once (core.pagecache)."""

import pytest

from schedule.models import Entry
from schedule.weeks import Week
from tests.schedule.factories import make_entry

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings, tmp_path):
    settings.DATA_DIR = tmp_path  # the content version file
    settings.PAGE_CACHE_SECONDS = 30
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.startswith("stats")]


def urls():
    week = Week.current()
    return [
        "/lich-cong-tac/",
        f"/lich-cong-tac/{week.year}/tuan-{week.number}/",
        "/lich-cong-tac/rss/",
    ]


@pytest.mark.parametrize("index", range(3))
def test_a_second_reader_gets_the_page_from_the_cache(
    client, index, django_assert_num_queries
):
    make_entry(content="Giao ban đầu tuần")
    url = urls()[index]
    first = client.get(url)
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second["X-Page-Cache"] == "hit" and second.content == first.content


@pytest.mark.parametrize("index", range(3))
def test_publishing_changing_and_taking_down_show_at_once(client, index):
    url = urls()[index]
    entry = make_entry(content="Giao ban đầu tuần", status=Entry.Status.DRAFT)
    assert "Giao ban đầu tuần" not in client.get(url).content.decode()
    entry.status = Entry.Status.PUBLISHED
    entry.save()
    assert "Giao ban đầu tuần" in client.get(url).content.decode()
    entry.content = "Giao ban đầu tuần (dời giờ)"
    entry.save()
    assert "(dời giờ)" in client.get(url).content.decode()
    entry.delete()
    assert "Giao ban đầu tuần" not in client.get(url).content.decode()
