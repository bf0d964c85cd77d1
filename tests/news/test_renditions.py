"""Lead photos get WebP renditions by purpose, made once."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

from core import images
from tests.news.factories import image_bytes, make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    article = make_article()
    article.image.save(
        "anh.jpg", ContentFile(image_bytes("JPEG", size=(1600, 1000))), save=True
    )
    return article


def test_renditions_are_made_when_the_photo_is_saved(article, monkeypatch):
    made = []
    original = images.make_rendition
    monkeypatch.setattr(
        images, "make_rendition", lambda *a: made.append(a) or original(*a)
    )
    first = images.rendition_url(article.image, "card")
    second = images.rendition_url(article.image, "card")
    assert first == second and first.endswith(".webp")
    assert made == []  # no reader waits for one
    with default_storage.open(images.rendition_name(article.image.name, "card")) as f:
        with Image.open(f) as img:
            assert img.format == "WEBP" and img.size == (640, 400)


def test_saving_a_lead_photo_in_the_admin_makes_its_renditions(admin_client, article):
    from django.urls import reverse

    from tests.news.test_roles import article_post

    data = article_post(
        article.category,
        title=article.title,
        status="published",
        opened_version=article.version,
        minor_edit="on",
    )
    data["image"] = ContentFile(image_bytes("PNG", size=(1300, 900)), name="moi.png")
    data["image_alt"] = "Ảnh mới"
    response = admin_client.post(
        reverse("admin:news_article_change", args=[article.pk]), data
    )
    assert response.status_code == 302
    article.refresh_from_db()
    for purpose in ("thumb", "card", "hero", "social"):
        assert default_storage.exists(
            images.rendition_name(article.image.name, purpose)
        )
