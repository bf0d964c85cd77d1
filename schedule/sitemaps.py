from django.db.models import Max
from django.urls import reverse

from core.site import SiteSitemap
from schedule.models import Entry
from schedule.weeks import Week


class ScheduleSitemap(SiteSitemap):
    """/lich-cong-tac/ and every week that has a published entry, with the
    time its last entry changed."""

    changefreq = "weekly"
    priority = 0.5

    def items(self):
        days = (
            Entry.objects.published()
            .order_by()
            .values("day")
            .annotate(changed=Max("updated_at"))
        )
        weeks = {}
        for row in days:
            week = Week.of(row["day"])
            weeks[week] = max(weeks.get(week, row["changed"]), row["changed"])
        listed = sorted(weeks.items(), key=lambda pair: (pair[0].year, pair[0].number))
        return [(None, weeks.get(Week.current())), *listed]

    def location(self, item):
        week, _ = item
        if week is None:
            return reverse("schedule:week")
        return reverse("schedule:week_of", args=[week.year, week.number])

    def lastmod(self, item):
        return item[1]


SITEMAPS = {"schedule": ScheduleSitemap}
