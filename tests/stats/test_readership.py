"""Readership per page and day, for "Tin đọc nhiều" (issue 12): both stores."""

import datetime

from django.contrib.auth.models import AnonymousUser, User
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from stats import readership
from stats.middleware import VisitMiddleware
from stats.models import PageReader
from tests.stats.conftest import BROWSER_UA

ARTICLE = "/tin-tuc/ngay-hoi-doc-sach/"


def html_page(request):
    return HttpResponse("<p>Tin phường</p>", content_type="text/html; charset=utf-8")


def not_found(request):
    return HttpResponse("<p>Không thấy</p>", status=404, content_type="text/html")


def read(path=ARTICLE, ip="198.51.100.7", ua=BROWSER_UA, user=None, view=html_page):
    request = RequestFactory().get(path, HTTP_USER_AGENT=ua, REMOTE_ADDR=ip)
    request.user = user or AnonymousUser()
    return VisitMiddleware(view)(request)


def readers(path=ARTICLE, days=7):
    return dict(readership.top_paths(days, timezone.localdate())).get(path, 0)


def test_thirty_distinct_readers_count_thirty_however_often_they_reload(store):
    for n in range(30):
        read(ip=f"198.51.100.{n + 1}")
        read(ip=f"198.51.100.{n + 1}")
    assert readers() == 30


def test_robots_previews_of_errors_and_staff_are_not_readers(store, settings):
    staff = User.objects.create_user("bien-tap", is_staff=True)
    read(ua="Mozilla/5.0 (compatible; Googlebot/2.1)")
    read(ua="Zalo-Link-Preview/1.0")
    read(ua="")
    read(user=staff)
    read(view=not_found)
    assert readers() == 0
    read()
    assert readers() == 1


def test_the_same_person_counts_again_on_another_page_or_another_day(store):
    store_today = timezone.localdate()
    read()
    read("/tin-tuc/tin-khac/")
    assert readers() == 1 and readers("/tin-tuc/tin-khac/") == 1
    readership.record("khach", ARTICLE, store_today - datetime.timedelta(days=1))
    readership.record("khach", ARTICLE, store_today)
    assert readers() == 3


def test_the_ranking_covers_the_period_asked_for_most_read_first(store):
    today = timezone.localdate()
    for n in range(5):
        readership.record(f"k{n}", "/tin-tuc/cu/", today - datetime.timedelta(days=20))
    for n in range(3):
        readership.record(f"k{n}", "/tin-tuc/moi/", today)
    readership.record("k9", "/chuyen-muc/van-hoa/", today)
    assert readership.top_paths(7, today, "/tin-tuc/") == [("/tin-tuc/moi/", 3)]
    assert readership.top_paths(30, today, "/tin-tuc/") == [
        ("/tin-tuc/cu/", 5),
        ("/tin-tuc/moi/", 3),
    ]
    assert readership.top_paths(30, today, limit=1) == [("/tin-tuc/cu/", 5)]


def test_a_path_too_long_to_keep_is_not_counted(store):
    assert not readership.record(
        "khach", "/tin-tuc/" + "a" * 300 + "/", timezone.localdate()
    )


def test_only_todays_readers_are_kept_after_a_purge(settings, db):
    settings.STATS_STORE = "database"
    today = timezone.localdate()
    readership.record("khach", ARTICLE, today - datetime.timedelta(days=1))
    readership.record("khach", ARTICLE, today)
    assert readership.get_readership().purge(today) == 1
    assert PageReader.objects.get().day == today
    assert readers() == 2  # the counts themselves stay


def test_a_failing_readership_store_costs_the_count_not_the_page(
    settings, db, caplog, monkeypatch
):
    settings.STATS_STORE = "database"

    def broken(*args):
        raise ConnectionError("kho hỏng")

    monkeypatch.setattr(readership, "record", broken)
    assert read().status_code == 200
    assert "Reader not counted: ConnectionError" in caplog.text
