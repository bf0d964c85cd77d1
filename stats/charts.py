"""Bar charts of the daily history, drawn on the server as SVG.

This module only works out the geometry; templates/admin/stats/chart.html
draws it. No JavaScript, no inline style: it passes a strict CSP.
"""

import datetime

from django.utils import timezone
from django.utils.formats import number_format

from stats.models import DailyVisits

WIDTH = 720
HEIGHT = 240
TOP = 24  # room for the figures above the bars
BOTTOM = 28  # room for the labels below
SIDE = 20  # room for the first and last labels


def _bars(points, label_every):
    """points: [(label, title, visits)] -> the chart's bars, left to right."""
    highest = max([visits for _, _, visits in points] + [1])
    slot = (WIDTH - 2 * SIDE) / len(points)
    plot = HEIGHT - TOP - BOTTOM
    bars = []
    for i, (label, title, visits) in enumerate(points):
        height = round(plot * visits / highest, 1)
        bars.append(
            {
                "x": round(SIDE + i * slot + slot * 0.15, 1),
                "y": round(TOP + plot - height, 1),
                "width": round(slot * 0.7, 1),
                "height": height,
                "middle": round(SIDE + i * slot + slot / 2, 1),
                "label": label if i % label_every == 0 or i == len(points) - 1 else "",
                "title": f"{title}: {number_format(visits, force_grouping=True)} lượt",
                "visits": visits,
            }
        )
    return bars


def _months_back(day, count):
    """The first day of each of the `count` months ending with day's month."""
    year, month = day.year, day.month
    months = []
    for _ in range(count):
        months.append(datetime.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def history_charts(today=None):
    """The last 30 days and the last 12 months: two charts, one query."""
    today = today or timezone.localdate()
    months = _months_back(today, 12)
    rows = dict(
        DailyVisits.objects.filter(day__gte=months[0], day__lte=today).values_list(
            "day", "visits"
        )
    )
    days = [today - datetime.timedelta(days=n) for n in range(29, -1, -1)]
    daily = [(f"{d:%d/%m}", f"{d:%d/%m/%Y}", rows.get(d, 0)) for d in days]
    by_month = dict.fromkeys(months, 0)
    for day, visits in rows.items():
        by_month[day.replace(day=1)] += visits
    monthly = [(f"{m:%m/%Y}", f"Tháng {m:%m/%Y}", v) for m, v in by_month.items()]
    chart = {"width": WIDTH, "height": HEIGHT, "baseline": HEIGHT - BOTTOM}
    return [
        {
            **chart,
            "id": "bieu-do-30-ngay",
            "title": "30 ngày gần nhất",
            "total": sum(v for _, _, v in daily),
            "bars": _bars(daily, label_every=5),
            "show_values": False,
        },
        {
            **chart,
            "id": "bieu-do-12-thang",
            "title": "12 tháng gần nhất",
            "total": sum(v for _, _, v in monthly),
            "bars": _bars(monthly, label_every=1),
            "show_values": True,
        },
    ]
