"""API representations of speakers: portraits and positions.

The field types come from pagebase.api_fields.
"""

from django.db.models import Prefetch, prefetch_related_objects
from pydantic import Field
from wagtail.images import get_image_model

from pagebase.api_fields import APIObject, DeclaredField, Rendition, image_renditions

# Sizes a front-end can choose between; the speaker list on the site uses the same two.
PORTRAIT_RENDITIONS = {"small": "fill-200x200", "large": "fill-400x400"}


class Portrait(APIObject):
    alt: str = Field(description="What the portrait shows, for people who cannot see it.")
    small: Rendition
    large: Rendition


class Position(APIObject):
    function: str
    organisation: str


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
