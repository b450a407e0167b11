"""Template tags for the page frame: navigation, language switcher, untranslated-page notice,
and the tags in <head> that describe a page to search engines and social networks."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.text import Truncator
from wagtail.models import Page, Site

from reallabor_site.hreflang import hreflang_alternates

register = template.Library()

OPEN_GRAPH_LOCALES = {"de": "de_DE", "en": "en_GB", "uk": "uk_UA"}
SOCIAL_IMAGE_FILTER = "fill-1200x630"
META_DESCRIPTION_LENGTH = 300


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


def _live_translations(request, page):
    """The live versions of a page in each language, itself included, keyed by language code.

    The language switcher and the <head> both need them; the request keeps them, so a page costs
    one query for both.
    """
    cache = getattr(request, "_live_translations", None)
    if cache is None:
        cache = request._live_translations = {}
    if page.pk not in cache:
        versions = page.get_translations(inclusive=True).live().select_related("locale")
        cache[page.pk] = {other.locale.language_code: other for other in versions}
    return cache[page.pk]


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
        translations = _live_translations(request, page)

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


@register.simple_tag
def meta_description(page):
    """The editors' search description, else a page's own summary (teaser, introduction, ...)."""
    if not isinstance(page, Page):
        return ""
    if page.search_description:
        return page.search_description
    describe = getattr(page, "get_meta_description", None)
    text = " ".join(str(describe() or "").split()) if describe else ""
    return Truncator(text).chars(META_DESCRIPTION_LENGTH)


@register.simple_tag(takes_context=True)
def page_meta(context):
    """What <head> says about the page: canonical address, translations, Open Graph data.

    An alias of an untranslated German page names the German page as canonical and claims no
    translations, so search engines do not index German text as Ukrainian or English.
    """
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page):
        return {}
    versions = _live_translations(request, page)
    language_by_pk = {version.pk: code for code, version in versions.items()}
    if page.alias_of_id:
        canonical = versions.get(language_by_pk.get(page.alias_of_id), page)
        translations = []
    else:
        canonical = page
        translations = [version for version in versions.values() if version.alias_of_id is None]
    language = language_by_pk.get(canonical.pk) or canonical.locale.language_code
    return {
        "canonical_url": canonical.get_full_url(request),
        "alternates": hreflang_alternates(translations, request),
        "description": meta_description(page),
        "title": page.seo_title or page.title,
        "type": getattr(page, "open_graph_type", "article"),
        "locale": OPEN_GRAPH_LOCALES.get(language, language),
        "alternate_locales": [
            OPEN_GRAPH_LOCALES.get(version.locale.language_code)
            for version in translations
            if version.locale.language_code != language
        ],
        "image": _social_image(request, page),
    }


def _social_image(request, page):
    get_image = getattr(page, "get_social_image", None)
    image = get_image() if get_image else None
    if image is None:
        return None
    rendition = image.get_rendition(SOCIAL_IMAGE_FILTER)
    return {
        "url": request.build_absolute_uri(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": rendition.alt,
    }
