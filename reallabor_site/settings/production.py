"""Production settings: every secret and host comes from the environment.

Start-up stops with a one-line message naming the variable when one is missing or malformed, so an
operator sees the cause at once instead of a traceback on the first request.
"""

import os
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import validate_email

from .base import *  # noqa: F403
from .base import (
    ADMIN_CONTENT_SECURITY_POLICY,
    CONTENT_SECURITY_POLICY,
    MIDDLEWARE,
    STORAGES,
    database_from_url,
    env_list,
    site_url_setting,
)


def required_env(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set.")
    return value


def sender_address_setting(value):
    """An address (`reallabor@example.org`) or a name with one (`Reallabor <reallabor@...>`)."""
    _name, address = parseaddr(value)
    try:
        validate_email(address)
    except ValidationError:
        raise ImproperlyConfigured(
            f"The environment variable DEFAULT_FROM_EMAIL must be an e-mail address, such as "
            f"Reallabor <reallabor@example.org>; it is {value!r}."
        ) from None
    return value


def with_image_origin(policy, origin):
    directives = policy["DIRECTIVES"]
    return {**policy, "DIRECTIVES": {**directives, "img-src": [*directives["img-src"], origin]}}


DEBUG = False
SECRET_KEY = required_env("SECRET_KEY")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "The environment variable SECRET_KEY must be at least 50 characters."
    )
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("The environment variable ALLOWED_HOSTS must be set.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

DATABASES = {
    "default": database_from_url(
        required_env("DATABASE_URL"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # While the database is unreachable, a request fails within seconds with the maintenance page
    # instead of holding a worker until the operating system gives up.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = int(
        os.environ.get("DATABASE_CONNECT_TIMEOUT", "5")
    )

# Redis is the cache that every gunicorn worker and app server shares (base.py switches CACHES to
# it). Without it each worker process would keep a memory cache of its own: the registration rate
# limits would count per worker (10 per hour from an address would become 10 per worker), and a
# publish would empty the page and API caches of one worker only.
if not os.environ.get("REDIS_URL", "").strip():
    raise ImproperlyConfigured(
        "The environment variable REDIS_URL must be set: the registration rate limits and the "
        "page and API caches must be shared by every gunicorn worker and app server."
    )
# Sessions are read from the cache and written through to the database, so none is lost when
# Redis restarts.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# WhiteNoise serves the collected static files with hashed, compressed names and long cache
# lifetimes; it must sit right after SecurityMiddleware.
MIDDLEWARE = [*MIDDLEWARE]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Media in an S3-compatible bucket, so several app servers share uploads. Credentials come from
# AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, which django-storages reads itself.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": AWS_S3_ENDPOINT_URL,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": AWS_S3_CUSTOM_DOMAIN,
            # Unsigned, stable URLs, so pages that show images can be cached; the bucket must
            # therefore allow public reads.
            "querystring_auth": False,
            # Two uploads with the same file name must not overwrite each other.
            "file_overwrite": False,
        },
    }
    # Links to documents point to Wagtail's view, which checks the privacy of the page they belong
    # to, rather than to the file in the bucket.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
    if AWS_S3_CUSTOM_DOMAIN:
        MEDIA_ORIGIN = f"https://{AWS_S3_CUSTOM_DOMAIN}"
    elif AWS_S3_ENDPOINT_URL:
        endpoint = urlsplit(AWS_S3_ENDPOINT_URL)
        MEDIA_ORIGIN = f"{endpoint.scheme}://{endpoint.netloc}"
    else:
        MEDIA_ORIGIN = "https://*.amazonaws.com"
    # Images are served from the bucket's origin, which the security policies must allow.
    CONTENT_SECURITY_POLICY = with_image_origin(CONTENT_SECURITY_POLICY, MEDIA_ORIGIN)
    ADMIN_CONTENT_SECURITY_POLICY = with_image_origin(ADMIN_CONTENT_SECURITY_POLICY, MEDIA_ORIGIN)

SITE_URL = site_url_setting(required_env("SITE_URL"))
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "").strip() or SITE_URL

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "true").lower() == "true"
# Registrants' confirmations and the organisers' notifications come from this address: Django's
# default, webmaster@localhost, is refused or filed as spam by receiving mail servers.
DEFAULT_FROM_EMAIL = sender_address_setting(required_env("DEFAULT_FROM_EMAIL"))
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Behind a TLS-terminating proxy, the proxy tells Django the original scheme in this header.
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (os.environ["SECURE_PROXY_SSL_HEADER"], "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
# The load balancer's health check talks plain HTTP to the app server.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "true").lower() == "true"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
