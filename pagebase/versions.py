"""The live versions of a page in every language, looked up once per request.

The page frame (language switcher, hreflang links), the marks on untranslated parts and an
event's link to its summary in Leichte Sprache all need them; asking the page's own model
returns them as instances of that model, so one query serves all of them.
"""


def live_versions(request, page):
    """The live versions of `page`, itself included if live, keyed by language code."""
    cache = request.__dict__.setdefault("_live_versions", {}) if request is not None else {}
    if page.pk not in cache:
        versions = (
            type(page)
            .objects.filter(translation_key=page.translation_key)
            .live()
            .select_related("locale")
        )
        cache[page.pk] = {version.locale.language_code: version for version in versions}
    return cache[page.pk]
