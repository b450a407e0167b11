"""Settings for the test suite: SQLite in memory unless DATABASE_URL names another database."""

import os
import tempfile

from .base import *  # noqa: F403
from .base import DATABASES

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
if not os.environ.get("DATABASE_URL"):
    DATABASES["default"] = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="reallabor-test-media-")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
# Django's test client logs in without a request, which django-axes refuses; the lockout tests
# switch it back on.
AXES_ENABLED = False

# Tests send many registrations from one address; the rate-limit tests set their own rate.
REGISTRATION_RATE = "1000/h"
REGISTRATION_ATTEMPT_RATE = "1000/h"

# Tests roll the database back but not the cache; the page cache tests switch it on themselves.
PAGE_CACHE_SECONDS = 0
