"""Home, category and article pages."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import Article
from tests.news.factories import make_article, make_category

pytestmark = pytest.mark.django_db


def days(n):
    return datetime.timedelta(days=n)


def test_home_shows_featured_latest_and_a_block_per_menu_category(client):
    first = make_category("Tin hoạt động", order=1)
    second = make_category("Thông báo", order=2)
    make_category("Ẩn khỏi menu", in_menu=False)
    make_article(first, title="Tin nổi bật của tuần", is_featured=True)
    make_article(second, title="Thông báo lịch tiếp dân", ago=days(2))
    response = client.get("/")
    html = response.content.decode()
    assert [a.title for a in response.context["featured"]] == ["Tin nổi bật của tuần"]
    assert "Thông báo lịch tiếp dân" in [a.title for a in response.context["page_obj"]]
    assert [c.name for c, _ in response.context["blocks"]] == [
        "Tin hoạt động",
        "Thông báo",
    ]
    assert html.index('id="cm-tin-hoat-dong"') < html.index('id="cm-thong-bao"')


def test_a_category_block_on_home_includes_sub_categories_and_holds_four(client):
    parent = make_category("Văn hóa – Xã hội", order=1)
    child = make_category("Thể thao", parent=parent)
    for n in range(3):
        make_article(parent, title=f"Tin văn hóa {n}", ago=days(n + 2))
    make_article(child, title="Tin thể thao mới nhất", ago=days(1))
    make_article(child, title="Tin thể thao cũ", ago=days(9))
    [(category, articles)] = client.get("/").context["blocks"]
    assert category == parent
    assert [a.title for a in articles] == [
        "Tin thể thao mới nhất",
        "Tin văn hóa 0",
        "Tin văn hóa 1",
        "Tin văn hóa 2",
    ]


def test_a_category_page_lists_its_news_and_its_sub_categories_newest_first(client):
    parent = make_category("Văn hóa")
    child = make_category("Thể thao", parent=parent)
    make_article(parent, title="Tin cũ hơn", ago=days(3))
    make_article(child, title="Tin mới hơn", ago=days(1))
    make_article(make_category("Khác"), title="Tin chuyên mục khác")
    titles = [
        a.title for a in client.get(parent.get_absolute_url()).context["page_obj"]
    ]
    assert titles == ["Tin mới hơn", "Tin cũ hơn"]


def test_a_long_category_is_paginated(client):
    category = make_category("Thông báo")
    for n in range(14):
        make_article(category, ago=days(n))
    page = client.get(category.get_absolute_url(), {"page": 2}).context["page_obj"]
    assert page.number == 2 and len(page) == 2


def test_an_article_shows_its_date_source_summary_and_print_button(client):
    article = make_article(
        title="Hướng dẫn đăng ký thường trú trực tuyến",
        summary="Người dân có thể nộp hồ sơ tại nhà.",
        source_name="Cổng thông tin tỉnh",
        source_url="https://tinh.example.vn/tin/1",
    )
    html = client.get(article.get_absolute_url()).content.decode()
    updated = article.updated_at.astimezone(
        datetime.timezone(datetime.timedelta(hours=7))
    )
    assert "Ngày cập nhật <time datetime=" in html
    assert updated.strftime("%d/%m/%Y") in html
    assert "Người dân có thể nộp hồ sơ tại nhà." in html
    assert 'Nguồn tin (<a href="https://tinh.example.vn/tin/1"' in html
    assert "data-print" in html


def test_other_news_shows_the_category_around_the_article_then_the_latest(client):
    own, other = make_category("Tin hoạt động"), make_category("Thông báo")
    article = make_article(own, title="Tin đang đọc", ago=days(5))
    for n in range(4):
        make_article(own, title=f"Mới hơn {n}", ago=days(4 - n))  # 4, 3, 2, 1 days
        make_article(own, title=f"Cũ hơn {n}", ago=days(6 + n))  # 6, 7, 8, 9 days
    for n in range(9):
        make_article(
            other,
            title=f"Chuyên mục khác {n}",
            ago=days(n) + datetime.timedelta(hours=12),
        )
    make_article(own, title="Bản nháp", status=Article.Status.DRAFT)
    response = client.get(article.get_absolute_url())
    around = [a.title for a in response.context["same_category"]]
    # Three newer and three older, in date order: no jump back and forth.
    assert around == [
        "Mới hơn 2",
        "Mới hơn 1",
        "Mới hơn 0",
        "Cũ hơn 0",
        "Cũ hơn 1",
        "Cũ hơn 2",
    ]
    latest = [a.title for a in response.context["latest_news"]]
    assert latest == [
        "Chuyên mục khác 0",
        "Mới hơn 3",
        "Chuyên mục khác 1",
        "Chuyên mục khác 2",
        "Chuyên mục khác 3",
    ]
    assert "Tin đang đọc" not in around + latest and "Bản nháp" not in around + latest
    html = response.content.decode()
    assert html.index("Các tin khác") < html.index("Cùng chuyên mục Tin hoạt động")
    assert html.index("Cùng chuyên mục Tin hoạt động") < html.index(">Tin mới</h3>")


def test_reading_an_article_writes_nothing_to_the_database(client, settings):
    settings.STATS_ENABLED = False  # the statistics store is the only writer
    article = make_article()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(article.get_absolute_url()).status_code == 200
    assert [q["sql"] for q in queries if not q["sql"].startswith("SELECT")] == []
