"""The demo ward's schedule: this week and the next, every status, one
entry adjusted after publishing."""

import pytest
from django.core.management import call_command

from schedule.models import Entry
from schedule.weeks import Week

pytestmark = pytest.mark.django_db


def test_the_demo_fills_this_week_and_the_next(client):
    call_command("load_demo")
    this, following = Week.current(), Week.current().next
    public = Entry.objects.published()
    assert public.in_week(this).count() == 12
    assert public.in_week(following).count() >= 6
    assert Entry.objects.filter(status="draft").count() == 1
    assert Entry.objects.filter(status="pending").count() == 1
    assert public.filter(adjusted_at__isnull=False).count() == 1
    html = client.get("/lich-cong-tac/").content.decode()
    assert "Điều chỉnh lúc" in html
    assert "(bản nháp)" not in html and "(chờ duyệt)" not in html
    call_command("load_demo")  # a second run keeps what is there
    assert Entry.objects.count() == 21
