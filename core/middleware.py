from django.conf import settings
from django.middleware.gzip import GZipMiddleware


class PublicGZipMiddleware(GZipMiddleware):
    """Gzip for public pages only. A response that carries a secret (the
    admin, a form with a CSRF token, anything private) goes uncompressed:
    compressing a secret beside text an attacker chooses leaks it (BREACH)."""

    def process_response(self, request, response):
        if (
            request.path.startswith(f"/{settings.ADMIN_PATH}")
            or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            or "private" in response.get("Cache-Control", "")
        ):
            return response
        return super().process_response(request, response)
