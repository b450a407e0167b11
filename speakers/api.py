"""API representations of speakers, and of any page's translations and headless preview.

The translations field and the preview mixin live here, in the app every other app may import, so
that each page type can offer them. Fields read from the page (`source="*"`) and serve API v2 and
v3 alike.
"""

from typing import Any

from django.apps import apps
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from rest_framework.fields import Field
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail_headless_preview import models as headless_preview
from wagtail_headless_preview.settings import headless_preview_settings

# Sizes a front-end can choose between; the speaker list on the site uses the same two.
PORTRAIT_RENDITIONS = {"small": "fill-200x200", "large": "fill-400x400"}
# Where a listing stores each page's translations, so the field needs no query per page.
TRANSLATIONS_ATTRIBUTE = "_api_translations"


class HeadlessPreviewMixin(headless_preview.HeadlessPreviewMixin):
    """Previews a draft in the external front-end when one is configured, else as Wagtail does.

    wagtail-headless-preview's mixin always sends the preview to a front-end; without
    HEADLESS_PREVIEW_CLIENT_URL there is none, and editors keep the site's own preview.
    """

    def serve_preview(self, request, preview_mode):
        if headless_preview_settings.CLIENT_URLS:
            return super().serve_preview(request, preview_mode)
        return super(headless_preview.HeadlessPreviewMixin, self).serve_preview(
            request, preview_mode
        )


class PageField(Field):
    """A read-only field computed from the whole page."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)


def attach_translations(pages):
    """Give each page its live, public translations, looked up in one query for all pages.

    Aliases are left out: they show the German content under another language's URL and are no
    translation.
    """
    pages = list(pages)
    by_key = {}
    candidates = (
        Page.objects.live()
        .public()
        .filter(translation_key__in={page.translation_key for page in pages}, alias_of=None)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    for candidate in candidates:
        by_key.setdefault(candidate.translation_key, []).append(candidate)
    for page in pages:
        page.__dict__[TRANSLATIONS_ATTRIBUTE] = [
            other for other in by_key.get(page.translation_key, []) if other.pk != page.pk
        ]


class TranslationsField(PageField):
    """The page's versions in the other languages, for a front-end's language switch."""

    def to_representation(self, page) -> list[dict[str, Any]]:
        if TRANSLATIONS_ATTRIBUTE not in page.__dict__:
            attach_translations([page])
        return [
            {"locale": other.locale.language_code, "id": other.pk, "url": other.get_full_url()}
            for other in page.__dict__[TRANSLATIONS_ATTRIBUTE]
        ]


def image_renditions(image, filters):
    """Rendition URLs and sizes of an image, keyed by the names of `filters`."""
    renditions = image.get_renditions(*filters.values())
    return {
        name: {
            "url": renditions[spec].full_url,
            "width": renditions[spec].width,
            "height": renditions[spec].height,
        }
        for name, spec in filters.items()
    }


def portrait(speaker):
    if speaker.portrait is None:
        return None
    return {
        "alt": speaker.portrait_alt_text,
        **image_renditions(speaker.portrait, PORTRAIT_RENDITIONS),
    }


def positions(speaker):
    return [
        {"function": position.function, "organisation": position.organisation}
        for position in speaker.positions.all()
    ]


def prefetch_speakers(speakers):
    """Positions and portraits with their renditions for many speakers, in three queries."""
    portraits = get_image_model().objects.prefetch_renditions(*PORTRAIT_RENDITIONS.values())
    prefetch_related_objects(list(speakers), "positions", Prefetch("portrait", queryset=portraits))


class PortraitField(PageField):
    """The speaker's portrait in two sizes, with its description for people who cannot see it."""

    def to_representation(self, speaker) -> dict[str, Any] | None:
        return portrait(speaker)


class PositionsField(PageField):
    def to_representation(self, speaker) -> list[dict[str, Any]]:
        return positions(speaker)


class SpeakerEventsField(PageField):
    """The live events in the speaker page's language at which the person speaks, latest first."""

    def to_representation(self, speaker) -> list[dict[str, Any]]:
        if not apps.is_installed("events"):
            return []
        events = (
            apps.get_model("events", "EventPage")
            .objects.live()
            .public()
            .filter(
                locale_id=speaker.locale_id,
                speakers__speaker__translation_key=speaker.translation_key,
            )
            .distinct()
            .order_by("-start")
        )
        return [
            {
                "id": event.pk,
                "title": event.title,
                "start": timezone.localtime(event.start).isoformat(),
                "url": event.get_full_url(),
            }
            for event in events
        ]
