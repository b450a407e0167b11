"""Page sections: what apps registered for a page and place is rendered there, in order."""

from datetime import UTC, datetime

from django.template import Context, Template
from django.test import SimpleTestCase
from django.utils.safestring import mark_safe
from wagtail.test.utils import WagtailTestUtils

from pagebase.sections import CACHE_EXPIRY_HOOK, SECTION_HOOK, cache_expires_at

SOON = datetime(2030, 1, 1, tzinfo=UTC)
LATER = datetime(2031, 1, 1, tzinfo=UTC)


class Page:
    """Stands for a page of an app that knows nothing of the apps contributing to it."""


def greeting(context, page, place):
    if isinstance(page, Page) and place == "article_end":
        return mark_safe(f"<p>Hallo {context['name']}</p>")
    return None


def unsafe(context, page, place):
    return "<script>" if place == "article_end" else None


class PageSectionsTests(WagtailTestUtils, SimpleTestCase):
    def render(self, place):
        template = Template("{% load page_sections %}{% page_sections page place %}")
        return template.render(Context({"page": Page(), "place": place, "name": "Welt"}))

    def test_registered_section_is_rendered_at_its_place(self):
        with self.register_hook(SECTION_HOOK, greeting):
            self.assertEqual(self.render("article_end"), "<p>Hallo Welt</p>")

    def test_other_places_stay_empty(self):
        with self.register_hook(SECTION_HOOK, greeting):
            self.assertEqual(self.render("after_body"), "")

    def test_text_that_is_not_marked_safe_is_escaped(self):
        with self.register_hook(SECTION_HOOK, unsafe):
            self.assertEqual(self.render("article_end"), "&lt;script&gt;")


class CacheExpiryTests(WagtailTestUtils, SimpleTestCase):
    def test_earliest_contributed_moment_wins(self):
        with (
            self.register_hook(CACHE_EXPIRY_HOOK, lambda page: LATER),
            self.register_hook(CACHE_EXPIRY_HOOK, lambda page: SOON),
            self.register_hook(CACHE_EXPIRY_HOOK, lambda page: None),
        ):
            self.assertEqual(cache_expires_at(Page()), SOON)

    def test_nothing_contributed_means_no_expiry(self):
        self.assertIsNone(cache_expires_at(Page()))
