"""manage.py cleanup_media finds and removes files nothing refers to."""

import os

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from tests.news.factories import image_bytes, make_article

pytestmark = pytest.mark.django_db


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("cleanup_media", "--older-than-hours=0", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def media(settings):
    article = make_article()
    article.image.save("anh.png", ContentFile(image_bytes()))  # and renditions
    body_photo = default_storage.save("news/noi-dung/2026/11/a.webp", ContentFile(b"x"))
    article.body = f'<p><img src="/media/{body_photo}" alt="Ảnh"></p>'
    article.save()
    orphan = default_storage.save("news/2026/11/bo-do.png", ContentFile(b"x"))
    return {"article": article, "orphan": orphan, "body": body_photo}


def test_it_lists_only_files_nothing_refers_to(media):
    out = run()
    assert media["orphan"] in out
    assert "Tìm thấy 1 tệp" in out
    assert default_storage.exists(media["orphan"])


def test_with_delete_it_removes_them_and_keeps_the_rest(media, settings):
    assert "Đã xóa 1 tệp" in run("--delete")
    assert not default_storage.exists(media["orphan"])
    assert default_storage.exists(media["body"])
    assert default_storage.exists(media["article"].image.name)
    files = [f for _, _, fs in os.walk(settings.MEDIA_ROOT) for f in fs]
    assert len(files) == 6  # the photo, its four renditions, the body photo


def test_young_files_are_left_alone(media):
    from io import StringIO

    out = StringIO()
    call_command("cleanup_media", "--delete", stdout=out)
    assert "Đã xóa 0 tệp" in out.getvalue()
    assert default_storage.exists(media["orphan"])


def test_make_renditions_makes_only_the_missing_ones(settings):
    from io import StringIO

    from core.images import rendition_name

    article = make_article()
    article.image.save("anh.png", ContentFile(image_bytes()))
    hero = rendition_name(article.image.name, "hero")
    default_storage.delete(hero)
    out = StringIO()
    call_command("make_renditions", stdout=out)
    assert "Đã tạo 1 bản ảnh." in out.getvalue()
    assert default_storage.exists(hero)
