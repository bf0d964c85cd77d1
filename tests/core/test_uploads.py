"""Photos without hidden location data, fully decoded before they are
accepted, and no file left behind (issue 10)."""

import io
import os

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from news.models import Article
from portal.models import SiteProfile, SupportUnit
from tests.news.factories import make_article, make_category
from tests.news.test_roles import article_post

pytestmark = pytest.mark.django_db

TRUNCATED = "Ảnh bị hỏng hoặc chưa tải lên hết"


def camera_jpeg(size=(900, 600)):
    """A JPEG as a phone writes it: GPS position, camera, time, XMP."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Điện thoại thử nghiệm"
    exif[ExifTags.Base.Model] = "Máy ảnh X1"
    exif[ExifTags.Base.DateTime] = "2026:11:27 08:15:00"
    exif[ExifTags.Base.Orientation] = 6  # taken sideways
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (16.0, 27.0, 50.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (107.0, 35.0, 20.0),
    }
    out = io.BytesIO()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'
    Image.new("RGB", size, (40, 120, 60)).save(out, "JPEG", exif=exif, xmp=xmp)
    data = out.getvalue()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    return data


def upload(data, name="IMG_2041.jpg"):
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def truncated_jpeg():
    data = camera_jpeg(size=(1200, 800))
    cut = data[: len(data) * 2 // 3]
    Image.open(io.BytesIO(cut)).verify()  # passes: only decoding finds it
    return cut


def stored(settings):
    root = settings.MEDIA_ROOT
    return [os.path.join(d, f) for d, _, files in os.walk(root) for f in files]


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser("quantri", "q@example.vn", "x")
    client.force_login(user)
    return user


def post_lead_photo(client, data):
    form = article_post(make_category("Tin ảnh"), status="published")
    form.update(image=upload(data), image_alt="Người dân dự lễ")
    return client.post("/quan-tri/news/article/add/", form)


def post_body_photo(client, data):
    form = {"image": upload(data), "alt": "Lễ ra quân", "caption": ""}
    return client.post("/quan-tri/tai-anh/?CKEditorFuncNum=1", form)


def post_unit_logo(client, data):
    form = {
        "name": "Cổng dịch vụ công",
        "url": "https://dichvucong.example.vn",
        "logo": upload(data),
        "logo_alt": "Biểu trưng",
        "order": 0,
        "is_visible": "on",
    }
    return client.post("/quan-tri/portal/supportunit/add/", form)


def post_profile_image(field):
    def post(client, data):
        profile = SiteProfile.objects.create(portal_name="Cổng phường")
        form = {
            "portal_name": profile.portal_name,
            "organisation": profile.organisation,
            field: upload(data),
            "logo_alt": "Biểu trưng phường",
            "trust_badge_url": "https://tinnhiemmang.example.vn/xac-minh",
        }
        return client.post(f"/quan-tri/portal/siteprofile/{profile.pk}/change/", form)

    return post


PATHS = {
    "lead photo": post_lead_photo,
    "body photo": post_body_photo,
    "support unit logo": post_unit_logo,
    "site logo": post_profile_image("logo"),
    "trust badge": post_profile_image("trust_badge_image"),
}


@pytest.mark.parametrize("path", PATHS)
def test_no_stored_image_keeps_camera_metadata(client, staff, settings, path):
    response = PATHS[path](client, camera_jpeg())
    assert response.status_code in (200, 302)
    assert not response.context or not response.context.get("errors")
    client.get("/")  # makes the logos' renditions
    files = stored(settings)
    assert files, "nothing was stored"
    for name in files:
        with Image.open(name) as img:
            assert not img.getexif(), name
            assert "exif" not in img.info and "xmp" not in img.info, name


def test_a_sideways_photo_is_stored_upright():
    from django.core.files.base import ContentFile

    article = make_article()
    article.image.save("nghieng.jpg", ContentFile(camera_jpeg((900, 600))))
    with Image.open(article.image.path) as img:
        assert img.size == (600, 900)


@pytest.mark.parametrize("path", PATHS)
def test_a_truncated_jpeg_is_refused_with_a_message_and_leaves_no_file(
    client, staff, settings, path
):
    response = PATHS[path](client, truncated_jpeg())
    assert response.status_code in (200, 400)
    assert TRUNCATED in response.content.decode()
    assert stored(settings) == []


def test_deleting_an_article_removes_its_photo_and_renditions(client, staff, settings):
    assert post_lead_photo(client, camera_jpeg()).status_code == 302
    article = Article.objects.get()
    assert len(stored(settings)) == 5  # the photo and four renditions
    client.post(f"/quan-tri/news/article/{article.pk}/delete/", {"post": "yes"})
    assert not Article.objects.exists()
    assert stored(settings) == []


def test_deleting_a_support_unit_removes_its_logo(client, staff, settings):
    assert post_unit_logo(client, camera_jpeg()).status_code == 302
    client.get("/")
    assert len(stored(settings)) == 2  # the logo and its rendition
    SupportUnit.objects.get().delete()
    assert stored(settings) == []
