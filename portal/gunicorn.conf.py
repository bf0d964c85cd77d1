# gunicorn settings; each may be overridden by the environment (see README).
# Start it with `python -m portal.serve`, which runs this file first.
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
    # Threads (gthread): a request stuck on a hanging database holds one thread
    # for at most the database timeouts (3 s to connect, 5 s per statement),
    # and the other threads keep serving /robots.txt, static files and cached
    # pages.
    threads = env_int("PORTAL_THREADS", 8, minimum=1)
    from django.conf import settings

    settings.INSTALLED_APPS  # noqa: B018
except ImproperlyConfigured as exc:
    sys.exit(f"Configuration error: {exc}")

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
if env_str("PORTAL_CONTROL_SOCKET"):
    control_socket = env_str("PORTAL_CONTROL_SOCKET")
else:
    control_socket_disable = True
accesslog = env_str("PORTAL_ACCESS_LOG") or None
wsgi_app = "portal.wsgi:application"
