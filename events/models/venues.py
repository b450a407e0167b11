from urllib.parse import urlencode

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
)
from wagtail.api import APIField
from wagtail.models import TranslatableMixin

from pagebase.api_fields import DeclaredField


class Venue(TranslatableMixin, models.Model):
    """A place where events happen, reused by every event held there."""

    name = models.CharField(pgettext_lazy("of a place", "name"), max_length=200)
    street = models.CharField(_("street and number"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=10)
    city = models.CharField(_("city"), max_length=100)
    directions = models.TextField(
        _("directions"), blank=True, help_text=_("How to get there by public transport and car.")
    )
    accessibility_notes = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Step-free access, accessible toilets, hearing loops, and what is missing."),
    )
    openstreetmap_url = models.URLField(
        _("OpenStreetMap link"),
        blank=True,
        help_text=_(
            "Optional. Without it, the site links to an OpenStreetMap search for the address."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("street"),
        FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
        FieldPanel("directions"),
        FieldPanel("accessibility_notes"),
        FieldPanel("openstreetmap_url"),
    ]

    api_fields = [
        APIField("name"),
        APIField("street"),
        APIField("postcode"),
        APIField("city"),
        APIField("directions"),
        APIField("accessibility_notes"),
        APIField("map_url", serializer=DeclaredField(str)),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self):
        return f"{self.name}, {self.city}"

    @property
    def address_line(self):
        return f"{self.street}, {self.postcode} {self.city}"

    @property
    def map_url(self):
        if self.openstreetmap_url:
            return self.openstreetmap_url
        return "https://www.openstreetmap.org/search?" + urlencode({"query": self.address_line})
