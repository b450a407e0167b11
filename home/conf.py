"""The settings the home app reads: none, so a host site sets nothing for it.

What editors change (contact e-mail, logos, legal pages, the footer's texts) is not a Django
setting but the site settings in Wagtail's admin (``home.SiteSettings``, *Einstellungen →
Website-Einstellungen*) and the translatable snippet ``home.OrganisationDetails``. The source
language is Wagtail's default locale (Django's ``LANGUAGE_CODE``).
"""

DEFAULTS = {}
