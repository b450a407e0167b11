"""Production settings plus a trivial view, for `make bench` only (see bench/load.py)."""

from reallabor_site.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

# Production sends by SMTP; the benchmark's registrations must not. The in-memory backend still
# builds every message and its calendar attachment, so a registration costs what it would.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
