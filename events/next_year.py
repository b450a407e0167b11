"""Next year's event: a copy of an event with its registration form, in every language that has a
translation, shifted by an interval, all as drafts.

Wagtail's copy action copies one language and gives the copy new translation keys, so
wagtail-localize knows nothing of it. Here the German copy gets a translation source of its own,
and every string translation of the old event is carried over to it: wagtail-localize keys a
translation by its source string (shared, since the copy's texts are the same) and by a context
that belongs to the object (new for the copy). The translations are then saved as drafts by
wagtail-localize itself, so its translation editor shows the copies as translated.
"""

import re
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.actions.copy_page import CopyPageAction
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from .formatting import BERLIN, in_berlin
from .registration.pages import RegistrationFormPage


def same_weekday_in(day, year):
    """The day in `year` on the same weekday as `day` and closest to its calendar date (one year
    on, that is 52 weeks later: one or two days before the date, rather than five or six after)."""
    try:
        candidate = day.replace(year=year)
    except ValueError:  # 29 February
        candidate = day.replace(year=year, day=28)
    offset = (day.weekday() - candidate.weekday() + 3) % 7 - 3
    return candidate + timedelta(days=offset)


def suggested_interval(event, today=None):
    """From `event` to the same weekday one year later, or in the first year after it in which
    that day is still ahead."""
    start = in_berlin(event.start).date()
    today = today or timezone.localdate(timezone=BERLIN)
    year = start.year + 1
    while same_weekday_in(start, year) <= today:
        year += 1
    return same_weekday_in(start, year) - start


def german_version(event):
    """The version in the source language, which owns the dates and the registration."""
    return event.get_translation(Locale.objects.get(language_code=settings.LANGUAGE_CODE))


def shifted(moment, interval):
    """`moment` moved by `interval` in German wall-clock time, so 10:00 stays 10:00 across a
    change between summer and winter time."""
    if moment is None:
        return None
    return timezone.localtime(moment, BERLIN) + interval


def with_new_year(text, old_year, new_year):
    """`text` with the old year, as a word of its own, replaced by the new one."""
    return re.sub(rf"(?<!\d){old_year}(?!\d)", str(new_year), text)


def next_slug(slug, old_year, new_year):
    """The slug with its year replaced, or the new year added where it names none."""
    if re.search(rf"(?<!\d){old_year}(?!\d)", slug):
        return with_new_year(slug, old_year, new_year)
    return f"{slug}-{new_year}"


def prepare_next_year(event, interval, user=None):
    """Copy `event` (any language's version) as next year's German draft, with its registration
    form and its translations as drafts. Returns the German copy."""
    with transaction.atomic():
        copier = _Copier(german_version(event).specific, interval, user)
        copy = copier.copy_german_pages()
        for old, new in copier.copied_pages():
            _carry_translations(old, new, copier, user)
    return copy


class _Copier:
    def __init__(self, event, interval, user):
        self.event = event
        self.interval = interval
        self.user = user
        self.old_year = shifted(event.start, timedelta()).year
        self.new_year = shifted(event.start, interval).year
        self.copy = None

    def copy_german_pages(self):
        event = self.event
        parent = event.get_parent()
        slug = find_available_slug(parent, next_slug(event.slug, self.old_year, self.new_year))
        title = with_new_year(event.title, self.old_year, self.new_year)
        copy = CopyPageAction(
            event,
            to=parent,
            update_attrs={
                "title": title,
                "draft_title": title,
                "slug": slug,
                "start": shifted(event.start, self.interval),
                "end": shifted(event.end, self.interval),
            },
            recursive=True,
            copy_revisions=False,
            keep_live=False,
            user=self.user,
        ).execute(skip_permission_checks=True)
        self.copy = copy.specific
        for form in RegistrationFormPage.objects.child_of(self.copy):
            form.registration_opens = shifted(form.registration_opens, self.interval)
            form.registration_closes = shifted(form.registration_closes, self.interval)
            form.save(update_fields=["registration_opens", "registration_closes"])
        for _old, new in self.copied_pages():
            new.save_revision(user=self.user, log_action=False)
        return self.copy

    def copied_pages(self):
        """(old, new) pairs: the event, then its child pages, in the same order."""
        pairs = [(self.event, self.copy)]
        old_children = self.event.get_children().specific()
        new_children = self.copy.get_children().specific()
        return pairs + list(zip(old_children, new_children, strict=True))

    def translated_text(self, path, old_source_text, new_source_text, old_translation):
        """The old translation, changed as the German text was changed by the copy."""
        if old_source_text == new_source_text:
            return old_translation
        if path == "slug":
            return next_slug(old_translation, self.old_year, self.new_year)
        if path == "title":
            return with_new_year(old_translation, self.old_year, self.new_year)
        return None


def _child_key_map(old, new):
    """Old translation keys of the page's translatable inline objects (form fields) to the
    copy's new ones, matched by their position."""
    keys = {}
    for relation in get_all_child_relations(type(old)):
        if not issubclass(relation.related_model, TranslatableMixin):
            continue
        name = relation.get_accessor_name()
        olds, news = getattr(old, name).all(), getattr(new, name).all()
        for old_child, new_child in zip(olds, news, strict=True):
            keys[str(old_child.translation_key)] = str(new_child.translation_key)
    return keys


def _new_path(path, keys):
    return ".".join(keys.get(part, part) for part in path.split("."))


def _old_segment(candidates, segment):
    """The old segment the copy's `segment` came from: the same text at the same place, or the
    only text at that place (a title or slug the copy changed)."""
    for candidate in candidates:
        if candidate.string_id == segment.string_id:
            return candidate
    return candidates[0] if len(candidates) == 1 else None


def _carry_translations(old, new, copier, user):
    """Give the copy `new` the translations `old` has, through wagtail-localize, as drafts."""
    old_source = TranslationSource.objects.get_for_instance_or_none(old)
    if old_source is None:
        return
    new_source, _created = TranslationSource.get_or_create_from_instance(new)
    keys = _child_key_map(old, new)
    # A rich text field gives one segment per paragraph, all with the field's path.
    old_segments = defaultdict(list)
    for segment in StringSegment.objects.filter(source=old_source).select_related(
        "context", "string"
    ):
        old_segments[_new_path(segment.context.path, keys)].append(segment)
    new_segments = StringSegment.objects.filter(source=new_source).select_related(
        "context", "string"
    )
    old_overridables = {
        _new_path(segment.context.path, keys): segment.context
        for segment in OverridableSegment.objects.filter(source=old_source).select_related(
            "context"
        )
    }
    new_overridables = OverridableSegment.objects.filter(source=new_source).select_related(
        "context"
    )
    for translation in old_source.translations.filter(enabled=True).select_related("target_locale"):
        locale = translation.target_locale
        for segment in new_segments:
            old_segment = _old_segment(old_segments[segment.context.path], segment)
            if old_segment is None:
                continue
            old_translation = StringTranslation.objects.filter(
                translation_of=old_segment.string, context=old_segment.context, locale=locale
            ).first()
            if old_translation is None:
                continue
            text = copier.translated_text(
                segment.context.path,
                old_segment.string.data,
                segment.string.data,
                old_translation.data,
            )
            if text is None:
                continue
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                context=segment.context,
                locale=locale,
                defaults={
                    "data": text,
                    "translation_type": old_translation.translation_type,
                    "tool_name": old_translation.tool_name,
                    "last_translated_by": user or old_translation.last_translated_by,
                },
            )
        for segment in new_overridables:
            old_context = old_overridables.get(segment.context.path)
            override = SegmentOverride.objects.filter(context=old_context, locale=locale).first()
            if old_context is None or override is None:
                continue
            SegmentOverride.objects.update_or_create(
                context=segment.context,
                locale=locale,
                defaults={"data_json": override.data_json, "last_translated_by": user},
            )
        new_translation, _created = Translation.objects.get_or_create(
            source=new_source, target_locale=locale
        )
        new_translation.save_target(user=user, publish=False)
