"""Readable, unique slugs from Vietnamese titles."""

import pytest

from news.text import slugify_vi
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
