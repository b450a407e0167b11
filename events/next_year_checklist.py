"""What an editor checks in next year's event before publishing it: the new dates, and every text
that still names a date or the year of the old event, in every language.

Texts are read with wagtail-localize's own segment extraction, so every translatable field is
scanned (rich text, StreamField blocks, form field labels), in the German page and in each
translation. A date is looked for in the ways each language writes it, made with Django's date
formats in that language ("22. November 2023", "22.11.2023", "November 22, 2023",
"22 листопада 2023"), with and without the year, and the year on its own.
"""

import re
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import dateformat, translation
from django.utils.translation import get_language_info, pgettext, pgettext_lazy
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from .formatting import format_date, format_period, in_berlin
from .registration.pages import RegistrationFormPage

# Django date formats; F is the month's name, E its genitive (Ukrainian "листопада").
DATE_FORMATS = (
    "j F Y",
    "j E Y",
    "F j, Y",
    "j. F Y",
    "d.m.Y",
    "j.n.Y",
    "j F",
    "j E",
    "F j",
    "j. F",
    "d.m.",
)
EXCERPT_CHARACTERS = 60


@dataclass
class Mention:
    language: str
    page_title: str
    field: str
    before: str
    found: str
    after: str
    url: str


@dataclass
class DateLine:
    label: str
    value: str
    url: str


def _days(start, end):
    day, last = in_berlin(start).date(), in_berlin(end).date()
    while day <= last:
        yield day
        day += timedelta(days=1)


def date_pattern(days, years, language):
    """A regular expression finding any of `days` as `language` writes them, or any of `years`."""
    with translation.override(language):
        texts = {dateformat.format(day, fmt) for day in days for fmt in DATE_FORMATS}
    texts |= {str(year) for year in years}
    alternatives = "|".join(re.escape(text) for text in sorted(texts, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?!\d)", re.IGNORECASE)


def _old_days_and_years(old_event, old_form):
    days = set(_days(old_event.start, old_event.end))
    moments = [old_event.start, old_event.end]
    if old_form is not None:
        owner = old_form.owning_form
        for moment in (owner.registration_opens, owner.registration_closes):
            if moment:
                days.add(in_berlin(moment).date())
                moments.append(moment)
    return days, {in_berlin(moment).year for moment in moments}


def _field_anchors(page, user):
    """The HTML ids of the editor's field wrappers, by field name; inline panels give a
    function of the child's position and field."""
    edit_handler = page.get_edit_handler()
    form = edit_handler.get_form_class()(instance=page, for_user=user)
    anchors = {}

    def walk(bound):
        panel = bound.panel
        if isinstance(panel, InlinePanel):
            anchors[panel.relation_name] = bound.prefix
            return
        if isinstance(panel, FieldPanel):
            anchors[panel.field_name] = f"{bound.prefix}-wrapper"
        for child in getattr(bound, "visible_children", ()) or getattr(bound, "children", ()):
            walk(child)

    walk(edit_handler.get_bound_panel(instance=page, form=form))
    return anchors


def _field_label(page, path):
    name, *rest = path.split(".")
    field = page._meta.get_field(name)
    if rest and hasattr(field, "related_model") and field.one_to_many:
        children = list(getattr(page, name).all())
        for index, child in enumerate(children):
            if str(child.translation_key) == rest[0]:
                sub_field = child._meta.get_field(rest[1])
                label = pgettext("next year's checklist", "%(model)s “%(name)s”: %(field)s") % {
                    "model": field.related_model._meta.verbose_name,
                    "name": child,
                    "field": sub_field.verbose_name,
                }
                return label, (name, index, rest[1])
    return str(getattr(field, "verbose_name", name)), (name, None, None)


def _edit_url(page, anchor=None):
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    return f"{url}#{anchor}" if anchor else url


def _anchor(anchors, where):
    name, index, sub_field = where
    prefix = anchors.get(name)
    if prefix is None:
        return None
    if index is None:
        return prefix
    return f"{prefix}-{index}-child-{sub_field}-wrapper"


def _mentions_in(page, pattern, user, is_source):
    language = get_language_info(page.locale.language_code)["name_translated"]
    # Translations are edited in wagtail-localize's editor, which has no anchors of its own.
    anchors = _field_anchors(page, user) if is_source else {}
    for segment in extract_segments(page):
        if not isinstance(segment, StringSegmentValue):
            continue
        text = segment.string.render_text()
        for match in pattern.finditer(text):
            start = max(0, match.start() - EXCERPT_CHARACTERS)
            end = match.end() + EXCERPT_CHARACTERS
            before = ("…" if start else "") + text[start : match.start()]
            after = text[match.end() : end] + ("…" if end < len(text) else "")
            label, where = _field_label(page, segment.path)
            yield Mention(
                language=language,
                page_title=page.get_admin_display_title(),
                field=label,
                before=before,
                found=match.group(0),
                after=after,
                url=_edit_url(page, _anchor(anchors, where)),
            )


def _versions(page):
    """The page in every language, the German source first."""
    return sorted(
        page.get_translations(inclusive=True).specific().select_related("locale"),
        key=lambda version: version.locale.language_code != settings.LANGUAGE_CODE,
    )


def date_lines(event, user):
    """The copy's dates and registration period, each linking to its field in the editor."""
    anchors = _field_anchors(event, user)
    lines = [
        DateLine(
            pgettext_lazy("next year", "Date and time"),
            format_period(event.start, event.end),
            _edit_url(event, anchors.get("start")),
        )
    ]
    form = RegistrationFormPage.objects.child_of(event).first()
    if form is not None:
        form_anchors = _field_anchors(form, user)
        if form.registration_opens:
            lines.append(
                DateLine(
                    pgettext_lazy("next year", "Registration opens"),
                    format_date(form.registration_opens),
                    _edit_url(form, form_anchors.get("registration_opens")),
                )
            )
        lines.append(
            DateLine(
                pgettext_lazy("next year", "Registration deadline"),
                format_date(form.registration_closes),
                _edit_url(form, form_anchors.get("registration_closes")),
            )
        )
    return lines


def mentions_of_old_dates(old_event, new_event, user):
    """Every text of the copy, in every language, that names a date or the year of `old_event`."""
    old_form = RegistrationFormPage.objects.child_of(old_event).first()
    days, years = _old_days_and_years(old_event, old_form)
    pages = [new_event, *RegistrationFormPage.objects.child_of(new_event)]
    mentions = []
    for page in pages:
        for version in _versions(page):
            pattern = date_pattern(days, years, version.locale.language_code)
            is_source = version.locale.language_code == settings.LANGUAGE_CODE
            mentions.extend(_mentions_in(version, pattern, user, is_source))
    return mentions
