"""Who the client is, behind the proxies we trust."""

import ipaddress


def client_ip(request, trusted_proxies):
    """REMOTE_ADDR, or the X-Forwarded-For entry written by the outermost
    trusted proxy when `trusted_proxies` proxies stand in front.

    Each proxy appends the address it received the request from, so with N
    trusted proxies the client is the N-th entry from the right; anything
    further left was written by the client and may be forged.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    if not trusted_proxies:
        return remote
    entries = [
        e.strip() for e in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    ]
    if len(entries) < trusted_proxies:
        return remote
    try:
        return str(ipaddress.ip_address(entries[-trusted_proxies]))
    except ValueError:
        return remote
