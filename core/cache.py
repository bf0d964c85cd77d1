"""Caching helpers: HTTP cache headers for public pages, and short-lived
read-through copies of what every page shows (menu, profile, footer)."""

import logging
from functools import wraps

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)

# Long enough for a reverse proxy to absorb a rush of readers, short enough
# that a newly published or scheduled article shows within a minute.
PUBLIC_MAX_AGE = 60
# Every worker keeps a copy at most this long, so an edit shows everywhere
# within this time even on a per-process cache; the editor's own worker (and
# every worker, with Redis) sees it at once because saving deletes the key.
COPY_SECONDS = 30


def public_cache(view):
    """Cache-Control for pages anyone may see; a view's no-cache wins."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.has_header("Cache-Control"):
            patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
        return response

    return wrapper


def cached(key, compute, seconds=COPY_SECONDS):
    """The cached value of key, computed (and kept) when missing. When the
    cache store fails, the value is computed: the page is slower, not down."""
    try:
        return cache.get_or_set(key, compute, seconds)
    except Exception as exc:
        logger.warning("Cache unavailable for %s: %s: %s", key, type(exc).__name__, exc)
        return compute()


def drop_on_change(key, *models):
    """Delete key whenever a row of these models is saved or deleted (the
    admin's bulk delete included), so staff see their edit at once."""

    def drop(sender, **kwargs):
        try:
            cache.delete(key)
        except Exception as exc:
            logger.warning("Cached %s not dropped: %s", key, exc)

    for model in models:
        post_save.connect(drop, sender=model, weak=False)
        post_delete.connect(drop, sender=model, weak=False)
