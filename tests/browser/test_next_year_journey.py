"""An editor prepares next year's event from the seed conference and publishes it in German,
English and Ukrainian; readers of every language find the new date and an open registration."""

import re

from django.utils import translation
from playwright.sync_api import expect

from events.formatting import format_day
from events.models import EventPage, RegistrationFormPage

from .helpers import interface_text
from .test_editor_journey import log_in, publish


def test_editor_prepares_next_year_and_publishes_it_in_three_languages(page, site_paths):
    old = EventPage.objects.get(
        locale__language_code="de", slug="landkreise-als-internationale-akteure"
    )
    log_in(page)

    page.goto(f"/admin/pages/{old.pk}/edit/")
    page.get_by_role("button", name="Aktionen").first.click()
    page.get_by_role("link", name="Für nächstes Jahr vorbereiten").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Für nächstes Jahr vorbereiten")
    expect(page.get_by_label("Neues Datum")).not_to_have_value("")
    page.get_by_role("button", name="Entwürfe vorbereiten").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Checkliste")
    # The seed's form texts say the date through the {Datum} placeholder, so none names 2023.
    expect(page.get_by_text("Kein Text nennt das alte Datum oder Jahr.")).to_be_visible()
    new = EventPage.objects.get(locale__language_code="de", slug__startswith=f"{old.slug}-")
    expect(page.locator(".next-year-dates")).to_contain_text(str(new.start.year))

    # German first: the event, then its registration form, in Wagtail's editor.
    page.get_by_role("link", name=new.title).first.click()
    publish(page)
    form = RegistrationFormPage.objects.child_of(new).get()
    page.goto(f"/admin/pages/{form.pk}/edit/")
    publish(page)

    # Each translation in wagtail-localize's translation editor, from the checklist's links.
    for language in ("en", "uk"):
        translated = EventPage.objects.get(
            translation_key=new.translation_key, locale__language_code=language
        )
        page.goto(f"/admin/pages/{translated.pk}/edit/")
        page.get_by_role("button", name=re.compile("^Veröffentlichen in")).click()
        expect(page.locator(".messages")).to_be_visible()

    for language in ("en", "uk"):
        translated = EventPage.objects.get(
            translation_key=new.translation_key, locale__language_code=language
        )
        page.goto(translated.url)
        expect(page.locator("html")).to_have_attribute("lang", language)
        with translation.override(language):
            new_day = format_day(new.start)
        expect(page.locator("main")).to_contain_text(new_day)
        expect(page.locator(".event-status")).to_have_text(
            interface_text(language, "Upcoming event – registration is open.")
        )
        page.goto(translated.get_parent().url)
        expect(page.locator("main")).to_contain_text(translated.title)
