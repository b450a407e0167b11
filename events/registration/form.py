"""The form registrants fill in: the editors' fields plus a consent checkbox and a honeypot.

The honeypot is our own hidden field rather than wagtail-honeypot's: that library checks it inside
the page's `process_form_submission` and silently drops the submission there, which the JSON
endpoint never passes through and which needs a per-page switch. A field of the form itself is
checked by the same validation on both paths.
"""

from typing import NamedTuple

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from events.conf import setting

CONSENT_FIELD = "consent"
REFUSED = _("Your registration could not be accepted. Please try again.")
DEFAULT_CONSENT_TEXT = _(
    "I agree that my details are stored and used to organise this event and are deleted afterwards."
)
# A dropdown starts on this empty choice, so nobody is registered as "Frau" by not looking.
NOTHING_CHOSEN = pgettext_lazy("registration form", "Please choose")
CHOOSE_AN_ANSWER = pgettext_lazy("registration form", "Please choose one of the answers.")
# A 10,000-character "name" is not a name; these limits keep such input out of the database.
MULTILINE_MAX_LENGTH = 2000
EMAIL_MAX_LENGTH = 254


def honeypot_field_name():
    return setting("REGISTRATION_HONEYPOT_FIELD")


class RegistrationFormBuilder(FormBuilder):
    @property
    def formfields(self):
        formfields = super().formfields
        for field in self.fields:
            token = field.autocomplete_token
            if token:
                name = field.clean_name or field.get_field_clean_name()
                formfields[name].widget.attrs["autocomplete"] = token
        return formfields

    def create_dropdown_field(self, field, options):
        options["choices"] = [("", NOTHING_CHOSEN), *self.get_formatted_field_choices(field)]
        options["error_messages"] = {"required": CHOOSE_AN_ANSWER}
        return forms.ChoiceField(**options)

    def create_radio_field(self, field, options):
        options["error_messages"] = {"required": CHOOSE_AN_ANSWER}
        return super().create_radio_field(field, options)

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTILINE_MAX_LENGTH
        return super().create_multiline_field(field, options)

    def create_email_field(self, field, options):
        options["max_length"] = EMAIL_MAX_LENGTH
        # Our own wording: another installed catalogue would address registrants informally.
        options["error_messages"] = {"invalid": _("Enter a valid e-mail address.")}
        return super().create_email_field(field, options)


class SummarisedError(NamedTuple):
    """One line of the error summary above the form: a message, and the input it is about."""

    input_id: str
    label: str
    message: str


def input_id(bound_field):
    """The id of the input a link to this field should reach: the first of a group of radio
    buttons or checkboxes, whose own label points at none of them."""
    widget = bound_field.field.widget
    if isinstance(widget, forms.RadioSelect):
        return widget.id_for_label(bound_field.auto_id, "0")
    return bound_field.id_for_label


class RegistrationForm(BaseForm):
    """Adds the consent checkbox and the honeypot to the fields the editors built."""

    # Says "(Pflichtangabe)" after the label of every required field: not by colour or sign only.
    template_name_label = "events/forms/registration_label.html"
    consent_text = ""

    def __init__(self, *args, consent_label="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[CONSENT_FIELD] = forms.BooleanField(required=True, label=consent_label)
        self.fields[CONSENT_FIELD].error_messages["required"] = _(
            "Please agree to the processing of your details, or we cannot register you."
        )
        self.fields[honeypot_field_name()] = forms.CharField(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get(honeypot_field_name()):
            raise forms.ValidationError(REFUSED, code="honeypot")
        return cleaned_data

    @property
    def submitted_data(self):
        """What the registrant entered, without the consent and the honeypot, which are recorded
        elsewhere or not at all."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in (CONSENT_FIELD, honeypot_field_name())
        }

    @property
    def honeypot(self):
        return self[honeypot_field_name()]

    def editor_fields(self):
        return [field for field in self if field.name not in (CONSENT_FIELD, honeypot_field_name())]

    def error_summary(self):
        """Every error of a wrong submission, for the summary above the form (GOV.UK's error
        summary): errors of the whole form first, then each field's in the order of the form.
        The consent's message names what is missing; its label is a paragraph with a link."""
        summary = [SummarisedError("", "", message) for message in self.non_field_errors()]
        for field in [*self.editor_fields(), self[CONSENT_FIELD]]:
            label = "" if field.name == CONSENT_FIELD else field.label
            summary += [SummarisedError(input_id(field), label, error) for error in field.errors]
        return summary


def consent_label(consent_text, privacy_page):
    if privacy_page is None:
        return consent_text
    return format_html(
        '{} <a href="{}">{}</a>', consent_text, privacy_page.url, _("Privacy policy")
    )


def build_form_class(form_fields):
    builder = RegistrationFormBuilder(form_fields)
    return type("RegistrationFormFromFields", (RegistrationForm,), builder.formfields)
