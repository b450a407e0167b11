"""The host site's settings: what a Wagtail site needs, plus our apps and what they bring.

None of our apps' own settings is set (each app's `conf` module gives its defaults), and the
site's languages are its own: German, the source language, and Ukrainian.
"""

from pathlib import Path

SITE_DIR = Path(__file__).resolve().parent

# Our apps: every app of the project but reallabor_site (tests/test_host_site.py checks it).
OUR_APPS = ["pagebase", "speakers", "home", "events"]

INSTALLED_APPS = [
    *OUR_APPS,
    # What our apps build on besides Wagtail: translations, headless preview, forms, settings.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail_headless_preview",
    "wagtail.contrib.forms",
    "wagtail.contrib.settings",
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
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

ROOT_URLCONF = "host_site.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": SITE_DIR.parent / "db.sqlite3"}
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
SECRET_KEY = "host-site-test-only"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("uk", "Українська")]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Berlin"
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_SITE_NAME = "Host site"
WAGTAILADMIN_BASE_URL = "http://testserver"

STATIC_URL = "/static/"
MEDIA_ROOT = SITE_DIR.parent / "media"
MEDIA_URL = "/media/"
