"""The reader's language in templates: snippets in it, looked up once per request."""

from django import template
from wagtail.models import Locale, Page

register = template.Library()


def per_request(request, name, compute):
    """Compute a value once per request: the page frame asks for the same things many times."""
    cache = request.__dict__.setdefault("_per_request_cache", {})
    if name not in cache:
        cache[name] = compute()
    return cache[name]


def reader_locale(request):
    return per_request(request, "locale", lambda: Locale.get_active().pk)


def reader_locale_id(context):
    """The id of the locale the reader sees: the served page's own, which saves a query.

    Wagtail serves /uk/ from the Ukrainian tree, so a page's locale is the reader's; in a preview
    the editor sees the page's language rather than the admin's.
    """
    page = context.get("page")
    if isinstance(page, Page):
        return page.locale_id
    return reader_locale(context["request"])


@register.simple_tag(takes_context=True)
def in_reader_language(context, snippet):
    """A translatable snippet in the reader's language, falling back to the one chosen."""
    if snippet is None:
        return None
    locale_id = reader_locale_id(context)
    if snippet.locale_id == locale_id:
        return snippet
    # The footer and a contact block may both ask for the same snippet: one query for both.
    return per_request(
        context["request"],
        ("snippet", snippet._meta.label, snippet.pk, locale_id),
        lambda: snippet.get_translation_or_none(locale_id) or snippet,
    )
