"""Where each event's registration stands, for the admin: counts by language and status, places
left, deadline, and what the user may do with the list.

The organisers' start page, the editors' dashboard panel and the forms index all show it. The
queries do not grow with the number of events: the forms, their events, their translations and
the counts are read once each for the whole list.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import pgettext, pgettext_lazy
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.models import Page

from ..formatting import format_date, format_time
from .admin import DOWNLOAD_CSV, DOWNLOAD_EXCEL
from .models import Registration, language_name, places_left
from .pages import RegistrationFormPage, owning_forms

# How long after its end an event stays on the editors' dashboard: organisers fetch their lists
# and editors look at the figures in the weeks after an event.
RECENT_EVENTS = timedelta(days=60)


def site_order(code):
    """Sorts language codes as settings.LANGUAGES lists them, unknown ones last."""
    codes = [code for code, _name in settings.LANGUAGES]
    return (codes.index(code), "") if code in codes else (len(codes), code)


def registration_actions(form):
    """What can be done with an event's registrations, as (label, url): the start page and the
    forms index show each as a button. Downloads are direct links to the files."""
    registrations = reverse("wagtailforms:list_submissions", args=(form.pk,))
    return [
        (pgettext("registrations action", "Show registrations"), registrations),
        (DOWNLOAD_EXCEL, f"{registrations}?export=xlsx"),
        (DOWNLOAD_CSV, f"{registrations}?export=csv"),
        (
            pgettext_lazy("sign-in list", "Sign-in list (PDF)"),
            reverse("events_sign_in_list", args=(form.pk,)),
        ),
        (pgettext_lazy("event day", "Check-in"), reverse("events_check_in", args=(form.pk,))),
        (pgettext_lazy("event day", "Figures"), reverse("events_figures", args=(form.pk,))),
    ]


@dataclass
class Counts:
    """Registrations of one language (or of all), by status."""

    language: str = ""
    confirmed: int = 0
    # Only those whose time to confirm still runs: they hold a place.
    unconfirmed: int = 0
    waiting: int = 0
    cancelled: int = 0

    @property
    def name(self):
        return language_name(self.language) if self.language else ""

    @property
    def holding_a_place(self):
        return self.confirmed + self.unconfirmed

    def add(self, other):
        self.confirmed += other.confirmed
        self.unconfirmed += other.unconfirmed
        self.waiting += other.waiting
        self.cancelled += other.cancelled


@dataclass
class RegistrationOverview:
    form: RegistrationFormPage
    event: Page  # the form's parent, an EventPage
    # Codes of the languages the form is published in, in the order of settings.LANGUAGES.
    languages: list = field(default_factory=list)
    by_language: dict = field(default_factory=dict)

    @cached_property
    def rows(self):
        """One row per language of the form or of a registration, in the site's order."""
        codes = set(self.languages) | set(self.by_language)
        return [
            self.by_language.get(code, Counts(language=code))
            for code in sorted(codes, key=site_order)
        ]

    @cached_property
    def total(self):
        total = Counts()
        for row in self.rows:
            total.add(row)
        return total

    @property
    def language_names(self):
        return [str(language_name(code)) for code in self.languages]

    @property
    def capacity(self):
        return self.form.capacity

    @property
    def places_left(self):
        """Free places, or None without a limit."""
        return places_left(self.form.capacity, self.total.holding_a_place)

    @property
    def deadline(self):
        closes = self.form.registration_closes
        return pgettext("a date with a time", "%(date)s, %(time)s") % {
            "date": format_date(closes),
            "time": format_time(closes),
        }

    @property
    def event_date(self):
        return format_date(self.event.start)

    @property
    def state(self):
        """not_yet_open, closed, waiting_list or open, as the form page decides, from the counts
        already read."""
        now = timezone.now()
        opens, closes = self.form.registration_opens, self.form.registration_closes
        if opens is not None and opens > now:
            return "not_yet_open"
        if closes <= now:
            return "closed"
        if self.places_left == 0:
            return "waiting_list"
        return "open"

    @property
    def state_label(self):
        return {
            "not_yet_open": pgettext("registration state", "Not open yet"),
            "closed": pgettext("registration state", "Closed"),
            "waiting_list": pgettext("registration state", "Full: waiting list"),
            "open": pgettext("registration state", "Open"),
        }[self.state]

    @property
    def actions(self):
        return registration_actions(self.form)

    @property
    def registrations_url(self):
        return self.actions[0][1]


def forms_of(user):
    """The German forms (each owning one event's registration) whose lists `user` may read,
    latest event first."""
    readable = RegistrationFormPage.objects.filter(pk__in=get_forms_for_user(user).values("pk"))
    parent_path = Substr(
        OuterRef("path"), 1, Length(OuterRef("path")) - RegistrationFormPage.steplen
    )
    # The event page through Wagtail's page table: importing EventPage here would make the
    # models import the admin's modules.
    events = Page.objects.filter(path=parent_path)
    return (
        owning_forms(readable)
        .select_related("locale")
        .annotate(
            event_start=Subquery(events.values("eventpage__start")[:1]),
            event_end=Subquery(events.values("eventpage__end")[:1]),
        )
        .order_by("-event_start", "pk")
    )


def recent(forms, now=None):
    """Forms of events that are still to come or ended recently."""
    now = now or timezone.now()
    return forms.filter(event_end__gte=now - RECENT_EVENTS)


def overviews(forms):
    """An overview of each form's registration, in the order of `forms`."""
    forms = list(forms)
    if not forms:
        return []
    events = {
        event.path: event
        for event in Page.objects.filter(
            path__in=[form.path[: -form.steplen] for form in forms]
        ).specific()
    }
    languages = {}
    for key, code in (
        RegistrationFormPage.objects.filter(
            translation_key__in=[form.translation_key for form in forms], live=True
        )
        .values_list("translation_key", "locale__language_code")
        .order_by()
    ):
        languages.setdefault(key, []).append(code)
    now = timezone.now()
    status = Registration.Status
    counts = (
        Registration.objects.filter(page_id__in=[form.pk for form in forms])
        .values("page_id", "language")
        .order_by()
        .annotate(
            confirmed=Count("pk", filter=Q(status=status.CONFIRMED)),
            unconfirmed=Count(
                "pk", filter=Q(status=status.UNCONFIRMED, confirmation_expires_at__gt=now)
            ),
            waiting=Count("pk", filter=Q(status=status.WAITING_LIST)),
            cancelled=Count("pk", filter=Q(status=status.CANCELLED)),
        )
    )
    by_form = {}
    for row in counts:
        page_id = row.pop("page_id")
        by_form.setdefault(page_id, {})[row["language"]] = Counts(**row)
    result = []
    for form in forms:
        event = events.get(form.path[: -form.steplen])
        if event is None:
            continue
        codes = languages.get(form.translation_key, [form.locale.language_code])
        result.append(
            RegistrationOverview(
                form=form,
                event=event,
                languages=sorted(codes, key=site_order),
                by_language=by_form.get(form.pk, {}),
            )
        )
    return result
