from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from .api_fields import TranslationsField


class IndexPage(Page):
    """A page that lists its children below a short introduction; one per parent.

    Abstract: the speaker, practice example and event indexes build on it, each with its own
    `parent_page_types`, `subpage_types` and listing. It brings no preview behaviour of its own, so
    each index places HeadlessPreviewMixin where its other mixins need it.
    """

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    search_fields = Page.search_fields + [index.SearchField("introduction")]

    api_fields = [
        APIField("introduction"),
        APIField("translations", serializer=TranslationsField()),
    ]

    max_count_per_parent = 1

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.introduction
