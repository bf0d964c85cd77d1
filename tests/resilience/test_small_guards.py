"""Vietnamese 403 and 405 pages, Permissions-Policy, long media names, and
one log line for a host we do not serve."""

import pytest
from django.test import Client

from tests.resilience.servers import fetch, gunicorn


@pytest.mark.django_db
def test_a_get_where_only_post_is_allowed_gets_the_vietnamese_405(admin_client):
    response = admin_client.get("/quan-tri/logout/")
    assert response.status_code == 405
    assert response["Allow"] == "POST, OPTIONS"
    assert "Phương thức không được hỗ trợ" in response.content.decode()


@pytest.mark.django_db
def test_a_forged_csrf_cookie_gets_the_vietnamese_403():
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "a" * 32
    response = client.post("/tim-kiem/", {"q": "phường"})
    assert response.status_code == 403
    assert "Không được phép truy cập" in response.content.decode()


@pytest.mark.django_db
def test_every_page_refuses_powerful_browser_features(client):
    policy = client.get("/")["Permissions-Policy"]
    assert "camera=()" in policy and "geolocation=()" in policy


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["a" * 256 + ".jpg", "thu-muc/" + "ư" * 128, "anh%00.jpg", "bad\x00.jpg"]
)
def test_impossible_media_names_are_a_404(client, path):
    assert client.get("/media/" + path).status_code == 404


def test_a_host_we_do_not_serve_is_one_log_line(deployment, tmp_path):
    log = tmp_path / "gunicorn.log"
    with gunicorn(deployment.env, log) as server:
        status = fetch(server.base, "/", headers={"Host": "ke-gia-mao.example"})[0]
    lines = [line for line in log.read_text().splitlines() if "ke-gia-mao" in line]
    print("\nDisallowedHost log:", lines)
    assert status == 400
    assert len(lines) == 1 and len(lines[0]) < 300
    assert "Traceback" not in log.read_text()
