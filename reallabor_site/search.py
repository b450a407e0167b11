"""The site search: a view over the live pages in the reader's language."""

import unicodedata

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from events.models import EventPage
from home.models import LeichteSprachePage, PracticeExamplePage
from speakers.models import SpeakerPage

from .search_workarounds import without_unescaped_characters

RESULTS_PER_PAGE = 10
# Nobody types more; longer queries only make the full-text search slow.
MAX_QUERY_LENGTH = 200

TYPE_LABELS = {
    EventPage: _("Event"),
    SpeakerPage: _("Speaker"),
    PracticeExamplePage: _("Practice example"),
    LeichteSprachePage: _("Leichte Sprache"),
}


def clean_query(raw):
    """The query as the reader meant it: without control characters (databases refuse NUL)."""
    printable = "".join(
        " " if unicodedata.category(character) == "Cc" else character for character in raw
    )
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def search(request):
    """Full-text search over the live public pages in the reader's language.

    Aliases of untranslated German pages are left out: they are not in the reader's language.
    """
    query = clean_query(request.GET.get("q", ""))
    results = None
    if query:
        terms = without_unescaped_characters(query).strip()
        pages = []
        if terms:
            pages = (
                Page.objects.live()
                .public()
                .filter(locale=Locale.get_active())
                .exclude(id__in=Page.objects.filter(alias_of__isnull=False).values("id"))
                .specific()
                .search(terms)
            )
        results = Paginator(pages, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        for page in results:
            page.search_type_label = TYPE_LABELS.get(type(page), _("Page"))
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "results": results},
    )
