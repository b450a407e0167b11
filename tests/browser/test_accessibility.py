"""Every public page type in German, English and Ukrainian, checked in Chromium.

axe-core finds what rules can find (WCAG 2.0/2.1 A and AA, colour contrast among them); the
other tests check what axe reports only as "needs review" or not at all.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .helpers import PHONE, interface_text
from .site import LANGUAGES

PAGE_TYPES = [
    "home",
    "standard page",
    "event index",
    "event",
    "past event",
    "registration form",
    "registration form with errors",
    "speaker index",
    "speaker",
    "practice example index",
    "practice example",
    "404",
]
WCAG_A_AND_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}

every_page = pytest.mark.parametrize(
    "language,page_type", [(language, kind) for language in LANGUAGES for kind in PAGE_TYPES]
)


def open_page(page, site_paths, language, page_type):
    if page_type == "registration form with errors":
        page.goto(site_paths[language]["registration form"])
        page.locator(".registration__form [type=submit]").click()
        page.wait_for_load_state()
        assert page.locator("[aria-invalid=true]").count() > 0, "no field is marked invalid"
        return
    response = page.goto(site_paths[language][page_type])
    assert response.status == (404 if page_type == "404" else 200)


@every_page
def test_page_has_no_wcag_a_or_aa_violations(page, site_paths, language, page_type):
    open_page(page, site_paths, language, page_type)
    results = Axe().run(page, options=WCAG_A_AND_AA)
    assert results.violations_count == 0, results.generate_report()


@every_page
def test_page_reflows_at_320_css_pixels_with_sound_structure(page, site_paths, language, page_type):
    """No horizontal scrolling at 320 CSS px (a 1280 px window at 400% zoom, WCAG 1.4.10);
    one h1 and no skipped heading levels; alt text on every image; the page's language set.

    These share one page load to keep the sweep fast; each assertion names what it checks.
    """
    page.set_viewport_size({"width": 320, "height": 640})
    open_page(page, site_paths, language, page_type)
    too_wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .map(el => el.outerHTML.slice(0, 120))"""
    )
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320, f"page is {scroll_width}px wide; too wide: {too_wide[:5]}"

    levels = page.evaluate(
        "[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])"
    )
    assert levels.count(1) == 1 and levels[0] == 1, f"not exactly one h1, first: {levels}"
    skips = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    assert not skips, f"heading levels skipped: {skips} in {levels}"

    without_alt = page.locator("img:not([alt])")
    assert without_alt.count() == 0, without_alt.first.evaluate("img => img.outerHTML")

    assert page.locator("html").get_attribute("lang") == language
    marked = page.evaluate("[...document.querySelectorAll('body [lang]')].map(el => el.lang)")
    assert set(marked) <= set(LANGUAGES), f"unknown language codes: {set(marked)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_switcher_names_each_language_in_that_language(page, site_paths, language):
    page.goto(site_paths[language]["event"])
    switcher = page.locator(".language-switcher a")
    assert switcher.evaluate_all("links => links.map(a => a.lang)") == list(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_form_errors_are_announced_with_the_field(page, site_paths, language):
    open_page(page, site_paths, language, "registration form with errors")
    for field in page.locator("[aria-invalid=true]").all():
        described_by = field.get_attribute("aria-describedby") or ""
        messages = [page.locator(f"[id='{ident}']").inner_text() for ident in described_by.split()]
        assert any(message.strip() for message in messages), (
            f"{field.get_attribute('name')} is invalid but its error is not tied to it"
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_wrong_submission_on_a_phone_moves_focus_to_the_error_summary(
    new_context, site_paths, language
):
    """GOV.UK's error summary: after a wrong submission the first screen of a phone shows what
    went wrong, focused so a screen reader reads it; each link leads to its field."""
    page = new_context(**PHONE).new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(site_paths[language]["registration form"])
    page.get_by_role("button", name=interface_text(language, "Register")).click()

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    expect(summary.get_by_role("heading", level=2)).to_have_text(
        interface_text(language, "There is a problem", "registration form")
    )
    targets = summary.get_by_role("link").evaluate_all("links => links.map(a => a.hash)")
    # Given name, family name, e-mail address and consent: everything required was left empty.
    assert len(targets) == 4, targets
    for target in targets:
        expect(page.locator(target)).to_have_attribute("aria-invalid", "true")

    summary.get_by_role("link").nth(2).click()
    expect(page.locator(targets[2])).to_be_focused()
    expect(page.locator(f"label[for='{targets[2][1:]}']")).to_be_in_viewport()
    assert [text for text in console if "Content Security Policy" in text] == []
