"""Writers see, edit and preview only their own drafts; approvers see all.
Every request here is crafted, as a curious writer would."""

import pytest
from django.urls import reverse

from news.models import Article
from tests.news.factories import (
    APPROVERS,
    WRITERS,
    make_article,
    make_category,
    make_staff,
)
from tests.news.test_roles import article_post

pytestmark = pytest.mark.django_db

LIST_URL = reverse("admin:news_article_changelist")


@pytest.fixture
def alice():
    return make_staff("alice", WRITERS)


@pytest.fixture
def bob():
    return make_staff("bob", WRITERS)


@pytest.fixture
def bobs_draft(bob):
    return make_article(
        status=Article.Status.DRAFT, title="Bản nháp riêng của Bob", created_by=bob
    )


def change_url(article, view="change"):
    return reverse(f"admin:news_article_{view}", args=[article.pk])


def test_a_writer_does_not_see_another_writers_draft_in_the_list(
    client, alice, bobs_draft
):
    make_article(status=Article.Status.PENDING, title="Tin Alice gửi", created_by=alice)
    client.force_login(alice)
    html = client.get(LIST_URL).content.decode()
    assert "Tin Alice gửi" in html
    assert "Bản nháp riêng của Bob" not in html


def test_a_writer_cannot_open_another_writers_draft(client, alice, bobs_draft):
    client.force_login(alice)
    assert client.get(change_url(bobs_draft)).status_code == 404
    assert client.get(change_url(bobs_draft, "history")).status_code == 404


def test_a_writer_cannot_overwrite_another_writers_draft_by_post(
    client, alice, bobs_draft
):
    client.force_login(alice)
    data = article_post(
        bobs_draft.category,
        title="Alice ghi đè",
        status="draft",
        opened_version=bobs_draft.version,
    )
    assert client.post(change_url(bobs_draft), data).status_code == 404
    bobs_draft.refresh_from_db()
    assert bobs_draft.title == "Bản nháp riêng của Bob"


def test_a_writer_cannot_preview_another_writers_draft(client, alice, bobs_draft):
    client.force_login(alice)
    assert client.get(bobs_draft.get_absolute_url()).status_code == 404


def test_a_writer_previews_and_edits_their_own_draft(client, bob, bobs_draft):
    client.force_login(bob)
    assert client.get(bobs_draft.get_absolute_url()).status_code == 200
    assert client.get(change_url(bobs_draft)).status_code == 200
    data = article_post(
        bobs_draft.category,
        title="Bob sửa bản nháp",
        status="pending",
        opened_version=bobs_draft.version,
    )
    assert client.post(change_url(bobs_draft), data).status_code == 302
    bobs_draft.refresh_from_db()
    assert bobs_draft.title == "Bob sửa bản nháp"


def test_staff_without_a_newsroom_role_cannot_preview_drafts(client, bobs_draft):
    client.force_login(make_staff("nhanvien"))
    assert client.get(bobs_draft.get_absolute_url()).status_code == 404


def test_an_approver_sees_opens_and_previews_every_draft(client, bobs_draft):
    client.force_login(make_staff("duyet", APPROVERS))
    assert "Bản nháp riêng của Bob" in client.get(LIST_URL).content.decode()
    assert client.get(change_url(bobs_draft)).status_code == 200
    assert client.get(bobs_draft.get_absolute_url()).status_code == 200


def test_a_writer_still_reads_published_articles_but_cannot_change_them(client, alice):
    published = make_article(title="Tin đã đăng của phường", category=make_category())
    client.force_login(alice)
    assert "Tin đã đăng của phường" in client.get(LIST_URL).content.decode()
    html = client.get(change_url(published)).content.decode()
    assert 'name="_save"' not in html


def test_actions_only_reach_what_the_user_may_see(rf, client, alice, bobs_draft):
    from django.contrib.admin.sites import site

    # Actions run on the changelist's queryset: for a writer, no other draft.
    request = rf.get(LIST_URL)
    request.user = alice
    assert bobs_draft not in site._registry[Article].get_queryset(request)
    client.force_login(alice)
    client.post(
        LIST_URL,
        {
            "action": "delete_selected",
            "_selected_action": [bobs_draft.pk],
            "post": "yes",
        },
    )
    assert Article.objects.filter(pk=bobs_draft.pk).exists()
