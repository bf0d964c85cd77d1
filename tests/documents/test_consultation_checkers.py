"""The consultation pages from the demo, the form with its errors shown
included: valid for the Nu HTML Checker and without serious axe-core
violations; and the demo has an open and a closed consultation."""

import json
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from documents.models import Consultation
from tests.browser.test_a11y import serious_violations
from tests.portal.test_html_valid import vnu_command

pytestmark = pytest.mark.django_db


def demo():
    call_command("load_demo")
    now = timezone.now()
    open_one = Consultation.objects.get(closes_at__gt=now)
    closed = Consultation.objects.get(closes_at__lte=now)
    return open_one, closed


def test_the_demo_has_an_open_and_a_closed_consultation_with_its_report(client):
    open_one, closed = demo()
    assert open_one.is_open() and open_one.document.files.exists()
    assert closed.report and closed.comments.filter(status="published").count() == 3
    page = client.get(closed.get_absolute_url()).content.decode()
    assert "Báo cáo tiếp thu, giải trình" in page
    assert "Người dân mẫu" not in page


def pages(client, open_one, closed, tmp_path):
    """Name → file of the saved page: the list, an open draft, the same with
    the form's errors shown, a closed draft and the refusal after its end."""
    responses = {
        "consultations": client.get("/gop-y-du-thao/"),
        "consultation-open": client.get(open_one.get_absolute_url()),
        "consultation-errors": client.post(
            open_one.get_absolute_url(), {"contact": "sai", "body": ""}
        ),
        "consultation-closed": client.get(closed.get_absolute_url()),
        "consultation-too-late": client.post(
            closed.get_absolute_url(), {"body": "Muộn <b>rồi</b>"}
        ),
    }
    files = {}
    for name, response in responses.items():
        assert response.status_code in (200, 403), name
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files[name] = path
    assert "Góp ý chưa được gửi" in files["consultation-errors"].read_text()
    return files


@pytest.mark.checkers
def test_the_consultation_pages_are_valid_html(tmp_path):
    open_one, closed = demo()
    files = pages(Client(), open_one, closed, tmp_path)
    result = subprocess.run(
        vnu_command() + [str(f) for f in files.values()],
        capture_output=True,
        text=True,
        timeout=180,
    )
    messages = json.loads(result.stdout or "{}").get("messages", [])
    errors = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    assert not errors, "\n".join(errors)


@pytest.mark.browser
@pytest.mark.checkers
@pytest.mark.django_db(transaction=True)
def test_the_consultation_pages_have_no_serious_accessibility_violation(
    live_server, browser, settings
):
    settings.PUBLIC_FORM_MIN_SECONDS = 0
    open_one, closed = demo()
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, bypass_csp=True
    )
    page = context.new_page()
    found = {}
    for path in [
        "/gop-y-du-thao/",
        open_one.get_absolute_url(),
        closed.get_absolute_url(),
    ]:
        problems = serious_violations(page, live_server.url + path)
        if problems:
            found[path] = problems
    # The form with its errors shown, as a resident sees it after sending.
    page.goto(live_server.url + open_one.get_absolute_url())
    page.fill("#id_contact", "sai")
    page.get_by_role("button", name="Gửi góp ý").click()
    page.wait_for_selector(".form-errors")
    page.add_script_tag(
        path=str(
            Path(__file__).resolve().parents[2] / "node_modules/axe-core/axe.min.js"
        )
    )
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a','wcag2aa','wcag21a','wcag21aa']}, resultTypes: ['violations']})"
    )
    serious = [
        v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")
    ]
    if serious:
        found["form-with-errors"] = serious
    context.close()
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)
