"""Days as residents mean them: local days in Asia/Ho_Chi_Minh."""

import datetime

from django.utils import timezone

# Outside these years a local day's bounds in UTC can overflow datetime.
YEARS = range(1900, 3000)


def local_midnight(day):
    """The start of a local day, as an aware datetime."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
