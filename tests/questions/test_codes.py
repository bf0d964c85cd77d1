"""Tracking codes: short, unguessable, readable aloud, unique; looked up in
any case and spacing; a wrong code or a brute-force run finds nothing and is
rate-limited."""

import random
import re
import time
from types import SimpleNamespace

import pytest
from django.db import IntegrityError

from core import publicforms
from questions import codes
from questions.models import Question
from tests.questions.factories import make_question

pytestmark = pytest.mark.django_db


def test_a_code_is_ten_characters_without_look_alikes():
    for _ in range(200):
        code = codes.new_code()
        assert re.fullmatch(r"[2-9A-HJKMNP-Z]{10}", code)
    assert not set("01OIL") & set(codes.ALPHABET)
    assert len(codes.ALPHABET) == 31


def test_a_code_is_shown_in_groups_read_aloud():
    assert codes.display("7K4M9QXT2R") == "HD-7K4M9-QXT2R"


@pytest.mark.parametrize(
    "typed",
    [
        "HD-7K4M9-QXT2R",
        "hd-7k4m9-qxt2r",
        "7K4M9QXT2R",
        " 7k4m9 qxt2r ",
        "HD 7K4M9 QXT2R",
    ],
)
def test_a_code_is_read_in_any_case_and_spacing(typed):
    assert codes.normalize(typed) == "7K4M9QXT2R"


@pytest.mark.parametrize(
    "typed",
    ["", "7K4M9QXT2", "7K4M9QXT2RR", "0K4M9QXT2R", "7K4M9/QXT2R", "x" * 5000, None],
)
def test_anything_else_is_no_code(typed):
    assert codes.normalize(typed) is None


def test_codes_are_unique_in_the_database():
    first = make_question()
    second = make_question()
    assert first.code != second.code
    with pytest.raises(IntegrityError):
        Question.objects.filter(pk=second.pk).update(code=first.code)


def test_a_clash_draws_another_code(monkeypatch):
    first = make_question()
    drawn = iter([first.code, first.code, "23456789AB"])
    monkeypatch.setattr(codes, "new_code", lambda: next(drawn))
    second = make_question()
    assert second.code == "23456789AB"


def test_a_lowercase_code_with_spaces_opens_the_status_page(client):
    question = make_question()
    typed = " " + question.code.lower()[:5] + " " + question.code.lower()[5:]
    response = client.get("/hoi-dap/tra-cuu/", {"ma": typed})
    assert response.status_code == 302
    assert response["Location"] == question.get_status_url()
    assert client.get(response["Location"]).status_code == 200


def test_a_wrong_code_is_a_friendly_404(client):
    make_question()
    response = client.get("/hoi-dap/tra-cuu/HD-22222-22222/")
    assert response.status_code == 404
    assert "Không tìm thấy câu hỏi nào có mã này" in response.content.decode()


def test_a_malformed_code_in_the_lookup_form_gets_a_message(client):
    response = client.get("/hoi-dap/tra-cuu/", {"ma": "abc/../x"})
    assert response.status_code == 200
    assert "Mã tra cứu gồm 10 chữ và số" in response.content.decode()


def test_a_brute_force_run_of_1000_codes_finds_nothing_and_is_limited(
    client, monkeypatch
):
    # The limits count in fixed windows: the run stays inside one, whatever
    # the clock says when it starts.
    middle = (int(time.time()) // 600) * 600 + 300
    monkeypatch.setattr(publicforms, "time", SimpleNamespace(time=lambda: middle))
    for _ in range(3):
        make_question()
    rng = random.Random(14)
    statuses = []
    for _ in range(1000):
        guess = "".join(rng.choice(codes.ALPHABET) for _ in range(codes.LENGTH))
        statuses.append(client.get(f"/hoi-dap/tra-cuu/{guess}/").status_code)
    assert 200 not in statuses
    assert statuses[:30] == [404] * 30  # QUESTIONS_LOOKUP_RATE: 30 per 10 minutes
    assert set(statuses[30:]) == {429}


def test_the_lookup_limit_says_why_in_vietnamese(client, settings):
    settings.QUESTIONS_LOOKUP_RATE = [(1, 600)]
    question = make_question()
    assert client.get(question.get_status_url()).status_code == 200
    response = client.get(question.get_status_url())
    assert response.status_code == 429
    assert "tra cứu quá nhiều lần" in response.content.decode()
