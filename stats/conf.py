"""The statistics settings, read at call time so tests can override them."""

from django.conf import settings

# Lower-case pieces of a User-Agent that mark a robot, a link previewer or an
# HTTP library. Zalo's in-app browser ("Zalo android/…") is a real reader and
# is counted; only its link previewer is not.
BOT_USER_AGENTS = [
    "googlebot",
    "google-inspectiontool",
    "adsbot-google",
    "mediapartners-google",
    "bingbot",
    "coccocbot",
    "facebookexternalhit",
    "facebookcatalog",
    "meta-externalagent",
    "zalo-link-preview",
    "zalobot",
    "twitterbot",
    "telegrambot",
    "whatsapp",
    "slackbot",
    "discordbot",
    "linkedinbot",
    "skypeuripreview",
    "applebot",
    "yandex",
    "baiduspider",
    "duckduckbot",
    "petalbot",
    "ahrefsbot",
    "semrushbot",
    "mj12bot",
    "dotbot",
    "bytespider",
    "gptbot",
    "claudebot",
    "ccbot",
    "uptimerobot",
    "crawler",
    "spider",
    "headlesschrome",
    "curl/",
    "wget/",
    "python-requests",
    "python-urllib",
    "python-httpx",
    "aiohttp",
    "go-http-client",
    "java/",
    "okhttp",
    "libwww-perl",
    "apache-httpclient",
    "axios/",
    "node-fetch",
    "postmanruntime",
    "httpie",
]

# The app's own knobs. The ones read from the environment (STATS_ENABLED,
# STATS_STORE, STATS_REDIS_URL, STATS_REDIS_PREFIX, STATS_TRUSTED_PROXIES,
# STATS_CURRENT_WINDOW_SECONDS) and the paths never counted
# (STATS_EXCLUDED_PATHS, which depend on the site's URLs) are set in the
# project's settings, with their defaults there: each default lives once.
DEFAULTS = {
    "STATS_BOT_USER_AGENTS": BOT_USER_AGENTS,
    # A visit starts when a visitor was not seen for this long.
    "STATS_VISIT_GAP_SECONDS": 30 * 60,
    # A returning visitor's "last seen" is written at most this often.
    "STATS_REFRESH_SECONDS": 60,
    # The sidebar figures are cached this long in every process.
    "STATS_FIGURES_CACHE_SECONDS": 30,
    # A locked database makes the counter give up after this, not the page.
    "STATS_LOCK_TIMEOUT_SECONDS": 2.0,
    # The Redis store waits at most this long per call, and after a failure
    # is skipped this long (the page never waits for the counter).
    "STATS_REDIS_TIMEOUT_SECONDS": 0.25,
    "STATS_REDIS_BREAKER_SECONDS": 30.0,
    # Share of recorded page views that also delete stale visitor records.
    "STATS_PURGE_PROBABILITY": 0.005,
}


def get(name):
    if name in DEFAULTS:
        return getattr(settings, name, DEFAULTS[name])
    return getattr(settings, name)
