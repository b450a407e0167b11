from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import HomePage, StandardPage

from .utils import SiteTreeTestCase


class PageTreeRulesTests(SiteTreeTestCase):
    def test_home_page_can_be_created_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_standard_page_can_be_created_under_home_and_standard_pages(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(Page, StandardPage)

    def test_editor_can_create_a_standard_page_under_the_home_page(self):
        self.login()
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Impressum",
                    "slug": "impressum",
                    "introduction": "",
                    "body": streamfield([]),
                }
            ),
        )
        self.assertTrue(StandardPage.objects.filter(slug="impressum").exists())
