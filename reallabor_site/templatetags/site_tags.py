"""Template tags for the page frame: navigation, language switcher, untranslated-page notice."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page, Site

register = template.Library()


def _home_page(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.localized


@register.simple_tag(takes_context=True)
def home_page(context):
    return _home_page(context["request"])


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The live pages under the home page in the reader's language that editors put in the menu."""
    home = _home_page(context["request"])
    if home is None:
        return []
    return list(home.get_children().live().public().in_menu())


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per site language, pointing to the same page in that language.

    A page without a translation of its own (an alias that shows the German text) is marked as not
    translated, so the switcher never pretends a translation exists.
    """
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    translations = {}
    if isinstance(page, Page):
        for other in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[other.locale.language_code] = other

    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url, translated = target.get_url(request), target.alias_of_id is None
        elif isinstance(page, Page):
            url, translated = f"/{code}/", False
        else:
            url, translated = translate_url(request.path, code), True
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_current": code == current,
                "is_translated": translated,
            }
        )
    return links


@register.simple_tag
def content_language(page):
    """The language a page's text is written in: an alias shows the text of the page it copies."""
    if isinstance(page, Page) and page.alias_of_id:
        source = Page.objects.filter(pk=page.alias_of_id).select_related("locale").first()
        if source is not None:
            return source.locale.language_code
    if isinstance(page, Page):
        return page.locale.language_code
    return translation.get_language()
