"""API representations of practice examples: their fields of cooperation and contact person
in the page's own language."""

from django.db.models import prefetch_related_objects

from pagebase.api_fields import APIObject, DeclaredField
from pagebase.localization import localized_pages, localized_snippets


def localize_practice_examples(examples):
    """Look up contact persons and fields of cooperation in each example's language.

    Two queries per language (and one for the cooperation fields), however many examples.
    """
    from speakers.models import SpeakerPage

    examples = list(examples)
    prefetch_related_objects(examples, "cooperation_fields__field", "locale")
    by_locale = {}
    for example in examples:
        by_locale.setdefault(example.locale_id, []).append(example)
    for group in by_locale.values():
        locale = group[0].locale
        contacts = localized_pages(
            SpeakerPage, [example.contact_person_id for example in group], locale
        )
        fields = [[link.field for link in example.cooperation_fields.all()] for example in group]
        localized = iter(localized_snippets([field for own in fields for field in own], locale))
        for example, own_fields in zip(group, fields, strict=True):
            example.__dict__["localized_contact_person"] = contacts.get(example.contact_person_id)
            example.__dict__["localized_cooperation_fields"] = [next(localized) for _ in own_fields]
    return examples


def _prepared(example):
    if "localized_cooperation_fields" not in example.__dict__:
        localize_practice_examples([example])
    return example


class ContactPerson(APIObject):
    id: int
    name: str
    url: str


class CooperationFieldsField(DeclaredField):
    """The names of the fields of cooperation, in the page's language where translated."""

    schema = list[str]

    def produce(self, example):
        return [field.name for field in _prepared(example).localized_cooperation_fields]


class ContactPersonField(DeclaredField):
    """Who presents the partnership: the speaker page in the example's language, else German."""

    schema = ContactPerson | None

    def produce(self, example):
        person = _prepared(example).localized_contact_person
        if person is None:
            return None
        return {"id": person.pk, "name": person.full_name, "url": person.get_full_url()}
