# gunicorn settings; each may be overridden by the environment (see README).
import multiprocessing
import os
import sys

from django.core.exceptions import ImproperlyConfigured

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

from core.env import env_int, env_str  # noqa: E402 (after the path is set)

# A bad environment variable stops start-up with one line, instead of a
# traceback from the master or from every worker: read the numbers here and
# the Django settings once, in the master.
try:
    bind = env_str("PORTAL_BIND", "127.0.0.1:8000")
    workers = env_int("WEB_CONCURRENCY", min(4, multiprocessing.cpu_count() * 2), 1)
    threads = env_int("PORTAL_THREADS", 2, minimum=1)
    from django.conf import settings

    settings.INSTALLED_APPS  # noqa: B018
except ImproperlyConfigured as exc:
    sys.exit(f"Configuration error: {exc}")

timeout = 30
graceful_timeout = 10
accesslog = env_str("PORTAL_ACCESS_LOG") or None
wsgi_app = "portal.wsgi:application"
