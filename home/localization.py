"""Show chosen pages and snippets in the reader's language, with one query for all of them.

wagtail-localize does not translate foreign keys to pages: in a Ukrainian practice example, the
contact person still points to the German speaker page. Snippet foreign keys are translated only
once the snippet itself has been. Looking up `.localized` item by item would cost a query per item,
so these helpers look up every translation at once.
"""

from django.db.models import Q
from wagtail.models import Locale


def localized_pages(model, page_ids, locale=None):
    """Map each chosen page id to the live page in the locale, else to the chosen page if it is live.

    Ids of pages with neither are left out, so templates never link to a page nobody can see.
    """
    ids = {page_id for page_id in page_ids if page_id}
    if not ids:
        return {}
    locale = locale or Locale.get_active()
    chosen_keys = model.objects.filter(pk__in=ids).values("translation_key")
    candidates = model.objects.filter(
        Q(pk__in=ids) | Q(locale=locale, translation_key__in=chosen_keys, live=True)
    )
    chosen, translated = {}, {}
    for page in candidates:
        if page.pk in ids:
            chosen[page.pk] = page
        if page.locale_id == locale.pk and page.live:
            translated[page.translation_key] = page
    result = {}
    for page_id, page in chosen.items():
        shown = translated.get(page.translation_key) or (page if page.live else None)
        if shown is not None:
            result[page_id] = shown
    return result


def localized_snippets(snippets, locale=None):
    """The snippets in the locale where a translation exists, in the given order.

    All snippets must be of one model.
    """
    snippets = list(snippets)
    locale = locale or Locale.get_active()
    foreign_keys = {item.translation_key for item in snippets if item.locale_id != locale.pk}
    if not foreign_keys:
        return snippets
    model = type(snippets[0])
    translations = {
        item.translation_key: item
        for item in model.objects.filter(translation_key__in=foreign_keys, locale=locale)
    }
    return [
        item if item.locale_id == locale.pk else translations.get(item.translation_key, item)
        for item in snippets
    ]
