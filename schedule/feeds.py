"""RSS 2.0 of the schedule: this week's and the coming weeks' entries; an
adjusted entry comes again, dated by its adjustment, under a new guid."""

from django.urls import reverse
from django.utils import timezone

from core.feeds import PublicFeed, feed_text
from core.site import site_url
from schedule.models import Entry
from schedule.weeks import Week

FEED_SIZE = 50


def time_range(entry):
    start = f"{entry.start_time:%H:%M}"
    return f"{start} – {entry.end_time:%H:%M}" if entry.end_time else start


class ScheduleFeed(PublicFeed):
    def title(self):
        return self.channel_text("schedule/feed_title.txt")

    def description(self):
        return "Lịch công tác của lãnh đạo phường tuần này và các tuần tới."

    def link(self):
        return site_url(reverse("schedule:week"))

    def items(self):
        monday = Week.current().monday
        return Entry.objects.published().filter(day__gte=monday)[:FEED_SIZE]

    def item_title(self, item):
        title = (
            f"{item.day_name} {item.day:%d/%m/%Y}, {time_range(item)}: {item.content}"
        )
        if item.adjusted_at:
            title += " (điều chỉnh)"
        return feed_text(title)

    def item_description(self, item):
        lines = [f"Chủ trì: {item.presiding}."]
        if item.attendees:
            lines.append(f"Thành phần: {item.attendees}.")
        lines.append(f"Địa điểm: {item.location}.")
        if item.note:
            lines.append(f"Ghi chú: {item.note}.")
        if item.adjusted_at:
            when = timezone.localtime(item.adjusted_at)
            lines.append(f"Điều chỉnh lúc {when:%H:%M %d/%m/%Y}.")
        return feed_text(" ".join(lines))

    def item_pubdate(self, item):
        return item.adjusted_at or item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_guid(self, item):
        guid = site_url(f"{reverse('schedule:week')}#{item.anchor}")
        if item.adjusted_at:
            guid += f"-{item.adjusted_at:%Y%m%d%H%M%S}"
        return guid

    item_guid_is_permalink = False
