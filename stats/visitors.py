"""Which responses count, who the client is, and the visitor's daily hash.

Nothing here stores or logs an IP address or a user agent: they go into a
keyed hash and are forgotten.
"""

import hashlib
import hmac

from django.conf import settings

from core.clientip import client_ip as core_client_ip
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
    """The client's address (STATS_TRUSTED_PROXIES proxies stand in front)."""
    return core_client_ip(request, conf.get("STATS_TRUSTED_PROXIES"))


def daily_salt(day):
    """A secret that changes every day (Asia/Ho_Chi_Minh): the same on every
    server sharing SECRET_KEY, so no salt needs to be stored or shared."""
    message = f"stats-visitor-salt:{day.isoformat()}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).digest()


def visitor_key(ip, user_agent, day):
    """32 hex digits that stand for (IP, user agent) on `day` and nothing else."""
    data = f"{ip}\n{user_agent}".encode("utf-8", "replace")
    return hashlib.blake2b(data, key=daily_salt(day), digest_size=16).hexdigest()
