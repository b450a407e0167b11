from itertools import islice

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from pagebase.api_fields import ImageField, TranslationsField
from pagebase.localization import localized_pages, localized_snippets
from pagebase.models import IndexPage
from pagebase.preview import HeadlessPreviewMixin
from pagebase.sections import cache_expires_at
from pagebase.visibility import public
from speakers.models import SpeakerPage

from .api import ContactPersonField, CooperationFieldsField
from .blocks import BaseStreamBlock, LeichteSpracheStreamBlock
from .leichte_sprache import texts_of_stream

# What a practice example's card in a list shows (home/includes/practice_example_card.html):
# loading only these columns saves building the rest of each page.
PRACTICE_EXAMPLE_CARD_FIELDS = (
    "title",
    "url_path",
    "kreis",
    "partner_community",
    "partner_oblast",
    "summary",
    "alias_of__locale__language_code",
)


def optional_link(to, verbose_name, **options):
    """A choice an editor may leave empty; deleting what it points to empties it again."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        **options,
    )


class HomePage(HeadlessPreviewMixin, Page):
    """The landing page of the Reallabor project, one per language."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown large at the top: what the project is."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("header image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("content"),
        blank=True,
        help_text=_("Aims, who runs and funds the project, contact: arrange the blocks freely."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    api_fields = [
        APIField("introduction"),
        APIField("hero_image", serializer=ImageField()),
        APIField("body"),
        APIField("translations", serializer=TranslationsField()),
    ]

    parent_page_types = ["wagtailcore.Page"]
    # Any page type that names the home page among its parent_page_types: each of ours does
    # (standard, Leichte Sprache, practice example and speaker index pages, and the event index
    # of the events app, which home does not know).
    subpage_types = None

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    open_graph_type = "website"
    practice_examples_shown = 6

    def get_meta_description(self):
        return self.introduction

    def get_social_image(self):
        return self.hero_image

    def practice_examples(self):
        """The first practice examples of this home page's language, for its teaser section."""
        examples = (
            public(PracticeExamplePage.objects.descendant_of(self).live())
            .select_related("alias_of__locale")
            .prefetch_related("cooperation_fields__field")
            .only(*PRACTICE_EXAMPLE_CARD_FIELDS)
            .order_by("kreis", "title")[: self.practice_examples_shown]
        )
        # This home page's language is the reader's: knowing it saves a query.
        return PracticeExamplePage.with_localized_relations(examples, locale_id=self.locale_id)

    def practice_example_index(self):
        # Only linked to from the teaser section: its address is all it needs.
        return (
            public(PracticeExampleIndexPage.objects.child_of(self).live()).only("url_path").first()
        )

    def cache_expires_at(self):
        """When a section another app adds to it (upcoming events, say) changes by time alone."""
        return cache_expires_at(self)


class StandardPage(HeadlessPreviewMixin, Page):
    """A page of text, such as "Über uns", "Impressum", "Datenschutz" or "Barrierefreiheit"."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("content"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    api_fields = [
        APIField("introduction"),
        APIField("body"),
        APIField("translations", serializer=TranslationsField()),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def get_meta_description(self):
        return self.introduction


class LeichteSprachePage(HeadlessPreviewMixin, Page):
    """A page in Leichte Sprache: plain German after the rules of the Netzwerk Leichte Sprache.

    Leichte Sprache ("easy-to-read German") is for readers with learning difficulties and for
    readers with little German. It exists in German only: the site's header links to the German
    start page of this area from every language, and the copies that wagtail-localize keeps in the
    English and Ukrainian trees show the German text, marked as such, like any untranslated page.
    """

    body = StreamField(
        LeichteSpracheStreamBlock(),
        verbose_name=_("content"),
        blank=True,
        help_text=_(
            "Each block says which rule of Leichte Sprache it helps to follow. On saving, the "
            "page is checked for long sentences, numbers written as words and abbreviations."
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("body")]

    search_fields = Page.search_fields + [index.SearchField("body")]

    api_fields = [
        APIField("body"),
        APIField("translations", serializer=TranslationsField()),
    ]

    parent_page_types = ["home.HomePage", "home.LeichteSprachePage"]
    subpage_types = ["home.LeichteSprachePage"]

    class Meta:
        verbose_name = _("Leichte Sprache page")
        verbose_name_plural = _("Leichte Sprache pages")

    def leichte_sprache_texts(self):
        """The texts the save-time check reads (see home.leichte_sprache)."""
        return [self.title, *texts_of_stream(self.body)]

    def get_meta_description(self):
        for block in self.body:
            if block.block_type == "sentences":
                return " ".join(block.value.split())
        return ""

    @cached_property
    def area_start(self):
        """The start page of this Leichte Sprache area: the highest such page above this one."""
        return (
            LeichteSprachePage.objects.ancestor_of(self, inclusive=True).order_by("depth").first()
        )

    def area_pages(self):
        """The live pages of the area below its start page, for the start page's navigation."""
        return LeichteSprachePage.objects.child_of(self.area_start).live().public()


class OrganisationDetails(TranslatableMixin, models.Model):
    """The texts of the footer that differ by language: who runs and who funds the project.

    Wagtail's settings cannot be translated, so the site settings point to this translatable
    snippet, chosen in German; templates show the version in the reader's language.
    """

    organisation_name = models.CharField(
        _("organisation"),
        max_length=255,
        help_text=_('Who runs the project, e.g. "Netzwerkstelle Städtepartnerschaften".'),
    )
    project_name = models.CharField(_("project name"), max_length=255)
    funding_line = models.CharField(
        _("funding line"),
        max_length=500,
        help_text=_("Shown in the footer of every page, next to the funder's logo."),
    )
    address = models.TextField(
        _("postal address"), blank=True, help_text=_("One line per line of the address.")
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("project_name"),
        FieldPanel("funding_line"),
        FieldPanel("address"),
    ]

    api_fields = [
        APIField("organisation_name"),
        APIField("project_name"),
        APIField("funding_line"),
        APIField("address"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation details")
        verbose_name_plural = _("organisation details")

    def __str__(self):
        return self.organisation_name


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details, logos and legal pages shown in the footer of every page."""

    organisation = optional_link(
        OrganisationDetails,
        _("organisation details"),
        help_text=_("Choose the German version; visitors see the one in their language."),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    organiser_logo = optional_link("wagtailimages.Image", _("organiser's logo"))
    funder_logo = optional_link("wagtailimages.Image", _("funder's logo"))
    imprint_page = optional_link("wagtailcore.Page", _("imprint page"))
    privacy_page = optional_link("wagtailcore.Page", _("privacy page"))
    accessibility_page = optional_link("wagtailcore.Page", _("accessibility statement page"))
    leichte_sprache_page = optional_link(
        "wagtailcore.Page",
        _("Leichte Sprache start page"),
        help_text=_(
            "The German start page in Leichte Sprache. Every page links to it in its header, "
            "in every language."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation"), FieldPanel("contact_email"), FieldPanel("phone")],
            heading=_("Organisation and contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("organiser_logo"), FieldPanel("funder_logo")], heading=_("Logos")
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("imprint_page"),
                PageChooserPanel("privacy_page"),
                PageChooserPanel("accessibility_page"),
            ],
            heading=_("Legal pages (German law requires them)"),
        ),
        PageChooserPanel("leichte_sprache_page", page_type="home.LeichteSprachePage"),
    ]

    # What the footer shows of them; the pages come with the page frame's query instead.
    select_related = ["organisation", "organiser_logo", "funder_logo"]

    class Meta:
        verbose_name = _("site settings")

    def legal_page_ids(self):
        """The ids of the imprint, privacy and accessibility pages as chosen, in this order.

        The page frame fetches the pages with its other pages (in the site's page frame tags), so
        the settings' own query joins none of them.
        """
        return [
            pk
            for pk in (self.imprint_page_id, self.privacy_page_id, self.accessibility_page_id)
            if pk is not None
        ]


class CooperationField(TranslatableMixin, models.Model):
    """A field in which partners cooperate, e.g. "Katastrophenschutz" or "Jugendaustausch".

    A translatable snippet rather than free tags, so each language shows its own word and readers
    can filter practice examples by it.
    """

    name = models.CharField(pgettext_lazy("of a field of cooperation", "name"), max_length=100)

    panels = [FieldPanel("name")]

    api_fields = [APIField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("field of cooperation")
        verbose_name_plural = _("fields of cooperation")
        ordering = ["name"]

    def __str__(self):
        return self.name


class PracticeExampleIndexPage(HeadlessPreviewMixin, IndexPage):
    """The list of practice examples: partnerships of districts (Kreise) with Ukraine.

    Introduction, panels, search and API fields come from pagebase's IndexPage.
    """

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.PracticeExamplePage"]

    class Meta:
        verbose_name = _("practice example index")
        verbose_name_plural = _("practice example indexes")

    def practice_examples(self):
        return (
            PracticeExamplePage.objects.child_of(self)
            .live()
            .public()
            .select_related("alias_of__locale")
            .prefetch_related("cooperation_fields__field")
            .only(*PRACTICE_EXAMPLE_CARD_FIELDS)
            .order_by("kreis", "title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        examples = self.practice_examples()
        kreise = sorted(set(examples.values_list("kreis", flat=True)))
        # Only a Kreis that has examples filters the list; anything else shows them all.
        selected = request.GET.get("kreis", "")
        if selected in kreise:
            examples = examples.filter(kreis=selected)
        else:
            selected = ""
        context.update(
            practice_examples=PracticeExamplePage.with_localized_relations(examples),
            kreise=kreise,
            selected_kreis=selected,
        )
        return context


class PracticeExamplePage(HeadlessPreviewMixin, Page):
    """A district's (Kreis) partnership with a Ukrainian community, as presented at our events."""

    kreis = models.CharField(
        _("district (Kreis)"),
        max_length=100,
        help_text=_('The German district, e.g. "Kreis Coesfeld".'),
    )
    partner_community = models.CharField(
        _("partner community"),
        max_length=150,
        blank=True,
        help_text=_("The Ukrainian community (hromada). Leave empty if not known."),
    )
    partner_oblast = models.CharField(
        _("oblast of the partner community"), max_length=100, blank=True
    )
    partnership_since = models.PositiveSmallIntegerField(
        _("partnership since (year)"), null=True, blank=True
    )
    contact_person = models.ForeignKey(
        "speakers.SpeakerPage",
        verbose_name=pgettext_lazy("practice example", "presented by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who presents the partnership, e.g. at a conference."),
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("Two or three sentences for lists and previews.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("content"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kreis"),
                FieldPanel("partner_community"),
                FieldPanel("partner_oblast"),
                FieldPanel("partnership_since"),
            ],
            heading=_("Partnership"),
        ),
        InlinePanel(
            "cooperation_fields",
            heading=_("Fields of cooperation"),
            label=pgettext_lazy("of cooperation", "Field"),
        ),
        FieldPanel("contact_person"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("kreis"),
        index.SearchField("partner_community"),
        index.SearchField("partner_oblast"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kreis"),
    ]

    api_fields = [
        APIField("kreis"),
        APIField("partner_community"),
        APIField("partner_oblast"),
        APIField("partnership_since"),
        APIField("cooperation_fields", serializer=CooperationFieldsField()),
        APIField("contact_person", serializer=ContactPersonField()),
        APIField("summary"),
        APIField("body"),
        APIField("translations", serializer=TranslationsField()),
    ]

    parent_page_types = ["home.PracticeExampleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("practice example")
        verbose_name_plural = _("practice examples")

    def get_meta_description(self):
        return self.summary

    @cached_property
    def localized_contact_person(self):
        """The presenter's page in the reader's language (German if not translated)."""
        return localized_pages(SpeakerPage, [self.contact_person_id]).get(self.contact_person_id)

    @cached_property
    def localized_cooperation_fields(self):
        """The fields of cooperation, named in the reader's language where translated."""
        links = self.cooperation_fields.select_related("field")
        return localized_snippets(link.field for link in links)

    @classmethod
    def with_localized_relations(cls, examples, locale_id=None):
        """The examples as a list, their fields of cooperation localized in one query, in the
        locale with `locale_id` (the active one by default), as their cards in a list show them.

        Expects the examples' cooperation_fields__field to be prefetched.
        """
        examples = list(examples)
        fields_per_example = [
            [link.field for link in example.cooperation_fields.all()] for example in examples
        ]
        localized = iter(
            localized_snippets(
                (field for fields in fields_per_example for field in fields), locale_id=locale_id
            )
        )
        for example, fields in zip(examples, fields_per_example, strict=True):
            # Fill the cached property, so templates never query per example.
            example.__dict__["localized_cooperation_fields"] = list(islice(localized, len(fields)))
        return examples


class PracticeExampleCooperationField(TranslatableMixin, Orderable):
    page = ParentalKey(
        PracticeExamplePage, on_delete=models.CASCADE, related_name="cooperation_fields"
    )
    field = models.ForeignKey(
        CooperationField,
        verbose_name=_("field of cooperation"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("field")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("field of cooperation")
        verbose_name_plural = _("fields of cooperation")
