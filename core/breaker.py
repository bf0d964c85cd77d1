"""A circuit breaker for stores the site can live without (Redis).

After a failure the store is skipped for `reset_seconds`: readers then pay
nothing instead of a timeout on every request. One warning is logged each
time the breaker opens, not one per skipped call. Per process, by design:
each worker finds out for itself, at the cost of one short timeout.
"""

import logging
import threading
import time

logger = logging.getLogger(__name__)


class CircuitBreaker:
    def __init__(self, name, reset_seconds=10.0, errors=(Exception,)):
        self.name = name
        self.reset_seconds = reset_seconds
        self.errors = errors
        self._open_until = 0.0
        self._lock = threading.Lock()

    @property
    def is_open(self):
        return time.monotonic() < self._open_until

    def fail(self, exc):
        with self._lock:
            was_open = self.is_open
            self._open_until = time.monotonic() + self.reset_seconds
        if not was_open:
            logger.warning(
                "%s unavailable, skipped for %g s: %s: %s",
                self.name,
                self.reset_seconds,
                type(exc).__name__,
                exc,
            )

    def reset(self):
        self._open_until = 0.0

    def call(self, function, *args, default=None, **kwargs):
        """function(*args, **kwargs), or `default` when the store is skipped
        or fails."""
        if self.is_open:
            return default
        try:
            return function(*args, **kwargs)
        except self.errors as exc:
            self.fail(exc)
            return default
