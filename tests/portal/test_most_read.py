"""Tin đọc nhiều (issue 12): stats' readers per path, shown as articles."""

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.template import Context, Template

from tests.news.factories import make_article
from tests.stats.conftest import BROWSER_UA

ROBOT_UA = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


@pytest.fixture(autouse=True)
def _stats(settings, db):
    settings.STATS_STORE = "database"
    settings.STATS_PURGE_PROBABILITY = 0


def read(client, article, n, ua=BROWSER_UA):
    response = client.get(
        article.get_absolute_url(), HTTP_USER_AGENT=ua, REMOTE_ADDR=f"198.51.100.{n}"
    )
    assert response.status_code == 200


def test_thirty_readers_put_an_article_first_and_robots_and_staff_add_nothing(client):
    popular = make_article(title="Lịch tiêm chủng tháng này")
    quiet = make_article(title="Thông báo cắt điện")
    for n in range(1, 31):
        read(client, popular, n)
        read(client, popular, n)  # a reload is the same reader
    for n in range(1, 6):
        read(client, quiet, n)
        read(client, popular, 100 + n, ua=ROBOT_UA)
    staff = User.objects.create_user("bien-tap", password="x", is_staff=True)
    client.force_login(staff)
    read(client, popular, 200)
    client.logout()

    response = client.get("/tin-doc-nhieu/", HTTP_USER_AGENT=BROWSER_UA)
    assert [(a.title, n) for a, n in response.context["ranked"]] == [
        ("Lịch tiêm chủng tháng này", 30),
        ("Thông báo cắt điện", 5),
    ]
    assert "30 người đọc" in response.content.decode()
    cache.clear()  # the sidebar's copy from the first view, a minute at most
    html = client.get("/", HTTP_USER_AGENT=BROWSER_UA).content.decode()
    block = html.split('id="tieu-de-doc-nhieu"')[1].split("</section>")[0]
    assert block.index("Lịch tiêm chủng tháng này") < block.index("Thông báo cắt điện")


def test_an_unpublished_article_drops_out_of_the_ranking(client):
    article = make_article(title="Tin sẽ gỡ")
    read(client, article, 1)
    article.status = article.Status.DRAFT
    article.save()
    response = client.get("/tin-doc-nhieu/?ngay=30")
    assert response.context["days"] == 30
    assert response.context["ranked"] == []
    assert "Chưa có số liệu" in response.content.decode()


def test_reading_an_article_writes_nothing_to_the_article(client):
    article = make_article()
    read(client, article, 1)
    article.refresh_from_db()
    assert article.view_count == 0


def test_the_sidebar_block_is_cached_briefly(django_assert_max_num_queries):
    make_article()
    block = Template("{% load portal_tags %}{% most_read %}")
    block.render(Context())
    with django_assert_max_num_queries(0):
        html = block.render(Context())
    assert "Tin đọc nhiều" in html and "/tin-doc-nhieu/" in html
