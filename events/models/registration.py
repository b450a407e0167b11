from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language_info, pgettext_lazy
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
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from events.registration_form import DEFAULT_CONSENT_TEXT, build_form_class, consent_label
from home.models import SiteSettings
from speakers.api import HeadlessPreviewMixin

from ..state_changes import next_state_change

# Members of this group may see the registrations of the forms that name them as organisers.
ORGANISERS_GROUP = "Veranstaltungsorganisation"


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


class RegistrationFormPage(HeadlessPreviewMixin, AbstractEmailForm):
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
        limit_choices_to={"groups__name": ORGANISERS_GROUP},
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
                FieldRowPanel([FieldPanel("double_opt_in"), FieldPanel("confirmation_hours")]),
            ],
            heading=_("Registration period and places"),
        ),
        FieldPanel("consent_text"),
        FieldPanel("introduction"),
        InlinePanel(
            "form_fields",
            heading=_("Form fields"),
            label=_("Form field"),
            help_text=_(
                "The first field of the type “Email” is the registrant’s address: confirmations "
                "go to it, and it can register only once per event. A required consent checkbox "
                "with the consent text below is added to every form automatically."
            ),
        ),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Notification e-mail to the organisers"),
        ),
    ]

    settings_panels = AbstractEmailForm.settings_panels + [
        FieldPanel("organisers", widget=forms.CheckboxSelectMultiple),
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

    @cached_property
    def source_form_page(self):
        """The German form page, against which every language's registrations are stored."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        source = (
            RegistrationFormPage.objects.filter(
                translation_key=self.translation_key, locale=Locale.get_default()
            )
            .select_related("locale")
            .first()
        )
        return source or self

    def get_submission_class(self):
        return Registration

    def get_submissions(self):
        return Registration.objects.filter(page_id=self.source_form_page.pk)

    @cached_property
    def email_field_name(self):
        """The key of the first e-mail field; `email` where editors added none (the form then
        gets one, since every registration needs an address)."""
        for field in self.get_form_fields():
            if field.field_type == "email":
                return field.clean_name
        return "email"

    def places_taken(self):
        return (
            Registration.objects.filter(page_id=self.source_form_page.pk)
            .filter(
                models.Q(status=Registration.Status.CONFIRMED)
                | models.Q(
                    status=Registration.Status.UNCONFIRMED,
                    confirmation_expires_at__gt=timezone.now(),
                )
            )
            .count()
        )

    @property
    def is_full(self):
        capacity = self.source_form_page.capacity
        return capacity is not None and self.places_taken() >= capacity

    def get_form_class(self):
        return build_form_class(self.get_form_fields())

    def get_form(self, *args, **kwargs):
        consent_text = self.consent_text or str(DEFAULT_CONSENT_TEXT)
        privacy_page = SiteSettings.for_site(self.get_site()).privacy_page
        if privacy_page is not None:
            privacy_page = privacy_page.localized
        form = super().get_form(
            *args, consent_label=consent_label(consent_text, privacy_page), **kwargs
        )
        form.consent_text = consent_text
        if self.email_field_name not in form.fields:
            form.fields[self.email_field_name] = forms.EmailField(label=_("E-mail"), max_length=254)
            form.order_fields([self.email_field_name])
        return form

    def process_form_submission(self, form):
        # Imported here: events.registrations imports these models.
        from events.registrations import register

        return register(self, form, self.locale.language_code)

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        response = super().render_landing_page(request, form_submission, *args, **kwargs)
        response.context_data["registration"] = form_submission
        return response

    def _render_form(self, request, form=None, status=200, **extra):
        context = self.get_context(request)
        context["form"] = form
        context.update(extra)
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def get_submissions_list_view_class(self):
        from events.registration_admin import RegistrationSubmissionsListView

        return RegistrationSubmissionsListView

    def get_data_fields(self):
        return [
            ("submit_time", _("Registered at (German time)")),
            *((field.clean_name, field.label) for field in self.get_form_fields()),
            ("language", _("Language")),
            ("status", _("Status")),
        ]

    def serve(self, request, *args, **kwargs):
        # Imported here: events.registrations imports these models.
        from events.registrations import AlreadyRegistered, too_many_submissions

        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        if too_many_submissions(request):
            return self._render_form(request, status=429, rate_limited=True)
        # The template shows no form outside the registration period; a form sent anyway (from a
        # page opened before the deadline) is refused here, before anything is stored or mailed.
        if not self.is_open:
            return self._render_form(request, status=403, submission_refused=True)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if form.is_valid():
            try:
                registration = self.process_form_submission(form)
            except AlreadyRegistered:
                form.add_error(self.email_field_name, ALREADY_REGISTERED)
            else:
                return self.render_landing_page(request, registration, *args, **kwargs)
        return self._render_form(request, form)


ALREADY_REGISTERED = _(
    "This e-mail address is already registered for this event. To cancel that registration, "
    "use the link in its confirmation e-mail."
)


class Registration(AbstractFormSubmission):
    """One person's registration for an event, in whichever language they registered.

    All languages' forms store their registrations against the German form page, so an event has
    one list and one count of places.
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

    @property
    def confirmation_has_expired(self):
        return (
            self.confirmation_expires_at is not None
            and self.confirmation_expires_at <= timezone.now()
        )

    def get_data(self):
        return {
            **super().get_data(),
            "language": language_name(self.language),
            "status": self.get_status_display(),
        }


def language_name(code):
    """The language's name in the admin's language, or its code if Django does not know it."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code
