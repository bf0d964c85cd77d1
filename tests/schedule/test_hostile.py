"""Weeks that do not exist, letters and huge numbers answer 404, and the
pick-a-week form answers bad input with a message: never a 500."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    "url",
    [
        "/lich-cong-tac/2026/tuan-0/",
        "/lich-cong-tac/2026/tuan-00/",
        "/lich-cong-tac/2026/tuan-54/",
        "/lich-cong-tac/2027/tuan-53/",
        "/lich-cong-tac/2026/tuan-99/",
        "/lich-cong-tac/2026/tuan-100/",
        "/lich-cong-tac/99999/tuan-1/",
        "/lich-cong-tac/0000/tuan-1/",
        "/lich-cong-tac/1899/tuan-52/",
        "/lich-cong-tac/3000/tuan-1/",
        "/lich-cong-tac/9999/tuan-52/",
        "/lich-cong-tac/abcd/tuan-1/",
        "/lich-cong-tac/2026/tuan-ab/",
        "/lich-cong-tac/2026/tuan--1/",
        "/lich-cong-tac/2026/tuan-1%00/",
        "/lich-cong-tac/2026/",
        "/lich-cong-tac/2026/tuan-/",
        "/lich-cong-tac/%D9%A2%D9%A0%D9%A2%D9%A6/tuan-1/",  # Arabic-Indic digits
    ],
)
def test_a_week_that_does_not_exist_is_not_found(client, url):
    assert client.get(url).status_code == 404


def test_a_padded_week_number_moves_to_its_address(client):
    response = client.get("/lich-cong-tac/2026/tuan-05/")
    assert response.status_code == 301
    assert response["Location"] == "/lich-cong-tac/2026/tuan-5/"


@pytest.mark.parametrize(
    "query, week",
    [
        ("ngay=31/12/2026", "2026/tuan-53"),
        ("ngay=03/01/2027", "2026/tuan-53"),
        ("ngay=04/01/2027", "2027/tuan-1"),
        ("ngay=2027-01-01", "2026/tuan-53"),
        ("ngay=+29.12.2025+", "2026/tuan-1"),
        ("ngay=2026-W53", "2026/tuan-53"),
        ("ngay=2027-W01", "2027/tuan-1"),
    ],
)
def test_the_pick_week_form_opens_the_week_of_the_day(client, query, week):
    response = client.get(f"/lich-cong-tac/chon-tuan/?{query}")
    assert response.status_code == 302
    assert response["Location"] == f"/lich-cong-tac/{week}/"


@pytest.mark.parametrize(
    "query",
    [
        "",
        "ngay=",
        "ngay=hôm+nay",
        "ngay=31/02/2026",
        "ngay=00/01/2026",
        "ngay=01/13/2026",
        "ngay=01/01/99999",
        "ngay=01/01/0001",
        "ngay=01/01/3000",
        "ngay=2027-W53",
        "ngay=2026-W00",
        "ngay=2026-W54",
        "ngay=9999-W52",
        "ngay=%00",
        "ngay=" + "1" * 5000,
        "ngay=1&ngay=2",
        "ngay=%ED%A0%80",  # a lone surrogate, in UTF-8
    ],
)
def test_bad_input_to_the_pick_week_form_gets_a_message(client, query):
    response = client.get(f"/lich-cong-tac/chon-tuan/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Ngày không hợp lệ" in html
    assert 'name="ngay"' in html  # the form again, to try once more
    assert '<meta name="robots" content="noindex, nofollow">' in html


def test_what_was_typed_is_shown_escaped_and_shortened(client):
    response = client.get("/lich-cong-tac/chon-tuan/?ngay=<script>x</script>")
    html = response.content.decode()
    assert "<script>x" not in html and "&lt;script&gt;x" in html
    long = client.get("/lich-cong-tac/chon-tuan/?ngay=" + "9" * 500)
    assert "9" * 41 not in long.content.decode()


@pytest.mark.parametrize("method", ["post", "put", "delete"])
@pytest.mark.parametrize(
    "url",
    ["/lich-cong-tac/", "/lich-cong-tac/2026/tuan-1/", "/lich-cong-tac/chon-tuan/"],
)
def test_the_pages_only_answer_reads(client, method, url):
    response = getattr(client, method)(url)
    assert response.status_code == 405
    assert "GET" in response["Allow"]
