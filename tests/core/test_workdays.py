import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured

from core.env import env_dates
from core.workdays import add_working_days, is_working_day, working_days_between

D = datetime.date


def test_a_deadline_skips_the_weekend():
    # Thursday 05/11/2026 + 2 working days: Friday, then Monday.
    assert add_working_days(D(2026, 11, 5), 2) == D(2026, 11, 9)


def test_fifteen_working_days_from_a_friday_take_three_weeks():
    assert add_working_days(D(2026, 10, 2), 15) == D(2026, 10, 23)


def test_a_deadline_skips_lunar_tet():
    # Tết Bính Ngọ: 16–20/02/2026 are days off, so from Friday 13/02 the
    # first working day is Monday 23/02.
    assert add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 23)
    assert not is_working_day(D(2026, 2, 17))


def test_a_provincial_day_off_in_settings_moves_the_deadline(settings):
    assert add_working_days(D(2026, 12, 7), 2) == D(2026, 12, 9)
    settings.PORTAL_EXTRA_DAYS_OFF = [D(2026, 12, 8)]
    assert add_working_days(D(2026, 12, 7), 2) == D(2026, 12, 10)


def test_a_make_up_saturday_counts_as_a_working_day(settings):
    settings.PORTAL_EXTRA_WORKING_DAYS = [D(2026, 12, 12)]
    assert add_working_days(D(2026, 12, 11), 1) == D(2026, 12, 12)


def test_the_day_is_taken_in_ho_chi_minh_city_not_utc():
    # 17:30 UTC on Sunday 06/12/2026 is 00:30 on Monday in Hà Nội: the
    # question arrived on Monday, so one working day later is Tuesday.
    sent = datetime.datetime(2026, 12, 6, 17, 30, tzinfo=datetime.UTC)
    assert add_working_days(sent, 1) == D(2026, 12, 8)


def test_days_left_go_negative_once_overdue():
    assert working_days_between(D(2026, 11, 30), D(2026, 12, 4)) == 4
    assert working_days_between(D(2026, 12, 4), D(2026, 11, 30)) == -4
    assert working_days_between(D(2026, 12, 4), D(2026, 12, 4)) == 0


def test_bad_dates_in_the_environment_are_refused(monkeypatch):
    monkeypatch.setenv("PORTAL_EXTRA_DAYS_OFF", "2027-02-03,03/02/2027")
    with pytest.raises(ImproperlyConfigured, match="PORTAL_EXTRA_DAYS_OFF"):
        env_dates("PORTAL_EXTRA_DAYS_OFF", [])
