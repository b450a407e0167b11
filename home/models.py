from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index

from .blocks import BaseStreamBlock


class HomePage(Page):
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

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class StandardPage(Page):
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

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


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

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation details")
        verbose_name_plural = _("organisation details")

    def __str__(self):
        return self.organisation_name


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details, logos and legal pages shown in the footer of every page."""

    organisation = models.ForeignKey(
        OrganisationDetails,
        verbose_name=_("organisation details"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Choose the German version; visitors see the one in their language."),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    organiser_logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("organiser's logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    funder_logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("funder's logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("imprint page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
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
    ]

    select_related = [
        "organisation",
        "organiser_logo",
        "funder_logo",
        "imprint_page",
        "privacy_page",
        "accessibility_page",
    ]

    class Meta:
        verbose_name = _("site settings")

    @cached_property
    def legal_pages(self):
        """The legal pages in the reader's language (German where no translation is live yet)."""
        chosen = [
            page
            for page in (self.imprint_page, self.privacy_page, self.accessibility_page)
            if page is not None
        ]
        translated = {
            page.translation_key: page
            for page in Page.objects.live().filter(
                translation_key__in=[page.translation_key for page in chosen],
                locale=Locale.get_active(),
            )
        }
        return [translated.get(page.translation_key, page) for page in chosen if page.live]
