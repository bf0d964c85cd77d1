import logging
import random

from django.core.exceptions import MiddlewareNotUsed
from django.utils import timezone

from stats import conf, readership
from stats.stores import get_store, recent_memo
from stats.visitors import client_ip, is_countable, visitor_key

logger = logging.getLogger(__name__)
# Readers this process counted today: counting them again would write
# nothing, so the readership store is not asked (on a cached page, a
# returning reader then costs no query).
READER_MEMO_SECONDS = 600


def _first_time(recent, key, now, seconds):
    """True, and noted, when key was not recorded in the `seconds` before now
    (the request's clock, as the stores use)."""
    if recent is None:
        return True
    then = recent.get(key)
    if then is not None and 0 <= (now - then).total_seconds() < seconds:
        return False
    recent.set(key, now, seconds)
    return True


class VisitMiddleware:
    """Counts visits once the response is made (see README, "Visitor statistics").

    Last in MIDDLEWARE, so it sees the final status and headers. Whatever goes
    wrong with the store, the visitor gets the page: the visit is not counted
    and a warning is logged, without the visitor's address or user agent.
    """

    def __init__(self, get_response):
        if not conf.get("STATS_ENABLED"):
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_countable(request, response):
            self.record(request)
        return response

    def record(self, request):
        now = timezone.now()
        today = timezone.localdate(now)
        key = visitor_key(
            client_ip(request), request.META.get("HTTP_USER_AGENT", ""), today
        )
        purge = random.random() < conf.get("STATS_PURGE_PROBABILITY")
        try:
            store = get_store()
            store.record(key, now)
            if purge:
                store.purge(now)
        except Exception as exc:
            logger.warning("Visit not counted: %s: %s", type(exc).__name__, exc)
        self.record_reader(request, key, now, purge)

    def record_reader(self, request, key, now, purge):
        """The page's readership ("Tin đọc nhiều"), staff left out."""
        user = getattr(request, "user", None)
        if user is not None and user.is_staff:
            return
        today = timezone.localdate(now)
        recent = recent_memo()
        memo = f"r:{today}:{key}:{request.path}"
        if not _first_time(recent, memo, now, READER_MEMO_SECONDS):
            return
        try:
            readership.record(key, request.path, today)
            if purge:
                readership.get_readership().purge(today)
        except Exception as exc:
            if recent is not None:
                recent.delete(memo)
            logger.warning("Reader not counted: %s: %s", type(exc).__name__, exc)
