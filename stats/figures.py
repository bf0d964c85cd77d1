"""The figures residents see: "Truy cập tổng", "Truy cập hiện tại", today."""

import logging

from django.db.models import Q, Sum
from django.utils import timezone

from core.cache import cached as read_through
from stats import conf
from stats.models import FIGURES_CACHE_KEY, DailyVisits, StatsSettings
from stats.stores import get_store

logger = logging.getLogger(__name__)


def compute(now=None):
    """The figures read afresh: three queries and one store read."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    sums = DailyVisits.objects.aggregate(
        all_days=Sum("visits", default=0),
        today=Sum("visits", filter=Q(day=today), default=0),
    )
    return {
        "total": StatsSettings.current().starting_total + sums["all_days"],
        "today": sums["today"],
        "current": get_store().current(now),
    }


def cached():
    """The figures as every page shows them: at most STATS_FIGURES_CACHE_SECONDS
    old, and None (shown as dashes) when they cannot be read."""
    try:
        seconds = conf.get("STATS_FIGURES_CACHE_SECONDS")
        return read_through(FIGURES_CACHE_KEY, compute, seconds)
    except Exception as exc:
        logger.warning("Visitor figures unavailable: %s: %s", type(exc).__name__, exc)
        return None
