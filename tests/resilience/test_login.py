"""Login protection: lockout per user name and address, staff idle limit."""

import datetime
import time

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

LOGIN = "/quan-tri/login/"
PASSWORD = "mat-khau-dung-123"


@pytest.fixture
def staff():
    return get_user_model().objects.create_user(
        "bientap", password=PASSWORD, is_staff=True
    )


def attempt(client, password, address="192.0.2.10"):
    return client.post(
        LOGIN,
        {"username": "bientap", "password": password, "next": "/quan-tri/"},
        REMOTE_ADDR=address,
    )


def test_the_sixth_attempt_is_refused_even_with_the_right_password(
    client, staff, settings
):
    settings.AXES_COOLOFF_TIME = datetime.timedelta(seconds=2)
    statuses = [attempt(client, "sai-mat-khau").status_code for _ in range(5)]
    assert statuses == [200] * 4 + [429]  # the fifth failure locks
    locked = attempt(client, PASSWORD)
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Tạm khóa đăng nhập" in html and "Đăng nhập sai 5 lần" in html
    assert "_auth_user_id" not in client.session
    # Another address may still log in as the same user.
    assert attempt(client, PASSWORD, address="192.0.2.99").status_code == 302
    client.logout()
    # The lock lifts by itself.
    time.sleep(2.5)
    assert attempt(client, PASSWORD).status_code == 302


def test_the_lockout_lasts_15_minutes_by_default(settings):
    assert settings.AXES_COOLOFF_TIME == datetime.timedelta(minutes=15)
    assert settings.AXES_FAILURE_LIMIT == 5


def test_a_staff_session_ends_after_8_idle_hours(client, staff):
    assert attempt(client, PASSWORD).status_code == 302
    client.get("/quan-tri/")
    assert client.session.get_expiry_age() == 8 * 3600


def test_a_reader_session_is_left_alone(client):
    client.get("/")
    assert "staff_seen" not in client.session
