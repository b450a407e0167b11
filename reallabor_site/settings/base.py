"""Settings shared by every environment. Environment-specific files import from here."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

from reallabor_site.client_ip import trusted_proxy_networks
from reallabor_site.site_url import normalised_site_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name):
    """A comma-separated environment variable as a list, without blanks: "a, b," is [a, b]."""
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


INSTALLED_APPS = [
    # Our apps first, so their templates can refine the libraries' ones; pagebase first of all,
    # as its ready() must teach Wagtail's v3 API our field types before that API is imported.
    "pagebase",
    "home",
    "speakers",
    "events",
    "reallabor_site",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail_headless_preview",
    "wagtail.api.v2",
    "wagtail.api.v3",
    # Serves /api/v3/docs/ with django-ninja's own copy of Swagger UI instead of one from a CDN,
    # which the Content-Security-Policy forbids.
    "ninja",
    "rest_framework",
    "corsheaders",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First, so every response and every log line of a request carries its id.
    "reallabor_site.middleware.RequestIdMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "reallabor_site.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before everything that reads the session, so a cached page costs no database query.
    "reallabor_site.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "reallabor_site.api_cache.APICacheMiddleware",
    "reallabor_site.middleware.APIAwareLocaleMiddleware",
    "reallabor_site.middleware.AdminLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Organisers get a plain 403 for every admin view but their registrations.
    "events.registration.organisers.OrganiserAdminMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "reallabor_site.middleware.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires, so it turns a lockout into its own response.
    "axes.middleware.AxesMiddleware",
]

# django-axes checks for a lockout before Django's own backend checks the password.
AUTHENTICATION_BACKENDS = [
    # AxesBackend can also load users from the session, which the test client's force_login needs.
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "reallabor_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "reallabor_site.wsgi.application"


def database_from_url(url, conn_max_age):
    try:
        database = dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=True)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"The environment variable DATABASE_URL is malformed: {exc}"
        ) from None
    if database["ENGINE"] == "django.db.backends.sqlite3":
        # SQLite ignores SELECT ... FOR UPDATE; taking the write lock when a transaction begins
        # makes concurrent registrations take turns instead of both counting the same free place.
        database.setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
    return database


# The embedded default is a SQLite file next to manage.py; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": database_from_url(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A local-memory cache needs no service; REDIS_URL switches to Redis so several app servers share it.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "reallabor",
            # An unreachable Redis must fail a request quickly, not hang a worker.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "reallabor",
        }
    }

# django-tasks runs every task at once, inside the request or command that enqueues it: our image
# sizes (reallabor_site/renditions.py says why) and Wagtail's own tasks (search and reference
# index updates, deleting the files of deleted images). No worker process is needed.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Anonymous visitors get public pages from the cache for at most this long (0 turns the page cache
# off); see reallabor_site.page_cache.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Admin sessions end when the browser closes unless the editor ticks "remember me"; then after
# SESSION_COOKIE_AGE at the latest.
SESSION_COOKIE_AGE = 60 * 60 * 8

# Login lockout (django-axes): five failed attempts for one user name from one address block that
# pair for the cool-off time. Locking a user name alone would let anyone lock its owner out with
# five wrong passwords from anywhere; locking an address alone (at the same limit of five, since
# django-axes has one limit for all parameters) would lock out everyone who shares it, such as an
# office behind one NAT. Addresses come from client_ip(), which trusts X-Forwarded-For only from
# the proxies listed in TRUSTED_PROXIES.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "reallabor_site.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "reallabor_site.views.login_locked_out"
# Keep no record of successful logins and no user agents: the lockout does not need them.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
try:
    trusted_proxy_networks(TRUSTED_PROXIES)
except ValueError as exc:
    raise ImproperlyConfigured(
        f"The environment variable TRUSTED_PROXIES is malformed: {exc}"
    ) from None

# Security headers for every environment. Public pages allow nothing inline and nothing from other
# origins; the Wagtail admin needs inline scripts and styles, so it gets its own policy (see
# reallabor_site.middleware.ContentSecurityPolicyMiddleware).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # The page editor shows its preview in a frame of the admin itself.
        "frame-ancestors": [SELF],
    }
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "payment",
        "serial",
        "usb",
    )
}

# Languages: LANGUAGES is the one list of the site's languages, which the code reads everywhere;
# German (LANGUAGE_CODE) is the source language of all content. A language added here shows the
# German pages until editors translate them; its interface texts need a catalogue in locale/
# (until then Django falls back to the German one). tests/test_fourth_language.py adds one.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("uk", "Українська"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
# Wagtail's content languages and the admin's languages follow LANGUAGES.
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Publishing a translation should not depend on the source page's live state.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
# reallabor_site is an app, so the app directories finder already finds its static files.
# STATIC_ROOT may move out of the source tree, e.g. in the container image.
STATIC_ROOT = os.environ.get("STATIC_ROOT") or BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Complex page models can exceed Django's default of 1000 fields per form in Wagtail's editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Reallabor Kommunaler Aufbaupartnerschaften NRW – Ukraine"


def site_url_setting(value):
    try:
        return normalised_site_url(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"The environment variable SITE_URL {exc}.") from None


# The site's public address, from which every absolute link is built: `manage.py apply_site_url`
# writes it into the Wagtail Site (see reallabor_site.site_url). `make run` sets it to
# http://127.0.0.1:$PORT; production requires it.
SITE_URL = site_url_setting(os.environ.get("SITE_URL") or "http://127.0.0.1:8000")
# Links in the admin's notification e-mails; the admin lives on the site's own address.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or SITE_URL

# "simple" (no stemming) because content is German, English and Ukrainian; PostgreSQL's default
# configuration would stem every language as English.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "reallabor_site.image_upload_checks.ImageForm"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# The admin talks to no other site: no avatars from Gravatar (they would reveal editors' e-mail
# hashes) and no update check against wagtail.org (upgrades come through pyproject.toml).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# One JSON line per record on standard error, each with its request id (see reallabor_site.logs).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "reallabor_site.logs.RequestIdFilter"}},
    "formatters": {"json": {"()": "reallabor_site.logs.JsonLineFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json",
        }
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # Replaces Django's default handlers, including the one that mails error reports with
        # the request's form data to ADMINS.
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "reallabor_site": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# Only the dev settings create a local admin account on first start (see ensure_dev_admin).
CREATE_DEV_ADMIN = False

# Registrations are deleted this many days after their event, unless a form sets its own period.
REGISTRATION_RETENTION_DAYS = 90

# Headless API (/api/v2/, /api/v3/): public and read-only. Rich text is served as HTML with
# internal links resolved, so front-ends need no knowledge of Wagtail's database format.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_LIMIT_MAX = 100
# How long browsers and CDNs may keep an API response; publishing empties our own cache at once.
API_CACHE_MAX_AGE = int(os.environ.get("API_CACHE_MAX_AGE", "300"))
# Front-ends on other origins may read the API only when named here (comma-separated).
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]


def headless_preview_client_urls(value):
    """wagtail-headless-preview's CLIENT_URLS for the front-end's preview address, if there is one."""
    value = value.strip()
    if not value:
        return {}
    if urlsplit(value).scheme not in ("http", "https") or not urlsplit(value).netloc:
        raise ImproperlyConfigured(
            "The environment variable HEADLESS_PREVIEW_CLIENT_URL must be an http(s) address."
        )
    return {"default": value}


# Headless preview (wagtail-headless-preview): with HEADLESS_PREVIEW_CLIENT_URL set, editors see a
# draft in that front-end, which fetches it from /api/v2/ or /api/v3/page_preview/ with its token;
# without it, Wagtail's own preview stays as it is.
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": headless_preview_client_urls(os.environ.get("HEADLESS_PREVIEW_CLIENT_URL", "")),
}

# Registrations: rate limits per client address (django-ratelimit's "count/period"), the name of
# the honeypot field, and who may post registrations as JSON without a CSRF token: front-ends at these
# origins, or callers with one of these bearer tokens (both comma-separated, none by default).
# Accepted registrations per client address; people correcting their typos are not counted.
REGISTRATION_RATE = os.environ.get("REGISTRATION_RATE", "10/h")
# Every post of a registration, valid or not, per client address: stops a bot, not a person.
REGISTRATION_ATTEMPT_RATE = os.environ.get("REGISTRATION_ATTEMPT_RATE", "60/h")
# django-ratelimit's "ip" key: the client's address as the sign-in lockout sees it.
RATELIMIT_IP_META_KEY = "reallabor_site.client_ip.client_ip"
REGISTRATION_HONEYPOT_FIELD = "homepage"
REGISTRATION_API_ALLOWED_ORIGINS = env_list("REGISTRATION_API_ALLOWED_ORIGINS")
REGISTRATION_API_TOKENS = env_list("REGISTRATION_API_TOKENS")

# Date formats that differ from Django's defaults for a language (English: "22 November 2023").
FORMAT_MODULE_PATH = ["reallabor_site.formats"]
