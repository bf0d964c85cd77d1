"""Which responses count, who the client is, and the visitor's daily hash.

Nothing here stores or logs an IP address or a user agent: they go into a
keyed hash and are forgotten.
"""

import hashlib
import hmac
import ipaddress

from django.conf import settings

from stats import conf

PREFETCH_HEADERS = ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_PURPOSE", "HTTP_X_MOZ")


def is_bot(user_agent):
    """Robots, link previewers and HTTP libraries; an empty agent counts as one."""
    agent = user_agent.lower()
    return not agent or any(m in agent for m in conf.get("STATS_BOT_USER_AGENTS"))


def is_countable(request, response):
    """A 200 HTML answer to a GET of a public page by a person, not a prefetch."""
    if request.method != "GET" or response.status_code != 200:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    if request.path.startswith(tuple(conf.get("STATS_EXCLUDED_PATHS"))):
        return False
    # Staff previews of drafts are marked private; they are not public pages.
    if "private" in response.get("Cache-Control", ""):
        return False
    if any(request.META.get(header) for header in PREFETCH_HEADERS):
        return False
    return not is_bot(request.META.get("HTTP_USER_AGENT", ""))


def client_ip(request):
    """REMOTE_ADDR, or the X-Forwarded-For entry written by the outermost
    trusted proxy when STATS_TRUSTED_PROXIES proxies stand in front.

    Each proxy appends the address it received the request from, so with N
    trusted proxies the client is the N-th entry from the right; anything
    further left was written by the client and may be forged.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = conf.get("STATS_TRUSTED_PROXIES")
    if not trusted:
        return remote
    entries = [
        e.strip() for e in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    ]
    if len(entries) < trusted:
        return remote
    try:
        return str(ipaddress.ip_address(entries[-trusted]))
    except ValueError:
        return remote


def daily_salt(day):
    """A secret that changes every day (Asia/Ho_Chi_Minh): the same on every
    server sharing SECRET_KEY, so no salt needs to be stored or shared."""
    message = f"stats-visitor-salt:{day.isoformat()}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).digest()


def visitor_key(ip, user_agent, day):
    """32 hex digits that stand for (IP, user agent) on `day` and nothing else."""
    data = f"{ip}\n{user_agent}".encode("utf-8", "replace")
    return hashlib.blake2b(data, key=daily_salt(day), digest_size=16).hexdigest()
