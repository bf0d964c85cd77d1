"""The Hỏi đáp pages, the form with its errors shown included, pass axe-core
(no serious or critical WCAG 2.1 A/AA violation) and the Nu HTML Checker."""

import json
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from questions.models import Question
from tests.browser.test_a11y import TAGS, axe_page, axe_script  # noqa: F401
from tests.portal.test_html_valid import vnu_command
from tests.questions.factories import make_question

PRIVACY = "/trang/chinh-sach-bao-ve-du-lieu-ca-nhan/"


def new_pages():
    published = Question.objects.published().first()
    declined = make_question(
        status="declined", decline_reason="Không thuộc thẩm quyền."
    )
    return {
        "qa-list": "/hoi-dap/",
        "qa-topic": "/hoi-dap/?chu_de=chinh-sach-xa-hoi",
        "qa-unknown-topic": "/hoi-dap/?chu_de=khong-co",
        "qa-detail": published.get_absolute_url(),
        "qa-form": "/hoi-dap/gui-cau-hoi/",
        "qa-lookup": "/hoi-dap/tra-cuu/",
        "qa-lookup-bad": "/hoi-dap/tra-cuu/?ma=abc",
        "qa-not-found": "/hoi-dap/tra-cuu/HD-22222-22222/",
        "qa-status-answered": published.get_status_url() + "?moi=1",
        "qa-status-declined": declined.get_status_url(),
        "privacy": PRIVACY,
    }


def violations(page):
    page.add_script_tag(path=axe_script())
    result = page.evaluate(
        "async (tags) => await axe.run(document, "
        "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        TAGS,
    )
    return [
        {
            "rule": v["id"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.browser
@pytest.mark.checkers
def test_the_new_pages_have_no_serious_accessibility_violation(
    live_server,
    axe_page,  # noqa: F811
):
    call_command("load_demo")
    found = {}
    for name, path in new_pages().items():
        axe_page.goto(live_server.url + path)
        found[name] = violations(axe_page)
    # The form sent empty: every error shown.
    axe_page.goto(live_server.url + "/hoi-dap/gui-cau-hoi/")
    axe_page.get_by_role("button", name="Gửi câu hỏi").click()
    axe_page.wait_for_selector(".form-refusal")
    found["qa-form-errors"] = violations(axe_page)
    found = {k: v for k, v in found.items() if v}
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)


@pytest.mark.checkers
@pytest.mark.django_db
def test_the_new_pages_are_valid_html(tmp_path, settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 0
    call_command("load_demo")
    client = Client(raise_request_exception=False)
    files = []
    for name, url in new_pages().items():
        response = client.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        files.append(save(tmp_path, name, response.content))
    errors = client.post(
        "/hoi-dap/gui-cau-hoi/", {"name": "x", "email": "khong-hop-le"}
    )
    files.append(save(tmp_path, "qa-form-errors", errors.content))
    settings.QUESTIONS_LOOKUP_RATE = [(0, 600)]
    limited = client.get("/hoi-dap/tra-cuu/HD-22222-22222/")
    assert limited.status_code == 429
    files.append(save(tmp_path, "qa-lookup-limited", limited.content))
    result = subprocess.run(
        vnu_command() + files, capture_output=True, text=True, timeout=180
    )
    messages = json.loads(result.stdout or "{}").get("messages", [])
    problems = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    assert not problems, "\n".join(problems)


def save(folder, name, content):
    path = folder / f"{name}.html"
    path.write_bytes(content)
    return str(path)
