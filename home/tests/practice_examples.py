"""A practice example tree for tests: Kreis Coesfeld's partnership, presented by a speaker."""

from home.models import (
    CooperationField,
    PracticeExampleCooperationField,
    PracticeExampleIndexPage,
    PracticeExamplePage,
)
from pagebase.testing import translate_page
from speakers.models import SpeakerIndexPage
from speakers.tests.utils import add_speaker

from .utils import SiteTreeTestCase


class PracticeExampleTestCase(SiteTreeTestCase):
    """A practice example index in German and Ukrainian, with Kreis Coesfeld's partnership."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = PracticeExampleIndexPage(title="Praxisbeispiele", slug="praxisbeispiele")
        cls.home.add_child(instance=cls.index)
        cls.index.save_revision().publish()
        cls.index_uk = translate_page(cls.index, "uk", title="Приклади", slug="pryklady")
        speakers = SpeakerIndexPage(title="Referierende", slug="referierende")
        cls.home.add_child(instance=speakers)
        speakers.save_revision().publish()
        cls.speakers = speakers
        cls.kallerhoff = add_speaker(speakers, "Marina", "Kallerhoff")
        cls.disaster_relief = CooperationField.objects.create(
            name="Katastrophenschutz", locale=cls.locales["de"]
        )
        translated_field = cls.disaster_relief.copy_for_translation(cls.locales["uk"])
        translated_field.name = "Цивільний захист"
        translated_field.save()
        cls.coesfeld = cls.add_example(
            cls.index,
            title="Kreis Coesfeld und Ukraine",
            slug="kreis-coesfeld",
            kreis="Kreis Coesfeld",
            summary="Eine Partnerschaft, die im Krieg gewachsen ist.",
            partnership_since=2023,
            contact_person=cls.kallerhoff,
            fields=[cls.disaster_relief],
        )

    @classmethod
    def add_example(cls, parent, fields=(), **values):
        example = PracticeExamplePage(
            cooperation_fields=[PracticeExampleCooperationField(field=field) for field in fields],
            **values,
        )
        parent.add_child(instance=example)
        example.save_revision().publish()
        return example
