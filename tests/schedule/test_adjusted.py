"""A change to an entry readers may have seen is marked "Điều chỉnh lúc
HH:MM dd/mm/yyyy"; changes before it went public are not."""

import datetime

import pytest
from django.utils import timezone

from schedule.models import Entry
from tests.schedule.factories import make_entry

pytestmark = pytest.mark.django_db

VN = datetime.timezone(datetime.timedelta(hours=7))


def test_changing_a_published_entry_marks_it_adjusted_with_its_local_time(
    client, monkeypatch
):
    entry = make_entry(content="Họp giao ban", location="Phòng họp tầng 2")
    assert entry.adjusted_at is None
    at = timezone.now().replace(minute=5, second=0, microsecond=0)
    at += datetime.timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: at)
    entry.location = "Hội trường UBND phường"
    entry.save()
    entry.refresh_from_db()
    assert entry.adjusted_at == at
    monkeypatch.undo()
    html = client.get(entry.get_absolute_url()).content.decode()
    assert "Hội trường UBND phường" in html
    local = at.astimezone(VN)
    assert f"Điều chỉnh lúc {local:%H}:05 {local:%d/%m/%Y}" in html


@pytest.mark.parametrize(
    "field, value",
    [
        ("day", "tomorrow"),
        ("start_time", datetime.time(9, 30)),
        ("end_time", datetime.time(11, 0)),
        ("content", "Họp giao ban (đổi nội dung)"),
        ("presiding", "Đ/c Phạm Thu Hà"),
        ("attendees", "Thêm trưởng khu phố"),
        ("note", "Mang theo báo cáo"),
    ],
)
def test_every_public_field_counts_as_an_adjustment(field, value):
    entry = make_entry()
    if value == "tomorrow":
        value = entry.day + datetime.timedelta(days=1)
    setattr(entry, field, value)
    entry.save()
    assert entry.adjusted_at is not None


def test_saving_without_a_change_or_only_the_same_text_is_no_adjustment():
    entry = make_entry(content="Họp giao ban")
    entry.save()
    entry.content = "  Họp giao ban  "  # stored stripped: the same text
    entry.save()
    assert entry.adjusted_at is None


def test_changes_before_publishing_are_not_adjustments():
    entry = make_entry(status=Entry.Status.DRAFT)
    entry.location = "Hội trường"
    entry.save()
    entry.status = Entry.Status.PUBLISHED  # approved, to go out tomorrow
    entry.published_at = timezone.now() + datetime.timedelta(days=1)
    entry.save()
    entry.content = "Sửa khi lịch hẹn giờ chưa công bố"
    entry.save()
    assert Entry.objects.get(pk=entry.pk).adjusted_at is None


def test_an_entry_taken_down_changed_and_published_again_is_marked():
    entry = make_entry()
    entry.status = Entry.Status.DRAFT
    entry.save()  # taken down: no public field changed
    assert entry.adjusted_at is None
    entry.start_time = datetime.time(14, 0)
    entry.save()
    entry.status = Entry.Status.PUBLISHED
    entry.save()
    assert Entry.objects.get(pk=entry.pk).adjusted_at is not None


def test_the_adjustment_is_kept_in_the_versions():
    from reversion.models import Version

    entry = make_entry(location="Phòng họp tầng 2")
    entry.location = "Hội trường"
    entry.save()
    versions = Version.objects.get_for_object(entry)
    assert [v.field_dict["location"] for v in versions] == [
        "Hội trường",
        "Phòng họp tầng 2",
    ]
