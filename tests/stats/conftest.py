import datetime
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


@pytest.fixture(
    params=["database", pytest.param("redis", marks=pytest.mark.redis)],
)
def store(request, settings, db):
    """Each store in turn, empty; every test using it runs against both."""
    settings.STATS_STORE = request.param
    settings.STATS_REDIS_URL = STATS_REDIS_URL
    if request.param == "redis":
        redis_store = stores.get_store()
        redis_store.redis.flushdb()
        yield redis_store
        redis_store.redis.flushdb()
    else:
        yield stores.get_store()


@pytest.fixture
def noon():
    """12:00 in Hồ Chí Minh City on a fixed day."""
    return datetime.datetime(
        2026, 11, 26, 12, 0, tzinfo=timezone.get_default_timezone()
    )
