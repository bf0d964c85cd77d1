"""Middleware that guards the site before any view runs."""

import time

from django.conf import settings

from portal.errors import error_page


class BodySizeLimitMiddleware:
    """First in MIDDLEWARE: a request body over the limit is refused with 413
    before anything (CSRF, the upload handlers) reads it, so an anonymous
    POST cannot fill the disk with temporary files. The admin may send
    PORTAL_MAX_ADMIN_BODY_BYTES (a photo plus the form), everything else
    PORTAL_MAX_BODY_BYTES. A body without a length (chunked) is refused:
    browsers always send one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.META.get("HTTP_TRANSFER_ENCODING"):
            return error_page(411)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return error_page(400)
        admin = request.path.startswith(f"/{settings.ADMIN_PATH}")
        limit = (
            settings.PORTAL_MAX_ADMIN_BODY_BYTES
            if admin
            else settings.PORTAL_MAX_BODY_BYTES
        )
        if length > limit:
            return error_page(413)
        return self.get_response(request)


class StaffIdleMiddleware:
    """Staff sessions end after PORTAL_STAFF_IDLE_SECONDS without a request
    (default 8 hours) instead of Django's two weeks. The expiry slides with
    activity, written at most once a minute; readers' sessions are untouched."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            now = int(time.time())
            if now - request.session.get("staff_seen", 0) >= 60:
                request.session["staff_seen"] = now
                request.session.set_expiry(settings.PORTAL_STAFF_IDLE_SECONDS)
        return self.get_response(request)


# Powerful browser features the portal never uses, off for every page.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
