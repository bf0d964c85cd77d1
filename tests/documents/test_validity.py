"""In force, not yet, expired, replaced: from the dates and the "replaced by"
link, on local days in Asia/Ho_Chi_Minh, the same in Python and in SQL."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from documents.models import Document, Validity, local_today
from tests.documents.factories import make_document

pytestmark = pytest.mark.django_db

D = datetime.date
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def in_sql(validity, day):
    return set(
        Document.objects.with_validity(validity, day).values_list("pk", flat=True)
    )


def check(document, day, expected):
    assert document.validity_on(day) == expected
    assert document.pk in in_sql(expected, day)
    for other in set(Validity) - {expected}:
        assert document.pk not in in_sql(other, day)


def test_a_document_is_not_yet_in_force_before_its_effective_day():
    doc = make_document(issued_on=D(2026, 1, 5), effective_on=D(2026, 1, 15))
    check(doc, D(2026, 1, 14), Validity.NOT_YET)
    check(doc, D(2026, 1, 15), Validity.IN_FORCE)


def test_without_an_effective_day_it_is_in_force_from_its_issue_day():
    doc = make_document(issued_on=D(2026, 1, 5))
    check(doc, D(2026, 1, 4), Validity.NOT_YET)
    check(doc, D(2026, 1, 5), Validity.IN_FORCE)


def test_it_expires_on_its_expiry_day():
    doc = make_document(issued_on=D(2025, 1, 1), expires_on=D(2026, 1, 1))
    check(doc, D(2025, 12, 31), Validity.IN_FORCE)
    check(doc, D(2026, 1, 1), Validity.EXPIRED)


def test_a_replaced_document_is_replaced_whatever_its_dates():
    new = make_document(issued_on=D(2026, 3, 1))
    old = make_document(issued_on=D(2025, 1, 1), expires_on=D(2025, 6, 1))
    old.replaced_by = new
    old.save()
    check(old, D(2026, 3, 2), Validity.REPLACED)
    check(new, D(2026, 3, 2), Validity.IN_FORCE)


@pytest.mark.parametrize(
    "utc, expected",
    [
        # 16:59 UTC on 31/12 is 23:59 in Hà Nội: still the last day in force.
        (datetime.datetime(2025, 12, 31, 16, 59, tzinfo=datetime.UTC), "in"),
        # 17:00 UTC is midnight in Hà Nội: 01/01, the expiry day.
        (datetime.datetime(2025, 12, 31, 17, 0, tzinfo=datetime.UTC), "out"),
    ],
)
def test_today_is_the_local_day_in_vietnam(monkeypatch, utc, expected):
    doc = make_document(issued_on=D(2025, 1, 1), expires_on=D(2026, 1, 1))
    monkeypatch.setattr(timezone, "now", lambda: utc)
    assert local_today() == utc.astimezone(VN).date()
    want = Validity.IN_FORCE if expected == "in" else Validity.EXPIRED
    assert doc.validity == want


def test_the_list_filters_by_validity(client):
    today = timezone.localdate()
    make_document("1/QĐ-UBND", issued_on=today - datetime.timedelta(days=10))
    make_document(
        "2/QĐ-UBND",
        issued_on=today - datetime.timedelta(days=400),
        expires_on=today,
    )
    page = client.get("/van-ban/?hieu_luc=het-hieu-luc").content.decode()
    assert "2/QĐ-UBND" in page and "1/QĐ-UBND" not in page
    page = client.get("/van-ban/?hieu_luc=con-hieu-luc").content.decode()
    assert "1/QĐ-UBND" in page and "2/QĐ-UBND" not in page
