"""The image sizes the site shows, made once when an image is saved rather than by a visitor.

Wagtail makes a rendition the first time a template or the API asks for it: the visitor who comes
first waits while the image is resized and written, and after a deploy with new sizes every page
does this at once. Here every size is made in one `get_renditions` call after an image is saved,
and the `generate_renditions` command makes those missing for images that exist already.

The sizes are made in a django-tasks task, which the settings' immediate backend runs inside the
editor's upload request: about 2 s for a 12-megapixel photo on a loaded 2-CPU machine, 8 s at the
40-megapixel limit, within gunicorn's 30 s. A database backend would move that out of the request,
but it is another package (django-tasks-db) with tables and a worker process that compose.yaml,
the deploy and its monitoring would have to run, and TASKS is one setting for Wagtail's tasks too:
a published page would reach the search index only when the worker got to it. Should uploads
become too slow, setting TASKS to a backend with a worker is the whole change.

Each app keeps the specs it uses in Python next to the code using them; those written in
templates are listed here, and reallabor_site/tests/test_renditions.py checks that every spec in a
template is in RENDITION_SPECS.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_save
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from events.structured_data import SHARE_IMAGE_SPEC
from pagebase.api_fields import IMAGE_RENDITIONS
from speakers.api import PORTRAIT_RENDITIONS
from speakers.models import PORTRAIT_THUMBNAIL_FILTERS

from .templatetags.site_tags import SOCIAL_IMAGE_FILTER

logger = logging.getLogger(__name__)

TEMPLATE_SPECS = (
    "fill-200x200",  # speakers/speaker_index_page.html: portraits in the list
    "fill-400x400",  # speakers/speaker_index_page.html and speaker_page.html
    "fill-800x800",  # speakers/speaker_page.html: the portrait on wide, dense screens
    "fill-1200x500",  # home/home_page.html: the hero image
    "width-1000",  # home/blocks/figure_block.html: images in the body
    "max-600x600",  # home/blocks/picture_block.html: pictures in Leichte Sprache
    "max-240x120",  # includes/footer.html: the organiser's and funder's logos
)

# Every image gets every size: any image may be chosen as a portrait, a hero or a logo.
RENDITION_SPECS = tuple(
    dict.fromkeys(
        (
            *TEMPLATE_SPECS,
            *PORTRAIT_THUMBNAIL_FILTERS,
            *PORTRAIT_RENDITIONS.values(),
            *IMAGE_RENDITIONS.values(),
            SOCIAL_IMAGE_FILTER,
            SHARE_IMAGE_SPEC,
        )
    )
)


def missing_renditions(image):
    """The filters of RENDITION_SPECS that `image` has no rendition for yet, for its focal point.

    Uses the image's prefetched renditions where the caller prefetched them.
    """
    filters = list(
        dict.fromkeys(image.clean_filter_for_svg(Filter(spec)) for spec in RENDITION_SPECS)
    )
    existing = image.find_existing_renditions(*filters)
    return [rendition_filter for rendition_filter in filters if rendition_filter not in existing]


def generate_renditions(image):
    """Make the missing renditions of `image` in one call; returns how many were made."""
    missing = missing_renditions(image)
    if missing:
        image.get_renditions(*missing)
    return len(missing)


@task()
def generate_renditions_task(image_pk):
    image = get_image_model().objects.filter(pk=image_pk).first()
    if image is not None:
        generate_renditions(image)


def generate_after_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    # After the commit, so a rolled-back upload leaves no files, and a worker finds the image.
    transaction.on_commit(lambda: generate_renditions_task.enqueue(instance.pk))


def connect_signals():
    post_save.connect(
        generate_after_save, sender=get_image_model(), dispatch_uid="generate-renditions"
    )
