"""Browsing by date: a day is a day in Asia/Ho_Chi_Minh."""

import datetime
import zoneinfo

import pytest

from tests.news.factories import make_article

pytestmark = pytest.mark.django_db

HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def at(y, m, d, hh, mm=0):
    return datetime.datetime(y, m, d, hh, mm, tzinfo=HCM)


def test_an_article_at_half_past_eleven_in_the_evening_belongs_to_that_local_day(
    client,
):
    # 23:30 on 10/04 in Hồ Chí Minh City is 16:30 UTC the same day; 00:30 on
    # 11/04 is still 10/04 in UTC. Both must be grouped by the local day.
    make_article(title="Tin đêm muộn", published_at=at(2025, 4, 10, 23, 30))
    make_article(title="Tin sau nửa đêm", published_at=at(2025, 4, 11, 0, 30))
    tenth = client.get("/ngay/2025/04/10/").content.decode()
    eleventh = client.get("/ngay/2025/04/11/").content.decode()
    assert "Tin đêm muộn" in tenth and "Tin sau nửa đêm" not in tenth
    assert "Tin sau nửa đêm" in eleventh and "Tin đêm muộn" not in eleventh
    assert "10/04/2025" in tenth


def test_a_day_links_to_the_previous_and_next_days_that_have_news(client):
    make_article(title="Tin đầu", published_at=at(2025, 3, 1, 9))
    make_article(title="Tin giữa", published_at=at(2025, 3, 5, 9))
    make_article(title="Tin cuối", published_at=at(2025, 3, 20, 23, 59))
    html = client.get("/ngay/2025/03/05/").content.decode()
    assert 'href="/ngay/2025/03/01/"' in html
    assert 'href="/ngay/2025/03/20/"' in html


def test_a_day_without_news_says_so_and_still_links_to_neighbours(client):
    make_article(published_at=at(2025, 3, 1, 9))
    response = client.get("/ngay/2025/03/02/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Không có tin nào được đăng trong ngày 02/03/2025." in html
    assert 'href="/ngay/2025/03/01/"' in html


def test_the_day_picker_form_leads_to_the_day_page(client):
    response = client.get("/ngay/", {"ngay": "2025-04-10"})
    assert response.status_code == 302
    assert response["Location"] == "/ngay/2025/04/10/"


def test_the_month_archive_lists_the_months_news_in_local_time(client):
    make_article(title="Tin cuối tháng ba", published_at=at(2025, 3, 31, 23, 30))
    make_article(title="Tin đầu tháng tư", published_at=at(2025, 4, 1, 0, 15))
    html = client.get("/ngay/2025/03/").content.decode()
    assert "Tin cuối tháng ba" in html and "Tin đầu tháng tư" not in html
    assert 'href="/ngay/2025/04/"' in html


def test_the_day_page_hides_drafts_and_scheduled_news(client):
    from django.utils import timezone

    from news.models import Article

    make_article(
        title="Tin nháp", status=Article.Status.DRAFT, published_at=at(2025, 4, 10, 9)
    )
    make_article(
        title="Tin hẹn giờ", published_at=timezone.now() + datetime.timedelta(hours=2)
    )
    today = timezone.localdate()
    assert "Tin nháp" not in client.get("/ngay/2025/04/10/").content.decode()
    html = client.get(f"/ngay/{today:%Y/%m/%d}/").content.decode()
    assert "Tin hẹn giờ" not in html
