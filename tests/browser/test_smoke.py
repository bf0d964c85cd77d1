import pytest
from django.core.management import call_command

pytestmark = pytest.mark.browser


def test_a_resident_opens_the_home_page_and_sees_the_sidebar(
    live_server, page, screenshot
):
    call_command("load_demo")
    page.goto(live_server.url + "/")
    assert "phường Hòa Thuận Đông" in page.title()
    for title in (
        "Tìm kiếm tin tức",
        "Xem tin theo ngày",
        "Đơn vị hỗ trợ",
        "Thống kê truy cập",
    ):
        assert page.get_by_role("heading", name=title).is_visible()
    assert page.locator(".card").count() >= 10
    screenshot("home-1280")
    page.set_viewport_size({"width": 360, "height": 800})
    screenshot("home-360")
