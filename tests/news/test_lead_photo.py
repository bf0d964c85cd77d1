"""Photos once: the lead photo can be one already in the body or uploaded
recently; a form error never silently drops a chosen file."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core import images
from core.body_images import images_in
from news.models import Article
from tests.news.factories import APPROVERS, image_bytes, make_article, make_staff
from tests.news.test_roles import article_post

pytestmark = pytest.mark.django_db


def body_photo():
    upload = SimpleUploadedFile("anh.png", image_bytes("PNG", size=(900, 600)))
    return images.save_body_image(io.BytesIO(upload.read()))


@pytest.fixture
def approver(client):
    user = make_staff("nguoiduyet", APPROVERS)
    client.force_login(user)
    return user


def test_the_photos_in_a_body_are_found_and_nothing_outside_the_folder():
    url = body_photo()
    html = f'<p>x</p><figure><img src="{url}" alt="a"></figure><img src="/media/khac/b.png" alt="b">'
    assert images_in(html) == [url.removeprefix("/media/")]
    assert images_in('<img src="/media/news/noi-dung/../../bi-mat.txt">') == []


def test_a_body_photo_becomes_the_lead_photo_without_a_new_upload(client, approver):
    url = body_photo()
    name = url.removeprefix("/media/")
    draft = make_article(
        status=Article.Status.DRAFT,
        body=f'<p>Tin có ảnh.</p><figure><img src="{url}" alt="Ảnh"></figure>',
    )
    change = reverse("admin:news_article_change", args=[draft.pk])
    html = client.get(change).content.decode()
    assert "Ảnh trong nội dung" in html and f'value="{name}"' in html

    data = article_post(
        draft.category,
        title=draft.title,
        body=draft.body,
        status="draft",
        opened_version=draft.version,
        image_choice=name,
        image_alt="Người dân tại nhà văn hóa",
    )
    assert client.post(change, data).status_code == 302
    draft.refresh_from_db()
    assert draft.image.name.startswith("news/") and draft.image.name != name
    assert default_storage.exists(draft.image.name) and default_storage.exists(name)
    assert default_storage.exists(images.rendition_name(draft.image.name, "card"))


def test_recent_uploads_are_offered_on_a_new_article(client, approver):
    name = body_photo().removeprefix("/media/")
    html = client.get(reverse("admin:news_article_add")).content.decode()
    assert "Ảnh tải lên gần đây" in html and f'value="{name}"' in html


def test_a_made_up_photo_name_is_refused(client, approver):
    draft = make_article(status=Article.Status.DRAFT)
    data = article_post(
        draft.category,
        title=draft.title,
        status="draft",
        opened_version=draft.version,
        image_choice="news/noi-dung/../../secret.png",
        image_alt="x",
    )
    response = client.post(reverse("admin:news_article_change", args=[draft.pk]), data)
    assert response.status_code == 200
    draft.refresh_from_db()
    assert not draft.image


def test_a_form_error_says_the_chosen_file_must_be_chosen_again(client, approver):
    data = article_post(make_article().category, title="")
    data["image"] = SimpleUploadedFile(
        "anh.png", image_bytes(), content_type="image/png"
    )
    data["image_alt"] = "Ảnh"
    response = client.post(reverse("admin:news_article_add"), data)
    assert response.status_code == 200
    assert "CHƯA được lưu" in response.content.decode()


def test_title_and_sapo_boxes_are_wide(client, approver):
    html = client.get(reverse("admin:news_article_add")).content.decode()
    assert "css/newsroom-admin.css" in html
    assert 'rows="5"' in html
