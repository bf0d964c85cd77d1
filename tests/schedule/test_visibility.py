"""Only approved entries whose publish time has come are public: on the
week pages, in the feed and in the sitemap (one published() for all)."""

import datetime
import time

import pytest
from django.utils import timezone

from schedule.models import Entry
from tests.schedule.factories import make_entry

pytestmark = pytest.mark.django_db

HIDDEN = {
    "draft": {"status": Entry.Status.DRAFT},
    "pending": {"status": Entry.Status.PENDING},
    "scheduled": {"published_at": timezone.now() + datetime.timedelta(days=1)},
}


@pytest.fixture
def entries():
    today = timezone.localdate()
    make_entry(today, content="Lịch đã duyệt của tuần")
    return [
        make_entry(today, content=f"Lịch ẩn loại {name}", **fields)
        for name, fields in HIDDEN.items()
    ]


@pytest.mark.parametrize("url", ["/lich-cong-tac/", "/lich-cong-tac/rss/"])
def test_drafts_pending_and_scheduled_entries_are_never_shown(client, entries, url):
    html = client.get(url).content.decode()
    assert "Lịch đã duyệt của tuần" in html
    assert "Lịch ẩn" not in html


def test_a_week_with_only_hidden_entries_is_empty_and_not_in_the_sitemap(client):
    day = datetime.date(2030, 3, 5)
    for fields in HIDDEN.values():
        make_entry(day, content="Lịch ẩn", **fields)
    html = client.get("/lich-cong-tac/2030/tuan-10/").content.decode()
    assert "Lịch ẩn" not in html and "Chưa có lịch công tác" in html
    assert (
        "/lich-cong-tac/2030/tuan-10/"
        not in client.get("/sitemap.xml").content.decode()
    )


def test_a_scheduled_entry_appears_when_its_time_comes(client, settings, tmp_path):
    settings.DATA_DIR = tmp_path  # the page cache's version file
    settings.PAGE_CACHE_SECONDS = 30
    at = timezone.now() + datetime.timedelta(seconds=2)
    make_entry(content="Lịch hẹn giờ công bố", published_at=at)
    assert "Lịch hẹn giờ" not in client.get("/lich-cong-tac/").content.decode()
    assert Entry.objects.next_publication() == at
    # The cached page lives no longer than the entry's publish time.
    assert client.get("/lich-cong-tac/")["X-Page-Cache"] == "hit"
    time.sleep(2.2)
    assert "Lịch hẹn giờ" in client.get("/lich-cong-tac/").content.decode()
