"""The registration form page editors build below an event, in German and its translations."""

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language_info, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from home.models import SiteSettings
from pagebase.preview import HeadlessPreviewMixin

from ..formatting import format_date, format_period, format_time, plain_text
from . import service
from .fields import ChoicesField
from .form import DEFAULT_CONSENT_TEXT, build_form_class, consent_label
from .models import ORGANISERS_GROUP, Registration, places_left, places_taken
from .placeholders import DATE_PLACEHOLDER_HELP

# What the owner (the German form page) decides for every language. A translation keeps a copy of
# these columns, as wagtail-localize made it, but nothing reads the copy.
OWNED_BY_THE_SOURCE = (
    "registration_opens",
    "registration_closes",
    "capacity",
    "double_opt_in",
    "confirmation_hours",
    "retention_days",
    "organisers",
)
SET_IN_THE_SOURCE = _(
    "Set in the %(language)s version of this form (“%(title)s”) and valid for every language."
)


def owning_forms(forms):
    """The forms that own the registrations of `forms` (a queryset): their German versions, and
    those of them that have no German version and so own themselves."""
    german = Q(locale__language_code=settings.LANGUAGE_CODE)
    keys = forms.values("translation_key")
    german_keys = RegistrationFormPage.objects.filter(german, translation_key__in=keys).values(
        "translation_key"
    )
    return RegistrationFormPage.objects.filter(
        (german & Q(translation_key__in=keys))
        | (Q(pk__in=forms.values("pk")) & ~Q(translation_key__in=german_keys))
    )


def with_event_end(forms):
    """`forms` (a queryset) with their event's end as `event_end`, in the same query: it closes
    their registration at the latest (`RegistrationFormPage.closes_at`)."""
    # By name: the event page's module imports this one, never the other way round.
    EventPage = apps.get_model("events", "EventPage")
    parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    event_end = EventPage.objects.filter(path=parent_path).values("end")[:1]
    return forms.annotate(event_end=Subquery(event_end))


class Autofill(models.TextChoices):
    """What a field asks for, as an HTML `autocomplete` token, so browsers and password managers
    can fill in the registrant's own details (WCAG 2.1, 1.3.5 Identify Input Purpose)."""

    HONORIFIC_PREFIX = "honorific-prefix", pgettext_lazy("autofill", "Form of address")
    GIVEN_NAME = "given-name", pgettext_lazy("autofill", "First name")
    FAMILY_NAME = "family-name", pgettext_lazy("autofill", "Last name")
    EMAIL = "email", pgettext_lazy("autofill", "E-mail address")
    TEL = "tel", pgettext_lazy("autofill", "Telephone number")
    ORGANIZATION = "organization", pgettext_lazy("autofill", "Organisation")
    ORGANIZATION_TITLE = "organization-title", pgettext_lazy("autofill", "Position")
    OFF = "off", pgettext_lazy("autofill", "Nothing (not the registrant’s own details)")


class RegistrationFormField(TranslatableMixin, AbstractFormField):
    """A field of a registration form; its label and choices are translated per language.

    Its key (`clean_name`) comes from the German label and is kept in every translation, so the
    submissions of all languages share one column per field; so is what browsers may fill in.
    """

    page = ParentalKey(
        "events.RegistrationFormPage", on_delete=models.CASCADE, related_name="form_fields"
    )
    autocomplete = models.CharField(
        pgettext_lazy("form field", "filled in by the browser as"),
        max_length=32,
        blank=True,
        choices=Autofill.choices,
        help_text=pgettext_lazy(
            "form field",
            "What this field asks for, so that phones and browsers can fill in the registrant’s "
            "own details. Empty: nothing, except that an e-mail field gets the e-mail address.",
        ),
    )

    # Wagtail's own field, translated one choice at a time (see ChoicesField).
    choices = ChoicesField(
        verbose_name=pgettext_lazy("form field", "choices"),
        blank=True,
        help_text=pgettext_lazy(
            "form field",
            "One choice per line. Only for checkboxes, radio buttons and drop-down lists.",
        ),
    )

    panels = AbstractFormField.panels + [FieldPanel("autocomplete")]

    override_translatable_fields = [
        SynchronizedField("clean_name"),
        SynchronizedField("autocomplete"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        app_label = "events"
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")

    @property
    def autocomplete_token(self):
        """The `autocomplete` attribute of the field's input, empty for none."""
        if self.autocomplete:
            return self.autocomplete
        return Autofill.EMAIL if self.field_type == "email" else ""


def organiser_label(user):
    """How the organiser picker names a person: full name and e-mail address, so that editors
    tell apart people whose user names say little."""
    name = user.get_full_name() or user.get_username()
    return f"{name} <{user.email}>" if user.email else name


class RegistrationFormPageForm(WagtailAdminPageForm):
    """On a translation, the owner's fields are shown read-only, with the owner's values and a
    note saying where they are set; a disabled field ignores whatever is posted for it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "organisers" in self.fields:
            self.fields["organisers"].label_from_instance = organiser_label
            self.fields["organisers"].queryset = self.fields["organisers"].queryset.order_by(
                "last_name", "first_name", "username"
            )
        page = self.instance
        if page.pk is None or page.owning_form.pk == page.pk:
            return
        owner = page.owning_form
        note = SET_IN_THE_SOURCE % {
            "language": get_language_info(owner.locale.language_code)["name_translated"],
            "title": owner.title,
        }
        for name in OWNED_BY_THE_SOURCE:
            field = self.fields.get(name)
            if field is None:
                continue
            field.disabled = True
            field.required = False
            field.help_text = note
            value = getattr(owner, name)
            self.initial[name] = list(value.all()) if name == "organisers" else value

    def clean(self):
        cleaned_data = super().clean()
        page = self.instance
        closes = cleaned_data.get("registration_closes")
        # A translation shows the owner's deadline read-only; only the owner's is checked.
        owns_itself = page.pk is None or page.owning_form.pk == page.pk
        event = self.parent_page.specific if self.parent_page is not None else None
        end = getattr(event, "end", None)
        if owns_itself and closes and end and closes > end:
            self.add_error(
                "registration_closes",
                _("Registration must close by the end of the event (%(date)s, %(time)s).")
                % {"date": format_date(end), "time": format_time(end)},
            )
        return cleaned_data


class RegistrationFormPage(HeadlessPreviewMixin, AbstractEmailForm):
    """The registration form of an event, built by editors from Wagtail's form fields.

    The German page owns the event's registration (see `owner`); a translation adds its texts.
    """

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
    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=DATE_PLACEHOLDER_HELP,
    )
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=DATE_PLACEHOLDER_HELP,
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
            help_text=_(
                "Set in German, valid for every language: the English and Ukrainian forms show "
                "these values and follow every change at once."
            ),
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
                FieldPanel("subject", help_text=DATE_PLACEHOLDER_HELP),
            ],
            heading=_("Notification e-mail to the organisers"),
        ),
    ]

    settings_panels = AbstractEmailForm.settings_panels + [
        FieldPanel("retention_days"),
        FieldPanel("organisers", widget=forms.CheckboxSelectMultiple),
    ]

    parent_page_types = ["events.EventPage"]
    subpage_types = []
    max_count_per_parent = 1

    base_form_class = RegistrationFormPageForm

    class Meta:
        app_label = "events"
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

    @cached_property
    def owning_form(self):
        """The German form page, which owns the event's registration in every language: its
        schedule, places, double opt-in, retention period, organisers and registrations.

        A form without a German version (created in another language) owns itself.
        """
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        owner = (
            with_event_end(RegistrationFormPage.objects)
            .filter(
                translation_key=self.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            )
            .select_related("locale")
            .first()
        )
        return owner or self

    @property
    def has_opened(self):
        opens = self.owning_form.registration_opens
        return opens is None or opens <= timezone.now()

    @property
    def closes_at(self):
        """When registration closes: the owner's deadline, and at the latest when the event
        ends, whatever the deadline says (a deadline set before the rule, or by a script)."""
        owner = self.owning_form
        # Annotated where forms are fetched for listings and translations, so no query per form.
        event_end = getattr(owner, "event_end", None) or owner.event.end
        return min(owner.registration_closes, event_end)

    @property
    def has_closed(self):
        return self.closes_at <= timezone.now()

    @property
    def is_open(self):
        return self.has_opened and not self.has_closed

    @cached_property
    def places_taken(self):
        """Places taken at the event, in every language together."""
        return places_taken(self.owning_form)

    @property
    def places_left(self):
        """Free places at the event, in every language together; None without a limit."""
        capacity = self.owning_form.capacity
        # Without a limit there is nothing to count.
        return None if capacity is None else places_left(capacity, self.places_taken)

    @property
    def is_full(self):
        return self.places_left == 0

    @property
    def state(self):
        """not_yet_open, closed, waiting_list (open, but every place is taken) or open."""
        if not self.has_opened:
            return "not_yet_open"
        if self.has_closed:
            return "closed"
        if self.is_full:
            return "waiting_list"
        return "open"

    def cache_expires_at(self):
        """When this form next opens or closes, or its event becomes past."""
        now = timezone.now()
        owner = self.owning_form
        moments = [owner.registration_opens, owner.registration_closes, self.event.end]
        return min((moment for moment in moments if moment and moment > now), default=None)

    @cached_property
    def event(self):
        return self.get_parent().specific

    def get_meta_description(self):
        if plain_text(self.introduction):
            return self.introduction
        return _("Registration for “%(event)s”, %(when)s.") % {
            "event": self.event.title,
            "when": format_period(self.event.start, self.event.end),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["event"] = self.event
        return context

    def get_submission_class(self):
        return Registration

    def get_submissions(self):
        # Each registration carries its event's end, so its "did not attend" needs no query.
        owner = self.owning_form
        return Registration.objects.of(owner).annotate(
            event_end=models.Value(owner.event.end, output_field=models.DateTimeField())
        )

    @cached_property
    def email_field_name(self):
        """The key of the first e-mail field; `email` where editors added none (the form then
        gets one, since every registration needs an address)."""
        return _email_field_name(self.get_form_fields())

    def get_form_class(self):
        fields = list(self.get_form_fields())
        # Building the form reads the fields anyway; the e-mail field's name costs no query then.
        self.__dict__.setdefault("email_field_name", _email_field_name(fields))
        return build_form_class(fields)

    def _privacy_page(self, site_settings):
        """The privacy page in this form's language (the reader's), where that is live."""
        privacy_page = site_settings.privacy_page
        if privacy_page is None or privacy_page.locale_id == self.locale_id:
            return privacy_page
        translation = privacy_page.get_translation_or_none(self.locale_id)
        return translation if translation is not None and translation.live else privacy_page

    def get_form(self, *args, site_settings=None, **kwargs):
        consent_text = self.consent_text or str(DEFAULT_CONSENT_TEXT)
        if site_settings is None:
            site_settings = SiteSettings.for_site(self.get_site())
        privacy_page = self._privacy_page(site_settings)
        form = super().get_form(
            *args, consent_label=consent_label(consent_text, privacy_page), **kwargs
        )
        form.consent_text = consent_text
        if self.email_field_name not in form.fields:
            form.fields[self.email_field_name] = forms.EmailField(
                label=_("E-mail"),
                max_length=254,
                widget=forms.EmailInput(attrs={"autocomplete": Autofill.EMAIL}),
            )
            form.order_fields([self.email_field_name])
        return form

    def process_form_submission(self, form):
        return service.register(self, form)

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        response = super().render_landing_page(request, form_submission, *args, **kwargs)
        response.context_data["registration"] = form_submission
        return response

    def get_submissions_list_view_class(self):
        # Imported here: Wagtail's admin views cannot be imported while the models load.
        from .admin import RegistrationSubmissionsListView

        return RegistrationSubmissionsListView

    def get_data_fields(self):
        return [
            ("submit_time", _("Registered at (German time)")),
            *((field.clean_name, field.label) for field in self.get_form_fields()),
            ("language", _("Language")),
            ("status", _("Status")),
            ("attendance", pgettext_lazy("registration", "Attendance")),
        ]

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            # Wagtail's form page does the same, but here the form reads the site's settings
            # from the request, where the page footer finds them again without a query.
            form = self.get_form(
                page=self, user=request.user, site_settings=SiteSettings.for_request(request)
            )
            context = self.get_context(request)
            context["form"] = form
            return TemplateResponse(request, self.get_template(request), context)
        submission = service.submit(request, self, request.POST, request.FILES)
        if submission.accepted:
            return self.render_landing_page(request, submission.registration, *args, **kwargs)
        # A refused form keeps what was typed; outside the registration period the template shows
        # no form, only why nothing was saved.
        status = {"rate_limited": 429, "not_open": 403, "closed": 403}.get(
            submission.refused_because, 200
        )
        context = self.get_context(request)
        context.update(form=submission.form, submission=submission)
        return TemplateResponse(request, self.get_template(request), context, status=status)


def _email_field_name(fields):
    for field in fields:
        if field.field_type == "email":
            return field.clean_name
    return "email"
