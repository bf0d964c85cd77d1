"""Working days in Vietnam, for deadlines the law counts in working days.

A working day is a Monday to Friday that is not a public holiday (the
`holidays` package knows the Vietnamese ones, lunar Tết included, and the days
the government moves), not one of the extra days off a province declares
(PORTAL_EXTRA_DAYS_OFF) and not cancelled out by a make-up working Saturday
(PORTAL_EXTRA_WORKING_DAYS). Dates are local dates in Asia/Ho_Chi_Minh: a
question sent at 23:30 on Friday local time was sent on Friday, not Saturday.
"""

import datetime
from functools import lru_cache

import holidays
from django.conf import settings
from django.utils import timezone


@lru_cache(maxsize=64)
def _public_holidays(year):
    return frozenset(holidays.country_holidays("VN", years=year))


def is_working_day(day):
    if day in set(settings.PORTAL_EXTRA_WORKING_DAYS):
        return True
    if day.weekday() >= 5:
        return False
    if day in set(settings.PORTAL_EXTRA_DAYS_OFF):
        return False
    return day not in _public_holidays(day.year)


def local_date(moment):
    """The date in Asia/Ho_Chi_Minh of an aware datetime (or a date as is)."""
    if isinstance(moment, datetime.datetime):
        return timezone.localdate(moment)
    return moment


def add_working_days(start, count):
    """The date `count` working days after `start` (a date or datetime); the
    start day itself is not counted, as for a deadline counted from receipt."""
    day = local_date(start)
    while count > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def working_days_between(start, end):
    """Working days after `start` up to and including `end`; negative when
    `end` comes first (so "days left" goes below zero once overdue)."""
    start, end = local_date(start), local_date(end)
    sign = 1
    if end < start:
        start, end, sign = end, start, -1
    days = sum(
        is_working_day(start + datetime.timedelta(days=n))
        for n in range(1, (end - start).days + 1)
    )
    return sign * days
