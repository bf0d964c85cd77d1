"""Staff write a static page in the admin, under the admin's own CSP: the
editor must load (the `page` fixture fails on any console error, CSP
violations included)."""

import pytest
from django.contrib.auth import get_user_model

from portal.models import Page

pytestmark = pytest.mark.browser


def test_staff_write_a_page_with_the_editor_and_residents_read_it(live_server, page):
    get_user_model().objects.create_superuser("bientap", "b@example.vn", "mat-khau-9")
    page.goto(live_server.url + "/quan-tri/login/")
    page.fill("#id_username", "bientap")
    page.fill("#id_password", "mat-khau-9")
    page.click("input[type=submit]")
    page.goto(live_server.url + "/quan-tri/portal/page/add/")
    page.fill("#id_title", "Đường dây nóng")
    editor = page.locator(".prose-editor > .ProseMirror")
    editor.wait_for(state="visible")
    editor.click()
    page.keyboard.type("Gọi 0236 3 000 009 khi có sự cố về điện, nước.")
    page.click("input[name=_save]")
    page.wait_for_url("**/quan-tri/portal/page/")

    saved = Page.objects.get()
    assert saved.slug == "duong-day-nong"
    assert "Gọi 0236 3 000 009" in saved.body
    page.goto(live_server.url + "/trang/duong-day-nong/")
    assert page.get_by_role("heading", name="Đường dây nóng").is_visible()
    footer = page.locator(".footer-nav")
    assert footer.get_by_role("link", name="Đường dây nóng").is_visible()
