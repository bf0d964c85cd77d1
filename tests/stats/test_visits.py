"""What counts as a visit, who a visitor is, and what it costs (issue 5)."""

import datetime
import logging

import pytest
from django.db import DatabaseError
from django.db.models import Sum
from django.http import HttpResponse, HttpResponseRedirect
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from stats import stores
from stats.middleware import VisitMiddleware
from stats.models import DailyVisits, Visitor
from stats.visitors import client_ip, visitor_key
from tests.stats.conftest import BROWSER_UA

ZALO_APP_UA = (
    "Mozilla/5.0 (Linux; Android 13; 2201117TG) AppleWebKit/537.36 (KHTML, like "
    "Gecko) Version/4.0 Chrome/120.0 Mobile Safari/537.36 Zalo android/12100"
)


def html_page(request):
    return HttpResponse("<p>Tin phường</p>", content_type="text/html; charset=utf-8")


def visit(path="/", response=html_page, method="get", ua=BROWSER_UA, **headers):
    """One request through the middleware; the view is `response`."""
    request = getattr(RequestFactory(), method)(path, HTTP_USER_AGENT=ua, **headers)
    return VisitMiddleware(response)(request)


def counted():
    return DailyVisits.objects.aggregate(n=Sum("visits", default=0))["n"]


@pytest.fixture(autouse=True)
def _stats(db, settings):
    settings.STATS_STORE = "database"
    settings.STATS_PURGE_PROBABILITY = 0


def test_a_page_view_by_a_person_is_counted():
    visit("/tin-tuc/le-hoi-dua-thuyen/")
    assert counted() == 1


@pytest.mark.parametrize(
    "path",
    [
        "/quan-tri/",
        "/quan-tri/news/article/",
        "/static/css/site.css",
        "/media/anh/le-hoi.jpg",
    ],
)
def test_admin_pages_and_files_are_not_counted_even_as_html(path):
    visit(path)
    assert counted() == 0


def test_the_excluded_paths_follow_the_site_settings(settings):
    settings.STATIC_URL = "/tep-tinh/"
    settings.STATS_EXCLUDED_PATHS = ["/quan-tri/", settings.STATIC_URL]
    visit("/tep-tinh/site.css")
    visit("/static/site.css")
    assert counted() == 1


@pytest.mark.parametrize("path", ["/rss/", "/sitemap.xml", "/robots.txt"])
def test_feeds_the_sitemap_and_robots_are_not_counted(client, path):
    response = client.get(path, HTTP_USER_AGENT=BROWSER_UA)
    assert response.status_code == 200
    assert counted() == 0


@pytest.mark.parametrize(
    "response",
    [
        lambda r: HttpResponse("<p>Không có</p>", status=404),
        lambda r: HttpResponse("<p>Lỗi</p>", status=500),
        lambda r: HttpResponseRedirect("/"),
        lambda r: HttpResponse("<rss/>", content_type="application/rss+xml"),
        lambda r: HttpResponse("User-agent: *", content_type="text/plain"),
        lambda r: HttpResponse("{}", content_type="application/json"),
    ],
    ids=["404", "500", "redirect", "feed", "text", "json"],
)
def test_error_responses_redirects_and_non_html_are_not_counted(response):
    visit("/", response=response)
    assert counted() == 0


@pytest.mark.parametrize("method", ["post", "head", "options"])
def test_only_gets_are_counted(method):
    visit("/", method=method)
    assert counted() == 0


def test_a_staff_preview_of_a_draft_is_not_a_public_page():
    def preview(request):
        response = html_page(request)
        response["Cache-Control"] = "no-cache, no-store, private"
        return response

    visit("/tin-tuc/ban-nhap/", response=preview)
    assert counted() == 0


@pytest.mark.parametrize(
    "header, value",
    [
        ("HTTP_SEC_PURPOSE", "prefetch"),
        ("HTTP_SEC_PURPOSE", "prefetch;prerender"),
        ("HTTP_PURPOSE", "prefetch"),
        ("HTTP_X_PURPOSE", "preview"),
        ("HTTP_X_MOZ", "prefetch"),
    ],
)
def test_prefetch_and_prerender_requests_are_not_counted(header, value):
    visit("/", **{header: value})
    assert counted() == 0
    visit("/")  # the real visit that follows
    assert counted() == 1


@pytest.mark.parametrize(
    "ua",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Zalo-Link-Preview/1.0",
        "Mozilla/5.0 (Linux) HeadlessChrome/120.0 Safari/537.36",
        "curl/8.5.0",
        "python-requests/2.32.3",
        "Wget/1.21.4",
        "Go-http-client/2.0",
        "",
    ],
)
def test_robots_link_previewers_and_http_libraries_are_not_counted(ua):
    visit("/", ua=ua)
    assert counted() == 0


def test_a_reader_inside_zalo_is_counted():
    visit("/", ua=ZALO_APP_UA)
    assert counted() == 1


def test_the_robot_list_is_a_setting(settings):
    settings.STATS_BOT_USER_AGENTS = ["kiemtra-phuong"]
    visit("/", ua="KiemTra-Phuong/1.0 (giám sát)")
    assert counted() == 0
    visit("/", ua="curl/8.5.0")  # no longer in the list
    assert counted() == 1


def test_the_same_visitor_twice_is_one_visit_and_another_browser_is_another():
    visit("/")
    visit("/chuyen-muc/thong-bao/")
    assert counted() == 1
    visit("/", ua=BROWSER_UA.replace("Android 14", "Android 15"))
    assert counted() == 2


def test_a_forged_forwarded_for_header_changes_nothing_by_default():
    visit("/", HTTP_X_FORWARDED_FOR="203.0.113.7")
    visit("/", HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert counted() == 1


def test_behind_one_trusted_proxy_the_client_is_the_last_forwarded_address(settings):
    settings.STATS_TRUSTED_PROXIES = 1
    visit("/", HTTP_X_FORWARDED_FOR="203.0.113.7")
    visit("/", HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert counted() == 2
    # What the client wrote before the proxy's entry is ignored.
    visit("/", HTTP_X_FORWARDED_FOR="10.9.9.9, 198.51.100.9")
    assert counted() == 2


@pytest.mark.parametrize(
    "trusted, forwarded, client",
    [
        (0, "203.0.113.7", "127.0.0.1"),
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "1.2.3.4, 203.0.113.7", "203.0.113.7"),
        (2, "1.2.3.4, 203.0.113.7, 10.0.0.2", "203.0.113.7"),
        (2, "203.0.113.7", "127.0.0.1"),  # fewer entries than proxies
        (1, "không-phải-địa-chỉ", "127.0.0.1"),
        (1, "", "127.0.0.1"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_client_address_follows_the_trusted_proxy_count(
    settings, trusted, forwarded, client
):
    settings.STATS_TRUSTED_PROXIES = trusted
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == client


def test_the_visitor_hash_rotates_at_midnight_in_ho_chi_minh_city():
    tz = timezone.get_default_timezone()
    before = datetime.datetime(2026, 11, 26, 23, 59, tzinfo=tz)
    after = datetime.datetime(2026, 11, 27, 0, 1, tzinfo=tz)
    key = visitor_key("203.0.113.7", BROWSER_UA, timezone.localdate(before))
    assert key == visitor_key("203.0.113.7", BROWSER_UA, datetime.date(2026, 11, 26))
    assert key != visitor_key("203.0.113.7", BROWSER_UA, timezone.localdate(after))
    # Midnight there is 17:00 UTC.
    assert after.astimezone(datetime.UTC).hour == 17


def test_the_salt_is_secret_another_site_key_gives_another_hash(settings):
    day = datetime.date(2026, 11, 26)
    key = visitor_key("203.0.113.7", BROWSER_UA, day)
    settings.SECRET_KEY = "một-khóa-bí-mật-khác-" * 3
    assert visitor_key("203.0.113.7", BROWSER_UA, day) != key


def test_no_address_or_user_agent_is_stored():
    visit("/", REMOTE_ADDR="203.0.113.7")
    (row,) = Visitor.objects.values_list("key", flat=True)
    assert len(row) == 32 and int(row, 16) >= 0
    assert "203.0.113.7" not in row and "Android" not in row


def test_a_returning_visitor_within_the_minute_costs_no_query(
    django_assert_num_queries,
):
    visit("/chuyen-muc/thong-bao/")
    # This process counted the visitor and the reader a moment ago: it
    # knows their last_seen and today's reader row without reading them.
    with django_assert_num_queries(0):
        visit("/chuyen-muc/thong-bao/")


def test_another_process_reads_the_store_once_for_a_returning_visitor(
    django_assert_num_queries,
):
    from django.core.cache import caches

    visit("/chuyen-muc/thong-bao/")
    caches["stats-recent"].clear()
    # 1. SELECT the visitor's last_seen by primary key
    # 2. SELECT whether this visitor read this page today ("Tin đọc nhiều")
    with django_assert_num_queries(2):
        visit("/chuyen-muc/thong-bao/")


def test_a_returning_visitor_costs_at_most_one_small_write_per_minute(monkeypatch):
    from django.db import connection

    start = timezone.now()
    clock = [start]
    monkeypatch.setattr(timezone, "now", lambda: clock[0])
    writes = []
    for second in range(0, 180, 5):  # a page every 5 s for 3 minutes
        clock[0] = start + datetime.timedelta(seconds=second)
        with CaptureQueriesContext(connection) as queries:
            visit("/")
        sql = [q["sql"] for q in queries.captured_queries]
        writes.append([q for q in sql if q.startswith(("INSERT", "UPDATE", "DELETE"))])
    # After the first view, one UPDATE of last_seen once more than a minute
    # has passed (at +65 s, then +130 s): nothing else in 35 page views.
    later = [(n * 5, w) for n, w in enumerate(writes[1:], start=1) if w]
    assert [second for second, _ in later] == [65, 130]
    assert all(
        len(w) == 1 and w[0].startswith('UPDATE "stats_visitor"') for _, w in later
    )
    assert Visitor.objects.count() == 1 and counted() == 1


def test_stale_visitors_are_purged_without_a_cron(settings):
    Visitor.objects.create(
        key="f" * 32, last_seen=timezone.now() - datetime.timedelta(hours=2)
    )
    settings.STATS_PURGE_PROBABILITY = 1
    visit("/")
    assert list(Visitor.objects.values_list("key", flat=True)) != ["f" * 32]
    assert Visitor.objects.count() == 1


def test_the_purge_command_forgets_stale_visitors(settings):
    from django.core.management import call_command

    Visitor.objects.create(
        key="f" * 32, last_seen=timezone.now() - datetime.timedelta(hours=2)
    )
    visit("/")
    call_command("purge_visitors", stdout=open("/dev/null", "w"))
    assert Visitor.objects.count() == 1


def test_with_the_database_failing_the_page_is_served_and_a_warning_logged(
    monkeypatch, caplog
):
    def broken(self, key, now):
        raise DatabaseError("database is locked")

    monkeypatch.setattr(stores.DatabaseStore, "record", broken)
    with caplog.at_level(logging.WARNING, logger="stats"):
        response = visit("/", REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 200
    assert "Visit not counted: DatabaseError: database is locked" in caplog.text
    assert "203.0.113.7" not in caplog.text and "Android" not in caplog.text


def test_with_redis_down_the_page_and_sidebar_still_render(settings, client, caplog):
    settings.STATS_STORE = "redis"
    settings.STATS_REDIS_URL = "redis://127.0.0.1:9/13"  # nothing listens there
    stores.get_store().breaker.reset()
    with caplog.at_level(logging.WARNING):
        response = client.get("/", HTTP_USER_AGENT=BROWSER_UA)
        client.get("/", HTTP_USER_AGENT=BROWSER_UA)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thống kê truy cập" in html
    assert '<dd class="stats-current">–</dd>' in html
    # One warning when the breaker opens; the second page skips Redis quietly.
    assert caplog.text.count("Redis visitor store unavailable") == 1
    assert counted() == 0


def test_statistics_can_be_switched_off(settings):
    from django.core.exceptions import MiddlewareNotUsed

    settings.STATS_ENABLED = False
    with pytest.raises(MiddlewareNotUsed):
        VisitMiddleware(html_page)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_locked_postgresql_table_costs_the_visit_not_the_page(settings, caplog):
    """Another session holds the visitor table: the counter gives up after the
    short lock timeout instead of holding the page."""
    import time

    import psycopg2
    from django.db import connection

    settings.STATS_LOCK_TIMEOUT_SECONDS = 0.5
    params = connection.get_connection_params()
    other = psycopg2.connect(**params)
    try:
        with other.cursor() as cursor:
            cursor.execute("LOCK TABLE stats_visitor IN EXCLUSIVE MODE")
        started = time.monotonic()
        with caplog.at_level(logging.WARNING, logger="stats"):
            response = visit("/")
        assert time.monotonic() - started < 3
    finally:
        other.rollback()
        other.close()
    assert response.status_code == 200
    assert "Visit not counted: OperationalError" in caplog.text
    assert counted() == 0
    visit("/")
    assert counted() == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_USER_AGENT": "Mozilla/5.0 " + "x" * 20000},
        {"HTTP_USER_AGENT": "Mozilla/5.0 \x00\udcff ÿ þ"},
        {"HTTP_X_FORWARDED_FOR": ", ".join(["198.51.100.1"] * 2000)},
        {"HTTP_X_FORWARDED_FOR": "'; DROP TABLE stats_visitor; --"},
        {"HTTP_X_FORWARDED_FOR": "\x00, ::ffff:999.1.1.1, [::1]"},
        {"REMOTE_ADDR": ""},
    ],
    ids=["long-agent", "odd-bytes", "long-forwarded", "sql", "junk", "no-remote"],
)
def test_hostile_headers_never_break_a_page_and_are_counted_at_most_once(
    settings, client, headers
):
    settings.STATS_TRUSTED_PROXIES = 1
    headers = {"HTTP_USER_AGENT": BROWSER_UA, **headers}
    assert client.get("/", **headers).status_code == 200
    assert client.get("/", **headers).status_code == 200
    assert counted() == 1
    assert Visitor.objects.count() == 1
