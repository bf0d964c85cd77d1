"""The newsroom in Chromium: autosave, versions, restore, correction notes."""

import pytest

from news.models import Article
from tests.browser.test_news_workflow import log_in, log_out
from tests.news.factories import APPROVERS, WRITERS, make_category, make_staff

pytestmark = pytest.mark.browser

TITLE = "Phường mở lớp tin học cho người cao tuổi"
SUMMARY = "Lớp học miễn phí mỗi sáng thứ Bảy tại nhà văn hóa khu phố."
BODY = "Người cao tuổi được hướng dẫn dùng điện thoại thông minh."
REWRITTEN = "Lớp học dành cho mọi người dân trong phường."
NOTE = "lớp học dành cho người cao tuổi, không phải mọi người dân."


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


def test_write_autosave_compare_restore_and_correct_until_the_reader_sees_the_note(
    live_server, page, screenshot
):
    base = live_server.url
    make_category("Tin hoạt động", order=1)
    make_staff("bientapvien", WRITERS)
    make_staff("nguoiduyet", APPROVERS)

    # The writer writes; the page is reloaded before saving; autosave helps.
    log_in(page, base, "bientapvien")
    page.goto(f"{base}/quan-tri/news/article/add/")
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", SUMMARY)
    page.locator(".ProseMirror[contenteditable=true]").click()
    page.keyboard.type(BODY)
    page.wait_for_timeout(800)
    page.reload()
    page.locator(".autosave-offer").get_by_role(
        "button", name="Khôi phục bản chưa lưu"
    ).click()
    assert page.input_value("#id_title") == TITLE
    page.select_option("#id_category", label="Tin hoạt động")
    page.select_option("#id_status", "pending")
    page.click("input[name=_save]")
    page.wait_for_url(f"{base}/quan-tri/news/article/")
    article = Article.objects.get(title=TITLE)
    assert BODY in article.body
    log_out(page, base)

    # The approver rewrites the body and publishes: a second version.
    log_in(page, base, "nguoiduyet")
    assert "Tin chờ duyệt (1)" in page.content()
    page.goto(f"{base}/quan-tri/news/article/{article.pk}/change/")
    editor = page.locator(".ProseMirror[contenteditable=true]")
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(REWRITTEN)
    page.select_option("#id_status", "published")
    page.click("input[name=_save]")
    page.wait_for_url(f"{base}/quan-tri/news/article/")
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED and REWRITTEN in article.body

    # It compares the two versions, then restores the writer's as a draft.
    page.goto(f"{base}/quan-tri/news/article/{article.pk}/phien-ban/")
    page.get_by_role("button", name="So sánh").click()
    page.wait_for_load_state()
    assert page.locator(".revision-diff del").first.is_visible()
    assert "Người cao tuổi" in page.locator(".revision-diff").first.inner_text()
    screenshot("newsroom-compare")
    page.go_back()
    page.get_by_role("button", name="Khôi phục thành bản nháp").first.click()
    page.wait_for_url(f"{base}/quan-tri/news/article/{article.pk}/change/")
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT and BODY in article.body

    # Publishing it again is a correction: it carries a note.
    page.select_option("#id_status", "published")
    page.click("input[name=_save]")
    page.locator(".errorlist", has_text="dòng đính chính").wait_for()
    assert Article.objects.get(pk=article.pk).status == Article.Status.DRAFT
    page.fill("#id_correction_note", f"Đính chính: {NOTE}")
    page.select_option("#id_status", "published")
    page.click("input[name=_save]")
    page.wait_for_url(f"{base}/quan-tri/news/article/")
    log_out(page, base)

    # The reader sees the note under the update date.
    page.context.clear_cookies()
    page.goto(f"{base}{article.get_absolute_url()}")
    note = page.locator(".article-correction")
    assert NOTE in note.inner_text()
    assert BODY in page.locator(".article-body").inner_text()
    screenshot("newsroom-correction")
