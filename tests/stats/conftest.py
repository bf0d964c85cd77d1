import datetime
import uuid
from urllib.parse import urlparse, urlunparse

import pytest
from django.utils import timezone

from stats import stores
from tests.conftest import REDIS_URL

# The statistics tests own Redis database 13.
STATS_REDIS_URL = urlunparse(urlparse(REDIS_URL)._replace(path="/13"))

BROWSER_UA = (
    "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"
)


def forget(client, prefix):
    """Delete one test's keys; never FLUSHDB, other runs may share the database."""
    for key in client.scan_iter(match=prefix + "*"):
        client.delete(key)


@pytest.fixture(
    params=["database", pytest.param("redis", marks=pytest.mark.redis)],
)
def store(request, settings, db):
    """Each store in turn, empty; every test using it runs against both."""
    settings.STATS_STORE = request.param
    settings.STATS_REDIS_URL = STATS_REDIS_URL
    settings.STATS_REDIS_PREFIX = f"stats-test-{uuid.uuid4().hex}:"
    store = stores.get_store()
    yield store
    if request.param == "redis":
        forget(store.redis, settings.STATS_REDIS_PREFIX)


@pytest.fixture
def noon():
    """12:00 in Hồ Chí Minh City on a fixed day."""
    return datetime.datetime(
        2026, 11, 26, 12, 0, tzinfo=timezone.get_default_timezone()
    )
