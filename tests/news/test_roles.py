"""Writers write and submit; only approvers publish, whatever a writer POSTs."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from tests.news.factories import (
    APPROVERS,
    WRITERS,
    make_article,
    make_category,
    make_staff,
)

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:news_article_add")
LIST_URL = reverse("admin:news_article_changelist")


def article_post(category, **overrides):
    now = timezone.localtime()
    data = {
        "title": "Phường tổ chức ngày hội đọc sách",
        "slug": "",
        "category": category.pk,
        "summary": "Thiếu nhi trong phường cùng đọc sách tại nhà văn hóa.",
        "body": "<p>Ngày hội thu hút nhiều em nhỏ.</p>",
        "image_alt": "",
        "image_caption": "",
        "source_name": "",
        "source_url": "",
        "author": "Ban biên tập",
        "status": Article.Status.PENDING,
        "published_at_0": now.strftime("%d/%m/%Y"),
        "published_at_1": now.strftime("%H:%M:%S"),
        # The attached files' inline, empty.
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


@pytest.fixture
def writer(client):
    user = make_staff("bientapvien", WRITERS)
    client.force_login(user)
    return user


@pytest.fixture
def approver(client):
    user = make_staff("nguoiduyet", APPROVERS)
    client.force_login(user)
    return user


def test_the_two_roles_exist_after_migrate():
    writers = set(
        Group.objects.get(name=WRITERS).permissions.values_list("codename", flat=True)
    )
    approvers = set(
        Group.objects.get(name=APPROVERS).permissions.values_list("codename", flat=True)
    )
    assert {"add_article", "change_article"} <= writers
    assert "publish_article" not in writers
    assert {"add_article", "change_article", "publish_article"} <= approvers


def test_a_writer_submits_an_article_for_approval(client, writer):
    response = client.post(ADD_URL, article_post(make_category()))
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get()
    assert article.status == Article.Status.PENDING
    assert article.created_by == writer
    assert article.slug == "phuong-to-chuc-ngay-hoi-doc-sach"


def test_a_writer_is_not_offered_the_published_status(client, writer):
    html = client.get(ADD_URL).content.decode()
    assert 'value="pending"' in html
    assert 'value="published"' not in html


def test_a_writer_cannot_publish_by_crafting_a_post(client, writer):
    response = client.post(ADD_URL, article_post(make_category(), status="published"))
    assert response.status_code == 200
    assert 'class="errornote"' in response.content.decode()
    assert not Article.objects.exists()


def test_a_writer_cannot_publish_an_existing_draft_by_crafting_a_post(client, writer):
    draft = make_article(
        status=Article.Status.DRAFT,
        title="Tin nháp của biên tập viên",
        created_by=writer,
    )
    url = reverse("admin:news_article_change", args=[draft.pk])
    data = article_post(
        draft.category,
        title=draft.title,
        status="published",
        opened_version=draft.version,
    )
    client.post(url, data)
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT
    assert not Article.objects.published().exists()


def test_a_writer_cannot_change_a_published_article(client, writer):
    published = make_article(title="Tin đã đăng")
    url = reverse("admin:news_article_change", args=[published.pk])
    client.post(
        url,
        article_post(
            published.category,
            title="Tin bị sửa",
            status="published",
            opened_version=published.version,
        ),
    )
    published.refresh_from_db()
    assert published.title == "Tin đã đăng"


def test_a_writer_cannot_use_the_publish_action_by_crafting_a_post(client, writer):
    pending = make_article(status=Article.Status.PENDING)
    html = client.get(LIST_URL).content.decode()
    assert 'value="publish"' not in html
    client.post(LIST_URL, {"action": "publish", "_selected_action": [pending.pk]})
    client.post(LIST_URL, {"action": "feature", "_selected_action": [pending.pk]})
    pending.refresh_from_db()
    assert pending.status == Article.Status.PENDING
    assert not pending.is_featured


def test_an_approver_publishes_from_the_form(client, approver):
    pending = make_article(status=Article.Status.PENDING)
    url = reverse("admin:news_article_change", args=[pending.pk])
    data = article_post(
        pending.category,
        title=pending.title,
        status="published",
        opened_version=pending.version,
    )
    response = client.post(url, data)
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Article.Status.PUBLISHED


def test_an_approver_publishes_in_bulk_and_approved_news_goes_out_now(client, approver):
    old = make_article(status=Article.Status.PENDING, ago=timezone.timedelta(days=3))
    scheduled = make_article(
        status=Article.Status.PENDING,
        published_at=timezone.now() + timezone.timedelta(days=1),
    )
    before = timezone.now()
    client.post(
        LIST_URL, {"action": "publish", "_selected_action": [old.pk, scheduled.pk]}
    )
    old.refresh_from_db()
    scheduled.refresh_from_db()
    assert old.status == scheduled.status == Article.Status.PUBLISHED
    assert old.published_at >= before
    assert scheduled.published_at > timezone.now()  # still scheduled
    assert list(Article.objects.published()) == [old]


def test_an_approver_unpublishes_and_features_in_bulk(client, approver):
    first, second = make_article(), make_article()
    client.post(LIST_URL, {"action": "feature", "_selected_action": [first.pk]})
    client.post(LIST_URL, {"action": "unpublish", "_selected_action": [second.pk]})
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.is_featured
    assert second.status == Article.Status.DRAFT


def test_the_article_list_offers_filters_search_and_date_hierarchy(client, approver):
    make_article(title="Tin về chợ Hòa Thuận")
    html = client.get(LIST_URL, {"q": "chợ"}).content.decode()
    assert "Tin về chợ Hòa Thuận" in html
    for word in (
        "Trạng thái",
        "Chuyên mục",
        "Xuất bản các tin đã chọn",
        "Đánh dấu là tin nổi bật",
    ):
        assert word.lower() in html.lower(), word


def test_saving_refuses_a_published_article_from_a_writer_even_past_the_form(rf):
    from django.contrib.admin.sites import site
    from django.core.exceptions import PermissionDenied

    request = rf.post("/")
    request.user = make_staff("bientap2", WRITERS)
    article = make_article(status=Article.Status.DRAFT)
    article.status = Article.Status.PUBLISHED
    with pytest.raises(PermissionDenied):
        site._registry[Article].save_model(request, article, form=None, change=True)
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
