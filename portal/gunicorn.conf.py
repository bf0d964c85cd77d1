# gunicorn settings; each may be overridden by the environment (see README).
import multiprocessing
import os
import sys

from django.core.exceptions import ImproperlyConfigured

bind = os.environ.get("PORTAL_BIND", "127.0.0.1:8000")
workers = int(
    os.environ.get("WEB_CONCURRENCY", min(4, multiprocessing.cpu_count() * 2))
)
threads = int(os.environ.get("PORTAL_THREADS", 2))
timeout = 30
graceful_timeout = 10
accesslog = os.environ.get("PORTAL_ACCESS_LOG") or None
wsgi_app = "portal.wsgi:application"

# Read the Django settings once in the master: a bad environment variable then
# stops start-up with one line, instead of a traceback from every worker.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
try:
    from django.conf import settings

    settings.INSTALLED_APPS  # noqa: B018
except ImproperlyConfigured as exc:
    sys.exit(f"Configuration error: {exc}")
