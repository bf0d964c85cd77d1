"""Commenters' personal data: erased after the retention period counted from
the consultation's close, nothing else touched; listed for a person who asks."""

import datetime

import pytest
from django.apps import apps
from django.utils import timezone

from documents.models import Comment
from tests.documents.factories import make_consultation

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2027, 6, 1, 3, 0, tzinfo=datetime.UTC)


def config():
    return apps.get_app_config("documents")


def closed(days_ago, **fields):
    closes = NOW - datetime.timedelta(days=days_ago)
    return make_consultation(
        opens_at=closes - datetime.timedelta(days=30), closes_at=closes, **fields
    )


def comment(consultation, n, **fields):
    fields.setdefault("status", "published")
    return Comment.objects.create(
        consultation=consultation,
        name=f"Người {n}",
        contact=f"090500000{n}",
        address=f"Tổ {n}",
        body=f"Ý kiến {n}",
        sender_key="k" * 32,
        **fields,
    )


def test_retention_erases_personal_data_of_old_consultations_only(settings):
    settings.DOCUMENTS_COMMENT_RETENTION_DAYS = 365
    old = closed(366, report="<p>Báo cáo</p>")
    recent = closed(364)
    still_open = make_consultation(
        opens_at=NOW - datetime.timedelta(days=400),
        closes_at=NOW + datetime.timedelta(days=1),
    )
    erased = [comment(old, 1), comment(old, 2, status="hidden")]
    kept = [comment(recent, 3), comment(still_open, 4)]

    assert config().purge_personal_data(NOW) == {"góp ý dự thảo": 2}

    for row in erased:
        row.refresh_from_db()
        assert (row.name, row.contact, row.address, row.sender_key) == ("", "", "", "")
        assert row.anonymised_at == NOW
        # The comment itself, its status and date stay: the consultation's record.
        assert row.body.startswith("Ý kiến") and row.created_at
    assert erased[1].status == "hidden"
    for row in kept:
        before = (row.name, row.contact, row.address, row.body, row.sender_key)
        row.refresh_from_db()
        assert (row.name, row.contact, row.address, row.body, row.sender_key) == before
        assert row.anonymised_at is None
    old.refresh_from_db()
    assert old.report == "<p>Báo cáo</p>"
    # Running again erases nothing more.
    assert config().purge_personal_data(NOW) == {"góp ý dự thảo": 0}


def test_the_retention_period_is_a_setting(settings):
    settings.DOCUMENTS_COMMENT_RETENTION_DAYS = 30
    row = comment(closed(31), 1)
    assert config().purge_personal_data(NOW) == {"góp ý dự thảo": 1}
    row.refresh_from_db()
    assert row.name == ""


def test_a_persons_comments_are_found_by_email_or_phone_in_any_form():
    consultation = make_consultation()
    mine = comment(consultation, 1)
    Comment.objects.create(
        consultation=consultation, name="Mai", contact="mai@example.com", body="Khác"
    )
    comment(consultation, 2)
    assert list(config().personal_data_of("+84 905 000 001")) == [mine]
    assert list(config().personal_data_of("0905.000.001")) == [mine]
    assert [c.name for c in config().personal_data_of("MAI@example.com")] == ["Mai"]
    assert not config().personal_data_of("không phải")
    assert not config().personal_data_of("")


def test_after_erasure_a_person_is_no_longer_found(settings):
    settings.DOCUMENTS_COMMENT_RETENTION_DAYS = 365
    comment(closed(400), 1)
    config().purge_personal_data(NOW)
    assert not config().personal_data_of("0905000001")


def test_the_public_never_saw_what_is_erased(client):
    # What the site shows of a comment (its text and date) does not change.
    consultation = closed(400)
    consultation.closes_at = timezone.now() - datetime.timedelta(days=1)
    consultation.save()
    comment(consultation, 1)
    before = client.get(consultation.get_absolute_url()).content.decode()
    config().purge_personal_data(timezone.now() + datetime.timedelta(days=800))
    after = client.get(consultation.get_absolute_url()).content.decode()
    assert "Ý kiến 1" in before and "Ý kiến 1" in after
    assert "Người 1" not in before
