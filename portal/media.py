"""Serving /media/ from Django (when no proxy in front does it)."""

from django.http import Http404
from django.views.static import serve

# No file system allows a longer file or folder name.
MAX_NAME_BYTES = 255


def serve_media(request, path, document_root):
    """django.views.static.serve, with a 404 instead of a 500 for names no
    file can have (too long, NUL)."""
    parts = path.split("/")
    if any(len(part.encode()) > MAX_NAME_BYTES or "\x00" in part for part in parts):
        raise Http404("Không có tệp này.")
    try:
        return serve(request, path, document_root=document_root)
    except (OSError, ValueError):
        raise Http404("Không có tệp này.")
