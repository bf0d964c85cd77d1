"""One model base for Vietnamese text and unique slugs (core.models)."""

import unicodedata

import pytest
from django.contrib.auth import get_user_model

from news.models import Article, Category
from portal.models import Page, SiteProfile
from tests.news.factories import make_article

pytestmark = pytest.mark.django_db

DECOMPOSED = unicodedata.normalize("NFD", "Thủy Xuân")


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser("quantri", "q@example.vn", "x")
    client.force_login(user)
    return user


def category_form(name):
    return {"name": name, "slug": "", "description": "", "order": 0, "in_menu": "on"}


def page_form(title):
    return {
        "title": title,
        "slug": "",
        "summary": "",
        "body": "<p>Nội dung trang.</p>",
        "in_footer": "on",
        "order": 0,
        "is_published": "on",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
    }


def test_two_categories_with_the_same_name_get_distinct_slugs_in_the_admin(
    client, staff
):
    for _ in range(3):
        response = client.post(
            "/quan-tri/news/category/add/", category_form("Thông báo")
        )
        assert response.status_code == 302
    slugs = list(Category.objects.order_by("pk").values_list("slug", flat=True))
    assert slugs == ["thong-bao", "thong-bao-2", "thong-bao-3"]


def test_two_static_pages_with_the_same_title_get_distinct_slugs_in_the_admin(
    client, staff
):
    for _ in range(2):
        response = client.post("/quan-tri/portal/page/add/", page_form("Liên hệ"))
        assert response.status_code == 302
    slugs = list(Page.objects.order_by("pk").values_list("slug", flat=True))
    assert slugs == ["lien-he", "lien-he-2"]


def test_a_slug_that_only_starts_like_another_is_no_clash():
    Category.objects.create(name="Thông báo mới")
    assert Category.objects.create(name="Thông báo").slug == "thong-bao"


def test_a_name_without_letters_gets_the_models_fallback_slug():
    assert Category.objects.create(name="…").slug == "chuyen-muc"
    assert Category.objects.create(name="!!!").slug == "chuyen-muc-2"


def test_a_very_long_title_keeps_room_for_the_clash_suffix():
    title = ("Phường " * 40)[:255]
    first, second = make_article(title=title), make_article(title=title)
    assert second.slug == f"{first.slug}-2"
    assert len(second.slug) <= Article._meta.get_field("slug").max_length


def test_every_text_field_is_stored_nfc_and_stripped():
    category = Category.objects.create(
        name=f"  {DECOMPOSED}  ", description=f"\n {DECOMPOSED} \n"
    )
    category.refresh_from_db()
    assert category.name == "Thủy Xuân"
    assert category.description == "Thủy Xuân"


def test_the_site_profile_phone_and_email_are_normalised_too():
    profile = SiteProfile.objects.create(
        phone=" 0234 3822 ２２２ ", address=f" {DECOMPOSED} "
    )
    profile.refresh_from_db()
    assert profile.phone == "0234 3822 ２２２"
    assert profile.address == "Thủy Xuân"


def test_rich_text_fields_are_sanitized_not_stripped_of_markup():
    page = Page.objects.create(
        title="Giới thiệu", body=f"<p>{DECOMPOSED}</p><script>alert(1)</script>"
    )
    assert page.body == "<p>Thủy Xuân</p>"
