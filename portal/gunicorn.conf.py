# gunicorn settings; each may be overridden by the environment (see README).
import multiprocessing
import os

bind = os.environ.get("PORTAL_BIND", "127.0.0.1:8000")
workers = int(
    os.environ.get("WEB_CONCURRENCY", min(4, multiprocessing.cpu_count() * 2))
)
threads = int(os.environ.get("PORTAL_THREADS", 2))
timeout = 30
graceful_timeout = 10
accesslog = os.environ.get("PORTAL_ACCESS_LOG") or None
wsgi_app = "portal.wsgi:application"
