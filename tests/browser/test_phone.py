"""Readers on phones (issue 12), in headless Chromium at 360 and 1280 px:
search in the first screen, every section two taps away, no sideways
scrolling, the day picker in dd/mm/yyyy whatever the browser's language,
axe-core clean with the menu closed and open. Screenshots in
artifacts/screenshots/phone-*.png."""

import json

import pytest
from django.core.management import call_command

from news.models import Article, Category
from portal.models import MenuItem, SiteProfile
from tests.conftest import ARTIFACTS, AXE, TIME_ZONE

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
SHOTS = ARTIFACTS / "screenshots"


@pytest.fixture
def demo(db):
    call_command("load_demo")
    article = Article.objects.published().exclude(image="").first()
    return {
        "home": "/",
        "category": article.category.get_absolute_url(),
        "article": article.get_absolute_url(),
    }


@pytest.fixture
def open_page(browser):
    """open_page(viewport, locale=…, js=True, csp=True): a fresh page whose
    console and script errors fail the test."""
    contexts, errors = [], []

    def make(viewport, locale="vi-VN", js=True, csp=True):
        context = browser.new_context(
            viewport=viewport,
            locale=locale,
            timezone_id=TIME_ZONE,
            java_script_enabled=js,
            bypass_csp=not csp,
        )
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda msg: errors.append(msg.text) if bad(msg) else None)
        return page

    yield make
    for context in contexts:
        context.close()
    assert not errors, errors


def bad(message):
    # The wrong-day page answers 400 on purpose; the browser logs that.
    return message.type == "error" and "status of 400" not in message.text


def shot(page, name, full_page=False):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"phone-{name}.png"), full_page=full_page)


def in_first_screen(page, locator):
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_the_search_box_is_in_the_first_screen(live_server, demo, open_page, viewport):
    page = open_page(viewport)
    for name, path in demo.items():
        page.goto(live_server.url + path)
        box = page.locator("input[name=q]:visible")
        assert box.count() == 1, name
        assert in_first_screen(page, box), name
        shot(page, f"{name}-{viewport['width']}")
        # It works from there.
        box.fill("phường")
        box.press("Enter")
        page.wait_for_url("**/tim-kiem/?q=*")
        assert page.locator("form[role=search]").count() == 1  # one form here


def menu_titles():
    """The menu as the site has it: Trang chủ, the categories, then the
    items after them (those whose page exists on this install)."""
    profile = SiteProfile.current()
    items = [i for i in MenuItem.objects.all() if i.target(profile)]
    first = [i.title for i in items if not i.after_categories]
    after = [i.title for i in items if i.after_categories]
    menu = Category.objects.filter(in_menu=True, parent=None)
    return first + [c.name for c in menu], after


def test_every_menu_section_is_two_taps_away_on_a_phone_the_others_three(
    live_server, demo, open_page
):
    page = open_page(PHONE)
    page.goto(live_server.url + "/")
    sections, more = menu_titles()
    assert "Sơ đồ cổng" in more and "Giới thiệu" in more
    assert page.locator(".menu-list > li > a").all_text_contents() == sections
    assert page.locator(".menu-more-list a").all_text_contents() == more
    assert not page.locator(".menu-list a").first.is_visible()  # one line closed
    page.locator("summary.menu-toggle").click()
    assert not page.locator(".menu-more-list a").first.is_visible()  # behind Thêm
    for name in sections + more:
        page.goto(live_server.url + demo["article"])
        page.locator("summary.menu-toggle").click()  # tap 1
        if name in more:
            page.locator("summary.menu-more-toggle").click()  # tap 2: "Thêm"
            if name == more[0]:
                shot(page, "menu-more-open-360")
        elif name == sections[1]:
            shot(page, "menu-open-360")
        link = page.locator(".menu-list").get_by_role("link", name=name, exact=True)
        if link.get_attribute("href").startswith("https://"):
            continue  # Dịch vụ công trực tuyến: another site
        link.click()
        page.wait_for_load_state()  # the last tap
        page.locator("summary.menu-toggle").click()
        current = page.locator(".menu-list a[aria-current=page]")
        assert current.text_content() == name
        assert current.is_visible()  # "Thêm" opens by itself on its own pages


def test_on_a_wide_screen_the_menu_is_a_bar_marking_the_articles_section(
    live_server, demo, open_page
):
    page = open_page(DESKTOP)
    page.goto(live_server.url + demo["article"])
    assert not page.locator("summary.menu-toggle").is_visible()
    assert not page.locator("summary.menu-more-toggle").is_visible()  # no "Thêm"
    links = page.locator(".menu-list a")
    assert all(links.nth(n).is_visible() for n in range(links.count()))
    shot(page, "menu-bar-1280")
    marked = page.locator(".menu-list a[aria-current]")
    article = Article.objects.get(slug=demo["article"].split("/")[-2])
    assert marked.text_content() == (article.category.parent or article.category).name


def test_without_javascript_the_menu_still_opens_and_the_bar_still_shows(
    live_server, demo, open_page
):
    phone = open_page(PHONE, js=False)
    phone.goto(live_server.url + "/")
    phone.locator("summary.menu-toggle").click()
    phone.locator("summary.menu-more-toggle").click()
    assert phone.locator(".menu-list a").last.is_visible()
    wide = open_page(DESKTOP, js=False)
    wide.goto(live_server.url + "/")
    assert wide.locator(".menu-list a").last.is_visible()


@pytest.mark.parametrize("width", [320, 360, 414])
def test_nothing_scrolls_sideways_on_a_phone(live_server, demo, open_page, width):
    page = open_page({"width": width, "height": 740})
    paths = [*demo.values(), "/ngay/?ngay=31/02/2023", "/tin-doc-nhieu/"]
    paths.append("/tim-kiem/?q=ph%C6%B0%E1%BB%9Dng")
    for path in paths:
        page.goto(live_server.url + path)
        page.locator("summary.menu-toggle").click()
        page.locator(".day-calendar-button").first.click()
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= width, (path, wide)


def test_the_phone_layout_does_not_shift_while_loading(live_server, demo, open_page):
    page = open_page(PHONE)
    for path in demo.values():
        page.goto(live_server.url + path)
        page.wait_for_load_state("load")
        shift = page.evaluate(
            """() => new Promise(done => {
                let total = 0;
                new PerformanceObserver(list => {
                    for (const e of list.getEntries()) total += e.value;
                }).observe({type: 'layout-shift', buffered: true});
                setTimeout(() => done(total), 300);
            })"""
        )
        assert shift < 0.01, (path, shift)


@pytest.mark.parametrize("locale", ["en-US", "vi-VN"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_a_typed_day_in_dd_mm_yyyy_opens_that_day(
    live_server, demo, open_page, locale, viewport
):
    page = open_page(viewport, locale=locale)
    page.goto(live_server.url + demo["article"])
    field = page.locator("#chon-ngay")
    assert field.get_attribute("placeholder") == "dd/mm/yyyy"
    assert field.get_attribute("inputmode") == "numeric"
    if viewport is PHONE:
        page.locator("a.nav-day").click()  # reachable from the top
        assert in_first_screen(page, field)
    field.fill("11/04/2023")
    page.get_by_role("button", name="Xem", exact=True).click()
    page.wait_for_url(f"{live_server.url}/ngay/2023/04/11/")


@pytest.mark.parametrize("locale", ["en-US", "vi-VN"])
def test_a_day_clicked_in_the_calendar_opens_that_day(
    live_server, demo, open_page, locale
):
    page = open_page(PHONE, locale=locale)
    page.goto(live_server.url + "/")
    page.locator("a.nav-day").click()
    page.get_by_role("button", name="Mở lịch chọn ngày").click()
    calendar = page.get_by_role("dialog", name="Lịch chọn ngày")
    assert calendar.is_visible()
    calendar.get_by_role("spinbutton", name="Năm").fill("2023")
    calendar.get_by_role("spinbutton", name="Năm").press("Enter")
    calendar.get_by_role("combobox", name="Tháng").select_option(label="Tháng 4")
    assert calendar.get_by_role("columnheader").all_text_contents() == [
        "T2", "T3", "T4", "T5", "T6", "T7", "CN",
    ]  # fmt: skip
    shot(page, f"calendar-360-{locale}")
    calendar.get_by_role("button", name="11 tháng 4 năm 2023, Thứ ba").click()
    page.wait_for_url(f"{live_server.url}/ngay/2023/04/11/")


def test_the_calendar_works_from_the_keyboard(live_server, demo, open_page):
    page = open_page(DESKTOP, locale="en-US")
    page.goto(live_server.url + "/")
    page.locator("#chon-ngay").fill("10/04/2023")
    page.get_by_role("button", name="Mở lịch chọn ngày").press("Enter")
    focused = page.evaluate("document.activeElement.getAttribute('data-date')")
    assert focused == "10/04/2023"
    page.keyboard.press("ArrowDown")  # a week later
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")  # and back to the 11th
    page.keyboard.press("Escape")
    assert not page.get_by_role("dialog").is_visible()
    page.get_by_role("button", name="Mở lịch chọn ngày").press("Enter")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/ngay/2023/04/11/")


def test_without_javascript_the_browsers_own_picker_is_used(
    live_server, demo, open_page
):
    page = open_page(PHONE, js=False)
    page.goto(live_server.url + "/")
    assert page.locator("#chon-ngay").get_attribute("type") == "date"
    page.locator("#chon-ngay").fill("2023-04-11")
    page.get_by_role("button", name="Xem", exact=True).click()
    page.wait_for_url(f"{live_server.url}/ngay/2023/04/11/")


def test_a_wrong_day_gets_a_message_and_the_form_again(live_server, demo, open_page):
    page = open_page(PHONE, locale="en-US")
    page.goto(live_server.url + "/")
    page.locator("#chon-ngay").evaluate("f => f.removeAttribute('pattern')")
    page.locator("#chon-ngay").fill("31/02/2023")
    page.get_by_role("button", name="Xem", exact=True).click()
    page.wait_for_url("**/ngay/?ngay=*")
    assert "Ngày không hợp lệ" in page.locator("main").text_content()
    page.locator("#chon-ngay-lai").fill("11/04/2023")
    page.locator("main").get_by_role("button", name="Xem", exact=True).click()
    page.wait_for_url(f"{live_server.url}/ngay/2023/04/11/")


def test_the_share_links_and_the_copy_button(live_server, demo, open_page):
    page = open_page(PHONE)
    page.goto(live_server.url + demo["article"])
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    share = page.locator(".share")
    for name in ("Chia sẻ qua Zalo", "Chia sẻ lên Facebook"):
        link = share.get_by_role("link", name=name)
        assert link.get_attribute("target") == "_blank"
        assert canonical.replace(":", "%3A").replace("/", "%2F") in (
            link.get_attribute("href")
        )
    share.get_by_role("button", name="Sao chép liên kết").click()
    page.wait_for_function(
        "document.querySelector('[data-copy-status]').textContent.includes('liên kết')"
    )
    share.scroll_into_view_if_needed()
    shot(page, "share-360")


@pytest.mark.checkers
def test_axe_finds_nothing_serious_with_the_menu_closed_or_open(
    live_server, demo, open_page
):
    found = {}
    for viewport in (PHONE, DESKTOP):
        page = open_page(viewport, csp=False)
        for name, path in demo.items():
            page.goto(live_server.url + path)
            page.add_script_tag(path=str(AXE))
            states = ["closed", "open"] if viewport is PHONE else ["bar"]
            for state in states:
                if state == "open":
                    page.locator("summary.menu-toggle").click()
                    page.locator("summary.menu-more-toggle").click()  # "Thêm"
                    page.get_by_role("button", name="Mở lịch chọn ngày").click()
                problems = axe(page)
                if problems:
                    found[f"{name}-{viewport['width']}-{state}"] = problems
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)


def axe(page):
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})"
    )
    return [
        {"rule": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
