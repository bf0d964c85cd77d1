"""The newsroom in Chromium: autosave, versions, restore, correction notes."""

import pytest

from news.models import Article
from tests.browser.test_news_workflow import log_in
from tests.news.factories import WRITERS, make_category, make_staff

pytestmark = pytest.mark.browser

TITLE = "Phường mở lớp tin học cho người cao tuổi"
SUMMARY = "Lớp học miễn phí mỗi sáng thứ Bảy tại nhà văn hóa khu phố."
BODY = "Người cao tuổi được hướng dẫn dùng điện thoại thông minh."


def test_autosave_offers_the_unsaved_text_back_after_a_reload(live_server, page):
    make_category("Tin hoạt động", order=1)
    make_staff("bientapvien", WRITERS)
    base = live_server.url
    log_in(page, base, "bientapvien")
    page.goto(f"{base}/quan-tri/news/article/add/")
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", SUMMARY)
    page.locator(".ProseMirror[contenteditable=true]").click()
    page.keyboard.type(BODY)
    page.wait_for_timeout(800)  # the autosave waits for a pause in typing

    page.reload()
    offer = page.locator(".autosave-offer")
    offer.wait_for()
    assert page.input_value("#id_title") == ""
    offer.get_by_role("button", name="Khôi phục bản chưa lưu").click()
    assert page.input_value("#id_title") == TITLE
    assert page.input_value("#id_summary") == SUMMARY
    assert BODY in page.locator(".ProseMirror[contenteditable=true]").inner_text()
    assert not Article.objects.exists()  # nothing was saved, let alone published
