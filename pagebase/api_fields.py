"""API field types every page type uses: fields computed from the page, declared once.

Every API field declares its shape once, as a pydantic type (`DeclaredField.schema`): Wagtail's v3
types the field in its OpenAPI schema by it, and v2's JSON is the same type's dump of the same
value, so both APIs serve one shape, and a value that does not fit the declaration is an error in
both, never a silent drift. Fields read from the page (`source="*"`) and serve API v2 and v3 alike.
"""

from datetime import datetime
from functools import cache
from typing import Annotated, Any, Literal
from urllib.parse import urljoin

from django.conf import settings
from django.utils import timezone
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, TypeAdapter
from rest_framework import fields
from wagtail.models import Page

# Where a listing stores each page's translations, so the field needs no query per page.
TRANSLATIONS_ATTRIBUTE = "_api_translations"


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


def image_renditions(image, filters, base_url=None):
    """Rendition URLs and sizes of an image, keyed by the names of `filters`.

    URLs are absolute: on `base_url` (a page's own address, so on the site's) where given, else
    on the admin's base URL as Wagtail makes them.
    """
    renditions = image.get_renditions(*filters.values())
    return {
        name: {
            "url": (
                urljoin(base_url, renditions[spec].url) if base_url else renditions[spec].full_url
            ),
            "width": renditions[spec].width,
            "height": renditions[spec].height,
        }
        for name, spec in filters.items()
    }


# Sizes of a page's image in the APIs: fit within the box, never cropped.
IMAGE_RENDITIONS = {"medium": "max-800x800", "large": "max-1600x1600"}


class ImageRenditions(APIObject):
    medium: Rendition
    large: Rendition


class ImageReference(APIObject):
    id: int = Field(description="The image's id at /api/v3/images/ and /api/v2/images/.")
    title: str = Field(description="What the image shows; the site uses it as its description.")
    width: int = Field(description="Width of the original, in pixels.")
    height: int = Field(description="Height of the original, in pixels.")
    renditions: ImageRenditions


class ImageField(DeclaredField):
    """A page's image, in the two sizes a front-end chooses between: one shape in v2 and v3."""

    schema = ImageReference | None

    def produce(self, page):
        image = getattr(page, self.field_name)
        if image is None:
            return None
        return {
            "id": image.pk,
            "title": image.title,
            "width": image.width,
            "height": image.height,
            # On the page's address: the site's, whatever host the request named.
            "renditions": image_renditions(image, IMAGE_RENDITIONS, page.get_full_url()),
        }
