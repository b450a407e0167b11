"""Building speakers for tests."""

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from home.tests.utils import SiteTreeTestCase
from pagebase.testing import translate_page
from speakers.models import SpeakerIndexPage, SpeakerPage, SpeakerPosition


def make_portrait(title="Porträt"):
    return get_image_model().objects.create(title=title, file=get_test_image_file())


def add_speaker(index, given_name, family_name, positions=(), **fields):
    """Publish a speaker page under the index; positions are (function, organisation) pairs."""
    speaker = SpeakerPage(
        given_name=given_name,
        family_name=family_name,
        slug=f"{given_name}-{family_name}".lower(),
        positions=[
            SpeakerPosition(function=function, organisation=organisation)
            for function, organisation in positions
        ],
        **fields,
    )
    index.add_child(instance=speaker)
    speaker.save_revision().publish()
    return speaker


class SpeakerTreeTestCase(SiteTreeTestCase):
    """A speaker index with one speaker in German, translated into Ukrainian."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = SpeakerIndexPage(title="Referierende", slug="referierende")
        cls.home.add_child(instance=cls.index)
        cls.index.save_revision().publish()
        cls.index_uk = translate_page(cls.index, "uk", title="Доповідачі", slug="dopovidachi")
        cls.shum = add_speaker(
            cls.index,
            "Iryna",
            "Shum",
            positions=[("Generalkonsulin der Ukraine", "in Düsseldorf")],
            short_biography="<p>Diplomatin seit <b>2001</b>.</p>",
        )
        cls.shum_uk = translate_page(
            cls.shum, "uk", given_name="Ірина", family_name="Шум", slug="iryna-shum"
        )
