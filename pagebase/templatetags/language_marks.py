"""Mark what a partly translated page still shows in German with `lang` (WCAG 3.1.2).

wagtail-localize publishes a translation before all of its segments are translated; the
untranslated segments keep the source text. A part of a translated page counts as untranslated
when it equals the source page's: a text field as a whole, a StreamField block by its id
(wagtail-localize keeps block ids), rich text element by element (each paragraph, heading or list
item is one segment). Templates ask `{% language_marks page as marks %}` once and then write
`<p{{ marks.attr.introduction }}>`, `{% marked_block block marks %}` and
`{% marked_richtext page "field" marks %}`.

The source version comes with the page's other versions, which the language switcher looks up
anyway (pagebase.versions): no query of its own.
"""

import re

from django import template
from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.html import conditional_escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail_localize.fields import TranslatableField, get_translatable_fields

from pagebase.versions import live_versions

register = template.Library()

# Shown only in <head> or the admin, where a lang attribute cannot go.
NOT_SHOWN = {"slug", "seo_title", "search_description"}
# The elements wagtail-localize makes one segment each. A list is segmented item by item.
RICH_TEXT_ELEMENT = re.compile(r"<(p|h[1-6]|li|blockquote)(\s[^>]*)?>(.*?)</\1>", re.DOTALL)


def _has_text(value):
    if isinstance(value, str):
        return bool(strip_tags(value).strip())
    if isinstance(value, dict):
        return any(_has_text(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_text(item) for item in value)
    return False


def mark_rich_text(html, source_html, lang):
    """`html` with `lang` on each element that is found unchanged in `source_html`.

    Returns the new html and whether anything was marked.
    """
    untranslated = {
        match.group(0)
        for match in RICH_TEXT_ELEMENT.finditer(source_html or "")
        if _has_text(match.group(3))
    }
    marked = False

    def mark(match):
        nonlocal marked
        if match.group(0) not in untranslated or "lang=" in (match.group(2) or ""):
            return match.group(0)
        marked = True
        return f'<{match.group(1)} lang="{lang}"{match.group(2) or ""}>{match.group(3)}</{match.group(1)}>'

    return RICH_TEXT_ELEMENT.sub(mark, html or ""), marked


class LanguageMarks:
    """Which parts of a translated page are still in the source language, and in which."""

    def __init__(self, lang=""):
        self.lang = lang
        self.attr = {}  # field name: ' lang="de"'
        self.rich = {}  # rich text field name: its html with marked elements
        # block id: True (the whole block), its rich text marked, or its unchanged texts
        self.blocks = {}

    def __bool__(self):
        return bool(self.attr or self.rich or self.blocks)

    @classmethod
    def compare(cls, page, source, lang):
        marks = cls(lang)
        attribute = format_html(' lang="{}"', lang)
        for translatable in get_translatable_fields(type(page)):
            name = translatable.field_name
            if not isinstance(translatable, TranslatableField) or name in NOT_SHOWN:
                continue
            field = type(page)._meta.get_field(name)
            if isinstance(field, StreamField):
                marks._compare_stream(getattr(page, name), getattr(source, name))
                continue
            if not isinstance(field, models.CharField | models.TextField):
                continue
            value, original = getattr(page, name), getattr(source, name)
            if not _has_text(value):
                continue
            if value == original:
                marks.attr[name] = attribute
            elif isinstance(field, RichTextField):
                html, marked = mark_rich_text(value, original, lang)
                if marked:
                    marks.rich[name] = html
        return marks

    def _compare_stream(self, stream, source_stream):
        originals = {item["id"]: item for item in source_stream.raw_data if item.get("id")}
        for item in stream.raw_data:
            original = originals.get(item.get("id"))
            if original is None or original["type"] != item["type"] or not _has_text(item["value"]):
                continue
            if item["value"] == original["value"]:
                self.blocks[item["id"]] = True
            elif isinstance(item["value"], str) and isinstance(original["value"], str):
                html, marked = mark_rich_text(item["value"], original["value"], self.lang)
                if marked:
                    self.blocks[item["id"]] = html
            else:
                # A block of several texts (heading and items, say), some translated.
                leaves = list(_unchanged_texts(item["value"], original["value"]))
                if leaves:
                    self.blocks[item["id"]] = leaves


def _unchanged_texts(value, original):
    """The texts inside a block's value that equal the source block's at the same place."""
    if isinstance(value, str):
        if value == original and _has_text(value):
            yield value
    elif isinstance(value, dict) and isinstance(original, dict):
        for key, item in value.items():
            if key in original:
                yield from _unchanged_texts(item, original[key])
    elif isinstance(value, list) and isinstance(original, list):
        # List items keep their ids in a translation; match by id where they have one.
        by_id = {item.get("id"): item for item in original if isinstance(item, dict)}
        for index, item in enumerate(value):
            if isinstance(item, dict) and item.get("id") in by_id:
                yield from _unchanged_texts(item, by_id[item["id"]])
            elif index < len(original):
                yield from _unchanged_texts(item, original[index])


def _mark_texts(html, texts, lang):
    """The rendered block with `lang` on each element whose whole text is one of `texts`."""
    for text in texts:
        if text.lstrip().startswith("<"):
            html, _marked = mark_rich_text(html, text, lang)
            continue
        element = re.compile(
            r"<([a-zA-Z][\w-]*)((?:\s[^>]*)?)>("
            + re.escape(str(conditional_escape(text)))
            + r")</\1>"
        )

        def mark(match):
            if "lang=" in match.group(2):
                return match.group(0)
            return f'<{match.group(1)} lang="{lang}"{match.group(2)}>{match.group(3)}</{match.group(1)}>'

        html = element.sub(mark, html)
    return mark_safe(html)


def _source_version(request, page):
    """The live page in the source language, when `page` is its translation; else None."""
    if page.alias_of_id or translation.get_language() == settings.LANGUAGE_CODE:
        return None
    source = live_versions(request, page).get(settings.LANGUAGE_CODE)
    return source if source is not None and source.pk != page.pk else None


@register.simple_tag(takes_context=True)
def language_marks(context, page):
    """The parts of `page` that are still shown in the source language (see the module)."""
    if not isinstance(page, Page):
        return LanguageMarks()
    request = context.get("request")
    cache = getattr(request, "_language_marks", None) if request is not None else None
    if cache is None:
        cache = {}
        if request is not None:
            request._language_marks = cache
    if page.pk not in cache:
        source = _source_version(request, page)
        cache[page.pk] = (
            LanguageMarks.compare(page, source, settings.LANGUAGE_CODE)
            if source is not None
            else LanguageMarks()
        )
    return cache[page.pk]


@register.simple_tag(takes_context=True)
def marked_block(context, block, marks):
    """`{% include_block block %}`, in the source language's `lang` where untranslated."""
    mark = marks.blocks.get(block.id) if marks else None
    if mark is None:
        return block.render_as_block(context=context.flatten())
    if mark is True:
        return _with_lang(block.render_as_block(context=context.flatten()), marks.lang)
    if isinstance(mark, list):
        return _mark_texts(block.render_as_block(context=context.flatten()), mark, marks.lang)
    return block.block.render(RichText(mark), context=context.flatten())


FIRST_TAG = re.compile(r"^(\s*<[a-zA-Z][\w-]*)")


def _with_lang(html, lang):
    """The block's html with `lang` on its outer element, so a list item stays a list item."""
    if FIRST_TAG.match(html) and "lang=" not in html.split(">", 1)[0]:
        return mark_safe(FIRST_TAG.sub(lambda match: f'{match.group(1)} lang="{lang}"', html, 1))
    return format_html('<div lang="{}">{}</div>', lang, html)


@register.simple_tag
def block_lang(block, marks):
    """` lang="de"` for a block whose text a template writes itself, when it is untranslated."""
    if marks and marks.blocks.get(block.id) is True:
        return format_html(' lang="{}"', marks.lang)
    return ""


@register.simple_tag
def marked_richtext(page, name, marks):
    """A rich text field as `|richtext` renders it, untranslated elements marked."""
    from wagtail.templatetags.wagtailcore_tags import richtext

    if marks and name in marks.rich:
        return richtext(marks.rich[name])
    value = getattr(page, name)
    if marks and name in marks.attr:
        return format_html('<div lang="{}">{}</div>', marks.lang, richtext(value))
    return richtext(value)
