"""Readable, unique slugs from Vietnamese titles."""

import pytest

from core.text import slugify_vi
from news.models import Category
from tests.news.factories import make_article, make_category


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Phát triển đảng viên mới ở phường", "phat-trien-dang-vien-moi-o-phuong"),
        ("ĐẢNG ỦY PHƯỜNG HỌP ĐỊNH KỲ", "dang-uy-phuong-hop-dinh-ky"),
        ("Đường Điện Biên Phủ được đổi mới", "duong-dien-bien-phu-duoc-doi-moi"),
        ("Tiếng Việt tổ hợp: Đo\u0302\u0300ng", "tieng-viet-to-hop-dong"),
    ],
)
def test_titles_with_d_bar_give_readable_slugs(title, slug):
    assert slugify_vi(title) == slug


@pytest.mark.django_db
def test_the_same_title_twice_gets_distinct_slugs():
    category = make_category("Thông báo")
    first = make_article(category, title="Lịch tiếp công dân")
    second = make_article(category, title="Lịch tiếp công dân")
    assert first.slug == "lich-tiep-cong-dan"
    assert second.slug == "lich-tiep-cong-dan-2"
    assert category.slug == "thong-bao"


@pytest.mark.django_db
def test_an_edited_slug_is_kept():
    article = make_article(title="Tin gốc", slug="ten-duong-dan-rieng")
    article.title = "Tin đã đổi tên"
    article.save()
    assert article.slug == "ten-duong-dan-rieng"


@pytest.mark.django_db
def test_a_category_added_in_the_admin_gets_its_slug_from_the_name(admin_client):
    # The admin's own slug-filling script would write "djuong" for "Đường".
    form = admin_client.get("/quan-tri/news/category/add/").context["adminform"]
    assert form.prepopulated_fields == []
    response = admin_client.post(
        "/quan-tri/news/category/add/",
        {"name": "Đường phố – Đô thị", "slug": "", "order": 0, "in_menu": "on"},
    )
    assert response.status_code == 302
    assert Category.objects.get().slug == "duong-pho-do-thi"
