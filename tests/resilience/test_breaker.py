"""The fail-open Redis cache and the circuit breaker, in process."""

import logging
import time

from core.breaker import CircuitBreaker
from core.redis_cache import FailOpenRedisCache
from tests.resilience.servers import free_port, silent_server


def test_a_silent_redis_cache_misses_quickly_and_warns_once(caplog):
    with silent_server() as port:
        cache = FailOpenRedisCache(
            f"redis://127.0.0.1:{port}/0", {"OPTIONS": {"breaker_seconds": 30}}
        )
        started = time.monotonic()
        with caplog.at_level(logging.WARNING):
            for _ in range(50):
                assert cache.get("menu", "mặc định") == "mặc định"
                cache.set("menu", [1, 2])
                assert cache.get_or_set("hồ sơ", 7) == 7
        took = time.monotonic() - started
    print(f"\n150 cache calls on a silent Redis: {took:.3f} s")
    assert took < 1.5  # one timeout (0.25 s), then skipped
    assert caplog.text.count("Redis cache unavailable") == 1


def test_a_refused_redis_cache_behaves_as_empty():
    cache = FailOpenRedisCache(f"redis://127.0.0.1:{free_port()}/0", {})
    assert cache.get("x") is None
    assert cache.add("x", 1) is False
    assert cache.get_many(["x", "y"]) == {}
    assert cache.delete("x") is False


def test_the_breaker_closes_again_after_its_time(caplog):
    breaker = CircuitBreaker("Kho thử", reset_seconds=0.2)
    calls = []

    def fails():
        calls.append(1)
        raise OSError("không trả lời")

    with caplog.at_level(logging.WARNING):
        assert breaker.call(fails, default="mặc định") == "mặc định"
        assert breaker.call(fails, default="mặc định") == "mặc định"
        assert len(calls) == 1  # skipped while open
        time.sleep(0.3)
        assert breaker.call(lambda: "đã trả lời") == "đã trả lời"
    assert caplog.text.count("Kho thử unavailable") == 1
