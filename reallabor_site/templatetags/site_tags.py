"""Template tags for the page frame: navigation, language switcher, untranslated-page notice,
and the tags in <head> that describe a page to search engines and social networks."""

from dataclasses import dataclass
from urllib.parse import urljoin

from django import template
from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.urls import translate_url
from django.utils import translation
from django.utils.encoding import escape_uri_path
from django.utils.http import escape_leading_slashes
from django.utils.translation import gettext, pgettext, to_locale
from wagtail.models import Page, PageViewRestriction, Site

from events.formatting import plain_text
from home.models import SiteSettings
from pagebase.templatetags.reader_language import (
    in_reader_language,
    per_request,
    reader_locale_id,
)
from reallabor_site.hreflang import hreflang_alternates

register = template.Library()

# Open Graph names a language with the country it is read in; where none is given here, the
# language code stands alone (Django's locale name: "pl", "pt_BR").
OPEN_GRAPH_LOCALES = {"de": "de_DE", "en": "en_GB", "uk": "uk_UA"}
SOCIAL_IMAGE_FILTER = "fill-1200x630"
# Search engines show about this many characters of a description before cutting it off.
META_DESCRIPTION_LENGTH = 150


def _home_page(context):
    request = context["request"]

    def find():
        page = context.get("page")
        if isinstance(page, Page) and page.depth >= 2:
            # Wagtail's routing remembers each page's parent, so walking up costs no query.
            while page.depth > 2:
                page = page.get_parent()
            return page
        site = Site.find_for_request(request)
        if site is None:
            return None
        root, locale_id = site.root_page, reader_locale_id(context)
        if root.locale_id == locale_id:
            return root
        return root.get_translation_or_none(locale_id) or root

    return per_request(request, "home", find)


@register.simple_tag(takes_context=True)
def home_page(context):
    return _home_page(context)


# The footer asks for the organisation in the reader's language, as home's contact block does.
register.simple_tag(in_reader_language, takes_context=True)


# What the page frame shows of the pages it fetches: links and titles, the language switcher's
# and <head>'s versions. Loading only these columns saves building the rest of each row.
FRAME_PAGE_FIELDS = (
    "title",
    "url_path",
    "path",
    "depth",
    "show_in_menus",
    "translation_key",
    "alias_of",
    "live",
    "locale__language_code",
)


@dataclass(frozen=True)
class FramePages:
    """The pages every page's frame shows: the main menu, the legal pages and the Leichte
    Sprache start page in the reader's language, and the shown page's versions."""

    menu: list
    legal: list
    leichte_sprache: Page | None
    versions: dict


def _frame_pages(context):
    """The main menu's pages, the legal pages and the Leichte Sprache start page with their
    translations, and the page's own versions in every language, which every page shows.

    One query for all of them: the live pages that are in the menu (children of the home page
    that editors put there and that have no view restriction of their own), the legal pages and
    the Leichte Sprache page the site settings name, a translation of a legal page in the
    reader's language, or a version of the page being shown (for the language switcher and the
    <head>). The site settings give only the chosen pages' ids, so their own query joins no page.
    """
    request = context["request"]

    def find():
        home = _home_page(context)
        shown = context.get("page")
        locale_id = reader_locale_id(context)
        site_settings = SiteSettings.for_request(request)
        legal_ids = site_settings.legal_page_ids()
        chosen_ids = [*legal_ids, site_settings.leichte_sprache_page_id]
        legal_keys = Page.objects.filter(pk__in=legal_ids).values("translation_key")
        in_legal = Q(locale_id=locale_id, translation_key__in=legal_keys)
        wanted = in_legal
        if home is not None:
            wanted |= Q(
                path__startswith=home.path,
                depth=home.depth + 1,
                show_in_menus=True,
                restricted=False,
            )
        if any(chosen_ids):
            wanted |= Q(pk__in=[pk for pk in chosen_ids if pk])
        if isinstance(shown, Page):
            wanted |= Q(translation_key=shown.translation_key)
        restrictions = PageViewRestriction.objects.filter(page=OuterRef("pk"))
        pages = list(
            Page.objects.live()
            .annotate(restricted=Exists(restrictions))
            .filter(wanted)
            .select_related("locale")
            .only(*FRAME_PAGE_FIELDS)
            .order_by("path")
        )
        by_pk = {page.pk: page for page in pages}
        translated = {page.translation_key: page for page in pages if page.locale_id == locale_id}
        # A legal page in the reader's language where one is live, else the German one as chosen
        # (only where that is live: a page nobody can see gets no link).
        legal = [
            translated.get(by_pk[pk].translation_key, by_pk[pk]) for pk in legal_ids if pk in by_pk
        ]
        versions = {}
        if isinstance(shown, Page):
            versions = {
                page.locale.language_code: page
                for page in pages
                if page.translation_key == shown.translation_key
            }
        return FramePages(
            menu=[page for page in pages if _in_menu(page, home)],
            legal=legal,
            leichte_sprache=by_pk.get(site_settings.leichte_sprache_page_id),
            versions=versions,
        )

    return per_request(request, "frame pages", find)


def _in_menu(page, home):
    """Whether a page of the frame's query is in the main menu (the query's menu condition)."""
    return (
        home is not None
        and page.depth == home.depth + 1
        and page.path.startswith(home.path)
        and page.show_in_menus
        and not page.restricted
    )


@register.simple_tag(takes_context=True)
def legal_pages(context):
    """The imprint, privacy and accessibility pages, each in the reader's language where it is
    translated (German otherwise)."""
    return _frame_pages(context).legal


@register.simple_tag(takes_context=True)
def leichte_sprache_link(context):
    """The German start page in Leichte Sprache, which every page's header links to, if live.

    It comes with the page frame's other pages, so it costs no query of its own.
    """
    return _frame_pages(context).leichte_sprache


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The live pages under the home page in the reader's language that editors put in the menu."""
    return _frame_pages(context).menu


def _live_translations(context, page):
    """The live versions of a page in each language, itself included, keyed by language code.

    The language switcher and the <head> both need them; for the page being shown they come with
    the page frame's query.
    """
    if page is context.get("page"):
        return _frame_pages(context).versions
    versions = page.get_translations(inclusive=True).live().select_related("locale")
    return {other.locale.language_code: other for other in versions}


def _path_in_language(request, code, current):
    """The request's path in another language, always a link within this site.

    The path is whatever the client sent: unescaped, "//evil.example/" or "/\\evil.example" would
    be a link to another site (browsers read a backslash as a slash). A path that no language
    knows (a 404) leads to the other languages' home pages.
    """
    here = escape_uri_path(request.path)
    url = translate_url(here, code)
    if url == here and code != current:
        url = f"/{code}/"
    return escape_leading_slashes(url)


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
        translations = _live_translations(context, page)

    language_by_pk = {version.pk: code for code, version in translations.items()}
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        hreflang = code
        if target is not None:
            url, translated = target.get_url(request), target.alias_of_id is None
            if not translated:
                # A copy of an untranslated page is in its original's language, not in `code`.
                hreflang = language_by_pk.get(target.alias_of_id, "")
        elif isinstance(page, Page):
            url, translated = f"/{code}/", False
        else:
            url, translated = _path_in_language(request, code, current), True
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "hreflang": hreflang,
                "is_current": code == current,
                "is_translated": translated,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def content_language(context, page):
    """The language a page's text is written in: an alias shows the text of the page it copies."""
    if not isinstance(page, Page):
        return translation.get_language()
    if page.alias_of_id:
        source = Page.objects.filter(pk=page.alias_of_id).select_related("locale").first()
        if source is not None:
            return source.locale.language_code
    if getattr(context["request"], "is_preview", False):
        # A preview is rendered in the admin's language, not the page's.
        return page.locale.language_code
    if page is context.get("page"):
        # A language with no pages of its own (added to settings.LANGUAGES, not synchronised)
        # is served the source language's pages: Wagtail falls back to the site's root page.
        for code, version in _frame_pages(context).versions.items():
            if version.pk == page.pk:
                return code
    return translation.get_language()


def open_graph_locale(language_code):
    return OPEN_GRAPH_LOCALES.get(language_code) or to_locale(language_code)


def shorten(text, length):
    """`text` cut at a word boundary to at most `length` characters, with "…" where cut."""
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + "…"


@register.simple_tag
def meta_description(page, length=META_DESCRIPTION_LENGTH):
    """What search engines and shared links show of a page: the editors' search description,
    else the page's own summary (`get_meta_description`: teaser, introduction, ...) as plain
    text cut to `length`, else its title with the site's name, so no page goes without one."""
    if not isinstance(page, Page):
        return ""
    if page.search_description.strip():
        return plain_text(page.search_description)
    describe = getattr(page, "get_meta_description", None)
    text = plain_text(describe()) if describe else ""
    if not text:
        text = pgettext("meta description", "%(title)s – %(site)s") % {
            "title": page.title,
            "site": gettext("Reallabor NRW – Ukraine"),
        }
    return shorten(text, length)


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
    versions = _live_translations(context, page)
    language_by_pk = {version.pk: code for code, version in versions.items()}
    if page.alias_of_id:
        canonical = versions.get(language_by_pk.get(page.alias_of_id), page)
        translations = []
    else:
        canonical = page
        translations = [version for version in versions.values() if version.alias_of_id is None]
    language = language_by_pk.get(canonical.pk) or canonical.locale.language_code
    canonical_url = canonical.get_full_url(request)
    return {
        "canonical_url": canonical_url,
        "alternates": hreflang_alternates(translations, request),
        "description": meta_description(page),
        "title": page.seo_title or page.title,
        "type": getattr(page, "open_graph_type", "article"),
        "locale": open_graph_locale(language),
        "alternate_locales": [
            open_graph_locale(version.locale.language_code)
            for version in translations
            if version.locale.language_code != language
        ],
        "image": _social_image(page, canonical_url),
    }


def _social_image(page, page_url):
    get_image = getattr(page, "get_social_image", None)
    image = get_image() if get_image else None
    if image is None:
        return None
    rendition = image.get_rendition(SOCIAL_IMAGE_FILTER)
    return {
        # On the site's address, like the page's own link (never the request's host).
        "url": urljoin(page_url, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": rendition.alt,
    }
