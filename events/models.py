from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from .blocks import KeyQuestionsBlock, ProgrammeBlock

BERLIN = ZoneInfo("Europe/Berlin")


class Venue(TranslatableMixin, models.Model):
    """A place where events happen, reused by every event held there."""

    name = models.CharField(_("name"), max_length=200)
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


class EventIndexPage(Page):
    """The list of events: upcoming ones first, then the archive of past events."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")
        verbose_name_plural = _("event indexes")

    def events(self):
        return EventPage.objects.child_of(self).live().public().select_related("venue", "image")

    def upcoming_events(self):
        return self.events().filter(end__gte=timezone.now()).order_by("start")

    def past_events(self):
        return self.events().filter(end__lt=timezone.now()).order_by("-start")


class EventPage(Page):
    """An event of the project, such as a conference, with its programme and speakers."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Takes place as planned")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")

    class AttendanceMode(models.TextChoices):
        OFFLINE = "offline", _("On site")
        ONLINE = "online", _("Online")
        MIXED = "mixed", _("On site and online")

    subtitle = models.CharField(
        _("subtitle or series"),
        max_length=250,
        blank=True,
        help_text=_('e.g. the series "Konferenz des Reallabors".'),
    )
    teaser = models.TextField(
        _("teaser"), blank=True, help_text=_("One or two sentences for lists and previews.")
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )
    attendance_mode = models.CharField(
        _("attendance"),
        max_length=20,
        choices=AttendanceMode.choices,
        default=AttendanceMode.OFFLINE,
    )
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared; the image's title serves as its description."),
    )
    introduction = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    key_questions = StreamField(KeyQuestionsBlock(), verbose_name=_("key questions"), blank=True)
    programme = StreamField(ProgrammeBlock(), verbose_name=_("programme"), blank=True)
    funding_note = models.TextField(
        _("funding note"),
        blank=True,
        help_text=_("Who funds the event, as the funder requires it to be stated."),
    )
    organiser = models.CharField(_("organiser"), max_length=250, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("subtitle"),
        FieldPanel("teaser"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldRowPanel([FieldPanel("status"), FieldPanel("attendance_mode")]),
                FieldPanel("venue"),
            ],
            heading=_("Date and place"),
            help_text=_("Times are in German time (Europe/Berlin)."),
        ),
        FieldPanel("image"),
        FieldPanel("introduction"),
        FieldPanel("key_questions"),
        MultiFieldPanel(
            [
                FieldPanel("funding_note"),
                FieldPanel("organiser"),
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
            ],
            heading=_("Organiser, funding and contact"),
        ),
    ]
    programme_panels = [FieldPanel("programme")]
    people_panels = [
        InlinePanel(
            "speakers",
            heading=_("Speakers"),
            label=_("Speaker"),
            help_text=_("In the order in which they are to be listed."),
        ),
        InlinePanel(
            "practice_examples",
            heading=_("Practice examples presented"),
            label=_("Practice example"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(programme_panels, heading=_("Programme")),
            ObjectList(people_panels, heading=_("People")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("subtitle"),
        index.SearchField("teaser"),
        index.SearchField("introduction"),
        index.SearchField("key_questions"),
        index.SearchField("programme"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = ["events.RegistrationFormPage"]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must be after the start.")
        elif self.start and self.end:
            outside = self._programme_items_outside_event_time()
            if outside:
                errors["programme"] = _(
                    "These programme items lie outside the event's time: %(items)s"
                ) % {"items": ", ".join(outside)}
        if errors:
            raise ValidationError(errors)
        speaker_ids = [entry.speaker_id for entry in self.speakers.all() if entry.speaker_id]
        if len(speaker_ids) != len(set(speaker_ids)):
            raise ValidationError(
                _("A speaker is listed twice. List each person once, with one role.")
            )

    def _programme_items_outside_event_time(self):
        start = timezone.localtime(self.start, BERLIN)
        end = timezone.localtime(self.end, BERLIN)
        if start.date() != end.date():
            return []
        return [
            f"{item.value['starts_at']:%H:%M} {item.value['title']}"
            for item in self.programme
            if not (start.time() <= item.value["starts_at"] <= end.time())
        ]

    @cached_property
    def local_start(self):
        return timezone.localtime(self.start, BERLIN)

    @cached_property
    def local_end(self):
        return timezone.localtime(self.end, BERLIN)

    @property
    def is_past(self):
        return self.end < timezone.now()

    @cached_property
    def registration_page(self):
        """The live registration form below this event, if there is one."""
        return RegistrationFormPage.objects.child_of(self).live().first()


class EventSpeaker(Orderable):
    """A person who speaks at an event, in the role they have there."""

    class Role(models.TextChoices):
        KEYNOTE = "keynote", _("Keynote")
        TALK = "talk", _("Talk")
        PANEL = "panel", _("Panel")
        MODERATION = "moderation", _("Moderation")
        PRACTICE_EXAMPLE = "practice_example", _("Practice example")
        WELCOME = "welcome", _("Welcome")

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    speaker = models.ForeignKey(
        "speakers.SpeakerPage",
        verbose_name=_("speaker"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices, default=Role.TALK)

    panels = [FieldPanel("speaker"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")


class EventPracticeExample(Orderable):
    """A practice example presented at an event."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="practice_examples")
    practice_example = models.ForeignKey(
        "home.PracticeExamplePage",
        verbose_name=_("practice example"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    presenter = models.ForeignKey(
        "speakers.SpeakerPage",
        verbose_name=_("presented by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("practice_example"), FieldPanel("presenter")]

    class Meta(Orderable.Meta):
        verbose_name = _("practice example")
        verbose_name_plural = _("practice examples")


class RegistrationFormField(AbstractFormField):
    page = ParentalKey(
        "events.RegistrationFormPage", on_delete=models.CASCADE, related_name="form_fields"
    )


class RegistrationFormPage(AbstractEmailForm):
    """The registration form of an event, built by editors from Wagtail's form fields."""

    registration_opens = models.DateTimeField(
        _("registration opens"), null=True, blank=True, help_text=_("Empty: open right away.")
    )
    registration_closes = models.DateTimeField(
        _("registration closes"),
        help_text=_("The deadline shown on the event page, in German time."),
    )
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(
        _("thank-you text"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("registration_opens"), FieldPanel("registration_closes")]
                ),
                FieldPanel("capacity"),
            ],
            heading=_("Registration period and places"),
        ),
        FieldPanel("introduction"),
        InlinePanel("form_fields", heading=_("Form fields"), label=_("Field")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Notification e-mail to the organisers"),
        ),
    ]

    parent_page_types = ["events.EventPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("registration form")
        verbose_name_plural = _("registration forms")

    def clean(self):
        super().clean()
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_closes <= self.registration_opens
        ):
            raise ValidationError(
                {"registration_closes": _("Registration must close after it opens.")}
            )

    @property
    def is_open(self):
        now = timezone.now()
        opened = self.registration_opens is None or self.registration_opens <= now
        return opened and now < self.registration_closes
