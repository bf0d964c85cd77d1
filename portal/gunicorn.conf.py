# gunicorn settings; each may be overridden by the environment (see README).
import multiprocessing
import os
import sys

from django.core.exceptions import ImproperlyConfigured

bind = os.environ.get("PORTAL_BIND", "127.0.0.1:8000")
workers = int(
    os.environ.get("WEB_CONCURRENCY", min(4, multiprocessing.cpu_count() * 2))
)
# Threads (gthread): a request stuck on a hanging database holds one thread
# for at most the database timeouts (3 s to connect, 5 s per statement), and
# the other threads keep serving /robots.txt, static files and cached pages.
threads = int(os.environ.get("PORTAL_THREADS", 8))
# A worker takes no more connections than it has threads: otherwise a worker
# whose threads are all stuck keeps accepting, and those readers wait behind
# them while another worker is idle. (No keep-alive: the proxy in front opens
# a connection per request anyway.)
worker_connections = threads
keepalive = 0
timeout = 30
graceful_timeout = 10
# gunicorn 27's control socket defaults to one path per user: a second
# instance would take it over and stopping either would delete it. Each
# instance gets its own (PORTAL_CONTROL_SOCKET) or none.
if os.environ.get("PORTAL_CONTROL_SOCKET"):
    control_socket = os.environ["PORTAL_CONTROL_SOCKET"]
else:
    control_socket_disable = True
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
