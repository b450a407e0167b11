from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from home.tests.utils import SiteTreeTestCase
from pagebase.visibility import public
from speakers.models import SpeakerIndexPage

from .utils import add_speaker


class PublicPagesTests(SiteTreeTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = cls.home.add_child(instance=SpeakerIndexPage(title="Mitwirkende", slug="mw"))
        cls.hidden_index = cls.home.add_child(
            instance=SpeakerIndexPage(title="Intern", slug="intern")
        )
        cls.open_speaker = add_speaker(cls.index, "Anna", "Offen")
        cls.own_restriction = add_speaker(cls.index, "Bert", "Privat")
        cls.below_restriction = add_speaker(cls.hidden_index, "Cora", "Intern")
        for page in (cls.own_restriction, cls.hidden_index):
            PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
            )

    def test_leaves_out_what_wagtails_public_leaves_out(self):
        pages = Page.objects.descendant_of(self.home)
        self.assertEqual(set(public(pages)), set(pages.public()))
        self.assertIn(self.open_speaker.page_ptr, set(public(pages)))
        self.assertNotIn(self.own_restriction.page_ptr, set(public(pages)))
        self.assertNotIn(self.below_restriction.page_ptr, set(public(pages)))
        self.assertNotIn(self.hidden_index.page_ptr, set(public(pages)))

    def test_costs_no_query_of_its_own(self):
        with CaptureQueriesContext(connection) as queries:
            list(public(Page.objects.descendant_of(self.home)))
        self.assertEqual(len(queries), 1)
