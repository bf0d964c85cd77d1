"""Lịch công tác in Chromium: a writer adds an entry, an approver publishes
it, a resident finds it on the week page, walks the weeks by clicks, picks a
week by a day, and prints the week on one A4 sheet."""

import datetime
import io
import unicodedata

import pytest
from django.core.management import call_command
from django.utils import timezone
from pypdf import PdfReader

from core.roles import APPROVERS, WRITERS
from schedule.models import Entry
from schedule.weeks import Week
from tests.browser.test_news_workflow import log_in, log_out
from tests.conftest import ARTIFACTS
from tests.schedule.factories import make_entry, make_staff

pytestmark = pytest.mark.browser

WHAT = "Họp bàn phương án đón Tết cho hộ khó khăn"


def test_an_entry_goes_from_writer_to_approver_to_the_week_page(
    live_server, page, screenshot
):
    base = live_server.url
    make_staff("bientapvien", WRITERS)
    make_staff("nguoiduyet", APPROVERS)
    today = timezone.localdate()

    # The writer adds the entry and sends it for approval.
    log_in(page, base, "bientapvien")
    page.goto(f"{base}/quan-tri/schedule/entry/add/")
    page.fill("#id_day", today.strftime("%d/%m/%Y"))
    page.fill("#id_start_time", "14:00")
    page.fill("#id_end_time", "16:30")
    page.fill("#id_content", WHAT)
    page.fill("#id_presiding", "Đ/c Phạm Thu Hà – Phó Chủ tịch UBND phường")
    page.fill("#id_attendees", "Hội Chữ thập đỏ; trưởng các khu phố")
    page.fill("#id_location", "Phòng họp tầng 2, UBND phường")
    assert page.locator('#id_status option[value="published"]').count() == 0
    page.select_option("#id_status", "pending")
    page.click("input[name=_save]")
    page.wait_for_url(f"{base}/quan-tri/schedule/entry/")
    entry = Entry.objects.get()
    assert entry.status == "pending" and entry.created_by.username == "bientapvien"
    log_out(page, base)

    # Not public yet. (The week's other address: the browser may keep a
    # public page for a minute, as a proxy would.)
    page.context.clear_cookies()
    week = Week.current()
    page.goto(f"{base}/lich-cong-tac/{week.year}/tuan-{week.number}/")
    assert WHAT not in page.content()

    # The approver publishes it.
    log_in(page, base, "nguoiduyet")
    page.goto(f"{base}/quan-tri/schedule/entry/?status__exact=pending")
    page.check(f'input[name=_selected_action][value="{entry.pk}"]')
    page.select_option("select[name=action]", "publish")
    page.click("button[name=index]")
    page.wait_for_load_state()
    assert "Đã xuất bản 1 mục lịch công tác" in page.content()
    log_out(page, base)

    # A resident sees it in this week's table, under today.
    page.context.clear_cookies()
    page.goto(f"{base}/lich-cong-tac/")
    row = page.locator(f"#muc-lich-{entry.pk}")
    assert "14:00 – 16:30" in row.inner_text() and WHAT in row.inner_text()
    day = page.locator("tbody", has=row).locator(".schedule-day")
    assert today.strftime("%d/%m/%Y") in day.inner_text()
    screenshot("schedule-week")


def test_a_resident_walks_the_weeks_and_picks_one_by_a_day(live_server, page):
    base = live_server.url
    week = Week.current()
    make_entry(week.next.monday, "07:30", content="Giao ban tuần sau")
    make_entry(datetime.date(2027, 1, 1), "07:00", content="Chào cờ đầu năm mới")

    page.goto(f"{base}/lich-cong-tac/")
    page.get_by_role("link", name="Tuần sau").click()
    page.wait_for_url(f"{base}/lich-cong-tac/{week.next.year}/tuan-{week.next.number}/")
    assert "Giao ban tuần sau" in page.locator("main").inner_text()
    page.get_by_role("link", name="Tuần trước").click()
    page.wait_for_url(f"{base}/lich-cong-tac/{week.year}/tuan-{week.number}/")
    page.get_by_role("link", name="Tuần trước").click()
    previous = week.previous
    page.wait_for_url(f"{base}/lich-cong-tac/{previous.year}/tuan-{previous.number}/")
    page.get_by_role("link", name="Tuần này").click()
    page.wait_for_url(f"{base}/lich-cong-tac/")

    # The day field is the site's dd/mm/yyyy calendar (static/js/day-picker.js).
    field = page.get_by_label("Xem lịch của tuần có ngày")
    field.fill("01/01/2027")
    page.get_by_role("button", name="Xem tuần").click()
    page.wait_for_url(f"{base}/lich-cong-tac/2026/tuan-53/")
    main = page.locator("main").inner_text()
    assert "Lịch công tác tuần 53" in main and "Chào cờ đầu năm mới" in main
    assert "Thứ Sáu 01/01/2027" in main


def test_a_normal_week_prints_on_one_a4_page(live_server, page):
    call_command("load_demo")  # twelve entries this week
    assert Entry.objects.published().in_week(Week.current()).count() == 12
    page.goto(f"{live_server.url}/lich-cong-tac/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".sidebar").is_visible()
    assert not page.locator(".site-footer").is_visible()
    assert not page.locator(".week-nav").is_visible()
    assert page.locator(".schedule-table").is_visible()
    pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=False)
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "schedule-week-print.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    # The PDF's text comes out in pieces: compare without spaces.
    text = unicodedata.normalize("NFC", "".join(reader.pages[0].extract_text().split()))
    assert "Lịchcôngtáctuần" in text and "Điềuchỉnhlúc" in text
