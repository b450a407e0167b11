"""Building speakers for tests."""

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from speakers.models import SpeakerPage, SpeakerPosition


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
