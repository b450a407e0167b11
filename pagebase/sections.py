"""Sections that a higher app contributes to a lower app's pages, and when they change.

Dependencies between the apps point one way: speakers and home know nothing of events. Where a
lower page must still show something of a higher app (a speaker's events, the home page's
upcoming events), the lower template marks a place and the higher app fills it:

    {% load page_sections %}
    {% page_sections page "article_end" %}

renders, one after the other, what every function registered with Wagtail's
`register_page_section` hook returns for that page and place:

    @hooks.register("register_page_section")
    def speaker_events(context, page, place):
        if isinstance(page, SpeakerPage) and place == "article_end":
            return render_to_string(...)  # safe HTML; None or "" where it adds nothing

`context` is the page template's context. A hook that does not answer for the page type and place
returns None before it queries anything, so a place costs no query where nothing is shown.

A page whose cached HTML holds such sections asks `cache_expires_at(page)` in its own
`cache_expires_at()`: the earliest of what the functions registered with the
`register_page_cache_expiry` hook return for it (a datetime, or None where nothing changes by time
alone).
"""

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from wagtail import hooks

SECTION_HOOK = "register_page_section"
CACHE_EXPIRY_HOOK = "register_page_cache_expiry"


def render_sections(context, page, place):
    """The HTML that the registered apps contribute to `page` at `place`."""
    parts = (contribute(context, page, place) for contribute in hooks.get_hooks(SECTION_HOOK))
    return mark_safe("".join(conditional_escape(part) for part in parts if part))


def cache_expires_at(page):
    """The earliest moment at which a section contributed to `page` changes by time alone."""
    moments = (expiry(page) for expiry in hooks.get_hooks(CACHE_EXPIRY_HOOK))
    return min((moment for moment in moments if moment is not None), default=None)
