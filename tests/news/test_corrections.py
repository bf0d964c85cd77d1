"""Correcting a published article leaves a public note for its readers."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from news.models import Article, CorrectionNote
from tests.news.factories import APPROVERS, make_article, make_staff
from tests.news.test_roles import article_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def approver(client):
    user = make_staff("nguoiduyet", APPROVERS)
    client.force_login(user)
    return user


@pytest.fixture
def published():
    return make_article(
        title="Lịch họp tổ dân phố", body="<p>Họp lúc 7 giờ sáng Chủ nhật.</p>"
    )


def correct(client, article, **fields):
    data = article_post(
        article.category,
        title=article.title,
        summary=article.summary,
        status="published",
        opened_version=article.version,
        body="<p>Họp lúc 8 giờ sáng Chủ nhật.</p>",
    )
    data.update(fields)
    return client.post(reverse("admin:news_article_change", args=[article.pk]), data)


def test_editing_a_published_article_asks_for_a_correction_note(
    client, approver, published
):
    response = correct(client, published)
    assert response.status_code == 200
    assert "hãy ghi một dòng đính chính" in response.content.decode()
    published.refresh_from_db()
    assert "7 giờ" in published.body


def test_a_minor_edit_may_skip_the_note_by_an_explicit_choice(
    client, approver, published
):
    assert correct(client, published, minor_edit="on").status_code == 302
    published.refresh_from_db()
    assert "8 giờ" in published.body
    assert not CorrectionNote.objects.exists()


def test_the_note_is_shown_under_the_update_date_and_carried_in_the_feed(
    client, approver, published
):
    response = correct(
        client,
        published,
        correction_note="Đính chính: buổi họp lúc 8 giờ, không phải 7 giờ.",
    )
    assert response.status_code == 302
    note = CorrectionNote.objects.get()
    assert note.text == "buổi họp lúc 8 giờ, không phải 7 giờ."
    assert note.created_by == approver

    client.logout()
    html = client.get(published.get_absolute_url()).content.decode()
    meta = html.index("Ngày cập nhật")
    assert html.index("buổi họp lúc 8 giờ, không phải 7 giờ.") > meta
    assert 'class="article-correction"' in html

    feed = ET.fromstring(client.get("/rss/").content)
    description = feed.find("channel/item/description").text
    assert description.startswith("Đính chính: buổi họp lúc 8 giờ")


def test_a_first_publication_needs_no_note(client, approver):
    pending = make_article(status=Article.Status.PENDING)
    assert correct(client, pending).status_code == 302
    assert not CorrectionNote.objects.exists()
