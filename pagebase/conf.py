"""The settings the pagebase app reads: none of its own, so a host site sets nothing for it.

It reads Django's ``LANGUAGE_CODE`` (the source language, whose texts a translated page is
compared with) and ``LANGUAGES`` (the languages the API accepts and a page's translations are
named in), and wagtail-headless-preview's ``WAGTAIL_HEADLESS_PREVIEW`` (whether drafts are
previewed in an external front-end).
"""

DEFAULTS = {}
