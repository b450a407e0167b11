"""Show chosen pages and snippets in the reader's language, with one query for all of them.

wagtail-localize does not translate foreign keys to pages: in a Ukrainian practice example, the
contact person still points to the German speaker page. Snippet foreign keys are translated only
once the snippet itself has been. Looking up `.localized` item by item would cost a query per item,
so these helpers look up every translation at once.

The language wanted is usually the page's own locale: on the site it is the reader's language
(Wagtail serves /uk/ from the Ukrainian tree), and it costs no query to know.
"""

from django.db.models import Q, prefetch_related_objects
from wagtail.models import Locale, Page


def _wanted_locale_id(locale, locale_id):
    # A caller that knows the locale's id (a page's locale_id) saves the query for the active one.
    if locale is not None:
        return locale.pk
    return locale_id if locale_id is not None else Locale.get_active().pk


def localized_pages(model, page_ids, locale=None, *, locale_id=None):
    """Map each chosen page id to the live page in the locale, else to the chosen page if it is live.

    Ids of pages with neither are left out, so templates never link to a page nobody can see.
    The locale is the active one unless `locale` or `locale_id` names another.
    """
    ids = {page_id for page_id in page_ids if page_id}
    if not ids:
        return {}
    locale_id = _wanted_locale_id(locale, locale_id)
    chosen_keys = model.objects.filter(pk__in=ids).values("translation_key")
    candidates = model.objects.filter(
        Q(pk__in=ids) | Q(locale_id=locale_id, translation_key__in=chosen_keys, live=True)
    )
    chosen, translated = {}, {}
    for page in candidates:
        if page.pk in ids:
            chosen[page.pk] = page
        if page.locale_id == locale_id and page.live:
            translated[page.translation_key] = page
    result = {}
    for page_id, page in chosen.items():
        shown = translated.get(page.translation_key) or (page if page.live else None)
        if shown is not None:
            result[page_id] = shown
    return result


def localized_snippets(snippets, locale=None, *, locale_id=None):
    """The snippets in the locale where a translation exists, in the given order.

    All snippets must be of one model. The locale is the active one unless `locale` or
    `locale_id` names another.
    """
    snippets = list(snippets)
    versions = in_locale(_wanted_locale_id(locale, locale_id), snippets)
    return [versions[item.translation_key] for item in snippets]


def in_locale(locale_id, objects, *, prefetch=()):
    """Map each object's translation_key to its version in the locale, else to the object itself.

    All objects must be of one model (pages or translatable snippets); pages count only when
    live. `prefetch` names relations to prefetch on the returned objects, in one query each.
    """
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return {}
    result = {obj.translation_key: obj for obj in objects}
    missing = {obj.translation_key for obj in objects if obj.locale_id != locale_id}
    if missing:
        model = type(objects[0])
        translations = model.objects.filter(locale_id=locale_id, translation_key__in=missing)
        if issubclass(model, Page):
            translations = translations.live()
        result.update((obj.translation_key, obj) for obj in translations)
    if prefetch:
        prefetch_related_objects(list(result.values()), *prefetch)
    return result


def snippet_in_locale(model, pk, locale_id):
    """The snippet with this pk, or its translation into the locale if there is one.

    Fetches both in a single query, where following the foreign key and then asking for the
    translation would take two.
    """
    if pk is None:
        return None
    chosen = model.objects.filter(pk=pk).values("translation_key")
    candidates = model.objects.filter(Q(pk=pk) | Q(locale_id=locale_id, translation_key__in=chosen))
    return max(candidates, key=lambda snippet: snippet.locale_id == locale_id, default=None)
