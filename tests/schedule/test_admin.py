"""Writer → approver, as for articles and documents: writers draft and send
for approval, approvers publish and adjust; versions are kept."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from core.roles import APPROVERS, WRITERS
from schedule.models import Entry
from tests.schedule.factories import make_entry, make_staff

pytestmark = pytest.mark.django_db

ADD = "/quan-tri/schedule/entry/add/"
CHANGELIST = "/quan-tri/schedule/entry/"


@pytest.fixture
def alice():
    """A writer."""
    return make_staff("alice", WRITERS)


@pytest.fixture
def bob():
    """Another writer."""
    return make_staff("bob", WRITERS)


@pytest.fixture
def charlie():
    """An approver."""
    return make_staff("charlie", APPROVERS)


def form_data(status="pending", **extra):
    data = {
        "day": "02/12/2026",
        "start_time": "08:00",
        "end_time": "10:30",
        "content": "Họp giao ban công tác cải cách hành chính",
        "presiding": "Đ/c Nguyễn Văn An – Phó Chủ tịch UBND phường",
        "attendees": "Bộ phận Một cửa",
        "location": "Phòng họp tầng 2",
        "note": "",
        "status": status,
        "published_at_0": "01/12/2026",
        "published_at_1": "08:00:00",
    }
    data.update(extra)
    return data


def change_url(entry):
    return f"{CHANGELIST}{entry.pk}/change/"


def test_both_roles_hold_the_schedules_permissions():
    make_staff("x")
    writers = set(
        Group.objects.get(name=WRITERS).permissions.values_list("codename", flat=True)
    )
    approvers = set(
        Group.objects.get(name=APPROVERS).permissions.values_list("codename", flat=True)
    )
    assert {"add_entry", "change_entry", "view_entry"} <= writers
    assert "publish_entry" not in writers and "delete_entry" not in writers
    assert {"publish_entry", "delete_entry", "change_entry"} <= approvers


def test_a_writer_sends_an_entry_for_approval(client, alice):
    client.force_login(alice)
    page = client.get(ADD).content.decode()
    assert 'value="published"' not in page
    response = client.post(ADD, form_data())
    assert response.status_code == 302, response.content.decode()[:3000]
    entry = Entry.objects.get()
    assert entry.status == "pending" and entry.created_by == alice
    assert not Entry.objects.published().exists()


def test_a_writer_cannot_publish_with_a_crafted_post(client, alice):
    client.force_login(alice)
    response = client.post(ADD, form_data(status="published"))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["status"]
    assert not Entry.objects.exists()


def test_the_end_must_come_after_the_start(client, charlie):
    client.force_login(charlie)
    response = client.post(ADD, form_data(end_time="07:00"))
    assert response.context["adminform"].form.errors["end_time"] == [
        "Giờ kết thúc phải sau giờ bắt đầu."
    ]


def test_an_approver_publishes_with_the_action(client, alice, charlie):
    entry = make_entry(status="pending", created_by=alice)
    client.force_login(charlie)
    response = client.post(
        CHANGELIST, {"action": "publish", "_selected_action": [entry.pk]}, follow=True
    )
    assert "Đã xuất bản 1 mục lịch công tác" in response.content.decode()
    entry.refresh_from_db()
    assert entry.status == "published" and entry.is_public
    assert entry.adjusted_at is None


def test_a_writer_cannot_use_the_publish_action(client, alice):
    entry = make_entry(status="pending", created_by=alice)
    client.force_login(alice)
    client.post(CHANGELIST, {"action": "publish", "_selected_action": [entry.pk]})
    entry.refresh_from_db()
    assert entry.status == "pending"


def test_a_writer_cannot_change_a_published_entry(client, alice):
    entry = make_entry(created_by=alice)
    client.force_login(alice)
    client.post(change_url(entry), form_data(status="pending", location="Nơi khác"))
    entry.refresh_from_db()
    assert entry.location != "Nơi khác" and entry.status == "published"


def test_a_writer_cannot_see_another_writers_draft(client, alice, bob):
    draft = make_entry(status="draft", created_by=bob, content="Nháp riêng của Bob")
    client.force_login(alice)
    assert "Nháp riêng của Bob" not in client.get(CHANGELIST).content.decode()
    assert client.get(change_url(draft)).status_code == 404


def test_an_approvers_change_to_a_published_entry_is_an_adjustment(client, charlie):
    entry = make_entry(content="Đối thoại với hộ kinh doanh")
    client.force_login(charlie)
    data = form_data(
        status="published",
        day=entry.day.strftime("%d/%m/%Y"),
        content=entry.content,
        location="Hội trường UBND phường",
        published_at_0=f"{timezone.localtime(entry.published_at):%d/%m/%Y}",
        published_at_1=f"{timezone.localtime(entry.published_at):%H:%M:%S}",
    )
    response = client.post(change_url(entry), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    entry.refresh_from_db()
    assert entry.location == "Hội trường UBND phường" and entry.adjusted_at
    html = client.get(entry.get_absolute_url()).content.decode()
    assert "Điều chỉnh lúc" in html
    versions = client.get(f"{change_url(entry).removesuffix('change/')}phien-ban/")
    assert versions.status_code == 200
    assert "charlie" in versions.content.decode()


def test_the_changelist_lists_entries_newest_day_first(client, charlie):
    import datetime

    make_entry(datetime.date(2026, 12, 1), content="Ngày trước")
    make_entry(datetime.date(2026, 12, 3), content="Ngày sau")
    client.force_login(charlie)
    html = client.get(CHANGELIST).content.decode()
    assert html.index("Ngày sau") < html.index("Ngày trước")
