"""Settings for the ward news portal, driven by environment variables.

Every variable is documented in README.md. The helpers (core/env.py) reject a
bad value at start-up with ImproperlyConfigured and a message naming the
variable.
"""

import datetime
import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from core.env import (
    env_bool,
    env_database,
    env_dates,
    env_days_map,
    env_int,
    env_list,
    env_rates,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent


DATA_DIR = Path(env_str("PORTAL_DATA_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DJANGO_DEBUG", True)


# `make run`: production settings on one machine, with the generated key.
LOCAL_RUN = env_bool("PORTAL_LOCAL_RUN", False)


def private_file(path):
    """Create `path` empty and readable by its owner only (0600), unless it
    exists: the secret key and the SQLite database are nobody else's."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass


def _secret_key():
    key = env_str("DJANGO_SECRET_KEY")
    if key:
        return key
    if not DEBUG and not LOCAL_RUN:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is False."
        )
    # Development and `make run`: generate a key once and keep it, so
    # sessions survive restarts.
    path = DATA_DIR / "secret_key.txt"
    if not path.exists():
        private_file(path)
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])


def env_site_url(name):
    """The one address absolute URLs are built from (canonical, og:url,
    JSON-LD, feeds, sitemap, robots), never the request's Host."""
    default = ""
    if DEBUG:
        default = "http://127.0.0.1:8000"
    elif ALLOWED_HOSTS and not ALLOWED_HOSTS[0].startswith((".", "*")):
        default = f"https://{ALLOWED_HOSTS[0]}"
    url = env_str(name, default).rstrip("/")
    scheme, _, rest = url.partition("://")
    if scheme not in ("http", "https") or not rest or "/" in rest:
        raise ImproperlyConfigured(
            f"{name} must be the site's address, e.g. https://phuong.example.vn, "
            f"not {url!r}."
        )
    return url


PORTAL_SITE_URL = env_site_url("PORTAL_SITE_URL")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_prose_editor",
    "reversion",
    "core",
    "portal",
    "news",
    "stats",
    "backups",
    "documents",
    "questions",
    "schedule",
    "axes",
]

# One language: no LocaleMiddleware, so no "Vary: Accept-Language" splitting
# every cache in front. The statistics wrap the page cache: a page served from
# the cache is counted like any other.
MIDDLEWARE = [
    "portal.guards.BodySizeLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.ContentSecurityPolicyMiddleware",
    "portal.guards.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.middleware.PublicGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.guards.StaffIdleMiddleware",
    "portal.errors.MethodNotAllowedMiddleware",
    "axes.middleware.AxesMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "stats.middleware.VisitMiddleware",
    "core.pagecache.PageCacheMiddleware",
    "portal.middleware.MonitoringScriptMiddleware",
]

ROOT_URLCONF = "portal.urls"
# Where the admin lives (portal/urls.py); the statistics skip it.
ADMIN_PATH = "quan-tri/"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": env_database("DATABASE_URL", f"sqlite:///{DATA_DIR / 'portal.sqlite3'}")
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3") and not str(
    DATABASES["default"]["NAME"]
).startswith("file:"):
    # SQLite makes its -wal and -shm files with the database's own mode.
    # (A read-only data dir is SQLite's to report, on first use.)
    try:
        private_file(Path(DATABASES["default"]["NAME"]))
    except OSError:
        pass
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            f"REDIS_URL must start with redis://, rediss:// or unix://, not {REDIS_URL!r}."
        )
    # Fails open with short timeouts: a Redis outage costs cache misses only.
    CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
        }
    }

# Each process remembers whom it counted a moment ago (stats.stores), so a
# returning visitor's page costs the database store no query.
CACHES["stats-recent"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "stats-recent",
    "OPTIONS": {"MAX_ENTRIES": 20000},
}

# Anonymous readers' pages are kept this long at most (core/pagecache.py);
# any content change shows at once. 0 turns the page cache off.
PAGE_CACHE_SECONDS = env_int("PORTAL_PAGE_CACHE_SECONDS", 30)
# Parts of pages that change only with content (lists of news) are kept
# longer, under the same content version (core.pagecache.fragment). 0: off.
FRAGMENT_CACHE_SECONDS = env_int("PORTAL_FRAGMENT_CACHE_SECONDS", 3600)

# How long an approved article of these categories stays in the lists when its
# writer set no end of display: category slug -> days (news.models.Article
# .apply_default_display_period). Empty: articles stay listed until removed.
NEWS_DISPLAY_DAYS = env_days_map("NEWS_DISPLAY_DAYS", {})

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
# Completes Django's Vietnamese catalogue for what staff meet in the admin;
# the compiled .mo is committed, so nothing is needed at run time.
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
# An address typed without a scheme becomes https://, in every form and the
# admin alike (Django 6 does this by default; the setting then goes away).
FORMS_URLFIELD_ASSUME_HTTPS = True
FORMAT_MODULE_PATH = ["portal.formats"]
# Deadlines count working days (core.workdays): the national holidays come
# from the `holidays` package; a province's extra days off and the Saturdays
# worked to make up for a bridge day are added here (YYYY-MM-DD, commas).
PORTAL_EXTRA_DAYS_OFF = env_dates("PORTAL_EXTRA_DAYS_OFF", [])
PORTAL_EXTRA_WORKING_DAYS = env_dates("PORTAL_EXTRA_WORKING_DAYS", [])

# Forms residents send (core/publicforms.py): refused when sent back sooner
# than a person can type, or after the page has been open this long; links
# are what spam is made of.
PUBLIC_FORM_MIN_SECONDS = env_int("PORTAL_FORM_MIN_SECONDS", 3)
PUBLIC_FORM_MAX_AGE = env_int("PORTAL_FORM_MAX_AGE", 2 * 24 * 3600, minimum=60)
PUBLIC_FORM_MAX_LINKS = env_int("PORTAL_FORM_MAX_LINKS", 3)
# Sends accepted per address, and from everyone together (what protects the
# staff queue during a flood from many addresses).
PUBLIC_FORM_RATE_PER_ADDRESS = env_rates("PORTAL_FORM_RATE_PER_ADDRESS", "3/10m,20/d")
PUBLIC_FORM_RATE_OVERALL = env_rates("PORTAL_FORM_RATE_OVERALL", "60/h,300/d")
# Residents' comments on draft documents (góp ý dự thảo): their name, contact
# and address are erased this many days after the consultation closed
# (manage.py purge_personal_data); the comments themselves stay.
DOCUMENTS_COMMENT_RETENTION_DAYS = env_int(
    "PORTAL_COMMENT_RETENTION_DAYS", 365, minimum=1
)

# Hỏi đáp (questions/): the answer is due this many working days after the
# question arrives; the name and contact of a closed question are erased this
# many days after it was closed (manage.py purge_personal_data, run by the
# backup timer); looking a tracking code up is limited per address, so codes
# cannot be guessed by trying.
QUESTIONS_ANSWER_DAYS = env_int("PORTAL_QUESTIONS_ANSWER_DAYS", 15, minimum=1)
QUESTIONS_RETENTION_DAYS = env_int("PORTAL_QUESTIONS_RETENTION_DAYS", 365, minimum=1)
QUESTIONS_LOOKUP_RATE = env_rates("PORTAL_QUESTIONS_LOOKUP_RATE", "30/10m,200/d")

# Mail to residents (the notice that a question was answered): printed on the
# console unless an SMTP server is configured (README.md, "Configuration").
EMAIL_BACKEND = env_str(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env_str("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("DJANGO_EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("DJANGO_EMAIL_TIMEOUT", 10, minimum=1)
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "webmaster@localhost")

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(DATA_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(DATA_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploads above this size are refused before Pillow opens them.
PORTAL_MAX_UPLOAD_BYTES = env_int("PORTAL_MAX_UPLOAD_MB", 8, minimum=1) * 1024 * 1024
# Attached files (documents, articles, pages): checked by content (core/files.py),
# stored outside MEDIA_ROOT and served only by views that add safe headers.
PORTAL_MAX_ATTACHMENT_BYTES = (
    env_int("PORTAL_MAX_ATTACHMENT_MB", 20, minimum=1) * 1024 * 1024
)
PORTAL_FILES_ROOT = Path(env_str("PORTAL_FILES_ROOT", str(DATA_DIR / "files")))
# The font of the demo's generated PDFs (documents/demo.py falls back to a
# core PDF font when the file is missing).
PORTAL_PDF_FONT = env_str(
    "PORTAL_PDF_FONT", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
)
# Request bodies above these are refused with 413 before they are read
# (portal.guards): the admin's uploads (photos, attached files) plus a margin
# for the form, and a small limit for every public form.
PORTAL_MAX_ADMIN_BODY_BYTES = (
    max(PORTAL_MAX_UPLOAD_BYTES, PORTAL_MAX_ATTACHMENT_BYTES) + 2 * 1024 * 1024
)
PORTAL_MAX_BODY_BYTES = env_int("PORTAL_MAX_BODY_KB", 1024, minimum=1) * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o644
# Behind a reverse proxy, let the proxy serve /media/ and set this to False.
PORTAL_SERVE_MEDIA = env_bool("PORTAL_SERVE_MEDIA", True)
WHITENOISE_USE_FINDERS = DEBUG

# `manage.py backup` (README, "Sao lưu và khôi phục"): where archives go and
# how many of them are kept there.
PORTAL_BACKUP_DIR = Path(env_str("PORTAL_BACKUP_DIR", str(DATA_DIR / "backups")))
PORTAL_BACKUP_KEEP = env_int("PORTAL_BACKUP_KEEP", 14, minimum=1)

# Security: sane defaults everywhere, strict ones in production.
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    # Over https (the site address says so) everything is strict; `make run`
    # over plain http on its bound address keeps cookies usable there.
    HTTPS = PORTAL_SITE_URL.startswith("https://")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", HTTPS)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = HTTPS
    CSRF_COOKIE_SECURE = HTTPS
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000) if HTTPS else 0
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
    # check --deploy warns about preload unless it is on; it is opt-in for a
    # reason (it is hard to undo), so we silence that single warning.
    SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

LOGIN_URL = "admin:login"

# Login protection (django-axes): 5 failures for one user name from one
# address lock that pair out for 15 minutes; the lock lifts by itself.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=env_int("PORTAL_LOGIN_LOCKOUT_MINUTES", 15, minimum=1)
)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "portal.errors.login_locked"
AXES_CLIENT_IP_CALLABLE = "portal.errors.login_client_ip"
AXES_VERBOSE = False
# Staff sessions end after this long without a request (portal.guards).
PORTAL_STAFF_IDLE_SECONDS = env_int("PORTAL_STAFF_IDLE_HOURS", 8, minimum=1) * 3600
CSRF_FAILURE_VIEW = "portal.errors.csrf_failure"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"one_line": {"()": "portal.logs.OneLineFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "one_line": {"class": "logging.StreamHandler", "formatter": "one_line"},
    },
    # A request for a host we do not serve is one line, not a traceback.
    "loggers": {
        "django.security.DisallowedHost": {
            "handlers": ["one_line"],
            "level": "ERROR",
            "propagate": False,
        }
    },
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
}

# The rich-text editor for article bodies and static pages. See README.md for
# why this is django-prose-editor and not CKEditor.
PORTAL_EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "Link": {"enableTarget": False},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "Figure": True,
    "Image": True,
    "Caption": True,
    "HardBreak": True,
    "HorizontalRule": True,
}

# Who may upload photos through the editor: anyone who may write rich text.
PORTAL_EDITOR_PERMISSIONS = [
    "news.add_article",
    "news.change_article",
    "portal.add_page",
    "portal.change_page",
    "documents.add_document",
    "documents.change_document",
    "questions.change_question",
]

# Visitor statistics (see README.md, "Visitor statistics"). Finer knobs (bot
# list, lock wait) have their defaults in stats/conf.py.
STATS_ENABLED = env_bool("STATS_ENABLED", True)
STATS_STORE = env_str("STATS_STORE", "redis" if REDIS_URL else "database")
if STATS_STORE not in ("database", "redis"):
    raise ImproperlyConfigured(
        f"STATS_STORE must be database or redis, not {STATS_STORE!r}."
    )
STATS_REDIS_URL = env_str("STATS_REDIS_URL", REDIS_URL)
# Key prefix in that Redis, so that several sites (or test runs) can share it.
STATS_REDIS_PREFIX = env_str("STATS_REDIS_PREFIX", "stats:")
if STATS_STORE == "redis" and not STATS_REDIS_URL.startswith(
    ("redis://", "rediss://", "unix://")
):
    raise ImproperlyConfigured(
        "STATS_STORE=redis needs STATS_REDIS_URL or REDIS_URL (redis://host:6379/0)."
    )
STATS_CURRENT_WINDOW_SECONDS = env_int("STATS_CURRENT_WINDOW_SECONDS", 300, minimum=1)
STATS_TRUSTED_PROXIES = env_int("STATS_TRUSTED_PROXIES", 0)
# Never a page view: the admin and files. Feeds, the sitemap and robots.txt
# are not HTML, and only HTML pages are counted.
STATS_EXCLUDED_PATHS = [f"/{ADMIN_PATH}", STATIC_URL, MEDIA_URL]
