"""The settings the events app reads, each with its default; a host site sets only what it changes.

``REGISTRATION_RETENTION_DAYS`` (default ``90``)
    Days after its event that a registration is kept, for forms that set no period of their own;
    ``manage.py purge_registrations`` deletes older ones.
``REGISTRATION_RATE`` (default ``"10/h"``)
    Accepted registrations per client address (django-ratelimit's "count/period"); people
    correcting their typos are not counted.
``REGISTRATION_ATTEMPT_RATE`` (default ``"60/h"``)
    Every post of a registration, valid or not, per client address: stops a bot, not a person.
``REGISTRATION_HONEYPOT_FIELD`` (default ``"homepage"``)
    The name of the hidden field that people leave empty and bots fill in.
``REGISTRATION_API_ALLOWED_ORIGINS`` (default ``[]``)
    Origins of front-ends that may post registrations as JSON without a CSRF token.
``REGISTRATION_API_TOKENS`` (default ``[]``)
    Bearer tokens with which other callers may post registrations as JSON without a CSRF token.
``WAGTAIL_SITE_NAME`` (Wagtail's own; default ``"Wagtail"``)
    Names the site in the product identifier of the calendar files (iCalendar's PRODID).

Besides these, the app reads Django's ``LANGUAGE_CODE``, ``LANGUAGES``, ``AUTH_USER_MODEL`` and
``DEFAULT_FROM_EMAIL``, and Wagtail's ``WAGTAILADMIN_BASE_URL`` (links in the organisers' e-mails).
The client address of the rate limits is django-ratelimit's (``RATELIMIT_IP_META_KEY``).
"""

from django.conf import settings

DEFAULTS = {
    "REGISTRATION_RETENTION_DAYS": 90,
    "REGISTRATION_RATE": "10/h",
    "REGISTRATION_ATTEMPT_RATE": "60/h",
    "REGISTRATION_HONEYPOT_FIELD": "homepage",
    "REGISTRATION_API_ALLOWED_ORIGINS": [],
    "REGISTRATION_API_TOKENS": [],
    "WAGTAIL_SITE_NAME": "Wagtail",
}


def setting(name):
    """The host site's value of the events setting `name`, else its default. Read at each call,
    so tests' override_settings applies."""
    return getattr(settings, name, DEFAULTS[name])
