from html import unescape

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from pagebase.api_fields import DeclaredField, TranslationsField
from pagebase.models import IndexPage
from pagebase.preview import HeadlessPreviewMixin

from .api import PortraitField, PositionsField

# The renditions of the portraits in the speaker list, prefetched in one query; they must match the
# filters in speaker_index_page.html, or each portrait costs a query again.
PORTRAIT_THUMBNAIL_FILTERS = ("fill-200x200", "fill-400x400")
# The renditions of the portrait on a speaker's own page (speaker_page.html) and of its share image
# in the <head> (site_tags.SOCIAL_IMAGE_FILTER), fetched with the page in one query.
PORTRAIT_PAGE_FILTERS = ("fill-400x400", "fill-800x800", "fill-1200x630")


class SpeakerIndexPage(HeadlessPreviewMixin, IndexPage):
    """The list of people who speak at the project's events.

    Introduction, panels, search and API fields come from pagebase's IndexPage.
    """

    parent_page_types = ["home.HomePage"]
    subpage_types = ["speakers.SpeakerPage"]

    class Meta:
        verbose_name = _("speaker index")
        verbose_name_plural = _("speaker indexes")

    def speakers(self):
        portraits = get_image_model().objects.prefetch_renditions(*PORTRAIT_THUMBNAIL_FILTERS)
        return (
            SpeakerPage.objects.child_of(self)
            .live()
            .public()
            .select_related("alias_of__locale")
            .prefetch_related("positions", Prefetch("portrait", queryset=portraits))
            .order_by("family_name", "given_name")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["speakers"] = self.speakers()
        return context

    def route(self, request, path_components):
        """Wagtail's routing, but a speaker is found in one query instead of two, with the
        portrait, and its renditions in one more where it has one.

        Speakers are this page's only children, so their own table is asked directly and the
        result is already the specific page.
        """
        if path_components:
            renditions = (
                get_image_model()
                .get_rendition_model()
                .objects.filter(filter_spec__in=PORTRAIT_PAGE_FILTERS)
            )
            speaker = (
                SpeakerPage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related("portrait")
                .prefetch_related(Prefetch("portrait__renditions", queryset=renditions))
                .first()
            )
            if speaker is not None:
                # Lets the page frame walk up to the home page without a query.
                speaker._cached_parent_obj = self
                return speaker.route(request, path_components[1:])
        return super().route(request, path_components)


class SpeakerPage(HeadlessPreviewMixin, Page):
    """A person who speaks at events: name, titles, positions, portrait and a short biography.

    Titles are kept apart from the name, so lists can sort by family name and front-ends can
    choose how formal to be. The page title is composed from them.
    """

    honorific_prefix = models.CharField(
        _("honorific or office"),
        max_length=100,
        blank=True,
        help_text=_('Placed before the name, e.g. "Staatsminister a.D.".'),
    )
    academic_title = models.CharField(
        _("academic title"), max_length=50, blank=True, help_text=_('e.g. "Prof. Dr."')
    )
    given_name = models.CharField(_("given name"), max_length=100)
    family_name = models.CharField(_("family name"), max_length=100)
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("portrait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    portrait_alt_text = models.CharField(
        _("portrait description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_(
            "Describes the portrait for people who cannot see it. Required with a portrait."
        ),
    )
    short_biography = RichTextField(
        _("short biography"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = [
        MultiFieldPanel(
            [
                FieldPanel("honorific_prefix"),
                FieldPanel("academic_title"),
                FieldPanel("given_name"),
                FieldPanel("family_name"),
            ],
            heading=pgettext_lazy("of a person", "Name"),
            help_text=_("The page title is composed from these fields."),
        ),
        InlinePanel("positions", heading=_("Current positions"), label=_("Position")),
        MultiFieldPanel(
            [FieldPanel("portrait"), FieldPanel("portrait_alt_text")], heading=_("Portrait")
        ),
        FieldPanel("short_biography"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("given_name"),
        index.SearchField("family_name"),
        index.SearchField("short_biography"),
        index.RelatedFields(
            "positions", [index.SearchField("function"), index.SearchField("organisation")]
        ),
    ]

    api_fields = [
        APIField("honorific_prefix"),
        APIField("academic_title"),
        APIField("given_name"),
        APIField("family_name"),
        APIField("full_name", serializer=DeclaredField(str)),
        APIField("positions", serializer=PositionsField()),
        APIField("portrait", serializer=PortraitField()),
        APIField("short_biography"),
        APIField("translations", serializer=TranslationsField()),
    ]

    parent_page_types = ["speakers.SpeakerIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    open_graph_type = "profile"

    @property
    def name(self):
        return f"{self.given_name} {self.family_name}".strip()

    @property
    def full_name(self):
        """The name with its titles, as it is printed on an invitation."""
        parts = [self.honorific_prefix, self.academic_title, self.given_name, self.family_name]
        return " ".join(part for part in parts if part)

    @cached_property
    def current_positions(self):
        return list(self.positions.all())

    def get_meta_description(self):
        positions = "; ".join(str(position) for position in self.current_positions)
        biography = unescape(strip_tags(self.short_biography)).strip()
        return (
            positions
            or biography
            or _("%(name)s, contributor to the events of the Reallabor NRW – Ukraine.")
            % {"name": self.full_name}
        )

    def get_social_image(self):
        return self.portrait

    def full_clean(self, *args, **kwargs):
        if self.given_name or self.family_name:
            self.title = self.full_name
        super().full_clean(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.portrait_id and not self.portrait_alt_text.strip():
            raise ValidationError(
                {
                    "portrait_alt_text": _(
                        "Please describe the portrait for people who cannot see it."
                    )
                }
            )


class SpeakerPosition(TranslatableMixin, Orderable):
    """One current position of a speaker: a function at an organisation."""

    page = ParentalKey(SpeakerPage, on_delete=models.CASCADE, related_name="positions")
    function = models.CharField(
        _("function"), max_length=200, help_text=_('e.g. "Generalkonsulin der Ukraine"')
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=250,
        blank=True,
        help_text=_('e.g. "Universität Paderborn"'),
    )

    panels = [FieldPanel("function"), FieldPanel("organisation")]

    api_fields = [APIField("function"), APIField("organisation")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("position")
        verbose_name_plural = _("positions")

    def __str__(self):
        return ", ".join(part for part in (self.function, self.organisation) if part)
