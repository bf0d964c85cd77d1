import re
from itertools import groupby

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from core.cache import public_cache
from core.dates import parse_day
from schedule.models import Entry
from schedule.weeks import Week, day_name

# What <input type="week"> sends: 2026-W53.
ISO_WEEK = re.compile(r"(\d{4})-W(\d{1,2})")
PICK_ERROR = (
    "Ngày không hợp lệ. Hãy nhập một ngày theo dạng ngày/tháng/năm, ví dụ "
    "03/01/2027, hoặc chọn một ngày trong lịch: trang sẽ mở tuần có ngày đó."
)


def week_context(week):
    """The week's published entries grouped by local day, and where it sits."""
    entries = Entry.objects.published().in_week(week)
    days = [
        {"day": day, "name": day_name(day), "entries": list(group)}
        for day, group in groupby(entries, key=lambda e: e.day)
    ]
    current = Week.current()
    return {"week": week, "days": days, "current_week": current}


@require_safe
@public_cache
def current_week(request):
    """/lich-cong-tac/: this week in Asia/Ho_Chi_Minh."""
    return render(request, "schedule/week.html", week_context(Week.current()))


@require_safe
@public_cache
def week_of(request, year, week):
    """/lich-cong-tac/2026/tuan-53/: an ISO week, 404 when it does not exist."""
    found = Week.find(int(year), int(week))
    if found is None:
        raise Http404("Không có tuần này.")
    if week != str(found.number):  # tuan-05 → tuan-5
        return redirect("schedule:week_of", found.year, found.number, permanent=True)
    return render(request, "schedule/week.html", week_context(found))


def parse_week(value):
    """The week of a day (dd/mm/yyyy or yyyy-mm-dd) or an ISO week
    (yyyy-Www, from <input type="week">); None when neither."""
    value = value.strip()
    if found := ISO_WEEK.fullmatch(value):
        return Week.find(int(found[1]), int(found[2]))
    day = parse_day(value)
    return Week.of(day) if day else None


@require_safe
def pick_week(request):
    """The "Xem lịch tuần khác" form lands here with ?ngay=…"""
    value = request.GET.get("ngay", "")[:40]
    week = parse_week(value)
    if week is None:
        ctx = {"error": PICK_ERROR, "typed": value, "week": Week.current()}
        return render(request, "schedule/pick_week.html", ctx, status=400)
    return redirect("schedule:week_of", week.year, week.number)
