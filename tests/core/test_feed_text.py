"""Text that never breaks a feed, and feeds that show plain text as typed."""

import html
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from django.db import connection

from news.models import Article, Category
from tests.news.factories import make_article, make_category

pytestmark = pytest.mark.django_db

RED_TEAM = "Giá < 5 triệu <img src=x onerror=alert(1)>"


class Tags(HTMLParser):
    """The elements a feed reader would make of a text it renders as HTML."""

    def __init__(self, text):
        super().__init__()
        self.found = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.found.append(tag)


def items(client, url="/rss/"):
    response = client.get(url)
    assert response.status_code == 200
    return ET.fromstring(response.content).find("channel").findall("item")


def test_a_word_line_break_in_a_summary_becomes_a_newline_on_save():
    article = make_article(summary="Dòng một\u000bdòng hai\u2028dòng ba")
    article.refresh_from_db()
    assert article.summary == "Dòng một\ndòng hai\ndòng ba"


def test_control_characters_are_removed_from_every_text_field_on_save():
    category = make_category("Thông\x01 báo\x7f")
    article = make_article(category, title="Tin\x00 mới\x1b", author="Ban\x08 biên tập")
    category.refresh_from_db()
    article.refresh_from_db()
    assert (category.name, article.title, article.author) == (
        "Thông báo",
        "Tin mới",
        "Ban biên tập",
    )


def test_feeds_stay_valid_with_control_characters_saved_before_the_rule(client):
    category = make_category("Thông báo")
    article = make_article(category, title="Tin cắt nước")
    # Rows written before the rule (as by older code or a raw import).
    Category.objects.filter(pk=category.pk).update(name="Thông\x01 báo")
    Article.objects.filter(pk=article.pk).update(summary="Cắt nước\u000bngày mai")
    [item] = items(client)
    assert item.findtext("description") == "Cắt nước ngày mai"
    assert item.findtext("category") == "Thông báo"
    assert len(items(client, f"/rss/chuyen-muc/{category.slug}/")) == 1


def test_the_data_migration_cleans_rows_saved_before_the_rule():
    from django.apps import apps

    from core.migration_ops import clean_stored_text

    article = make_article(title="Tin")
    Article.objects.filter(pk=article.pk).update(summary="a\x01b\u000bc")
    operation = clean_stored_text("news", "Article")
    operation.code(apps, SimpleNamespace(connection=connection))
    article.refresh_from_db()
    assert article.summary == "ab\nc"


def test_plain_text_reaches_a_feed_reader_as_text_not_markup(client):
    make_article(title=RED_TEAM, summary=RED_TEAM, author=RED_TEAM)
    [item] = items(client)
    dc = "{http://purl.org/dc/elements/1.1/}creator"
    for text in (item.findtext("title"), item.findtext("description")):
        # What a reader shows after rendering the text as HTML:
        assert Tags(text).found == []
        assert html.unescape(text) == RED_TEAM
    assert Tags(item.findtext(dc)).found == []
