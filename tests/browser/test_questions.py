"""A resident asks a question on a 360 px phone and gets a tracking code;
staff answer it in the admin's editor, an approver approves and publishes it;
the resident looks the code up and reads the answer, which is also on the
public Hỏi đáp list without the resident's name or phone."""

import re

import pytest

from core.roles import APPROVERS, WRITERS
from questions.defaults import ensure_topics
from questions.models import Question, Topic
from questions.roles import ensure_roles
from tests.browser.test_news_workflow import log_in, log_out
from tests.news.factories import make_staff
from tests.questions.factories import make_question

pytestmark = pytest.mark.browser

PHONE_VIEWPORT = {"width": 360, "height": 740}
ANSWER = "Hộ gia đình bỏ rác trước cửa từ 17 giờ đến 19 giờ hằng ngày."


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_resident_asks_staff_answer_and_the_resident_reads_it(
    live_server, page, screenshot, settings
):
    settings.PUBLIC_FORM_MIN_SECONDS = 1
    base = live_server.url
    ensure_roles()  # the live server flushes the groups' permissions
    ensure_topics(Topic)
    make_staff("bientapvien", WRITERS)
    make_staff("nguoiduyet", APPROVERS)
    overdue = make_question(title="Câu hỏi đã quá hạn", ago=40)

    # The resident asks on a phone.
    page.set_viewport_size(PHONE_VIEWPORT)
    page.goto(f"{base}/hoi-dap/")
    page.get_by_role("link", name="Gửi câu hỏi").first.click()
    page.wait_for_url(f"{base}/hoi-dap/gui-cau-hoi/")
    page.get_by_label("Họ và tên").fill("Lê Văn Hỏi")
    page.get_by_label("Số điện thoại").fill("0912 000 111")
    page.get_by_label("Thư điện tử").fill("le.van.hoi@example.vn")
    page.get_by_label("Chủ đề").select_option(label="Trật tự đô thị, môi trường")
    page.get_by_label("Tiêu đề câu hỏi").fill("Giờ thu gom rác ở tổ 5")
    page.get_by_label("Nội dung câu hỏi").fill(
        "Xe thu gom rác đi qua tổ 5 lúc mấy giờ?"
    )
    page.locator("#id_consent").check()
    assert no_sideways_scroll(page)
    screenshot("questions-form-phone")
    page.wait_for_timeout(1100)  # a person takes longer than PUBLIC_FORM_MIN_SECONDS
    page.get_by_role("button", name="Gửi câu hỏi").click()
    page.wait_for_url(
        re.compile(r".*/hoi-dap/tra-cuu/HD-[2-9A-Z]{5}-[2-9A-Z]{5}/\?moi=1$")
    )
    code = page.locator(".qa-code").inner_text()
    assert re.fullmatch(r"HD-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}", code)
    assert "Đã tiếp nhận" in page.content()
    assert no_sideways_scroll(page)
    screenshot("questions-code-phone")
    question = Question.objects.exclude(pk=overdue.pk).get()

    # A writer answers in the editor and sends it for approval.
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, base, "bientapvien")
    page.goto(f"{base}/quan-tri/questions/question/")
    row = page.locator("#result_list tbody tr").first
    assert "Câu hỏi đã quá hạn" in row.inner_text()  # the oldest deadline on top
    shade = row.locator("td").first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert shade == "rgb(253, 226, 225)"  # overdue rows stand out
    screenshot("questions-queue")
    page.get_by_role("link", name=code).click()
    assert "Lê Văn Hỏi" not in page.content()  # writers do not see personal data
    editor = page.locator(".ProseMirror[contenteditable=true]")
    editor.click()
    page.keyboard.type(ANSWER)
    page.select_option("#id_answer_status", "pending")
    page.click("input[name=_save]")
    page.wait_for_url(f"{base}/quan-tri/questions/question/")
    log_out(page, base)

    # The approver approves it and publishes the Q&A.
    log_in(page, base, "nguoiduyet")
    page.goto(f"{base}/quan-tri/questions/question/{question.pk}/change/")
    assert "Lê Văn Hỏi" in page.content()  # approvers hold the permission
    page.select_option("#id_answer_status", "published")
    page.check("#id_is_public")
    page.click("input[name=_save]")
    page.wait_for_url(f"{base}/quan-tri/questions/question/")
    question.refresh_from_db()
    assert question.status == "answered" and question.is_public
    log_out(page, base)

    # The resident looks the code up, typed in lower case without dashes.
    page.context.clear_cookies()
    page.set_viewport_size(PHONE_VIEWPORT)
    page.goto(f"{base}/hoi-dap/")
    page.get_by_label("Tra cứu câu hỏi đã gửi bằng mã").fill(
        code.replace("-", " ").lower()
    )
    page.get_by_role("button", name="Tra cứu").click()
    page.wait_for_url(f"{base}{question.get_status_url()}")
    assert "Đã trả lời" in page.content()
    assert ANSWER in page.locator(".qa-answer").inner_text()
    screenshot("questions-answer-phone")

    # And the public list shows it, without the name or the phone (reloaded:
    # the browser keeps a public page for up to a minute, as for any reader).
    page.goto(f"{base}/hoi-dap/")
    page.reload()
    page.get_by_role("link", name="Giờ thu gom rác ở tổ 5").click()
    assert ANSWER in page.locator(".qa-answer").inner_text()
    for text in ("Lê Văn Hỏi", "0912 000 111", "le.van.hoi@"):
        assert text not in page.content()
    assert no_sideways_scroll(page)
