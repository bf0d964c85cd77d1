from django.conf import settings
from django.utils.functional import SimpleLazyObject, empty

from portal.models import SiteProfile


def public_policy(script_origin=""):
    """Public pages: only this site's own files, no inline script or style;
    scripts also from the one origin of the monitoring script, when set."""
    scripts = f"script-src 'self' {script_origin}" if script_origin else None
    return "; ".join(
        [
            "default-src 'self'",
            "img-src 'self' data:",
            scripts or "script-src 'self'",
            "style-src 'self'",
            "object-src 'none'",
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


PUBLIC_POLICY = public_policy()
# The admin: Django's admin and django-prose-editor use inline scripts (an
# import map) and style attributes, so those are allowed there, and only
# there; every other rule stays.
ADMIN_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
)


def _is_admin(request):
    return request.path.startswith(f"/{settings.ADMIN_PATH}")


class ContentSecurityPolicyMiddleware:
    """Sends a Content-Security-Policy header with every response that has
    none yet (MonitoringScriptMiddleware sets the public pages' one)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = (
                ADMIN_POLICY if _is_admin(request) else PUBLIC_POLICY
            )
        return response


class MonitoringScriptMiddleware:
    """The public pages' policy, allowing the monitoring script's origin when
    the site profile names one (base.html loads it).

    It sits inside the page cache (last in MIDDLEWARE), so a cached page keeps
    the policy it was rendered with (core.pagecache.KEPT_HEADERS): the header
    and the <script> in the body always come from the same profile, which the
    page and this policy read once per request (request.site_profile). A
    change of the profile drops every cached page (portal.apps)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.site_profile = SimpleLazyObject(SiteProfile.current)
        response = self.get_response(request)
        if "Content-Security-Policy" in response or _is_admin(request):
            return response
        # Only a page that showed the profile can carry its script; one that
        # never read it (the 500 page, with the database down) costs no query.
        profile = request.site_profile
        html = response.get("Content-Type", "").startswith("text/html")
        shown = html and profile._wrapped is not empty
        origin = profile.monitoring_origin if shown else ""
        response["Content-Security-Policy"] = public_policy(origin)
        return response
