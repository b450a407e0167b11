"""API representations of speakers, and of any page's translations and headless preview.

The translations field, the preview mixin and `DeclaredField` live here, in the app every other
app may import, so that each page type can offer them. Fields read from the page (`source="*"`)
and serve API v2 and v3 alike.

Every API field declares its shape once, as a pydantic type (`DeclaredField.schema`): Wagtail's v3
types the field in its OpenAPI schema by it, and v2's JSON is the same type's dump of the same
value, so both APIs serve one shape, and a value that does not fit the declaration is an error in
both, never a silent drift.
"""

import sys
from datetime import datetime
from functools import cache
from typing import Annotated, Any, Literal

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, TypeAdapter
from rest_framework import fields
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


class PageField(fields.Field):
    """A read-only field computed from the whole page."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)


def in_local_time(value: datetime) -> datetime:
    """German time (TIME_ZONE) with its offset, +01:00 or +02:00, as the site shows times."""
    return timezone.localtime(value, timezone.get_default_timezone())


# A moment as the site shows it: ISO 8601 in German time with its offset.
LocalDateTime = Annotated[
    datetime,
    AfterValidator(in_local_time),
    Field(description="ISO 8601 in German time, with its offset (+01:00 or +02:00)."),
]


class APIObject(BaseModel):
    """An object in an API response: exactly the declared keys, no others."""

    model_config = ConfigDict(extra="forbid")


@cache
def adapter(schema) -> TypeAdapter:
    return TypeAdapter(schema)


class DeclaredField(PageField):
    """An API field whose shape is declared once, as `schema` (a pydantic type).

    `produce(obj)` gives the value (by default the attribute of the field's name); it is validated
    against `schema` and dumped as JSON for v2, and Wagtail's v3 takes `schema` for its OpenAPI
    schema from the return annotation of `to_representation`. Subclasses set `schema` as a class
    attribute; `DeclaredField(schema)` declares a plain attribute.
    """

    schema: Any = None

    def __init__(self, schema=None, **kwargs):
        super().__init__(**kwargs)
        if schema is not None:
            self.schema = schema
        if self.schema is None:
            raise TypeError(f"{type(self).__name__} declares no schema")
        declared = adapter(self.schema)
        produce = self.produce

        def to_representation(obj):
            return declared.dump_python(declared.validate_python(produce(obj)), mode="json")

        # Per instance, since DeclaredField(schema) declares its schema per instance.
        to_representation.__annotations__ = {"return": self.schema}
        self.to_representation = to_representation

    def produce(self, obj):
        return getattr(obj, self.field_name)


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


# A language of the site (settings.LANGUAGES), by its code.
SiteLanguage = Literal[tuple(code for code, _name in settings.LANGUAGES)]


class PageTranslation(APIObject):
    locale: SiteLanguage = Field(description="The translation's language.")
    id: int
    url: str


class TranslationsField(DeclaredField):
    """The page's versions in the other languages, for a front-end's language switch."""

    schema = list[PageTranslation]

    def produce(self, page):
        if TRANSLATIONS_ATTRIBUTE not in page.__dict__:
            attach_translations([page])
        return [
            {"locale": other.locale.language_code, "id": other.pk, "url": other.get_full_url()}
            for other in page.__dict__[TRANSLATIONS_ATTRIBUTE]
        ]


class Rendition(APIObject):
    url: str
    width: int
    height: int


class Portrait(APIObject):
    alt: str = Field(description="What the portrait shows, for people who cannot see it.")
    small: Rendition
    large: Rendition


class Position(APIObject):
    function: str
    organisation: str


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


class PortraitField(DeclaredField):
    """The speaker's portrait in two sizes, with its description for people who cannot see it."""

    schema = Portrait | None

    def produce(self, speaker):
        return portrait(speaker)


class PositionsField(DeclaredField):
    schema = list[Position]

    def produce(self, speaker):
        return positions(speaker)


def declared_stream_schema(generator, field):
    """A StreamField typed by its stream block's `api_schema`, served as Wagtail serves it.

    Wagtail's v3 types every StreamField as a list of anything; a stream block that declares the
    shape of its API representation gets that shape instead.
    """
    from wagtail.api.v3.schemas.generators.read import streamfield_schema

    annotation, default, resolve = streamfield_schema(generator, field)
    return getattr(field.stream_block, "api_schema", annotation), default, resolve


def with_page_type(generate_schema):
    """Wagtail's read schema of a page type, with the type at the top: `"type": "events.EventPage"`.

    Wagtail tells the page types of its unions apart by `meta.type`, but OpenAPI's discriminator
    (and so every generated client's narrowing) needs a property at the top of each member.
    """

    def generate(model, base_class):
        if issubclass(model, Page):
            label = model._meta.label
            base_class = read_generator().extend_schema(
                base_class,
                f"{model._meta.object_name}TypedSchema",
                {"type": (Literal[label], ..., staticmethod(lambda obj, context: label))},
            )
        return generate_schema(model, base_class)

    return generate


def read_generator():
    from wagtail.api.v3.schemas.generators import read_generator

    return read_generator


def declare_v3_schemas():
    """Teach Wagtail's v3 our declarations, before it builds its schemas (see SpeakersConfig).

    Wagtail builds every page type's schema once, when its v3 API is first imported (by
    wagtail.contrib.redirects' ready(), after our apps' ready()).
    """
    if "wagtail.api.v3.registry" in sys.modules:
        raise ImproperlyConfigured(
            "Wagtail's API v3 built its schemas before our declarations: list the site's apps "
            "before wagtail.api.v3 and wagtail.contrib.redirects in INSTALLED_APPS."
        )
    from wagtail.fields import StreamField

    generator = read_generator()
    generator.register_field_schema(StreamField, declared_stream_schema)
    generator.generate_schema = with_page_type(generator.generate_schema)
