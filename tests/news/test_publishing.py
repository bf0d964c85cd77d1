"""What the public sees: only published articles whose time has come."""

import datetime

import pytest
from django.utils import timezone

from news.models import Article
from tests.news.factories import APPROVERS, make_article, make_staff

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


@pytest.mark.parametrize(
    ("status", "offset", "public"),
    [
        (Article.Status.DRAFT, -HOUR, False),
        (Article.Status.DRAFT, HOUR, False),
        (Article.Status.PENDING, -HOUR, False),
        (Article.Status.PENDING, HOUR, False),
        (Article.Status.PUBLISHED, -HOUR, True),
        (Article.Status.PUBLISHED, HOUR, False),
    ],
)
def test_only_published_articles_whose_time_has_passed_are_public(
    client, status, offset, public
):
    article = make_article(status=status, published_at=timezone.now() + offset)
    assert (article in Article.objects.published()) is public
    assert client.get(article.get_absolute_url()).status_code == (
        200 if public else 404
    )
    assert (article.title in client.get("/").content.decode()) is public
    category_page = client.get(article.category.get_absolute_url()).content.decode()
    assert (article.title in category_page) is public
    assert (
        article.get_absolute_url() in client.get("/rss/").content.decode()
    ) is public
    assert (article.slug in client.get("/sitemap.xml").content.decode()) is public


def test_a_scheduled_article_appears_by_itself_when_its_time_comes(client, settings):
    # Time is faked by moving the publish time, which the caches cannot see
    # (tests/portal/test_page_cache.py lets real time pass with them on).
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0
    article = make_article(
        title="Lịch tiêm chủng tháng tới", published_at=timezone.now() + HOUR
    )
    assert "Lịch tiêm chủng tháng tới" not in client.get("/").content.decode()
    # Time passes: move the publish time into the past instead of the clock.
    Article.objects.filter(pk=article.pk).update(
        published_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert "Lịch tiêm chủng tháng tới" in client.get("/").content.decode()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_public_pages_may_be_cached_by_a_proxy_for_a_short_time(client):
    article = make_article()
    for url in (
        "/",
        article.category.get_absolute_url(),
        article.get_absolute_url(),
        "/rss/",
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Cache-Control"] == "public, max-age=60", url


def test_staff_preview_a_draft_on_the_public_layout_and_it_is_never_cached(client):
    draft = make_article(
        title="Bản nháp về lễ hội đường phố", status=Article.Status.DRAFT
    )
    client.force_login(make_staff("bientap", APPROVERS))
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bản xem trước" in html and "Bản nháp về lễ hội đường phố" in html
    assert '<meta name="robots" content="noindex">' in html
    cache_control = response["Cache-Control"]
    assert "no-cache" in cache_control and "private" in cache_control
    assert "public" not in cache_control


def test_the_public_gets_an_uncached_404_for_a_scheduled_article(client):
    scheduled = make_article(published_at=timezone.now() + HOUR)
    response = client.get(scheduled.get_absolute_url())
    assert response.status_code == 404
    assert "no-cache" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_a_preview_does_not_count_as_a_view(client):
    draft = make_article(status=Article.Status.PENDING)
    client.force_login(make_staff("duyettin", APPROVERS))
    client.get(draft.get_absolute_url())
    draft.refresh_from_db()
    assert draft.view_count == 0
