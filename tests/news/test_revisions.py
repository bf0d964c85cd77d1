"""Every save keeps a version; staff compare two and restore one as a draft."""

import pytest
from django.urls import reverse
from reversion.models import Version

from core.revisions import text_diff
from news.models import Article
from portal.models import Page
from tests.news.factories import APPROVERS, make_article, make_staff
from tests.news.test_roles import article_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def approver(client):
    user = make_staff("nguoiduyet", APPROVERS)
    client.force_login(user)
    return user


def edit(client, article, **changes):
    article.refresh_from_db()
    data = article_post(
        article.category,
        title=article.title,
        summary=article.summary,
        body=article.body,
        status=article.status,
        opened_version=article.version,
        correction_note="Đính chính: sửa lại nội dung cho đúng.",
    )
    data.update(changes)
    url = reverse("admin:news_article_change", args=[article.pk])
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]


def test_every_save_keeps_a_version_naming_its_user(client, approver):
    article = make_article(status=Article.Status.DRAFT, title="Tin bản đầu")
    edit(client, article, title="Tin bản hai")
    versions = Version.objects.get_for_object(article)
    assert versions.count() == 2
    assert versions[0].field_dict["title"] == "Tin bản hai"
    assert versions[0].revision.user == approver
    html = client.get(
        reverse("admin:news_article_versions", args=[article.pk])
    ).content.decode()
    assert "nguoiduyet" in html and "Tin bản đầu" in html


def test_the_diff_marks_removed_and_added_words_and_escapes_them():
    html = text_diff("<p>Họp lúc 7 giờ</p>", "<p>Họp lúc 8 giờ &lt;script&gt;</p>")
    assert "<del>7</del> <ins>8</ins> giờ <ins>&lt;script&gt;</ins>" in html
    assert "<script>" not in html


def test_staff_compare_two_versions_of_title_sapo_and_body(client, approver):
    article = make_article(
        status=Article.Status.DRAFT, body="<p>Hạn nộp hồ sơ ngày 5.</p>"
    )
    edit(client, article, body="<p>Hạn nộp hồ sơ ngày 9.</p>", summary="Sapo mới.")
    newer, older = Version.objects.get_for_object(article)
    url = reverse("admin:news_article_compare", args=[article.pk])
    html = client.get(url, {"a": older.pk, "b": newer.pk}).content.decode()
    assert "<del>5.</del>" in html and "<ins>9.</ins>" in html
    assert "Sapo" in html and "<ins>Sapo mới.</ins>" in html


def test_restoring_a_version_makes_a_new_draft_and_never_publishes(client, approver):
    article = make_article(title="Tiêu đề đúng")
    edit(client, article, title="Tiêu đề sai", status="published")
    older = Version.objects.get_for_object(article)[1]
    url = reverse("admin:news_article_restore", args=[article.pk, older.pk])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 302
    article.refresh_from_db()
    assert article.title == "Tiêu đề đúng"
    assert article.status == Article.Status.DRAFT
    assert Version.objects.get_for_object(article).count() == 3
    assert not Article.objects.published().exists()


def test_a_writer_cannot_list_the_versions_of_another_writers_draft(client):
    from tests.news.factories import WRITERS

    owner = make_staff("bob", WRITERS)
    draft = make_article(status=Article.Status.DRAFT, created_by=owner)
    client.force_login(make_staff("alice", WRITERS))
    url = reverse("admin:news_article_versions", args=[draft.pk])
    assert client.get(url).status_code == 404


def test_static_pages_keep_versions_and_restore_hidden(admin_client):
    page = Page.objects.create(title="Giới thiệu", body="<p>Bản đầu.</p>")
    page.body = "<p>Bản sau.</p>"
    page.save()
    newer, older = Version.objects.get_for_object(page)
    url = reverse("admin:portal_page_compare", args=[page.pk])
    html = admin_client.get(url, {"a": older.pk, "b": newer.pk}).content.decode()
    assert "Bản <del>đầu.</del> <ins>sau.</ins>" in html
    admin_client.post(reverse("admin:portal_page_restore", args=[page.pk, older.pk]))
    page.refresh_from_db()
    assert page.body == "<p>Bản đầu.</p>" and not page.is_published


def test_version_numbers_in_the_list_are_not_written_with_thousands_dots(
    client, approver
):
    article = make_article(status=Article.Status.DRAFT)
    Version.objects.filter(pk=Version.objects.get_for_object(article)[0].pk).update(
        id=123456
    )
    url = reverse("admin:news_article_versions", args=[article.pk])
    html = client.get(url).content.decode()
    assert 'value="123456"' in html and "123.456" not in html
