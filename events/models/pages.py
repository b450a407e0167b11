from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q, Subquery
from django.http import Http404
from django.utils import timezone, translation
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
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import LeichteSpracheStreamBlock
from home.leichte_sprache import texts_of_stream
from pagebase.api_fields import ImageField, TranslationsField
from pagebase.localization import snippet_in_locale
from pagebase.models import IndexPage
from pagebase.preview import HeadlessPreviewMixin
from pagebase.versions import live_versions
from pagebase.visibility import public

from .. import calendar
from ..api import (
    AttendanceModeField,
    ContactField,
    EventPracticeExamplesField,
    EventSpeakersField,
    KeyQuestionsField,
    LocalDateTimeField,
    ProgrammeField,
    StatusField,
    VenueField,
)
from ..blocks import KeyQuestionsBlock, ProgrammeBlock
from ..choices import AttendanceMode, EventStatus, SpeakerRole
from ..formatting import BERLIN, format_period, plain_text
from ..forms import SPEAKER_LISTED_TWICE, EventPageForm
from ..localization import EventPeople, localize_venues
from ..registration.api import RegistrationField
from ..registration.pages import RegistrationFormPage, owning_forms, with_event_end
from ..state_changes import next_state_change
from .venues import Venue

ARCHIVE_PAGE_SIZE = 10
# What an event page, its JSON-LD, the API and the page cache read of the event's registration
# form: where it is, its language, state and dates. Loading only these columns saves building
# the form's texts and e-mail settings, which only the form's own page shows.
REGISTRATION_SUMMARY_FIELDS = (
    "title",
    "path",
    "url_path",
    "translation_key",
    "live",
    "first_published_at",
    "registration_opens",
    "registration_closes",
    "capacity",
    "locale__language_code",
)


def route_url(page, name, request):
    """The URL of one of a routable page's routes; None while the page has no URL of its own."""
    url = page.get_url(request)
    return url + page.reverse_subpage(name) if url else None


def only_child_by_slug(page, path_components, children):
    """For the routing of a routable page whose children are all of one type: the child whose slug
    is the path's first component, from `children` (a queryset of that type) in one query and
    already specific; None where the path is one of the page's own routes or names no child.

    The child knows its parent, so the page frame's walk up to the home page (and a form's look at
    its event) needs no query.
    """
    if not path_components:
        return None
    try:
        page.resolve_subpage("/" + "/".join(path_components) + "/")
    except Http404:
        child = children.child_of(page).filter(slug=path_components[0]).first()
        if child is not None:
            child._cached_parent_obj = page
        return child
    return None


def _chosen_year(value, years):
    """The year asked for with ?year=, if events start in it; anything else shows every year."""
    try:
        year = int(value)
    except (TypeError, ValueError):
        return None
    return year if year in years else None


class EventIndexPage(HeadlessPreviewMixin, RoutablePageMixin, IndexPage):
    """The list of events: upcoming ones first, then the archive of past events.

    Also serves an iCalendar feed of its events at `ics/` (Wagtail's page URLs allow no dot, so
    the route cannot be called `events.ics`). Introduction, panels, search and API fields come
    from pagebase's IndexPage.
    """

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("event index")
        verbose_name_plural = _("event indexes")

    def get_meta_description(self):
        return self.introduction or _(
            "Conferences and workshops of the Reallabor NRW – Ukraine on partnerships between "
            "districts and municipalities in North Rhine-Westphalia and Ukraine."
        )

    def events(self):
        return public(EventPage.objects.child_of(self).live()).select_related("venue", "image")

    def upcoming_events(self):
        return self.events().filter(end__gte=timezone.now()).order_by("start")

    def past_events(self):
        return self.events().filter(end__lt=timezone.now()).order_by("-start")

    def years(self):
        """The years in which events of this index start, latest first."""
        return [moment.year for moment in self.events().datetimes("start", "year", "DESC", BERLIN)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        years = self.years()
        year = _chosen_year(request.GET.get("year"), years)
        upcoming, past = self.upcoming_events(), self.past_events()
        if year:
            year_start = datetime(year, 1, 1, tzinfo=BERLIN)
            year_end = datetime(year + 1, 1, 1, tzinfo=BERLIN)
            upcoming = upcoming.filter(start__gte=year_start, start__lt=year_end)
            past = past.filter(start__gte=year_start, start__lt=year_end)
        upcoming = list(upcoming)
        # get_page() turns a page number out of range into the last page instead of an error.
        archive = Paginator(past, ARCHIVE_PAGE_SIZE).get_page(request.GET.get("page"))
        localize_venues([*upcoming, *archive], self.locale_id)
        context.update(
            years=years,
            selected_year=year,
            year_query=f"year={year}&" if year else "",
            upcoming_events=upcoming,
            archive=archive,
            feed_url=route_url(self, "feed", request),
        )
        return context

    def cache_expires_at(self):
        """When an event of this index ends or its registration opens or closes next."""
        return next_state_change(
            self.events(), owning_forms(RegistrationFormPage.objects.live().descendant_of(self))
        )

    def route(self, request, path_components):
        """Wagtail's routing, but an event is found in one query instead of two.

        Events are this page's only children, so their own table is asked directly and the
        result is already the specific page, with its venue. The index's own routes (the feed)
        still come first.
        """
        event = only_child_by_slug(self, path_components, EventPage.objects.select_related("venue"))
        if event is not None:
            return event.route(request, path_components[1:])
        return super().route(request, path_components)

    @path("ics/", name="feed")
    def feed(self, request):
        events = self.events().select_related("locale").order_by("start")
        return calendar.ics_response(
            calendar.build_calendar(self, events, request), filename=f"{self.slug}.ics"
        )


class EventPage(HeadlessPreviewMixin, RoutablePageMixin, Page):
    """An event of the project, such as a conference, with its programme and speakers.

    Offers itself as an iCalendar file at `ics/` and as schema.org JSON-LD in its page head.
    """

    Status = EventStatus
    AttendanceMode = AttendanceMode

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
    leichte_sprache = StreamField(
        LeichteSpracheStreamBlock(),
        verbose_name=_("summary in Leichte Sprache"),
        blank=True,
        help_text=_(
            "Optional. Who is it for, what happens, when, where, how to get there and how to "
            "register, in Leichte Sprache. When filled, the event page links to it."
        ),
    )

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
            ObjectList([FieldPanel("leichte_sprache")], heading=_("Leichte Sprache")),
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
        index.SearchField("leichte_sprache"),
        # Readers look for an event by where it takes place ("Opherdicke", "Holzwickede"); a
        # translated event points to the venue in its own language.
        index.RelatedFields("venue", [index.SearchField("name"), index.SearchField("city")]),
        index.FilterField("start"),
        index.FilterField("end"),
    ]

    api_fields = [
        APIField("subtitle"),
        APIField("teaser"),
        APIField("start", serializer=LocalDateTimeField()),
        APIField("end", serializer=LocalDateTimeField()),
        APIField("status", serializer=StatusField()),
        APIField("attendance_mode", serializer=AttendanceModeField()),
        APIField("venue", serializer=VenueField()),
        APIField("image", serializer=ImageField()),
        APIField("introduction"),
        APIField("key_questions", serializer=KeyQuestionsField()),
        APIField("programme", serializer=ProgrammeField()),
        APIField("speakers", serializer=EventSpeakersField()),
        APIField("practice_examples", serializer=EventPracticeExamplesField()),
        APIField("registration", serializer=RegistrationField()),
        APIField("funding_note"),
        APIField("contact", serializer=ContactField()),
        APIField("leichte_sprache"),
        APIField("translations", serializer=TranslationsField()),
    ]

    # Leichte Sprache is German: the German event owns the summary, and its translations link to
    # it. Copied, not translated, so translators are not asked for it.
    override_translatable_fields = [SynchronizedField("leichte_sprache")]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = ["events.RegistrationFormPage"]

    base_form_class = EventPageForm

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
            raise ValidationError(SPEAKER_LISTED_TWICE)

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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["people"] = self.people
        context["ics_url"] = route_url(self, "ics", request)
        context["leichte_sprache_url"] = self.leichte_sprache_url(request)
        return context

    def cache_expires_at(self):
        """When this page next changes by time alone: registration opens or closes, or the event
        becomes past."""
        now = timezone.now()
        moments = [self.end]
        if self.registration_page is not None:
            owner = self.registration_page.owning_form
            moments += [owner.registration_opens, owner.registration_closes]
        return min((moment for moment in moments if moment and moment > now), default=None)

    @classmethod
    def next_state_change_on_site(cls):
        """The next moment at which any live event or registration changes by time alone, for
        pages that list events from elsewhere (the home page)."""
        return next_state_change(
            cls.objects.live(), owning_forms(RegistrationFormPage.objects.live())
        )

    def route(self, request, path_components):
        """Wagtail's routing, but the registration form is found in one query instead of two,
        with its locale, which tells whether it owns the registration.

        Registration forms are this page's only children. The event's own routes (ics/) still
        come first.
        """
        form = only_child_by_slug(
            self, path_components, RegistrationFormPage.objects.select_related("locale")
        )
        if form is not None:
            return form.route(request, path_components[1:])
        return super().route(request, path_components)

    @path("ics/", name="ics")
    def ics(self, request):
        return calendar.ics_response(
            calendar.build_calendar(self, [self], request), filename=f"{self.slug}.ics"
        )

    @path("leichte-sprache/", name="leichte_sprache")
    def leichte_sprache_summary(self, request):
        """The summary in Leichte Sprache, on the German event only, when editors wrote one."""
        if not self.leichte_sprache or self.alias_of_id or not self._is_in_source_language():
            raise Http404
        return self.render(request, template="events/event_leichte_sprache.html")

    def _is_in_source_language(self):
        return self.locale.language_code == settings.LANGUAGE_CODE

    def leichte_sprache_url(self, request):
        """Where the summary in Leichte Sprache is, from any language; None when there is none."""
        # Served pages are in the active language (Wagtail routes /de/ to the German tree),
        # which saves a query for the locale on German pages.
        if translation.get_language() == settings.LANGUAGE_CODE:
            source = self
        else:
            # Among the versions the language switcher looks up anyway: no query of its own.
            source = live_versions(request, self).get(settings.LANGUAGE_CODE)
        if source is None or not source.leichte_sprache:
            return None
        return route_url(source, "leichte_sprache", request)

    def leichte_sprache_texts(self):
        """The texts the save-time check of Leichte Sprache reads (see home.leichte_sprache)."""
        return list(texts_of_stream(self.leichte_sprache))

    def get_meta_description(self):
        """The teaser, else the introduction, else when and where the event takes place."""
        if self.teaser or plain_text(self.introduction):
            return self.teaser or self.introduction
        venue = self.localized_venue
        when = format_period(self.start, self.end)
        return f"{when}, {venue.name}" if venue else when

    @cached_property
    def people(self):
        """Speakers, programme speakers and practice examples in the page's language."""
        return EventPeople(self)

    @cached_property
    def localized_venue(self):
        """The venue in the page's language; the German one where it is not translated."""
        # Translating a page with wagtail-localize points it at the venue's translation, and
        # routing fetches the venue with the event: then it costs no query.
        if (
            EventPage.venue.is_cached(self)
            and self.venue
            and self.venue.locale_id == self.locale_id
        ):
            return self.venue
        return snippet_in_locale(Venue, self.venue_id, self.locale_id)

    @cached_property
    def status_key(self):
        """Where the event stands: cancelled, postponed, past, registration_open,
        registration_closed or upcoming."""
        if self.status in (self.Status.CANCELLED, self.Status.POSTPONED):
            return self.status
        if self.is_past:
            return "past"
        registration = self.registration_page
        if registration is not None and registration.is_open:
            return "registration_open"
        if registration is not None and registration.has_closed:
            return "registration_closed"
        return "upcoming"

    @property
    def status_line(self):
        """The status of the event as one sentence for readers."""
        return {
            "cancelled": _("This event has been cancelled."),
            "postponed": _("This event has been postponed. The new date will be announced."),
            "past": _("This event has taken place."),
            "registration_open": _("Upcoming event – registration is open."),
            "registration_closed": _("Upcoming event – registration is closed."),
            "upcoming": _("Upcoming event."),
        }[self.status_key]

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
        """The live registration form of this event in its language; where that is not live, the
        German one, so a translated event never loses its registration.

        One query finds the form below this event and the one below the German event, which
        owns it. (Registration forms are only ever children of events.)
        """
        german = Q(locale__language_code=settings.LANGUAGE_CODE)
        german_event_path = EventPage.objects.filter(
            german, translation_key=self.translation_key
        ).values("path")[:1]
        forms = (
            with_event_end(RegistrationFormPage.objects)
            .filter(
                Q(path__startswith=self.path)
                | (german & Q(path__startswith=Subquery(german_event_path)))
            )
            .select_related("locale")
            .only(*REGISTRATION_SUMMARY_FIELDS)
        )
        own = german_form = None
        for form in forms:
            if form.path.startswith(self.path):
                own = form
            if form.locale.language_code == settings.LANGUAGE_CODE:
                german_form = form
        if own is not None:
            # A form's German version is the child of the German event, or there is none.
            same_form = (
                german_form is not None and german_form.translation_key == own.translation_key
            )
            own.__dict__["owning_form"] = german_form if same_form else own
        if own is not None and own.live:
            return own
        return german_form if german_form is not None and german_form.live else None


class EventSpeaker(Orderable):
    """A person who speaks at an event, in the role they have there."""

    Role = SpeakerRole

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
