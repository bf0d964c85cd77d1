"""axe-core and the Nu HTML Checker on the schedule's pages: the demo's
week, an empty week, the week across the new year, the pick-week form's
error page, and the week on a phone."""

import json
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from schedule.weeks import Week
from tests.browser.test_a11y import axe_page, serious_violations  # noqa: F401
from tests.portal.test_html_valid import vnu_command
from tests.schedule.factories import make_entry


def schedule_pages():
    week = Week.current().next
    return {
        "schedule-week": "/lich-cong-tac/",
        "schedule-next-week": f"/lich-cong-tac/{week.year}/tuan-{week.number}/",
        "schedule-empty-week": "/lich-cong-tac/2030/tuan-10/",
        "schedule-new-year": "/lich-cong-tac/2026/tuan-53/",
        "schedule-bad-pick": "/lich-cong-tac/chon-tuan/?ngay=31/02/2026",
    }


def load():
    import datetime

    call_command("load_demo")
    make_entry(
        datetime.date(2027, 1, 3),
        "23:30",
        end_time=datetime.time(23, 59),
        content="Trực đêm giao thừa\nKiểm tra an ninh trật tự",
        note="Ca trực đêm",
    )


@pytest.mark.checkers
@pytest.mark.django_db
def test_the_schedule_pages_are_valid_html(tmp_path):
    load()
    client = Client(raise_request_exception=False)
    files = []
    for name, url in schedule_pages().items():
        response = client.get(url)
        assert response.status_code in (200, 400), (url, response.status_code)
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(str(path))
    result = subprocess.run(
        vnu_command() + files, capture_output=True, text=True, timeout=180
    )
    messages = json.loads(result.stdout or "{}").get("messages", [])
    errors = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    assert not errors, "\n".join(errors)
    assert result.returncode == 0, result.stderr


@pytest.mark.browser
@pytest.mark.checkers
def test_the_schedule_pages_have_no_serious_accessibility_violation(
    live_server,
    axe_page,  # noqa: F811
):
    load()
    found = {}
    for path in schedule_pages().values():
        problems = serious_violations(axe_page, live_server.url + path)
        if problems:
            found[path] = problems
    axe_page.set_viewport_size({"width": 380, "height": 800})
    problems = serious_violations(axe_page, live_server.url + "/lich-cong-tac/")
    if problems:
        found["phone"] = problems
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)
