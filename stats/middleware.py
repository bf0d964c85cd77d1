import logging
import random

from django.core.exceptions import MiddlewareNotUsed
from django.utils import timezone

from stats import conf
from stats.stores import get_store
from stats.visitors import client_ip, is_countable, visitor_key

logger = logging.getLogger(__name__)


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
        key = visitor_key(
            client_ip(request),
            request.META.get("HTTP_USER_AGENT", ""),
            timezone.localdate(now),
        )
        try:
            store = get_store()
            store.record(key, now)
            if random.random() < conf.get("STATS_PURGE_PROBABILITY"):
                store.purge(now)
        except Exception as exc:
            logger.warning("Visit not counted: %s: %s", type(exc).__name__, exc)
