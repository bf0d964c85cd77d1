import datetime

import pytest
from django.utils import timezone

from news.models import Article, Category

pytestmark = pytest.mark.browser


def test_a_resident_searches_without_diacritics_from_an_article_page(
    live_server, transactional_db, page, screenshot
):
    category = Category.objects.create(name="Môi trường")
    now = timezone.now()
    Article.objects.create(
        title="Phường Thủy Xuân ra quân làm sạch kênh thoát nước",
        summary="Đoàn viên thanh niên và người dân cùng dọn rác dọc tuyến kênh.",
        body="<p>Sáng chủ nhật, hơn hai trăm người dân khu phố Thủy Xuân "
        "đã tham gia vớt rác, phát quang bờ kênh.</p>",
        category=category,
        status=Article.Status.PUBLISHED,
        published_at=now - datetime.timedelta(hours=3),
    )
    other = Article.objects.create(
        title="Lịch tiếp công dân tháng 12",
        summary="Lãnh đạo phường tiếp công dân vào sáng thứ năm hằng tuần.",
        category=category,
        status=Article.Status.PUBLISHED,
        published_at=now - datetime.timedelta(hours=1),
    )

    page.goto(live_server.url + other.get_absolute_url())
    box = page.get_by_role("searchbox", name="Từ khóa tìm kiếm")
    box.fill("thuy xuan")
    box.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=thuy+xuan")

    assert page.locator(".result-count").inner_text() == (
        "Tìm thấy 1 kết quả cho “thuy xuan”."
    )
    # One search form on the results page, holding the query (issue 12).
    assert page.locator("form[role=search]").count() == 1
    query = page.get_by_role("searchbox", name="Từ khóa", exact=True)
    assert query.input_value() == "thuy xuan"
    title = page.locator(".search-result-title mark")
    assert title.all_inner_texts() == ["Thủy", "Xuân"]
    assert title.first.is_visible()
    assert page.locator(".search-snippet mark").count() >= 2
    screenshot("search-results")

    page.get_by_role("link", name="Phường Thủy Xuân ra quân làm sạch kênh").click()
    page.wait_for_url("**/tin-tuc/phuong-thuy-xuan-ra-quan-lam-sach-kenh-thoat-nuoc/")
    assert page.get_by_role(
        "heading", level=1, name="Phường Thủy Xuân ra quân làm sạch kênh thoát nước"
    ).is_visible()
    screenshot("search-opened-article")


def test_the_results_page_fits_a_phone(live_server, transactional_db, page, screenshot):
    category = Category.objects.create(name="Y tế")
    for n in range(3):
        Article.objects.create(
            title=f"Lịch tiêm chủng mở rộng đợt {n + 1} tại trạm y tế phường",
            summary="Phụ huynh đưa trẻ đến tiêm theo lịch hẹn, mang theo sổ tiêm.",
            category=category,
            status=Article.Status.PUBLISHED,
            published_at=timezone.now() - datetime.timedelta(days=n),
        )
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(live_server.url + "/tim-kiem/?q=tiem+chung&tu=2000-01-01&den=khong")
    assert "Ngày kết thúc “khong” không hợp lệ" in page.locator(".notice").inner_text()
    assert page.locator(".search-result").count() == 3
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    screenshot("search-results-360")
