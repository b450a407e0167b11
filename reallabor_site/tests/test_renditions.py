"""Every image size the site shows is made when an image is saved, so no visitor waits for one."""

import re
from io import StringIO
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test import SimpleTestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from events.tests.utils import EventTreeTestCase
from reallabor_site import renditions
from reallabor_site.renditions import RENDITION_SPECS
from speakers.models import SpeakerPage

Image = get_image_model()
Rendition = Image.get_rendition_model()

# `{% image page.hero_image fill-1200x500 … %}`, `{% srcset_image … fill-{200x200,400x400} … %}`
IMAGE_TAG = re.compile(
    r"{%\s*(?:image|srcset_image|picture)\s+\S+\s+(?P<specs>[^%]*?)\s*(?:%}|\w+=)"
)
BRACES = re.compile(r"(?P<start>[^{\s]*){(?P<choices>[^}]*)}(?P<end>\S*)")
PNG = get_test_image_file().file.getvalue()
OUR_APPS = ("events", "home", "speakers", "reallabor_site")


def specs_in(text):
    """The rendition specs of every image tag in a template, with `{a,b}` alternatives expanded."""
    for match in IMAGE_TAG.finditer(text):
        for word in match["specs"].split():
            if word == "as":
                break
            braces = BRACES.fullmatch(word)
            if braces:
                for choice in braces["choices"].split(","):
                    yield f"{braces['start']}{choice}{braces['end']}"
            else:
                yield word


def template_specs():
    found = {}
    for app in OUR_APPS:
        for template in (Path(settings.BASE_DIR) / app / "templates").rglob("*.html"):
            for spec in specs_in(template.read_text()):
                found.setdefault(spec, template.name)
    return found


class RenditionSpecListTests(SimpleTestCase):
    def test_templates_use_image_tags(self):
        # Guards the check below against a pattern that no longer finds anything.
        self.assertIn("fill-1200x500", template_specs())

    def test_every_size_in_a_template_is_made_in_advance(self):
        missing = {
            spec: template
            for spec, template in template_specs().items()
            if spec not in RENDITION_SPECS
        }
        self.assertEqual(missing, {})


class RenditionsOnUploadTests(EventTreeTestCase):
    def setUp(self):
        # Wagtail caches renditions by image id, and SQLite reuses the ids of rolled-back tests.
        cache.clear()
        self.client.force_login(get_user_model().objects.create_superuser("admin", "", "x"))

    def upload(self, title="Porträt"):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("wagtailimages:add"),
                {"title": title, "file": SimpleUploadedFile("bild.png", PNG, "image/png")},
            )
        self.assertEqual(response.status_code, 302)
        return Image.objects.get(title=title)

    def test_uploading_an_image_makes_every_size(self):
        image = self.upload()
        self.assertEqual(
            set(image.renditions.values_list("filter_spec", flat=True)), set(RENDITION_SPECS)
        )

    def test_upload_succeeds_when_the_sizes_cannot_be_made(self):
        with (
            mock.patch.object(renditions, "generate_renditions", side_effect=OSError),
            self.assertLogs("django_tasks", "ERROR"),
        ):
            image = self.upload()
        self.assertFalse(image.renditions.exists())

    def test_moving_the_focal_point_makes_the_sizes_for_it(self):
        image = self.upload()
        before = image.renditions.count()
        with self.captureOnCommitCallbacks(execute=True):
            image.focal_point_x, image.focal_point_y = 10, 10
            image.focal_point_width = image.focal_point_height = 20
            image.save()
        fill_specs = [spec for spec in RENDITION_SPECS if spec.startswith("fill-")]
        self.assertEqual(image.renditions.count(), before + len(fill_specs))

    def test_pages_with_portraits_and_share_images_make_no_renditions(self):
        portrait = self.upload("Porträt")
        share_image = self.upload("Saal")
        speaker = SpeakerPage.objects.get(pk=self.shum.pk)
        speaker.portrait = portrait
        speaker.portrait_alt_text = "Iryna Shum am Rednerpult"
        speaker.save_revision().publish()
        conference = self.make_conference()
        conference.image = share_image
        conference.save_revision().publish()
        cache.clear()
        made_before = Rendition.objects.count()
        shown = {
            self.speaker_index.url: "fill-200x200",
            speaker.url: "fill-800x800",
            conference.url: "fill-1200x630",
            f"/api/v2/pages/{conference.pk}/": "fill-400x400",
            f"/api/v2/pages/{speaker.pk}/": "fill-200x200",
            f"/api/v3/pages/{conference.pk}/": "max-800x800",
        }
        for url, spec in shown.items():
            with self.subTest(url=url), CaptureQueriesContext(connection) as queries:
                self.assertContains(self.client.get(url), spec)
                writes = [
                    query["sql"]
                    for query in queries
                    if Rendition._meta.db_table in query["sql"]
                    and query["sql"].lstrip().upper().startswith("INSERT")
                ]
                self.assertEqual(writes, [])
        self.assertEqual(Rendition.objects.count(), made_before)


class GenerateRenditionsCommandTests(EventTreeTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # Created inside the test's transaction, which never commits: no sizes made yet, as for
        # images uploaded before this existed.
        cls.images = [
            Image.objects.create(title=f"Bild {number}", file=get_test_image_file())
            for number in range(2)
        ]

    def setUp(self):
        cache.clear()

    def run_command(self, errors=None):
        output = StringIO()
        call_command("generate_renditions", stdout=output, stderr=errors or StringIO())
        return output.getvalue().strip()

    def test_makes_the_missing_sizes_of_every_image(self):
        self.assertEqual(Rendition.objects.count(), 0)
        self.assertEqual(self.run_command(), f"Made {2 * len(RENDITION_SPECS)} renditions.")
        for image in self.images:
            with self.subTest(image=image.title):
                self.assertEqual(
                    set(image.renditions.values_list("filter_spec", flat=True)),
                    set(RENDITION_SPECS),
                )

    def test_makes_only_what_is_missing(self):
        self.images[0].get_rendition("fill-200x200")
        self.assertEqual(self.run_command(), f"Made {2 * len(RENDITION_SPECS) - 1} renditions.")

    def test_running_it_again_makes_nothing(self):
        self.run_command()
        count = Rendition.objects.count()
        self.assertEqual(self.run_command(), "Made 0 renditions.")
        self.assertEqual(Rendition.objects.count(), count)

    def test_an_image_whose_file_is_missing_is_named_and_the_others_are_made(self):
        lost = Image.objects.create(title="Verloren", file=get_test_image_file())
        lost.file.storage.delete(lost.file.name)
        errors = StringIO()
        self.assertEqual(self.run_command(errors), f"Made {2 * len(RENDITION_SPECS)} renditions.")
        self.assertIn(f"Image {lost.pk} ", errors.getvalue())
        self.assertFalse(lost.renditions.exists())
