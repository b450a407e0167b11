"""A small multilingual site tree for tests: German home page with English and Ukrainian versions."""

from django.conf import settings
from wagtail.models import Locale, Page, Site
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from pagebase.testing import translate_page


class SiteTreeTestCase(WagtailPageTestCase):
    """A locale for each of the site's languages, and a published German home page with English
    and Ukrainian translations as the default site's root."""

    @classmethod
    def setUpTestData(cls):
        cls.locales = {
            code: Locale.objects.get_or_create(language_code=code)[0]
            for code, _name in settings.LANGUAGES
        }
        # Replace Wagtail's welcome page, which the initial migrations create.
        Site.objects.all().delete()
        Page.objects.filter(depth=2).delete()
        root = Page.get_first_root_node()
        cls.home = root.add_child(
            instance=HomePage(
                title="Reallabor Startseite",
                slug="startseite",
                introduction="Wir bringen Kreise und Kommunen zusammen.",
                locale=cls.locales["de"],
            )
        )
        cls.home.save_revision().publish()
        cls.site = Site.objects.create(
            hostname="testserver", port=80, root_page=cls.home, is_default_site=True
        )
        cls.home_en = translate_page(
            cls.home,
            "en",
            title="Reallabor home",
            slug="home",
            introduction="We connect districts.",
        )
        cls.home_uk = translate_page(
            cls.home,
            "uk",
            title="Реальна лабораторія",
            slug="holovna",
            introduction="Ми об’єднуємо.",
        )

    def add_child(self, parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page
