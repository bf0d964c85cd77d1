"""A page cache for anonymous readers, invalidated by change, not by waiting.

Views opt in with @page_cacheable. An entry is the page as gzip bytes and its
headers, kept in the default cache (Redis when REDIS_URL is set, so every app
server shares it) under the content version, the path and the few query
parameters pages use. Saving or deleting content bumps the version
(bump_on_change), so the next reader of every page sees the change. An entry
lives at most PAGE_CACHE_SECONDS (the sidebar's visitor figures may lag that
much) and never past the next scheduled publication (register_next_change).

Never cached nor served from the cache: requests with a session (staff),
anything but GET and HEAD, responses other than 200, responses that set a
cookie, use the CSRF token or ask not to be stored (previews). Whatever the
cache store does, the reader gets the page: every cache error is a miss.

The visitor statistics middleware wraps this one, so a page served from the
cache is counted like any other.
"""

import gzip
import hashlib
import logging
import re
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse, QueryDict
from django.utils.cache import patch_vary_headers

logger = logging.getLogger(__name__)

VERSION_KEY = "pagecache:version"
# The query parameters a cached page uses, each with the values it takes (by
# default the page number of lists); anything else is dropped before the view
# runs, so ?utm_source=… shares the entry and random parameters cannot fill
# the cache.
PAGE_NUMBER = r"[1-9][0-9]{0,3}"
# The Content-Security-Policy is kept with the page it was sent with: a policy
# may depend on what the page loads (portal's monitoring script).
KEPT_HEADERS = (
    "Content-Type",
    "Cache-Control",
    "Content-Language",
    "ETag",
    "Content-Security-Policy",
)
_next_change = []


def page_cacheable(view, params=None):
    """Mark a view whose answer to an anonymous GET may be cached; params maps
    each query parameter it uses to a pattern of the values it takes."""
    params = {"page": PAGE_NUMBER} if params is None else params
    view.page_cache_params = {k: re.compile(v) for k, v in params.items()}
    return view


def fragment(name, render):
    """render()'s result, kept under the content version as `name`.

    For the parts of a page that change only with content (a list of news,
    not the visitor figures beside it): they outlive a page-cache entry, so
    the page is rebuilt every PAGE_CACHE_SECONDS around them at a fraction
    of the cost. Like pages, they go with any content change and never
    outlive the next scheduled change. None (nothing to keep: an address
    with no public page) and an exception in render() store nothing, so
    made-up addresses cannot fill the cache.
    """
    version = _guard(content_version)
    if version is None or settings.FRAGMENT_CACHE_SECONDS < 1:
        return render()
    key = f"fragment:{version}:{name}"
    found = _guard(lambda: cache.get(key))
    if found is not None:
        return found
    value = render()
    seconds = _lifetime(version, settings.FRAGMENT_CACHE_SECONDS)
    if value is not None and seconds >= 1:
        _guard(lambda: cache.set(key, value, seconds))
    return value


def register_next_change(func):
    """func() gives the next time pages change by themselves (a scheduled
    article going out), or None; entries never outlive it."""
    _next_change.append(func)


def bump_on_change(*models):
    """Saving or deleting a row of these models changes every cached page."""
    for model in models:
        post_save.connect(bump_version, sender=model, weak=False)
        post_delete.connect(bump_version, sender=model, weak=False)


def _version_file():
    return Path(settings.DATA_DIR) / "page-cache-version"


def _local_cache():
    return isinstance(cache, LocMemCache)


def content_version():
    # A per-process cache cannot tell other workers about a change; a file's
    # modification time can, on one host.
    if _local_cache():
        try:
            return _version_file().stat().st_mtime_ns
        except FileNotFoundError:
            return 0
    return cache.get_or_set(VERSION_KEY, time.time_ns)


def bump_version(**kwargs):
    try:
        if _local_cache():
            path = _version_file()
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(str(time.time_ns()))
        else:
            cache.set(VERSION_KEY, time.time_ns(), None)
    except Exception as exc:
        logger.warning("Page cache version not bumped: %s", exc)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_page_cache_key", None)
        if key and self._storable(request, response):
            _guard(lambda: self._store(key, response, request._page_cache_version))
        return response

    def process_view(self, request, view, args, kwargs):
        allowed = getattr(view, "page_cache_params", None)
        if allowed is None or not self._anonymous_read(request):
            return None
        params = {k: request.GET.getlist(k) for k in request.GET}
        kept = {k: v[0] for k, v in params.items() if k in allowed and len(v) == 1}
        if any(not allowed[k].fullmatch(v) for k, v in kept.items()):
            return None  # a hostile page number: answered, never stored
        request.GET = QueryDict(mutable=True)
        request.GET.update(kept)
        request.GET._mutable = False
        query = "&".join(f"{k}={kept[k]}" for k in sorted(kept))
        place = hashlib.md5(f"{request.path}?{query}".encode()).hexdigest()
        version = _guard(content_version)
        if version is None:
            return None
        request._page_cache_version = version
        request._page_cache_key = f"page:{version}:{place}"
        entry = _guard(lambda: cache.get(request._page_cache_key))
        return _response(entry, request) if entry else None

    def _anonymous_read(self, request):
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )

    def _storable(self, request, response):
        control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and "private" not in control
            and "no-store" not in control
            and not response.has_header("Content-Encoding")
        )

    def _store(self, key, response, version):
        seconds = _lifetime(version, settings.PAGE_CACHE_SECONDS)
        if seconds < 1:
            return
        if not response.has_header("ETag"):
            response["ETag"] = f'"{hashlib.md5(response.content).hexdigest()}"'
        entry = {
            "body": gzip.compress(response.content, compresslevel=6, mtime=0),
            "headers": {h: response[h] for h in KEPT_HEADERS if response.has_header(h)},
        }
        cache.set(key, entry, seconds)


def _lifetime(version, seconds):
    """seconds, cut short by the next scheduled change."""
    if seconds < 1:
        return 0
    change = _next_change_time(version)
    if change:
        seconds = min(seconds, change - time.time())
    return int(seconds)


def _next_change_time(version):
    """When pages next change by themselves, as a timestamp (0: not known to).
    Read once per content version: scheduling an article is a save, which
    bumps the version; once the time has passed, the next one is looked up."""
    key = f"pagecache:next:{version}"
    when = cache.get(key)
    if when is None or 0 < when <= time.time():
        found = [t for t in (f() for f in _next_change) if t is not None]
        when = min(found).timestamp() if found else 0
        cache.set(key, when, settings.PAGE_CACHE_SECONDS)
    return when


def _response(entry, request):
    accepts_gzip = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
    body = entry["body"] if accepts_gzip else gzip.decompress(entry["body"])
    response = HttpResponse(body)
    for header, value in entry["headers"].items():
        response[header] = value
    if accepts_gzip:
        response["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ["Accept-Encoding"])
    response["X-Page-Cache"] = "hit"
    return response


def _guard(action):
    try:
        return action()
    except Exception as exc:
        logger.warning("Page cache skipped: %s: %s", type(exc).__name__, exc)
        return None
