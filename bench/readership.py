"""The cost of counting readers ("Tin đọc nhiều") per page view.

Runs in the current environment (DATABASE_URL, STATS_STORE, …) against its
database: call the statistics middleware on a fake 200 HTML response, N times
each, and print microseconds per view for

    visits only     the visit counter alone (readership switched off)
    returning       visit + readership, a reader who already read this page
                    today (the common case: one indexed read or one Redis call)
    new reader      visit + readership, a first read (the writes)

Writes rows for the fake visitors under /bench-readership/ paths of today;
run it on a scratch database.
"""

import os
import time
import uuid

N = 300


def main():
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    django.setup()
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse
    from django.test import RequestFactory

    from stats import readership
    from stats.middleware import VisitMiddleware

    middleware = VisitMiddleware(
        lambda request: HttpResponse("<p>tin</p>", content_type="text/html")
    )
    factory = RequestFactory()
    run = uuid.uuid4().hex[:8]

    def view(n, path):
        request = factory.get(
            path,
            HTTP_USER_AGENT=f"Mozilla/5.0 Chrome/131.0 bench-{run}-{n}",
            REMOTE_ADDR="198.51.100.9",
        )
        request.user = AnonymousUser()
        middleware(request)

    def timed(label, paths):
        started = time.perf_counter()
        for n, path in enumerate(paths):
            view(n, path)
        per_view = (time.perf_counter() - started) / len(paths) * 1e6
        print(f"{label:<14} {per_view:8.0f} µs per view")

    base = f"/bench-readership/{run}/"
    record = readership.record
    readership.record = lambda *args: False
    for n in range(N):  # the visitors exist: only returning visits are timed
        view(n, base + "warm/")
    timed("visits only", [base + "warm/"] * N)
    readership.record = record
    timed("new reader", [base + "b/"] * N)
    timed("returning", [base + "b/"] * N)


if __name__ == "__main__":
    main()
