"""Visitors of the public site: a Ukrainian on a phone, and someone using only the keyboard."""

import re

import icalendar
import pytest
from playwright.sync_api import expect

from .helpers import PHONE, assert_focus_is_visible, interface_text
from .site import CONSENT_CHECKBOX, FORM_FIELDS, PROGRAMME_TITLES, WORKSHOP_TITLE


@pytest.fixture
def ukrainian_phone(new_context):
    return new_context(**PHONE, locale="uk-UA", accept_downloads=True).new_page()


def label(language, index):
    return FORM_FIELDS[language][index]


def test_ukrainian_visitor_on_a_phone_finds_the_event_and_registers(
    ukrainian_phone, site_paths, tmp_path
):
    page = ukrainian_phone
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    page.goto("/")
    expect(page).to_have_url(re.compile(r"/uk/$"))
    expect(page.locator("html")).to_have_attribute("lang", "uk")

    page.get_by_role("link", name=WORKSHOP_TITLE["uk"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(WORKSHOP_TITLE["uk"])
    programme = page.get_by_role("region", name=interface_text("uk", "Programme"))
    for title in PROGRAMME_TITLES["uk"]:
        expect(programme.get_by_role("heading", name=title)).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role(
            "link", name=interface_text("uk", "Add to calendar (iCalendar file)")
        ).click()
    path = tmp_path / "event.ics"
    download.value.save_as(path)
    event = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == WORKSHOP_TITLE["uk"]

    page.get_by_role("link", name=interface_text("uk", "Go to the registration form")).click()
    page.get_by_label(label("uk", 0)).fill("Олена")
    page.get_by_label(label("uk", 1)).fill("Коваль")
    page.get_by_label(label("uk", 2)).fill("olena.koval@")
    page.get_by_label(label("uk", 3)).fill("<script>alert('x')</script>")
    page.get_by_role("button", name=interface_text("uk", "Register")).click()

    email = page.get_by_label(label("uk", 2))
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(page.locator("main")).to_contain_text(
        interface_text("uk", "Enter a valid e-mail address.")
    )
    expect(page.locator("main")).to_contain_text(
        interface_text(
            "uk", "Please agree to the processing of your details, or we cannot register you."
        )
    )
    expect(page.get_by_label(label("uk", 0))).to_have_value("Олена")
    expect(page.get_by_label(label("uk", 3))).to_have_value("<script>alert('x')</script>")

    email.fill("olena.koval@example.org")
    page.locator(CONSENT_CHECKBOX).check()
    page.get_by_role("button", name=interface_text("uk", "Register")).click()

    expect(page.get_by_role("status")).to_contain_text("Дякуємо! Вашу реєстрацію отримано.")
    assert dialogs == [], "a script typed into the form ran"


def test_ukrainian_registrant_gets_the_confirmation_email_in_ukrainian(
    ukrainian_phone, site_paths, mailoutbox
):
    page = ukrainian_phone
    page.goto(site_paths["uk"]["registration form"])
    for index, value in enumerate(["Олена", "Коваль", "olena.koval@example.org"]):
        page.get_by_label(label("uk", index)).fill(value)
    page.locator(CONSENT_CHECKBOX).check()
    page.get_by_role("button", name=interface_text("uk", "Register")).click()
    expect(page.get_by_role("status")).to_be_visible()

    to_registrant = [mail for mail in mailoutbox if "olena.koval@example.org" in mail.to]
    assert len(to_registrant) == 1, "no confirmation e-mail to the registrant"
    assert WORKSHOP_TITLE["uk"] in to_registrant[0].subject + to_registrant[0].body


def tab_to(page, predicate, limit=60):
    """Press Tab until `predicate(focus)` holds, checking that every stop shows its focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = assert_focus_is_visible(page)
        if predicate(focus):
            return focus
    raise AssertionError(f"not reached with {limit} presses of Tab")


def test_keyboard_user_skips_to_content_switches_language_and_registers(page, site_paths):
    page.goto(site_paths["de"]["event"])

    page.keyboard.press("Tab")
    focus = assert_focus_is_visible(page)
    assert focus["text"] == interface_text("de", "Skip to main content")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"

    page.keyboard.press("Tab")
    assert_focus_is_visible(page)
    assert page.evaluate("!!document.activeElement.closest('main')"), "Tab left the main content"

    page.reload()
    tab_to(page, lambda focus: focus["text"] == "Українська")
    page.keyboard.press("Enter")
    expect(page.locator("html")).to_have_attribute("lang", "uk")
    expect(page.get_by_role("heading", level=1)).to_have_text(WORKSHOP_TITLE["uk"])

    go_to_form = interface_text("uk", "Go to the registration form")
    tab_to(page, lambda focus: focus["text"] == go_to_form)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Реєстрація")

    tab_to(page, lambda focus: focus["tag"] == "INPUT" and focus["text"] == "vorname")
    for value in ["Олена", "Коваль", "olena@example.org", "Громада"]:
        page.keyboard.type(value)
        page.keyboard.press("Tab")
        assert_focus_is_visible(page)
    # The consent's label links to the privacy page, so the checkbox comes after that link.
    tab_to(page, lambda focus: focus["tag"] == "INPUT" and focus["text"] == "consent")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    focus = assert_focus_is_visible(page)
    assert focus["tag"] == "BUTTON"
    page.keyboard.press("Enter")

    expect(page.get_by_role("status")).to_contain_text("Дякуємо! Вашу реєстрацію отримано.")
