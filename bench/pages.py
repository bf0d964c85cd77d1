"""Public news pages: time and query count of home, category, article and day.

    python -m bench pages

Fills a database of its own (a temporary SQLite file unless
BENCH_PAGES_DATABASE_URL names another) with BENCH_PAGES_ARTICLES published
articles (default 5,000) in 8 categories, then requests each page
BENCH_PAGES_REPEAT times (default 30) through Django's test client, menu and
sidebar caches warm, the page cache and the kept fragments off (the cost of a
miss right after a change), and prints
p50 and p95 in milliseconds and the number of queries. The query count must
not change with the number of articles.
"""

import datetime
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main():
    """Run in a child process pointed at its own database and data folder."""
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as data_dir:
        env = dict(os.environ)
        env["PORTAL_DATA_DIR"] = data_dir
        env["DATABASE_URL"] = os.environ.get(
            "BENCH_PAGES_DATABASE_URL", f"sqlite:///{data_dir}/bench.sqlite3"
        )
        env["DJANGO_SETTINGS_MODULE"] = "portal.settings"
        env["DJANGO_ALLOWED_HOSTS"] = "testserver"
        env["PORTAL_PAGE_CACHE_SECONDS"] = "0"
        env["PORTAL_FRAGMENT_CACHE_SECONDS"] = "0"
        sys.stdout.flush()
        subprocess.run(
            [sys.executable, "-m", "bench.pages"], env=env, cwd=root, check=True
        )


def fill(count):
    from django.utils import timezone

    from news.models import Article, Category

    if Article.objects.count() >= count:
        return
    Article.objects.all().delete()
    Category.objects.all().delete()
    categories = [
        Category.objects.create(name=f"Chuyên mục {n}", order=n) for n in range(8)
    ]
    now = timezone.now()
    batch = []
    for n in range(count):
        batch.append(
            Article(
                title=f"Tin số {n} về hoạt động của phường",
                slug=f"tin-so-{n}",
                summary="Tóm tắt một hai câu về sự kiện trong phường.",
                body="<p>Nội dung tin.</p>" * 20,
                category=categories[n % len(categories)],
                status=Article.Status.PUBLISHED,
                published_at=now - datetime.timedelta(hours=3 * n + 1),
                is_featured=n % 50 == 0,
            )
        )
        if len(batch) == 1000:
            Article.objects.bulk_create(batch)
            batch = []
    Article.objects.bulk_create(batch)


def measure(client, url, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm caches
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
    return statistics.median(timings), p95, len(queries)


def run():
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone

    from news.models import Article

    count = int(os.environ.get("BENCH_PAGES_ARTICLES", "5000"))
    repeat = int(os.environ.get("BENCH_PAGES_REPEAT", "30"))
    call_command("migrate", verbosity=0)
    fill(count)
    article = Article.objects.published()[count // 2]
    day = timezone.localdate(article.published_at)
    pages = [
        ("home", "/"),
        ("home, page 50", "/?page=50"),
        ("home, page 500", "/?page=500"),
        ("category", article.category.get_absolute_url()),
        ("article", article.get_absolute_url()),
        ("day", f"/ngay/{day:%Y/%m/%d}/"),
        ("month", f"/ngay/{day:%Y/%m}/"),
        ("rss", "/rss/"),
    ]
    client = Client()
    print(f"{count} published articles, {repeat} requests per page")
    print(f"{'page':<16}{'p50 ms':>9}{'p95 ms':>9}{'queries':>9}")
    for name, url in pages:
        p50, p95, queries = measure(client, url, repeat)
        print(f"{name:<16}{p50:>9.1f}{p95:>9.1f}{queries:>9}")


if __name__ == "__main__":
    run()
