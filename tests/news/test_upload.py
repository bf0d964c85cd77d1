"""Photos uploaded into an article body: staff only, real images only."""

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.news.factories import WRITERS, image_bytes, image_upload, make_staff

pytestmark = pytest.mark.django_db

URL = reverse("editor_upload_image")


def stored_files(settings):
    root = settings.MEDIA_ROOT
    return (
        [os.path.join(d, f) for d, _, files in os.walk(root) for f in files]
        if os.path.exists(root)
        else []
    )


@pytest.fixture
def writer(client):
    client.force_login(make_staff("bientapvien", WRITERS))


def upload(client, file, func_num="-1"):
    data = {
        "image": file,
        "alt": "Cán bộ phường hướng dẫn người dân",
        "caption": "Ảnh: Ban biên tập",
    }
    return client.post(f"{URL}?CKEditorFuncNum={func_num}", data)


def test_a_writer_uploads_a_photo_and_the_editor_gets_its_address(
    client, writer, settings
):
    response = upload(client, image_upload("anh-le-hoi.png", size=(2400, 1200)))
    assert response.status_code == 200
    url = response.context["url"]
    assert url.startswith("/media/news/noi-dung/") and url.endswith(".webp")
    html = response.content.decode()
    assert f'data-url="{url}"' in html and 'data-func-num="-1"' in html
    assert 'data-alt="Cán bộ phường hướng dẫn người dân"' in html
    [path] = stored_files(settings)
    from PIL import Image

    with Image.open(path) as stored:  # re-encoded, at most 1600 px wide
        assert stored.format == "WEBP" and stored.size == (1600, 800)


def test_a_renamed_text_file_is_refused_and_nothing_is_stored(client, writer, settings):
    fake = SimpleUploadedFile(
        "anh.jpg", b"Day khong phai la anh\n" * 50, content_type="image/jpeg"
    )
    response = upload(client, fake)
    assert response.status_code == 400
    assert "Tệp này không phải là ảnh hợp lệ" in response.content.decode()
    assert stored_files(settings) == []


def test_an_oversized_image_is_refused_and_nothing_is_stored(client, writer, settings):
    settings.PORTAL_MAX_UPLOAD_BYTES = 20 * 1024
    big = SimpleUploadedFile(
        "lon.bmp", image_bytes("BMP", size=(200, 200)), content_type="image/bmp"
    )
    assert big.size > 20 * 1024
    response = upload(client, big)
    assert response.status_code == 400
    assert "Tệp quá lớn" in response.content.decode()
    assert stored_files(settings) == []


def test_a_decompression_bomb_is_refused_and_nothing_is_stored(
    client, writer, settings
):
    # 48 million pixels that compress to a few kilobytes.
    bomb = SimpleUploadedFile(
        "bom.png",
        image_bytes("PNG", size=(8000, 6000), mode="1"),
        content_type="image/png",
    )
    assert bomb.size < 100 * 1024
    response = upload(client, bomb)
    assert response.status_code == 400
    assert "kích thước điểm ảnh quá lớn" in response.content.decode()
    assert stored_files(settings) == []


def test_the_upload_needs_alt_text(client, writer, settings):
    response = client.post(URL, {"image": image_upload(), "alt": ""})
    assert response.status_code == 400
    assert stored_files(settings) == []


def test_anonymous_visitors_cannot_upload(client, settings):
    response = upload(client, image_upload())
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
    assert stored_files(settings) == []


def test_a_logged_in_non_staff_user_cannot_upload(client, settings, django_user_model):
    client.force_login(
        django_user_model.objects.create_user("cudan", password="x-1-y-2-z")
    )
    response = upload(client, image_upload())
    assert response.status_code == 302
    assert stored_files(settings) == []


def test_staff_without_article_rights_cannot_upload(client, settings):
    client.force_login(make_staff("nhanvien"))
    assert upload(client, image_upload()).status_code == 403
    assert stored_files(settings) == []


@pytest.mark.parametrize("func_num", ["abc", "1;alert(1)", '"><b>', "9" * 40])
def test_a_hostile_callback_number_is_dropped(client, writer, func_num):
    response = client.get(URL, {"CKEditorFuncNum": func_num})
    assert response.status_code == 200
    response = upload(client, image_upload(), func_num=func_num.replace(";", "%3B"))
    assert 'data-func-num=""' in response.content.decode()
