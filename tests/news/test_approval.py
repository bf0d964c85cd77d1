"""Approving a draft publishes it now, not at the time it was written."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.workflow import approval_time
from news.models import Article
from tests.news.factories import APPROVERS, make_article, make_staff
from tests.news.test_roles import article_post

pytestmark = pytest.mark.django_db

DAYS_AGO_3 = datetime.timedelta(days=3)


@pytest.fixture
def approver(client):
    user = make_staff("nguoiduyet", APPROVERS)
    client.force_login(user)
    return user


def test_approval_time_is_now_for_a_past_time_and_unchanged_for_a_future_one():
    now = timezone.now()
    assert approval_time(now - DAYS_AGO_3, now) == now
    assert approval_time(now + DAYS_AGO_3, now) == now + DAYS_AGO_3


def test_a_draft_written_three_days_ago_and_approved_now_leads_today(client, approver):
    newer = make_article(title="Tin đăng hôm qua", ago=datetime.timedelta(days=1))
    draft = make_article(
        status=Article.Status.DRAFT, title="Tin viết từ ba ngày trước", ago=DAYS_AGO_3
    )
    written = timezone.localtime(draft.published_at)
    url = reverse("admin:news_article_change", args=[draft.pk])
    data = article_post(
        draft.category,
        title=draft.title,
        status="published",
        opened_version=draft.version,
        published_at_0=written.strftime("%d/%m/%Y"),
        published_at_1=written.strftime("%H:%M:%S"),
    )
    before = timezone.now()
    assert client.post(url, data).status_code == 302
    draft.refresh_from_db()
    assert draft.published_at >= before
    assert draft.approved_by == approver

    today = timezone.localdate()
    client.logout()
    day_page = client.get(f"/ngay/{today:%Y/%m/%d}/").content.decode()
    assert "Tin viết từ ba ngày trước" in day_page
    home = client.get("/").content.decode()
    assert home.index("Tin viết từ ba ngày trước") < home.index(newer.title)


def test_approving_keeps_a_future_time_as_a_schedule(client, approver):
    later = timezone.localtime() + datetime.timedelta(days=2)
    pending = make_article(status=Article.Status.PENDING, published_at=later)
    url = reverse("admin:news_article_change", args=[pending.pk])
    data = article_post(
        pending.category,
        title=pending.title,
        status="published",
        opened_version=pending.version,
        published_at_0=later.strftime("%d/%m/%Y"),
        published_at_1=later.strftime("%H:%M:%S"),
    )
    assert client.post(url, data).status_code == 302
    pending.refresh_from_db()
    assert pending.published_at > timezone.now() + datetime.timedelta(days=1)
    assert not Article.objects.published().exists()


def test_the_publish_time_help_text_says_approval_sets_it(client, approver):
    html = client.get(reverse("admin:news_article_add")).content.decode()
    assert "thay bằng lúc duyệt" in html
