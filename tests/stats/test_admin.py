"""The admin: starting number, charts of the history, CSV export."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from stats.models import DailyVisits, StatsSettings


@pytest.fixture
def history(db):
    today = timezone.localdate()
    for n in range(400):
        DailyVisits.objects.create(
            day=today - datetime.timedelta(days=n), visits=1000 + n
        )
    return today


def test_staff_set_the_starting_number_in_the_admin(admin_client, db):
    response = admin_client.get("/quan-tri/stats/statssettings/", follow=True)
    assert "Số lượt truy cập ban đầu" in response.content.decode()
    response = admin_client.post(
        "/quan-tri/stats/statssettings/1/change/", {"starting_total": "111200"}
    )
    assert response.status_code == 302
    assert StatsSettings.current().starting_total == 111200


@pytest.mark.parametrize("value", ["-5", "nhiều", "1e9", ""])
def test_a_bad_starting_number_is_refused_with_a_message(admin_client, db, value):
    StatsSettings.objects.create()
    response = admin_client.post(
        "/quan-tri/stats/statssettings/1/change/", {"starting_total": value}
    )
    assert response.status_code == 200
    assert "errornote" in response.content.decode()
    assert StatsSettings.current().starting_total == 0


def test_the_history_page_draws_the_last_30_days_and_12_months(admin_client, history):
    html = admin_client.get("/quan-tri/stats/dailyvisits/").content.decode()
    assert html.count('<svg viewBox="0 0 720 240" role="img"') == 2
    days, months = html.split('id="bieu-do-12-thang-tieu-de"')
    assert days.count("<rect") == 30
    assert months.count("<rect") == 12
    # Figures on hover, Vietnamese dates and numbers.
    assert f"<title>{history:%d/%m/%Y}: 1.000 lượt</title>" in days
    this_month = sum(
        DailyVisits.objects.filter(day__gte=history.replace(day=1)).values_list(
            "visits", flat=True
        )
    )
    assert f"Tháng {history:%m/%Y}: {this_month:,} lượt".replace(",", ".") in months
    # Coordinates stay machine-readable whatever the locale.
    assert 'width="15.9"' in days and 'width="15,9"' not in days


def test_the_tallest_bar_fills_the_chart_and_an_empty_day_has_none(admin_client, db):
    today = timezone.localdate()
    DailyVisits.objects.create(day=today, visits=50)
    DailyVisits.objects.create(day=today - datetime.timedelta(days=2), visits=25)
    html = admin_client.get("/quan-tri/stats/dailyvisits/").content.decode()
    days = html.split('id="bieu-do-12-thang-tieu-de"')[0]
    assert 'y="24.0" width="15.9" height="188.0"' in days
    assert 'y="118.0" width="15.9" height="94.0"' in days
    assert days.count('height="0.0"') == 28


def test_staff_download_the_daily_figures_as_csv(admin_client, history):
    response = admin_client.get("/quan-tri/stats/dailyvisits/csv/")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Ngày", "Lượt truy cập"]
    assert len(rows) == 401
    assert rows[-1] == [f"{history:%d/%m/%Y}", "1000"]


def test_the_history_and_export_are_for_staff_only(client, db):
    for url in ("/quan-tri/stats/dailyvisits/", "/quan-tri/stats/dailyvisits/csv/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/quan-tri/login/" in response["Location"]


def test_nobody_edits_or_deletes_the_history(admin_client, history):
    row = DailyVisits.objects.get(day=history)
    response = admin_client.post(
        f"/quan-tri/stats/dailyvisits/{row.pk}/change/", {"visits": "9"}
    )
    assert response.status_code == 403
    assert admin_client.get("/quan-tri/stats/dailyvisits/add/").status_code == 403
    assert DailyVisits.objects.get(day=history).visits == 1000


@pytest.mark.parametrize(
    "query",
    [
        "?day__year=abc",
        "?day__gte=31/02/2026",
        "?o=99",
        "?p=-1",
        "?q=<script>alert(1)</script>",
        "?visits__gt=%00",
    ],
)
def test_hostile_history_queries_never_give_a_500(admin_client, history, query):
    for url in ("/quan-tri/stats/dailyvisits/", "/quan-tri/stats/dailyvisits/csv/"):
        response = admin_client.get(url + query)
        assert response.status_code in (200, 302, 400, 404)
        assert "<script>alert(1)</script>" not in response.content.decode("utf-8-sig")


def test_the_history_page_works_with_the_redis_store_down(
    admin_client, history, settings
):
    settings.STATS_STORE = "redis"
    settings.STATS_REDIS_URL = "redis://127.0.0.1:9/13"  # nothing listens there
    html = admin_client.get("/quan-tri/stats/dailyvisits/").content.decode()
    assert "Không đọc được số liệu hiện tại" in html
    assert html.count('<svg viewBox="0 0 720 240" role="img"') == 2
