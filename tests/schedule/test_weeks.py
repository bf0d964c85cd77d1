"""ISO weeks, Monday to Sunday, in local days of Asia/Ho_Chi_Minh: the week
view across a year boundary, and which week "this week" is."""

import datetime

import pytest
from django.utils import timezone

from schedule.weeks import Week
from tests.schedule.factories import make_entry

pytestmark = pytest.mark.django_db

D = datetime.date
UTC = datetime.UTC


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_2026_has_a_week_53_that_runs_into_2027():
    week = Week.find(2026, 53)
    assert week.monday == D(2026, 12, 28) and week.sunday == D(2027, 1, 3)
    for day in (D(2026, 12, 31), D(2027, 1, 1), D(2027, 1, 3)):
        assert Week.of(day) == week
    assert week.next == Week(2027, 1) and Week(2027, 1).monday == D(2027, 1, 4)
    assert Week(2027, 1).previous == week


def test_a_year_without_a_week_53_has_none():
    assert Week.find(2027, 53) is None
    assert Week.find(2025, 53) is None
    assert Week.find(2026, 0) is None and Week.find(2026, 54) is None
    # 29/12/2025 is in the first week of 2026.
    assert Week.of(D(2025, 12, 29)) == Week(2026, 1)


def test_the_week_page_across_the_new_year_shows_both_years_days(client):
    make_entry(D(2026, 12, 31), "08:00", content="Tổng kết công tác năm")
    make_entry(D(2027, 1, 1), "07:00", content="Chào cờ đầu năm mới")
    make_entry(D(2027, 1, 3), "23:30", content="Trực Tết dương lịch đêm chủ nhật")
    make_entry(D(2027, 1, 4), "07:30", content="Giao ban tuần đầu năm")
    make_entry(D(2026, 12, 27), "08:00", content="Việc của tuần trước")
    html = page(client, "/lich-cong-tac/2026/tuan-53/")
    assert "Lịch công tác tuần 53" in html
    assert "(từ 28/12/2026 đến 03/01/2027)" in html
    assert html.index("Thứ Năm 31/12/2026") < html.index("Tổng kết công tác năm")
    assert html.index("Thứ Sáu 01/01/2027") < html.index("Chào cờ đầu năm mới")
    assert html.index("Chủ nhật 03/01/2027") < html.index("Trực Tết dương lịch")
    assert "Giao ban tuần đầu năm" not in html and "Việc của tuần trước" not in html
    assert 'href="/lich-cong-tac/2026/tuan-52/" rel="prev"' in html
    assert 'href="/lich-cong-tac/2027/tuan-1/" rel="next"' in html
    following = page(client, "/lich-cong-tac/2027/tuan-1/")
    assert "(từ 04/01/2027 đến 10/01/2027)" in following
    assert "Giao ban tuần đầu năm" in following
    assert "Trực Tết dương lịch" not in following
    assert 'href="/lich-cong-tac/2026/tuan-53/" rel="prev"' in following


def test_days_are_in_order_and_entries_by_time(client):
    make_entry(D(2027, 1, 2), "14:00", content="Buổi chiều thứ bảy")
    make_entry(D(2027, 1, 2), "07:00", content="Buổi sáng thứ bảy")
    make_entry(D(2026, 12, 28), "09:00", content="Sáng thứ hai")
    html = page(client, "/lich-cong-tac/2026/tuan-53/")
    order = ["Thứ Hai 28/12/2026", "Sáng thứ hai", "Thứ Bảy 02/01/2027"]
    order += ["Buổi sáng thứ bảy", "Buổi chiều thứ bảy"]
    positions = [html.index(text) for text in order]
    assert positions == sorted(positions)
    assert "Thứ Ba 29/12/2026" not in html  # a day without entries is left out


@pytest.mark.parametrize(
    "utc, week",
    [
        # 16:59 UTC on Sunday 03/01/2027 is 23:59 in Hà Nội: still week 53.
        (datetime.datetime(2027, 1, 3, 16, 59, tzinfo=UTC), "tuần 53"),
        # 17:00 UTC is midnight on Monday 04/01 in Hà Nội: week 1 of 2027.
        (datetime.datetime(2027, 1, 3, 17, 0, tzinfo=UTC), "tuần 1 "),
    ],
)
def test_this_week_turns_at_local_midnight_on_monday(client, monkeypatch, utc, week):
    make_entry(
        D(2027, 1, 3),
        "23:30",
        content="Trực đêm chủ nhật",
        published_at=datetime.datetime(2026, 12, 1, tzinfo=UTC),
    )
    monkeypatch.setattr(timezone, "now", lambda: utc)
    html = page(client, "/lich-cong-tac/")
    assert f"Lịch công tác {week}" in html
    # The Sunday 23:30 entry belongs to its own week, never to the next one.
    assert ("Trực đêm chủ nhật" in html) == (week == "tuần 53")


def test_the_current_week_page_shows_today_and_no_link_to_itself(client):
    today = timezone.localdate()
    make_entry(today, content="Việc hôm nay")
    html = page(client, "/lich-cong-tac/")
    week = Week.current()
    assert f"Lịch công tác tuần {week.number} " in html and "Việc hôm nay" in html
    assert ">Tuần này</a>" not in html
    other = page(client, f"/lich-cong-tac/{week.next.year}/tuan-{week.next.number}/")
    assert '<a href="/lich-cong-tac/">Tuần này</a>' in other


def test_an_empty_week_says_so_and_asks_not_to_be_indexed(client):
    html = page(client, "/lich-cong-tac/2030/tuan-10/")
    assert "Chưa có lịch công tác nào được công bố cho tuần 10" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "<table" not in html


def test_a_week_with_entries_may_be_indexed(client):
    make_entry(D(2030, 3, 5))
    html = page(client, "/lich-cong-tac/2030/tuan-10/")
    assert 'name="robots"' not in html


def test_the_first_and_last_weeks_in_range_have_no_link_beyond(client):
    first = page(client, "/lich-cong-tac/1900/tuan-1/")
    assert 'rel="prev"' not in first and 'rel="next"' in first
    last_week = Week.of(D(2999, 12, 25))
    last = page(client, f"/lich-cong-tac/{last_week.year}/tuan-{last_week.number}/")
    assert 'rel="prev"' in last
