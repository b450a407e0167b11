"""Images over the size or pixel limit are refused in the admin with a German message, never a 500."""

import random
import struct
import zlib
from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import translation
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField

TOO_MANY_PIXELS = "Dieses Bild hat zu viele Pixel"

# The German message the site shows for a broken upload, from whichever installed catalogue
# translates Django's text (Django REST framework's German wins over Django's own).
with translation.override("de"):
    GERMAN_INVALID_IMAGE = translation.gettext(
        "Upload a valid image. The file you uploaded was either not an image or a corrupted image."
    )


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming_size(width, height):
    """A file of a few dozen bytes whose header claims width × height pixels.

    Image libraries read the size from the header before decoding, which is what a decompression
    bomb exploits: decoding it would need gigabytes of memory.
    """
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + png_chunk(b"IEND", b"")
    )


def noisy_png(size=64):
    """A real, valid PNG that does not compress well, so its file is several kilobytes."""
    image = PILImage.frombytes("RGB", (size, size), random.Random(0).randbytes(size * size * 3))
    buffer = BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


class ImageUploadLimitTests(TestCase):
    def setUp(self):
        self.client.force_login(get_user_model().objects.create_superuser("admin", "", "x"))

    def upload(self, content, name="bild.png"):
        return self.client.post(
            reverse("wagtailimages:add"),
            {"title": "Bild", "file": SimpleUploadedFile(name, content, "image/png")},
        )

    def upload_multiple(self, content, name="bild.png"):
        return self.client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": SimpleUploadedFile(name, content, "image/png")},
        )

    def test_an_image_within_the_limits_is_accepted(self):
        response = self.upload(noisy_png())
        self.assertEqual(response.status_code, 302)
        self.assertEqual(get_image_model().objects.count(), 1)

    @override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1024)
    def test_a_file_over_the_size_limit_is_refused_with_a_german_message(self):
        response = self.upload(noisy_png())
        self.assertContains(response, "Die Datei ist zu groß")
        self.assertEqual(get_image_model().objects.count(), 0)

    def test_an_image_over_the_pixel_limit_is_refused_with_a_german_message(self):
        response = self.upload(png_claiming_size(8000, 6000))
        self.assertContains(response, TOO_MANY_PIXELS)
        self.assertEqual(get_image_model().objects.count(), 0)

    def test_a_decompression_bomb_is_refused_with_a_german_message(self):
        bomb = png_claiming_size(100_000, 100_000)
        self.assertLess(len(bomb), 100)
        response = self.upload(bomb)
        self.assertContains(response, TOO_MANY_PIXELS)
        self.assertEqual(get_image_model().objects.count(), 0)

    def test_the_multiple_upload_refuses_a_decompression_bomb_with_a_german_message(self):
        response = self.upload_multiple(png_claiming_size(100_000, 100_000))
        self.assertEqual(response.status_code, 200)
        answer = response.json()
        self.assertFalse(answer["success"])
        self.assertIn(TOO_MANY_PIXELS, answer["error_message"])
        self.assertEqual(get_image_model().objects.count(), 0)

    def test_a_corrupt_image_is_refused_with_a_german_message(self):
        response = self.upload(png_claiming_size(100, 100))
        self.assertContains(response, GERMAN_INVALID_IMAGE)
        self.assertEqual(get_image_model().objects.count(), 0)

    def test_the_multiple_upload_refuses_a_corrupt_image(self):
        answer = self.upload_multiple(png_claiming_size(100, 100)).json()
        self.assertFalse(answer["success"])
        self.assertIn(GERMAN_INVALID_IMAGE, answer["error_message"])


def test_wagtail_alone_still_fails_on_a_corrupt_image():
    """When this fails, Wagtail refuses corrupt images itself: remove image_upload_checks."""
    field = WagtailImageField()
    with pytest.raises(OSError):
        field.clean(SimpleUploadedFile("bild.png", png_claiming_size(100, 100), "image/png"))
