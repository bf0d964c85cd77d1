"""A writer writes, an approver publishes, a resident reads: in Chromium."""

import pytest
from django.utils import timezone

from news.models import Article
from tests.news.factories import (
    APPROVERS,
    WRITERS,
    image_bytes,
    make_article,
    make_category,
    make_staff,
)

pytestmark = pytest.mark.browser

PASSWORD = "mat-khau-thu-nghiem-1"
TITLE = "Phường ra mắt tổ công nghệ số cộng đồng"


def log_in(page, base, username):
    page.goto(f"{base}/quan-tri/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{base}/quan-tri/")


def log_out(page, base):
    page.click("#logout-form button")
    page.wait_for_load_state()


def test_a_writer_submits_an_approver_publishes_and_a_resident_reads(
    live_server, page, screenshot, tmp_path
):
    base = live_server.url
    category = make_category("Tin hoạt động", order=1)
    for n in range(3):
        make_article(
            category, title=f"Tin cũ hơn số {n + 1}", ago=timezone.timedelta(days=n + 1)
        )
    make_staff("bientapvien", WRITERS)
    make_staff("nguoiduyet", APPROVERS)
    photo = tmp_path / "to-cong-nghe.png"
    photo.write_bytes(image_bytes("PNG", size=(1200, 700), color=(30, 110, 160)))

    # The writer writes in the real editor and inserts a photo through the upload.
    log_in(page, base, "bientapvien")
    page.goto(f"{base}/quan-tri/news/article/add/")
    page.fill("#id_title", TITLE)
    page.select_option("#id_category", label="Tin hoạt động")
    page.fill(
        "#id_summary", "Tổ công nghệ số giúp người dân dùng dịch vụ công trực tuyến."
    )
    editor = page.locator(".ProseMirror[contenteditable=true]")
    editor.click()
    page.keyboard.type(
        "Sáng nay, tổ công nghệ số cộng đồng của phường ra mắt tại nhà văn hóa."
    )
    page.keyboard.press("Enter")
    page.click('.prose-menubar button[title="Chèn ảnh"]')
    dialog = page.locator("dialog[open]")
    with page.expect_popup() as popup_info:
        dialog.get_by_role("button", name="Tải ảnh lên…").click()
    popup = popup_info.value
    popup.wait_for_load_state()
    popup.set_input_files("#id_image", str(photo))
    popup.fill("#id_alt", "Thành viên tổ công nghệ số hướng dẫn người dân")
    popup.fill("#id_caption", "Tổ công nghệ số ra mắt")
    with popup.expect_event("close"):
        popup.click("input[type=submit]")
    assert (
        dialog.locator("input[name=imageUrl]")
        .input_value()
        .startswith("/media/news/noi-dung/")
    )
    dialog.get_by_role("button", name="Chèn").click()
    page.wait_for_selector(".ProseMirror figure img")
    page.fill("#id_source_name", "Cổng thông tin tỉnh")
    page.fill("#id_source_url", "https://tinh.example.vn/tin/to-cong-nghe-so")
    page.select_option("#id_status", "pending")
    assert page.locator('#id_status option[value="published"]').count() == 0
    page.click("input[name=_save]")
    page.wait_for_url(f"{base}/quan-tri/news/article/")
    article = Article.objects.get(title=TITLE)
    assert article.status == Article.Status.PENDING
    assert "<figure><img" in article.body and "Tổ công nghệ số ra mắt" in article.body
    log_out(page, base)

    # The approver publishes it with the bulk action.
    log_in(page, base, "nguoiduyet")
    page.goto(f"{base}/quan-tri/news/article/?status__exact=pending")
    page.check(f'input[name=_selected_action][value="{article.pk}"]')
    page.select_option("select[name=action]", "publish")
    page.click("button[name=index]")
    page.wait_for_load_state()
    assert "Đã xuất bản 1 tin" in page.content()
    log_out(page, base)

    # A resident finds it on the home page, reads it, and picks its day.
    page.context.clear_cookies()
    page.goto(f"{base}/")
    screenshot("news-home")
    page.get_by_role("link", name=TITLE).first.click()
    page.wait_for_url(f"{base}/tin-tuc/{article.slug}/")
    body = " ".join(page.locator("main").text_content().split())
    today = timezone.localdate()
    assert f"Ngày cập nhật {today:%d/%m/%Y}" in body
    assert "Nguồn tin (Cổng thông tin tỉnh)" in body
    assert "Các tin khác" in body and "Tin cũ hơn số 1" in body
    assert page.locator("main figure img").first.evaluate("img => img.naturalWidth") > 0
    screenshot("news-article")
    page.fill("#chon-ngay", f"{today:%Y-%m-%d}")
    page.get_by_role("button", name="Xem").click()
    page.wait_for_url(f"{base}/ngay/{today:%Y/%m/%d}/")
    assert page.get_by_role("link", name=TITLE).first.is_visible()
    screenshot("news-day")


def test_the_editor_speaks_vietnamese(live_server, page):
    make_staff("bientapvien", WRITERS)
    log_in(page, live_server.url, "bientapvien")
    page.goto(f"{live_server.url}/quan-tri/news/article/add/")
    page.locator(".prose-menubar__selected").click()
    options = page.locator(".prose-menubar__option")
    assert options.all_inner_texts() == [
        "Tiêu đề 2",
        "Tiêu đề 3",
        "Tiêu đề 4",
        "Đoạn văn",
    ]
    assert page.locator(".prose-menubar [aria-label='Chữ đậm']").count() == 1
