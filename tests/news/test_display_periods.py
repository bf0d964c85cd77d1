"""Display periods (issue 15): an article with an end of display leaves the
home page, the lists, the feeds and the search results at that moment, yet
stays at its address with a line saying it has expired."""

import datetime
import time

import pytest
from django.contrib.admin.sites import site as admin_site
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory
from django.utils import timezone

from core.env import env_days_map
from news.models import Article
from tests.news.factories import APPROVERS, make_article, make_category, make_staff

pytestmark = pytest.mark.django_db

END = datetime.datetime(2026, 7, 15, 7, 30, tzinfo=datetime.UTC)  # 14:30 in Hà Nội
SECOND = datetime.timedelta(seconds=1)
TITLE = "Tạm ngừng cấp nước khu phố 3"


@pytest.fixture(autouse=True)
def uncached(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def clock(monkeypatch):
    """clock(t): from now on, timezone.now() answers t."""

    def set_to(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return set_to


@pytest.fixture
def notice(clock):
    clock(END - datetime.timedelta(days=2))
    category = make_category("Thông báo")
    return make_article(
        category,
        title=TITLE,
        summary="Nước ngừng từ 8 giờ đến 14 giờ 30 để sửa đường ống.",
        body="<p>Bà con chủ động trữ nước.</p>",
        display_until=END,
    )


def listed_on(client, notice):
    day = timezone.localdate(notice.published_at)
    pages = {
        "home": "/",
        "category": notice.category.get_absolute_url(),
        "day": f"/ngay/{day:%Y/%m/%d}/",
        "month": f"/ngay/{day:%Y/%m}/",
        "feed": "/rss/",
        "category feed": f"/rss/chuyen-muc/{notice.category.slug}/",
        "search": "/tim-kiem/?q=c%E1%BA%A5p+n%C6%B0%E1%BB%9Bc",
    }
    # Its address, not its title: search results highlight the title's words.
    link = notice.get_absolute_url()
    return {
        name: link in client.get(url).content.decode() for name, url in pages.items()
    }


def test_a_notice_is_listed_until_the_last_moment_before_its_end(client, clock, notice):
    clock(END - datetime.timedelta(microseconds=1))
    assert all(listed_on(client, notice).values()), listed_on(client, notice)
    page = client.get(notice.get_absolute_url()).content.decode()
    assert "hết thời hạn hiển thị" not in page


def test_at_its_end_time_a_notice_leaves_every_list(client, clock, notice):
    clock(END)
    assert not any(listed_on(client, notice).values()), listed_on(client, notice)
    assert notice not in Article.objects.listed()
    assert notice in Article.objects.published()


def test_an_expired_notice_still_answers_at_its_address_with_a_line(
    client, clock, notice
):
    clock(END + datetime.timedelta(days=30))
    response = client.get(notice.get_absolute_url())
    assert response.status_code == 200
    assert (
        "Thông báo này đã hết thời hạn hiển thị từ "
        '<time datetime="2026-07-15T14:30:00+0700">14:30 15/07/2026</time>.'
    ) in response.content.decode()


def test_an_expired_notice_is_not_among_the_other_news_of_an_article(client, clock):
    clock(END - datetime.timedelta(days=1))
    category = make_category("Thông báo")
    make_article(category, title=TITLE, display_until=END)
    other = make_article(category, title="Họp tổ dân phố")
    clock(END)
    assert TITLE not in client.get(other.get_absolute_url()).content.decode()


def test_articles_without_an_end_stay_listed(client, clock):
    article = make_article(title="Tin không thời hạn")
    clock(timezone.now() + datetime.timedelta(days=3650))
    assert article in Article.objects.listed()


def test_the_page_cache_does_not_outlive_the_next_end_of_display():
    soon = timezone.now() + datetime.timedelta(minutes=5)
    later = timezone.now() + datetime.timedelta(minutes=9)
    make_article(display_until=later)
    make_article(display_until=soon)
    make_article(published_at=timezone.now() + datetime.timedelta(minutes=7))
    make_article(display_until=timezone.now() - SECOND)  # already over
    assert Article.objects.next_change() == soon


def test_a_cached_home_page_shows_the_change_when_a_notice_expires(
    client, settings, tmp_path
):
    settings.DATA_DIR = tmp_path
    settings.PAGE_CACHE_SECONDS = 30
    make_article(title=TITLE, display_until=timezone.now() + 2 * SECOND)
    assert TITLE in client.get("/").content.decode()
    assert client.get("/")["X-Page-Cache"] == "hit"  # kept until then
    time.sleep(2.2)
    assert TITLE not in client.get("/").content.decode()


def test_an_end_before_the_publish_time_is_refused():
    article = make_article()
    article.display_until = article.published_at - SECOND
    with pytest.raises(Exception) as error:
        article.full_clean()
    assert "phải sau thời gian xuất bản" in str(error.value)


def approve(article):
    """Approval as the admin does it (core.workflow.WorkflowAdmin)."""
    request = RequestFactory().post("/")
    request.user = make_staff(f"duyet-{article.pk}", APPROVERS)
    admin_site._registry[Article].mark_approved(request, article)
    return article


def test_approval_applies_the_categorys_default_period(settings):
    settings.NEWS_DISPLAY_DAYS = {"thong-bao": 7}
    article = approve(make_article(make_category("Thông báo"), status="draft"))
    assert article.display_until == article.published_at + datetime.timedelta(days=7)


def test_approval_keeps_an_end_set_by_the_writer_and_other_categories_have_none(
    settings,
):
    settings.NEWS_DISPLAY_DAYS = {"thong-bao": 7}
    chosen = timezone.now() + datetime.timedelta(days=2)
    notice = make_article(make_category("Thông báo"), status="draft")
    notice.display_until = chosen
    assert approve(notice).display_until == chosen
    news = approve(make_article(make_category("Tin hoạt động"), status="draft"))
    assert news.display_until is None


def test_the_default_periods_setting_reads_slug_equals_days(monkeypatch):
    monkeypatch.setenv("NEWS_DISPLAY_DAYS", "thong-bao=30, lich-cat-dien=7")
    assert env_days_map("NEWS_DISPLAY_DAYS", {}) == {
        "thong-bao": 30,
        "lich-cat-dien": 7,
    }
    monkeypatch.setenv("NEWS_DISPLAY_DAYS", "")
    assert env_days_map("NEWS_DISPLAY_DAYS", {}) == {}


@pytest.mark.parametrize(
    "value", ["thong-bao", "thong-bao=0", "thong-bao=-3", "=5", "a=1,a=2", "x=ba"]
)
def test_a_bad_default_periods_setting_stops_start_up(monkeypatch, value):
    monkeypatch.setenv("NEWS_DISPLAY_DAYS", value)
    with pytest.raises(ImproperlyConfigured, match="NEWS_DISPLAY_DAYS"):
        env_days_map("NEWS_DISPLAY_DAYS", {})
