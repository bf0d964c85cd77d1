"""In a browser: the English page passes axe-core and loads no script from
elsewhere while none is set; the self-check report, on screen and printed
(screenshots in artifacts/screenshots/selfcheck-*.png)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from portal.models import SiteProfile
from tests.browser.test_a11y import axe_page, serious_violations  # noqa: F401
from tests.portal.test_selfcheck import make_backup

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(settings, tmp_path):
    settings.PORTAL_BACKUP_DIR = tmp_path / "backups"
    call_command("load_demo")
    make_backup(settings.PORTAL_BACKUP_DIR, datetime.timedelta(hours=5))


@pytest.mark.checkers
def test_the_english_page_has_no_serious_accessibility_violation(
    live_server,
    axe_page,  # noqa: F811
    demo,
):
    assert serious_violations(axe_page, live_server.url + "/en/") == []
    assert axe_page.locator("html").get_attribute("lang") == "en"


def test_the_header_link_leads_to_the_english_page(live_server, page, demo):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")
    assert (
        page.get_by_role("heading", level=1)
        .inner_text()
        .startswith("People's Committee")
    )
    assert "Last updated" in page.locator(".page-updated").inner_text()


def test_a_page_with_the_monitoring_script_asks_for_it_and_nothing_else(
    live_server, page, demo
):
    profile = SiteProfile.objects.get()
    profile.monitoring_script = "https://emc.example.vn/emc.js"
    profile.save()
    asked = []
    page.on("request", lambda r: asked.append(r.url))
    # The address does not resolve here: the failed load is not the page's error.
    page.route(
        "https://emc.example.vn/**",
        lambda route: route.fulfill(
            status=200, content_type="text/javascript", body="window.emcLoaded = true;"
        ),
    )
    page.goto(live_server.url + "/")
    page.wait_for_function("window.emcLoaded === true")
    outside = {u for u in asked if not u.startswith(live_server.url)}
    assert outside == {"https://emc.example.vn/emc.js"}


def test_the_self_check_report_on_screen_and_printed(
    live_server, page, screenshot, demo
):
    get_user_model().objects.create_superuser("kiemtra", "k@example.vn", "mat-khau-9")
    page.goto(live_server.url + "/quan-tri/login/")
    page.fill("#id_username", "kiemtra")
    page.fill("#id_password", "mat-khau-9")
    page.click("input[type=submit]")
    page.get_by_role(
        "link", name="Xem cổng còn thiếu gì theo danh mục đánh giá"
    ).click()
    page.wait_for_url("**/quan-tri/tu-kiem-tra/")
    rows = page.locator(".selfcheck-table tbody tr")
    assert rows.count() == 14
    assert page.get_by_role("button", name="In báo cáo").is_visible()
    screenshot("selfcheck-report")
    page.emulate_media(media="print")
    assert not page.locator("#header").is_visible()
    assert not page.get_by_role("button", name="In báo cáo").is_visible()
    assert rows.first.is_visible()
    screenshot("selfcheck-report-print")
