"""Small builders for schedule tests."""

import datetime
import itertools

from django.contrib.auth.models import Group, User
from django.utils import timezone

from core.roles import APPROVERS, WRITERS  # noqa: F401 (for tests)
from schedule.models import Entry
from schedule.roles import ensure_roles

PASSWORD = "mat-khau-thu-nghiem-1"
_numbers = itertools.count(1)


def make_entry(day=None, start="08:00", **fields):
    """A published entry, published an hour ago, today at 08:00 by default."""
    fields.setdefault("status", Entry.Status.PUBLISHED)
    fields.setdefault("published_at", timezone.now() - datetime.timedelta(hours=1))
    fields.setdefault("content", f"Họp bàn việc số {next(_numbers)} của phường")
    fields.setdefault("presiding", "Đ/c Trần Thị Bích – Chủ tịch UBND phường")
    fields.setdefault("attendees", "Công chức Văn phòng")
    fields.setdefault("location", "Phòng họp UBND phường")
    return Entry.objects.create(
        day=day or timezone.localdate(),
        start_time=datetime.time.fromisoformat(start),
        **fields,
    )


def make_staff(username, group_name=None):
    """A staff member in one of the two roles (groups made again after a
    live server's flush)."""
    ensure_roles()
    user = User.objects.create_user(username, password=PASSWORD, is_staff=True)
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user
