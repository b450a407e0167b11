"""hreflang alternates, shared by the pages' <head> and the sitemap."""

from django.conf import settings


def hreflang_alternates(versions, request=None):
    """The `hreflang` links of one page, given its live versions that are real translations.

    Aliases must not be among `versions`: they show the German text and are no translation. A page
    that exists in one language only has no alternates. German, the source language, is x-default.
    """
    by_code = {page.locale.language_code: page for page in versions}
    if len(by_code) < 2:
        return []
    links = [
        {"lang_code": code, "location": by_code[code].get_full_url(request)}
        for code, _name in settings.LANGUAGES
        if code in by_code
    ]
    if settings.LANGUAGE_CODE in by_code:
        default = by_code[settings.LANGUAGE_CODE].get_full_url(request)
        links.append({"lang_code": "x-default", "location": default})
    return links
