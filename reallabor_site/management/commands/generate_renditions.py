"""Make the renditions the site shows for every image that lacks them: after a deploy that adds a
size, or for images uploaded before sizes were made on upload. Safe to run again."""

from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from reallabor_site.renditions import RENDITION_SPECS, generate_renditions


class Command(BaseCommand):
    help = "Make the missing renditions of every image, in every size the site shows."

    def handle(self, *args, **options):
        made = 0
        failed = 0
        images = get_image_model().objects.prefetch_renditions(*RENDITION_SPECS).order_by("pk")
        for image in images.iterator(chunk_size=100):
            try:
                made += generate_renditions(image)
            except Exception as error:  # noqa: BLE001 - one unreadable file must not stop the rest
                failed += 1
                self.stderr.write(f"Image {image.pk} ({image.file.name}): {error}")
        self.stdout.write(f"Made {made} renditions.")
        if failed:
            self.stderr.write(f"{failed} images could not be read; see above.")
