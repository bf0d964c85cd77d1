"""Hostile values in every new URL and filter: a 404 or a friendly message,
never a 500."""

import pytest
from django.test import Client

from tests.documents.factories import attach_pdf, make_document

pytestmark = pytest.mark.django_db

HOSTILE = [
    "",
    "'",
    '"><script>alert(1)</script>',
    "%00",
    "\x00",
    "../../etc/passwd",
    "9" * 40,
    "-1",
    "ĐƯỜNG",
    "a" * 5000,
    "１２",  # full-width digits
    "2026\n",
    "0000",
    "9999",
]


@pytest.fixture
def raw_client():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    "param", ["q", "loai", "co_quan", "linh_vuc", "nam", "hieu_luc", "page"]
)
@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_filters_never_break_the_list(raw_client, param, value):
    make_document("12/NQ-ĐU")
    response = raw_client.get("/van-ban/", {param: value})
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


def test_an_unknown_filter_value_says_so(client):
    page = client.get("/van-ban/?loai=khong-co&nam=abc&hieu_luc=x").content.decode()
    assert "Không có loại văn bản này" in page
    assert "Năm không hợp lệ" in page
    assert "Tình trạng hiệu lực không hợp lệ" in page


def test_a_repeated_parameter_is_fine(raw_client):
    response = raw_client.get("/van-ban/?nam=2026&nam=abc&loai=a&loai=b")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/van-ban/0/",
        "/van-ban/999999999999999999999999/",
        "/van-ban/-1/",
        "/van-ban/abc/",
        "/van-ban/1/2/",
        "/van-ban/tep/0/a.pdf",
        "/van-ban/tep/99999999999999999999999/a.pdf",
        "/van-ban/tep/1/",
        "/van-ban/tep/1/..%2F..%2Fsecret",
        "/van-ban/tep/abc/a.pdf",
        "/van-ban/rss/x/",
    ],
)
def test_hostile_paths_are_404(raw_client, path):
    make_document()
    assert raw_client.get(path).status_code == 404


def test_a_hostile_name_after_a_real_file_redirects_to_the_real_one(raw_client):
    attached = attach_pdf(make_document(), "x", name="Báo cáo.pdf")
    for name in ["'%22><svg>", "%00", "a" * 3000, "..", "%E1%BB"]:
        response = raw_client.get(f"/van-ban/tep/{attached.pk}/{name}")
        assert response.status_code in (302, 404), name
