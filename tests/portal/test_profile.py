import pytest
from django.contrib.auth import get_user_model

from portal.models import SiteProfile
from tests.portal.images import png_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile():
    return SiteProfile.objects.create(
        portal_name="Cổng thông tin điện tử phường Mỹ An Tây",
        organisation="Đảng ủy – UBND phường Mỹ An Tây",
        governing_body="Ủy ban nhân dân phường Mỹ An Tây",
        address="Số 5 đường Bến Sông",
        phone="0236 3 111 222",
        email="lienhe@myantay.example.vn",
        editor_name="Trần Thị Bình",
        editor_title="Chủ tịch UBND phường",
        footer_text="Ghi rõ nguồn khi đăng lại.",
        copyright="© UBND phường Mỹ An Tây",
    )


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser("bientap", "b@example.vn", "x")
    client.force_login(user)
    return user


def test_every_page_shows_the_profile_in_the_header_and_footer(client, profile):
    html = client.get("/").content.decode()
    header, footer = html.split("<header", 1)[1], html.split("<footer", 1)[1]
    assert "Cổng thông tin điện tử phường Mỹ An Tây" in header.split("</header>")[0]
    assert "Đảng ủy – UBND phường Mỹ An Tây" in header.split("</header>")[0]
    for text in (
        "Cơ quan chủ quản: Ủy ban nhân dân phường Mỹ An Tây",
        "Địa chỉ: Số 5 đường Bến Sông",
        'href="tel:02363111222"',
        'href="mailto:lienhe@myantay.example.vn"',
        "Chịu trách nhiệm nội dung: Trần Thị Bình, Chủ tịch UBND phường",
        "Ghi rõ nguồn khi đăng lại.",
        "© UBND phường Mỹ An Tây",
    ):
        assert text in footer, text


def test_a_saved_change_shows_on_the_next_page_without_a_restart(client, profile):
    assert "Mỹ An Tây" in client.get("/").content.decode()  # now cached
    profile.portal_name = "Cổng thông tin điện tử phường Sông Hàn"
    profile.save()
    assert "phường Sông Hàn" in client.get("/").content.decode()


def test_an_edit_in_the_admin_shows_at_once(client, profile, staff):
    client.get("/")  # the profile is now cached
    url = f"/quan-tri/portal/siteprofile/{profile.pk}/change/"
    form = {
        "portal_name": "Cổng thông tin điện tử phường Thuận Phước",
        "organisation": profile.organisation,
        "editor_name": "Lê Văn Cường",
        "editor_title": "Phó Chủ tịch",
        "email": "",
        "trust_badge_url": "",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    html = client.get("/").content.decode()
    assert "phường Thuận Phước" in html
    assert "Chịu trách nhiệm nội dung: Lê Văn Cường, Phó Chủ tịch" in html


def test_the_profile_is_read_once_then_served_from_the_cache(
    client, profile, django_assert_num_queries
):
    SiteProfile.current()
    with django_assert_num_queries(0):
        assert SiteProfile.current().portal_name == profile.portal_name


def test_a_site_without_a_profile_still_shows_a_name(client):
    html = client.get("/").content.decode()
    assert "Cổng thông tin điện tử phường" in html


def test_the_admin_requires_alt_text_for_the_logo(client, profile, staff):
    url = f"/quan-tri/portal/siteprofile/{profile.pk}/change/"
    form = {
        "portal_name": profile.portal_name,
        "organisation": profile.organisation,
        "logo": png_upload("logo.png"),
        "logo_alt": "",
    }
    response = client.post(url, form)
    assert response.status_code == 200
    assert "Hãy mô tả ngắn nội dung ảnh (alt)" in response.content.decode()
    form["logo"] = png_upload("logo.png")
    form["logo_alt"] = "Biểu trưng phường Mỹ An Tây"
    assert client.post(url, form).status_code == 302
    html = client.get("/").content.decode()
    assert 'alt="Biểu trưng phường Mỹ An Tây"' in html


def test_the_admin_refuses_a_logo_that_is_not_an_image(client, profile, staff):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = f"/quan-tri/portal/siteprofile/{profile.pk}/change/"
    fake = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", "image/png")
    form = {
        "portal_name": profile.portal_name,
        "organisation": profile.organisation,
        "logo": fake,
        "logo_alt": "Biểu trưng",
    }
    response = client.post(url, form)
    assert response.status_code == 200
    assert not SiteProfile.objects.get().logo


def test_staff_cannot_add_a_second_profile_or_delete_the_first(client, profile, staff):
    assert client.get("/quan-tri/portal/siteprofile/add/").status_code == 403
    url = f"/quan-tri/portal/siteprofile/{profile.pk}/delete/"
    assert client.get(url).status_code == 403


def test_text_is_stored_in_nfc(profile):
    import unicodedata

    profile.organisation = unicodedata.normalize("NFD", "Đảng ủy phường Hòa Khánh")
    profile.save()
    profile.refresh_from_db()
    assert profile.organisation == unicodedata.normalize(
        "NFC", "Đảng ủy phường Hòa Khánh"
    )
