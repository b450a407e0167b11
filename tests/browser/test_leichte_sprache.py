"""The Leichte Sprache pages in Chromium: no axe violation at a phone's 320 px and at 1280 px,
no horizontal scrolling, the German text marked as German in every language."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .site import LANGUAGES
from .test_accessibility import WCAG_A_AND_AA

# The event's summary exists on the German event only; the area's pages have copies in every tree.
PAGES = [
    *(
        (language, kind)
        for language in LANGUAGES
        for kind in ("leichte sprache start", "leichte sprache page")
    ),
    ("de", "event in leichte sprache"),
]
WIDTHS = [320, 1280]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language,page_type", PAGES)
def test_leichte_sprache_page_has_no_violations_and_reflows(
    page, site_paths, language, page_type, width
):
    page.set_viewport_size({"width": width, "height": 800})
    response = page.goto(site_paths[language][page_type])
    assert response.status == 200
    results = Axe().run(page, options=WCAG_A_AND_AA)
    assert results.violations_count == 0, results.generate_report()
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"page is {scroll_width}px wide at {width}px"
    assert page.locator("article.ls-page").get_attribute("lang") == "de"
    assert page.locator("img:not([alt])").count() == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_header_link_leads_to_the_german_start_page(page, site_paths, language):
    page.goto(site_paths[language]["home"])
    link = page.locator("a.leichte-sprache-link").first
    assert link.get_attribute("lang") == "de"
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith("/de/leichte-sprache/")
    assert page.locator("h1").inner_text() == "Leichte Sprache"
