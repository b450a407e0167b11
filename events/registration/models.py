"""A person's registration for an event, and the questions asked of an event's registrations."""

from django.db import models
from django.utils import timezone
from django.utils.translation import get_language_info, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import AbstractFormSubmission

# Members of this group may see the registrations of the forms that name them as organisers.
ORGANISERS_GROUP = "Veranstaltungsorganisation"


class RegistrationQuerySet(models.QuerySet):
    def of(self, owner):
        """The registrations of the event whose form page (in the source language) is `owner`."""
        return self.filter(page_id=owner.pk)

    def holding_a_place(self, now=None):
        """Confirmed registrations, and unconfirmed ones whose confirmation time still runs."""
        now = now or timezone.now()
        return self.filter(
            models.Q(status=Registration.Status.CONFIRMED)
            | models.Q(status=Registration.Status.UNCONFIRMED, confirmation_expires_at__gt=now)
        )

    def waiting(self):
        """The waiting list, first come first served."""
        return self.filter(status=Registration.Status.WAITING_LIST).order_by("submit_time", "pk")

    def expired(self, now=None):
        now = now or timezone.now()
        return self.filter(status=Registration.Status.UNCONFIRMED, confirmation_expires_at__lte=now)

    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)


class Registration(AbstractFormSubmission):
    """One person's registration for an event, in whichever language they registered.

    All languages' forms store their registrations against the German form page, the owner of the
    event's registration, so an event has one list and one count of places.
    """

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Awaiting e-mail confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING_LIST = "waiting_list", _("Waiting list")
        CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")

    language = models.CharField(_("language"), max_length=10)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONFIRMED
    )
    email = models.EmailField(_("e-mail"), max_length=254)
    consent_text = models.TextField(_("consent given to"), blank=True)
    confirmation_expires_at = models.DateTimeField(_("confirmation expires"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    # Set at the door by an organiser (check-in); a confirmed registrant without it, after the
    # event, did not come ("nicht erschienen").
    checked_in_at = models.DateTimeField(
        pgettext_lazy("registration", "checked in"), null=True, blank=True
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        app_label = "events"
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["submit_time"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "email"],
                condition=~models.Q(status="cancelled"),
                name="events_one_active_registration_per_email",
            )
        ]

    @property
    def confirmation_has_expired(self):
        return (
            self.confirmation_expires_at is not None
            and self.confirmation_expires_at <= timezone.now()
        )

    @property
    def has_a_place(self):
        return self.status == self.Status.CONFIRMED

    def attendance(self, event_has_ended):
        """Present, not attended (a confirmed place not used once the event is over), or
        nothing to say (yet)."""
        if self.checked_in_at is not None:
            return Attendance.PRESENT
        if event_has_ended and self.status == self.Status.CONFIRMED:
            return Attendance.ABSENT
        return None

    def get_data(self):
        event_end = getattr(self, "event_end", None)
        attendance = self.attendance(event_end is not None and event_end < timezone.now())
        return {
            **super().get_data(),
            "language": language_name(self.language),
            "status": self.get_status_display(),
            "attendance": attendance.label if attendance else "",
        }


class Attendance(models.TextChoices):
    PRESENT = "present", pgettext_lazy("attendance", "Present")
    ABSENT = "absent", pgettext_lazy("attendance", "Did not attend")


class WalkIn(models.Model):
    """Someone who came to the event without a registration, added at the door by an organiser.

    Stored against the German form page, like the registrations, and deleted with them."""

    page = models.ForeignKey(
        "events.RegistrationFormPage", on_delete=models.CASCADE, related_name="walk_ins"
    )
    name = models.CharField(pgettext_lazy("of a person", "name"), max_length=255)
    institution = models.CharField(
        pgettext_lazy("walk-in", "institution / Kreis / Kommune"), max_length=255, blank=True
    )
    added_at = models.DateTimeField(pgettext_lazy("walk-in", "added"), default=timezone.now)

    class Meta:
        app_label = "events"
        verbose_name = pgettext_lazy("walk-in", "walk-in")
        verbose_name_plural = pgettext_lazy("walk-in", "walk-ins")
        ordering = ["added_at", "pk"]

    def __str__(self):
        return self.name


def places_taken(owner, now=None):
    """How many places of the event whose form page is `owner` are taken: the one count that the
    form, the event page, the APIs and the waiting list all use."""
    return Registration.objects.of(owner).holding_a_place(now).count()


def places_left(capacity, taken):
    """The capacity rule: how many of an event's `capacity` places are free while `taken` of them
    are taken (`places_taken`, or the registrations ahead of one being confirmed); None when the
    event has no limit. The form, the event page, the APIs, the waiting list, confirming an
    address, the admin's overview and the search engines' availability all ask it; without a
    limit they count nothing."""
    if capacity is None:
        return None
    return max(0, capacity - taken)


def has_free_place(capacity, taken):
    """Whether one more registration gets a place rather than the waiting list."""
    return places_left(capacity, taken) != 0


def language_name(code):
    """The language's name in the admin's language, or its code if Django does not know it."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code
