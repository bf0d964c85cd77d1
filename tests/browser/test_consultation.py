"""A resident comments on a draft from a 360 px phone, an approver publishes
the comment in the admin, it shows on the draft's page; after the deadline
the form is closed, by itself."""

import datetime
import time

import pytest
from django.utils import timezone

from core.roles import APPROVERS
from documents.models import Comment, Consultation
from tests.browser.test_news_workflow import log_in
from tests.documents.factories import attach_pdf, make_consultation
from tests.news.factories import make_staff

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
TEXT = "Đề nghị giữ lối đi bộ ven sông thông thoáng, không cho đậu xe máy."


def test_a_resident_comments_staff_publish_and_the_form_closes(
    live_server, page, screenshot, settings
):
    from documents.roles import ensure_roles

    settings.PUBLIC_FORM_MIN_SECONDS = 1
    base = live_server.url
    ensure_roles()  # the live server flushes the groups' permissions
    make_staff("nguoiduyet", APPROVERS)
    consultation = make_consultation(title="Dự thảo quy định về lối đi bộ ven sông")
    attach_pdf(consultation.document, "Lối đi bộ", name="Dự thảo quy định.pdf")

    # A resident on a phone finds the draft and comments.
    page.set_viewport_size(PHONE)
    page.goto(f"{base}/gop-y-du-thao/")
    page.get_by_role("link", name="Dự thảo quy định về lối đi bộ ven sông").click()
    page.wait_for_url(f"{base}{consultation.get_absolute_url()}")
    assert "Dự thảo quy định.pdf" in page.content()
    assert "Hạn góp ý:" in page.inner_text(".consultation-deadline")
    page.fill("#id_name", "Võ Thị Hạnh")
    page.fill("#id_contact", "0935 111 222")
    page.fill("#id_address", "Tổ 5, khu phố 1")
    page.fill("#id_body", TEXT)
    page.check("#id_consent")
    assert not page.locator(".hp-field-row").is_visible() or (
        page.locator(".hp-field-row").bounding_box()["x"] < 0
    )
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways ({width} px)"
    screenshot("consultation-form-360")
    time.sleep(1.1)  # a person takes longer than the minimum fill time
    page.get_by_role("button", name="Gửi góp ý").click()
    page.wait_for_url("**?da-gui=1#gop-y")
    assert "Cảm ơn bạn đã góp ý" in page.content()
    comment = Comment.objects.get()
    assert comment.status == "new" and comment.contact == "0935111222"
    assert TEXT not in page.inner_text(".public-comments")

    # An approver publishes it in the admin.
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, base, "nguoiduyet")
    page.goto(
        f"{base}/quan-tri/documents/comment/?consultation__id__exact={consultation.pk}"
    )
    assert "Võ Thị Hạnh" in page.content()  # approvers hold the permission
    page.check(f'input[name=_selected_action][value="{comment.pk}"]')
    page.select_option("select[name=action]", "publish")
    page.click("button[name=index]")
    page.wait_for_load_state()
    assert "Đã công khai 1 góp ý" in page.content()
    page.context.clear_cookies()

    # The resident sees it, without anybody's name or number.
    page.set_viewport_size(PHONE)
    page.goto(base + consultation.get_absolute_url())
    shown = page.inner_text(".public-comments")
    assert TEXT in shown and "Người góp ý" in shown
    assert "Võ Thị Hạnh" not in page.content() and "0935" not in page.content()

    # The deadline comes while a resident has the form open: sending is
    # refused, the page says the form is closed, the text is shown back.
    Consultation.objects.filter(pk=consultation.pk).update(
        closes_at=timezone.now() + datetime.timedelta(seconds=3)
    )
    page.goto(base + consultation.get_absolute_url())
    page.fill("#id_name", "Người đến muộn")
    page.fill("#id_contact", "muon@example.com")
    page.fill("#id_body", "Góp ý gửi sau hạn")
    page.check("#id_consent")
    time.sleep(3.5)
    page.get_by_role("button", name="Gửi góp ý").click()
    page.wait_for_load_state()
    assert "Biểu mẫu góp ý đã đóng" in page.content()
    assert "Góp ý gửi sau hạn" in page.inner_text(".unsent-comment")
    assert Comment.objects.count() == 1
    # The refusal is a 403, which Chromium reports on the console.
    refused = [e for e in page.console_errors if "status of 403" in e]
    assert len(refused) == 1
    page.console_errors.remove(refused[0])
    page.goto(base + consultation.get_absolute_url())
    assert page.locator("#id_body").count() == 0
    assert "Đã hết hạn góp ý" in page.content()
    screenshot("consultation-closed-360")
