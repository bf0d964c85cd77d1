"""Days as residents mean them: local days in Asia/Ho_Chi_Minh."""

import datetime
import re

from django.utils import timezone

# Outside these years a local day's bounds in UTC can overflow datetime.
YEARS = range(1900, 3000)


def local_midnight(day):
    """The start of a local day, as an aware datetime."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_day(value):
    """dd/mm/yyyy as residents write it (typed, or from the site's calendar),
    or yyyy-mm-dd from a browser's own date picker; None when not a day."""
    value = value.strip()
    if found := DAY_MONTH_YEAR.fullmatch(value):
        day, month, year = found.groups()
    elif found := ISO_DAY.fullmatch(value):
        year, month, day = found.groups()
    else:
        return None
    try:
        parsed = datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return parsed if parsed.year in YEARS else None
