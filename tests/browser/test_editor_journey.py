"""An editor of the German admin creates, publishes and translates an event."""

import re

from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from events.models import EventIndexPage, EventPage

from .helpers import interface_text

EDITOR_PASSWORD = "editor-password-for-tests"  # noqa: S105


def log_in(page):
    get_user_model().objects.create_superuser("redaktion", "redaktion@example.org", EDITOR_PASSWORD)
    page.goto("/admin/login/")
    page.locator("#id_username").fill("redaktion")
    page.locator("#id_password").fill(EDITOR_PASSWORD)
    page.locator("form [type=submit]").click()
    expect(page).not_to_have_url(re.compile("/login/"))


def choose_speaker(page, family_name, role):
    page.get_by_role("button", name="Referent*in hinzufügen").click()
    page.get_by_role("button", name="Seite auswählen (Referent*in)").last.click()
    modal = page.locator(".modal")
    modal.get_by_role("textbox").fill(family_name)
    # The chooser lists every language's copy of a speaker; the German one is chosen.
    modal.locator("a.choose-page[data-url^='/de/']", has_text=family_name).click()
    expect(modal).to_be_hidden()
    page.locator("select[name$='-role']").last.select_option(role)


def publish(page):
    page.get_by_role("button", name="Mehr Aktionen").click()
    page.get_by_role("button", name="Veröffentlichen").click()
    expect(page.locator(".messages")).to_contain_text("veröffentlicht")


def translate_segment(page, text):
    page.get_by_role("button", name="Übersetzen", exact=True).first.click()
    page.locator("textarea").first.fill(text)
    page.get_by_role("button", name="Speichern", exact=True).click()
    expect(page.get_by_text(text, exact=True)).to_be_visible()


def test_editor_creates_publishes_and_translates_an_event_into_ukrainian(page, site_paths):
    index = EventIndexPage.objects.get(locale__language_code="de")
    log_in(page)

    page.goto(f"/admin/pages/add/events/eventpage/{index.pk}/")
    page.locator("#id_title").fill("Partnerschaftstag 2027")
    page.locator("#id_start").fill("2027-03-10 10:00")
    page.keyboard.press("Escape")
    page.locator("#id_end").fill("2027-03-10 16:00")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Veranstaltungsort auswählen").click()
    page.locator(".modal").get_by_role("link", name="Museum Haus Opherdicke").click()
    expect(page.locator(".modal")).to_be_hidden()

    page.get_by_role("tab", name="Programm").click()
    page.locator("[role=tabpanel]:not([hidden]) button.c-sf-add-button").first.click()
    page.locator("[name='programme-0-value-starts_at']").fill("10:00")
    page.keyboard.press("Escape")
    page.locator("[name='programme-0-value-title']").fill("Eröffnung")

    page.get_by_role("tab", name="Personen").click()
    choose_speaker(page, "Shum", "welcome")
    choose_speaker(page, "Kallerhoff", "keynote")
    publish(page)
    event = EventPage.objects.get(locale__language_code="de", title="Partnerschaftstag 2027")

    page.goto(f"/admin/pages/add/events/registrationformpage/{event.pk}/")
    page.locator("#id_title").fill("Anmeldung")
    page.locator("#id_registration_closes").fill("2027-03-01 23:59")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Formularfeld hinzufügen").click()
    page.locator("[name='form_fields-0-label']").fill("Name")
    page.locator("[name='form_fields-0-field_type']").select_option("singleline")
    publish(page)

    page.goto(f"/admin/pages/{event.pk}/edit/")
    page.get_by_role("button", name="Aktionen").first.click()
    page.get_by_role("link", name="Diese Seite übersetzen").click()
    page.get_by_label("Українська").check()
    page.get_by_label("Teilbaum").check()
    page.get_by_role("button", name="Absenden").click()

    # wagtail-localize's translation editor: one segment per text, grouped in the page's tabs,
    # under a heading in German (its own is English: reallabor_site/wagtail_hooks.py).
    expect(page.get_by_role("heading", name="Übersetzung: Deutsch → Українська")).to_be_visible()
    translate_segment(page, "День партнерства 2027")
    page.get_by_role("tab", name="Programm").click()
    translate_segment(page, "Відкриття")
    page.get_by_role("button", name="Veröffentlichen in Українська").click()
    expect(page.locator(".messages")).to_be_visible()

    ukrainian = EventPage.objects.get(
        locale__language_code="uk", translation_key=event.translation_key
    )
    page.goto(ukrainian.url)
    expect(page.locator("html")).to_have_attribute("lang", "uk")
    expect(page.get_by_role("heading", level=1)).to_have_text("День партнерства 2027")
    expect(page.get_by_role("heading", name="Відкриття")).to_be_visible()
    expect(page.locator(".event-speakers")).to_contain_text("Ірина Шум")
    expect(page.locator(".event-speakers")).to_contain_text("Марина Каллергофф")
    expect(page.locator("#venue")).to_contain_text("Музей Haus Opherdicke")
    registration_until = interface_text("uk", "Registration until %(date)s").split("%")[0]
    expect(page.locator("main")).to_contain_text(registration_until.strip())
