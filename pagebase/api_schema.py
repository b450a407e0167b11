"""Wagtail's v3 OpenAPI schemas, taught our declarations (see pagebase.api_fields).

`declare_v3_schemas()` runs in PagebaseConfig.ready(): Wagtail builds every page type's schema
once, when its v3 API is first imported, so the declarations must come before that.
"""

import sys
from typing import Literal

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from pydantic import Field
from wagtail.models import Page


def declared_stream_schema(generator, field):
    """A StreamField typed by its stream block's `api_schema`, served as Wagtail serves it.

    Wagtail's v3 types every StreamField as a list of anything; a stream block that declares the
    shape of its API representation gets that shape instead.
    """
    from wagtail.api.v3.schemas.generators.read import streamfield_schema

    annotation, default, resolve = streamfield_schema(generator, field)
    return getattr(field.stream_block, "api_schema", annotation), default, resolve


def with_page_type(generate_schema):
    """Wagtail's read schema of a page type, with the type at the top: `"type": "speakers.SpeakerPage"`.

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


def text_schema(generator, field):
    """A text field as it is read: a string, never null unless the column allows it.

    ninja takes a field that may be left empty in forms (`blank=True`) for one that may be null;
    Django stores an empty text field as "", so the schema would promise a null that never comes.
    """
    annotation = str
    if field.choices:
        annotation = Literal[tuple(value for value, _label in field.flatchoices)]
    info = Field(
        title=field.verbose_name,
        description=field.help_text or None,
        max_length=field.max_length if not field.choices else None,
    )
    if field.null:
        info.default = None
        return annotation | None, info, None
    return annotation, info, None


def rich_text_schema(generator, field):
    """Wagtail's rich text field schema, not nullable unless the column allows it."""
    from wagtail.api.v3.schemas.generators.read import rich_text_schema as wagtail_schema

    annotation, info, resolve = wagtail_schema(generator, field)
    if field.null:
        return annotation, info, resolve
    return str, Field(json_schema_extra=info.json_schema_extra, title=field.verbose_name), resolve


def read_generator():
    from wagtail.api.v3.schemas.generators import read_generator

    return read_generator


def declare_v3_schemas():
    """Teach Wagtail's v3 our declarations, before it builds its schemas (see PagebaseConfig).

    Wagtail builds every page type's schema once, when its v3 API is first imported (by
    wagtail.contrib.redirects' ready(), after our apps' ready()).
    """
    if "wagtail.api.v3.registry" in sys.modules:
        raise ImproperlyConfigured(
            "Wagtail's API v3 built its schemas before our declarations: list the site's apps "
            "before wagtail.api.v3 and wagtail.contrib.redirects in INSTALLED_APPS."
        )
    from wagtail.fields import RichTextField, StreamField

    generator = read_generator()
    generator.register_field_schema(StreamField, declared_stream_schema)
    generator.register_field_schema(models.CharField, text_schema)
    generator.register_field_schema(models.TextField, text_schema)
    generator.register_field_schema(RichTextField, rich_text_schema)
    generator.generate_schema = with_page_type(generator.generate_schema)
