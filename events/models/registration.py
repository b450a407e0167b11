from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.forms.models import (
    AbstractEmailForm,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from ..state_changes import next_state_change


class RegistrationFormField(TranslatableMixin, AbstractFormField):
    """A field of a registration form; its label and choices are translated per language.

    Its key (`clean_name`) comes from the German label and is kept in every translation, so the
    submissions of all languages share one column per field.
    """

    page = ParentalKey(
        "events.RegistrationFormPage", on_delete=models.CASCADE, related_name="form_fields"
    )

    override_translatable_fields = [SynchronizedField("clean_name")]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")


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
    double_opt_in = models.BooleanField(
        _("confirm e-mail address (double opt-in)"),
        default=False,
        help_text=_(
            "Registrants confirm their address by a link before their registration counts."
        ),
    )
    confirmation_hours = models.PositiveSmallIntegerField(
        _("hours to confirm"),
        default=48,
        help_text=_("An unconfirmed registration expires after this time and frees its place."),
    )
    consent_text = models.TextField(
        _("consent text"),
        default="",
        blank=True,
        help_text=_(
            "What registrants agree to; shown next to the required consent checkbox with a link "
            "to the privacy page, and stored with each registration."
        ),
    )
    retention_days = models.PositiveSmallIntegerField(
        _("keep registrations for (days after the event)"),
        null=True,
        blank=True,
        help_text=_("Empty: the site's default (REGISTRATION_RETENTION_DAYS)."),
    )
    organisers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organisers"),
        blank=True,
        related_name="organised_registration_forms",
        help_text=_(
            'Members of the group "Veranstaltungsorganisation" chosen here see and download the '
            "registrations of this form, and nothing else."
        ),
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
        InlinePanel("form_fields", heading=_("Form fields"), label=_("Form field")),
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
    def has_opened(self):
        return self.registration_opens is None or self.registration_opens <= timezone.now()

    @property
    def has_closed(self):
        return self.registration_closes <= timezone.now()

    @property
    def is_open(self):
        return self.has_opened and not self.has_closed

    def cache_expires_at(self):
        """When this form next opens or closes, or its event becomes past."""
        event_model = apps.get_model("events", "EventPage")
        return next_state_change(
            event_model.objects.parent_of(self), type(self).objects.filter(pk=self.pk)
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["event"] = self.get_parent().specific
        return context

    def serve(self, request, *args, **kwargs):
        # The template shows no form outside the registration period; a form sent anyway (from a
        # page opened before the deadline) is refused here, before anything is stored or mailed.
        if request.method == "POST" and not self.is_open:
            context = self.get_context(request)
            context["submission_refused"] = True
            return TemplateResponse(request, self.get_template(request), context, status=403)
        return super().serve(request, *args, **kwargs)


class Registration(AbstractFormSubmission):
    """One person's registration for an event, in whichever language they registered.

    All languages' forms store their registrations against the German form page, so an event has
    one list and one count of places.
    """

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Awaiting e-mail confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING_LIST = "waiting_list", _("Waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    language = models.CharField(_("language"), max_length=10)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONFIRMED
    )
    email = models.EmailField(_("e-mail"), max_length=254)
    consent_text = models.TextField(_("consent given to"), blank=True)
    confirmation_expires_at = models.DateTimeField(_("confirmation expires"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
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
