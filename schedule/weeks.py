"""ISO weeks as the schedule shows them: Monday to Sunday, local days in
Asia/Ho_Chi_Minh, numbered as ISO 8601 does (week 1 holds the year's first
Thursday; some years have a week 53)."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from core.dates import YEARS

WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
ONE_WEEK = datetime.timedelta(days=7)


@dataclass(frozen=True)
class Week:
    year: int
    number: int

    @classmethod
    def of(cls, day):
        """The ISO week that holds this day."""
        year, number, _ = day.isocalendar()
        return cls(year, number)

    @classmethod
    def current(cls):
        """This week as residents mean it: the local day decides."""
        return cls.of(timezone.localdate())

    @classmethod
    def find(cls, year, number):
        """The week, or None when it does not exist (week 0, week 53 of a year
        with 52 weeks, a year out of range)."""
        if year not in YEARS:
            return None
        try:
            datetime.date.fromisocalendar(year, number, 1)
        except ValueError:
            return None
        return cls(year, number)

    @property
    def monday(self):
        return datetime.date.fromisocalendar(self.year, self.number, 1)

    @property
    def sunday(self):
        return self.monday + datetime.timedelta(days=6)

    def days(self):
        return [self.monday + datetime.timedelta(days=n) for n in range(7)]

    def _step(self, weeks):
        week = Week.of(self.monday + weeks * ONE_WEEK)
        return week if week.year in YEARS else None

    @property
    def previous(self):
        return self._step(-1)

    @property
    def next(self):
        return self._step(1)


def day_name(day):
    """ "Thứ Hai", …, "Chủ nhật"."""
    return WEEKDAYS[day.weekday()]
