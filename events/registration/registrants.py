"""Who registered, read from the fields editors built: names, institution, function, and the kind
of institution where the form asks it.

Forms are built by editors, so the roles of their fields are found, not assumed: first by what a
field says browsers may fill in (`autocomplete`), then by its German label. Registrations store
the values of the form in the registrant's language, so a choice (such as the kind of
institution) is read by its position among the choices of that language's form, which is the
position of the German choice.
"""

import unicodedata
from dataclasses import dataclass

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import pgettext_lazy

from .pages import Autofill, RegistrationFormPage

CHOICE_FIELD_TYPES = ("dropdown", "radio")

# German labels (normalised, see `folded`) that name a field's role where no autofill token does.
LABELS = {
    "given_name": ("vorname",),
    "family_name": ("nachname", "familienname", "name"),
    "organisation": ("institution", "organisation", "kreis / kommune", "kommune", "dienststelle"),
    "position": ("funktion", "position", "amt"),
}
AUTOFILL = {
    "given_name": Autofill.GIVEN_NAME,
    "family_name": Autofill.FAMILY_NAME,
    "organisation": Autofill.ORGANIZATION,
    "position": Autofill.ORGANIZATION_TITLE,
}


class InstitutionKind(models.TextChoices):
    """The kinds of institution the funder's report counts."""

    KREIS = "kreis", pgettext_lazy("kind of institution", "Kreis (district)")
    MUNICIPALITY = (
        "municipality",
        pgettext_lazy(
            "kind of institution", "Municipality within a Kreis (kreisangehörige Kommune)"
        ),
    )
    OTHER = "other", pgettext_lazy("kind of institution", "Other institution")
    NOT_STATED = "not_stated", pgettext_lazy("kind of institution", "Not stated")


def folded(text):
    """Lower case without accents, for comparing labels and choices ("Kreisangehörige" and
    "kreisangehorige" are the same)."""
    decomposed = unicodedata.normalize("NFKD", str(text or "").casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def kind_of_german_choice(choice):
    """The kind of institution a German answer names. A kreisfreie Stadt belongs to no Kreis,
    so it counts as "other", though its name starts like one."""
    text = folded(choice)
    if "kreisfrei" in text:
        return InstitutionKind.OTHER
    if "kreisangehorig" in text:
        return InstitutionKind.MUNICIPALITY
    if text.startswith(("kreis", "landkreis")):
        return InstitutionKind.KREIS
    return InstitutionKind.OTHER


def sort_key(text):
    """Alphabetical as people expect it: case and accents do not count ("Özdemir" with "O")."""
    return folded(text)


@dataclass
class Registrant:
    registration: object
    given_name: str
    family_name: str
    organisation: str
    position: str
    institution_kind: str | None

    @property
    def name(self):
        return " ".join(part for part in (self.given_name, self.family_name) if part)

    @property
    def listed_name(self):
        """ "Family, Given" as lists sorted by family name show it; the e-mail address where the
        form asks for no name."""
        parts = [part for part in (self.family_name, self.given_name) if part]
        return ", ".join(parts) or self.registration.email


class FormReader:
    """Reads registrations of the event whose German form page is `owner`."""

    def __init__(self, owner):
        self.owner = owner

    @cached_property
    def fields(self):
        return list(self.owner.get_form_fields())

    def _field_for(self, role):
        for field in self.fields:
            if field.autocomplete == AUTOFILL[role]:
                return field.clean_name
        for field in self.fields:
            label = folded(field.label)
            if any(label == word or label.startswith(word + " ") for word in LABELS[role]):
                return field.clean_name
        return None

    @cached_property
    def keys(self):
        return {role: self._field_for(role) for role in AUTOFILL}

    @cached_property
    def kind_field(self):
        """The German choice field that asks for the kind of institution: one whose choices
        name a Kreis and a kreisangehörige Kommune. None where the form does not ask."""
        for field in self.fields:
            if field.field_type not in CHOICE_FIELD_TYPES:
                continue
            kinds = {kind_of_german_choice(choice) for choice in choices_of(field)}
            if {InstitutionKind.KREIS, InstitutionKind.MUNICIPALITY} <= kinds:
                return field
        return None

    @property
    def asks_institution_kind(self):
        return self.kind_field is not None

    @cached_property
    def kind_by_answer(self):
        """{language: {answer: kind}}, from each language's form: the n-th choice of a
        translated field is the n-th German choice."""
        field = self.kind_field
        if field is None:
            return {}
        german_kinds = [kind_of_german_choice(choice) for choice in choices_of(field)]
        forms = RegistrationFormPage.objects.filter(
            translation_key=self.owner.translation_key
        ).select_related("locale")
        answers = {}
        for form in forms:
            translated = form.form_fields.filter(clean_name=field.clean_name).first()
            if translated is None:
                continue
            answers[form.locale.language_code] = {
                folded(choice): kind
                for choice, kind in zip(choices_of(translated), german_kinds, strict=False)
            }
        return answers

    def institution_kind(self, registration):
        if self.kind_field is None:
            return None
        answer = folded(registration.form_data.get(self.kind_field.clean_name))
        if not answer:
            return InstitutionKind.NOT_STATED
        own = self.kind_by_answer.get(registration.language, {})
        if answer in own:
            return own[answer]
        # An answer given before the choices were reworded, or in another language's words.
        for answers in self.kind_by_answer.values():
            if answer in answers:
                return answers[answer]
        return InstitutionKind.OTHER

    def registrant(self, registration):
        data = registration.form_data

        def value(role):
            key = self.keys[role]
            return str(data.get(key) or "").strip() if key else ""

        return Registrant(
            registration=registration,
            given_name=value("given_name"),
            family_name=value("family_name"),
            organisation=value("organisation"),
            position=value("position"),
            institution_kind=self.institution_kind(registration),
        )

    def by_family_name(self, registrations):
        registrants = [self.registrant(registration) for registration in registrations]
        return sorted(
            registrants,
            key=lambda r: (sort_key(r.family_name), sort_key(r.given_name), r.registration.pk),
        )


def choices_of(field):
    return [choice.strip() for choice in field.choices.splitlines() if choice.strip()]
