"""The declarations of API filters (pagebase.api_filters) refuse what the APIs could not read."""

from unittest import mock

from django.core.exceptions import ImproperlyConfigured
from django.test import SimpleTestCase
from pydantic import PositiveInt

from events.models import EventPage
from home.models import PracticeExamplePage
from pagebase.api_filters import PageFilter, declared_filters, field_equals


def declared(*filters):
    return mock.patch("pagebase.api_filters.hooks.get_hooks", return_value=[lambda: filters])


class DeclarationTests(SimpleTestCase):
    def test_a_name_two_page_types_declare_gathers_both(self):
        kreis = [
            PageFilter("kreis", str, "Events.", EventPage, field_equals("kreis")),
            PageFilter("kreis", str, "Examples.", PracticeExamplePage, field_equals("kreis")),
        ]
        with declared(*kreis):
            self.assertEqual(declared_filters(), {"kreis": kreis})

    def test_one_name_with_two_types_is_refused(self):
        with declared(
            PageFilter("venue", PositiveInt, "Events.", EventPage, field_equals("venue")),
            PageFilter("venue", str, "Examples.", PracticeExamplePage, field_equals("kreis")),
        ):
            with self.assertRaisesMessage(ImproperlyConfigured, "different types"):
                declared_filters()

    def test_one_name_twice_for_one_page_type_is_refused(self):
        with declared(
            PageFilter("kreis", str, "Events.", EventPage, field_equals("kreis")),
            PageFilter("kreis", str, "Events again.", EventPage, field_equals("kreis")),
        ):
            with self.assertRaisesMessage(ImproperlyConfigured, "twice"):
                declared_filters()
