"""Nobody's work is overwritten unseen: stale forms are refused, and bulk
publishing asks for a fresh look at what changed since it was last opened."""

import pytest
from django.urls import reverse

from news.models import Article
from tests.news.factories import APPROVERS, WRITERS, make_article, make_staff
from tests.news.test_roles import article_post

pytestmark = pytest.mark.django_db

LIST_URL = reverse("admin:news_article_changelist")


def test_every_save_adds_one_to_the_version_number():
    article = make_article(status=Article.Status.DRAFT)
    assert article.version == 1
    article.save()
    article.save()
    article.refresh_from_db()
    assert article.version == 3


def test_a_stale_form_is_refused_and_shows_what_changed(client):
    writer = make_staff("bientapvien", WRITERS)
    draft = make_article(
        status=Article.Status.DRAFT,
        body="<p>Họp tổ dân phố lúc 7 giờ.</p>",
        created_by=writer,
    )
    opened = draft.version
    # Somebody else saves a correction after the writer opened the form.
    draft.body = "<p>Họp tổ dân phố lúc 8 giờ.</p>"
    draft.save()

    client.force_login(writer)
    url = reverse("admin:news_article_change", args=[draft.pk])
    data = article_post(
        draft.category,
        title=draft.title,
        status="draft",
        body="<p>Bản của người viết.</p>",
        opened_version=opened,
    )
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "CHƯA được lưu" in html
    assert "<del>7</del> <ins>8</ins>" in html
    draft.refresh_from_db()
    assert draft.body == "<p>Họp tổ dân phố lúc 8 giờ.</p>"
    # Having seen it, a second save is a deliberate choice.
    assert f'name="opened_version" value="{draft.version}"' in html
    data["opened_version"] = draft.version
    assert client.post(url, data).status_code == 302
    draft.refresh_from_db()
    assert draft.body == "<p>Bản của người viết.</p>"


def test_a_change_form_post_without_its_version_is_refused(client):
    writer = make_staff("bientapvien", WRITERS)
    draft = make_article(status=Article.Status.DRAFT, created_by=writer)
    client.force_login(writer)
    url = reverse("admin:news_article_change", args=[draft.pk])
    data = article_post(draft.category, title="Không rõ phiên bản", status="draft")
    assert client.post(url, data).status_code == 200
    draft.refresh_from_db()
    assert draft.title != "Không rõ phiên bản"


def test_bulk_publish_skips_an_article_edited_since_the_approver_opened_it(client):
    approver = make_staff("nguoiduyet", APPROVERS)
    pending = make_article(status=Article.Status.PENDING, title="Tin chờ duyệt")
    client.force_login(approver)
    client.get(reverse("admin:news_article_change", args=[pending.pk]))
    pending.body = "<p>Người viết sửa thêm sau khi người duyệt đã xem.</p>"
    pending.save()

    response = client.post(
        LIST_URL, {"action": "publish", "_selected_action": [pending.pk]}, follow=True
    )
    assert "hãy mở xem lại trước khi xuất bản" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == Article.Status.PENDING

    client.get(reverse("admin:news_article_change", args=[pending.pk]))
    client.post(LIST_URL, {"action": "publish", "_selected_action": [pending.pk]})
    pending.refresh_from_db()
    assert pending.status == Article.Status.PUBLISHED


def test_the_approvers_own_save_needs_no_second_look(client):
    approver = make_staff("nguoiduyet", APPROVERS)
    pending = make_article(status=Article.Status.PENDING)
    client.force_login(approver)
    url = reverse("admin:news_article_change", args=[pending.pk])
    client.get(url)
    data = article_post(
        pending.category,
        title="Người duyệt sửa tiêu đề",
        status="pending",
        opened_version=pending.version,
    )
    assert client.post(url, data).status_code == 302
    client.post(LIST_URL, {"action": "publish", "_selected_action": [pending.pk]})
    pending.refresh_from_db()
    assert pending.status == Article.Status.PUBLISHED
