"""An organiser logs in, sees their event's figures on the start page and downloads the list."""

import csv
import io
import os
import re
from pathlib import Path

import openpyxl
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from events.models import Registration, RegistrationFormPage
from events.registration.models import ORGANISERS_GROUP

from .site import WORKSHOP_TITLE

PASSWORD = "organiser-password-for-tests"  # noqa: S105
DESKTOP = {"width": 1280, "height": 900}
# Where the start pages' screenshots go for the release notes, when it is set.
SCREENSHOTS = os.environ.get("ADMIN_SCREENSHOTS_DIR")


def workshop_form():
    return RegistrationFormPage.objects.get(
        locale__language_code="de", registration_closes__gt=timezone.now()
    )


def register(form, language, first_name, status=Registration.Status.CONFIRMED):
    email = f"{first_name.lower()}@example.org"
    return Registration.objects.create(
        page=form,
        form_data={"vorname": first_name, "nachname": "Test", "e_mail": email},
        language=language,
        status=status,
        email=email,
    )


def log_in(page, username):
    page.set_viewport_size(DESKTOP)
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form [type=submit]").click()
    expect(page).not_to_have_url(re.compile("/login/"))


def screenshot(page, name):
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / name), full_page=True)


def test_organiser_sees_figures_and_downloads_both_files_from_the_start_page(page, site_paths):
    user = get_user_model().objects.create_user(
        "organisation",
        "organisation@example.org",
        PASSWORD,
        first_name="Oksana",
        last_name="Hrytsenko",
    )
    user.groups.add(Group.objects.get(name=ORGANISERS_GROUP))
    form = workshop_form()
    form.capacity = 30
    form.organisers.add(user)
    form.save_revision().publish()
    register(form, "de", "Jürgen")
    register(form, "de", "Anna")
    register(form, "uk", "Олена")
    register(form, "en", "Emily", status=Registration.Status.CANCELLED)

    log_in(page, "organisation")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ihre Veranstaltungen")
    overview = page.locator("section.registration-overview")
    expect(overview.get_by_role("heading", name=WORKSHOP_TITLE["de"])).to_be_visible()
    expect(overview).to_contain_text("Freie Plätze: 27 von 30")
    expect(overview.get_by_role("row", name=re.compile("^Deutsch"))).to_contain_text("2")
    expect(overview.get_by_role("row", name=re.compile("^Ukrainisch"))).to_contain_text("1")
    expect(overview.get_by_role("row", name=re.compile("^Gesamt"))).to_be_visible()
    # Nothing else in the menu: no reports, no help about editing pages.
    expect(page.get_by_role("button", name="Berichte")).to_have_count(0)
    screenshot(page, "organiser-start-page.png")

    with page.expect_download() as excel:
        overview.get_by_role("link", name="Excel herunterladen").click()
    assert excel.value.suggested_filename.endswith(".xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(Path(excel.value.path()).read_bytes()))
    names = [row[1] for row in workbook.active.iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == ["Anna", "Emily", "Jürgen", "Олена"]

    with page.expect_download() as comma_separated:
        overview.get_by_role("link", name="CSV herunterladen").click()
    assert comma_separated.value.suggested_filename.endswith(".csv")
    text = Path(comma_separated.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert {"Jürgen", "Олена"} <= {cell for row in rows[1:] for cell in row}

    overview.get_by_role("link", name="Anmeldungen ansehen").click()
    expect(page.get_by_role("link", name="Excel herunterladen")).to_be_visible()
    for heading in ("Status", "Sprache"):
        box = page.get_by_role("columnheader", name=heading, exact=True).bounding_box()
        assert box["x"] + box["width"] <= DESKTOP["width"], f"{heading} is off-screen"
    screenshot(page, "organiser-registrations-list.png")


def test_editors_start_page_shows_the_registrations_of_current_events(page, site_paths):
    get_user_model().objects.create_superuser("redaktion", "redaktion@example.org", PASSWORD)
    register(workshop_form(), "de", "Jürgen")
    log_in(page, "redaktion")
    expect(page.get_by_text("Anmeldungen zu aktuellen Veranstaltungen")).to_be_visible()
    expect(page.get_by_role("heading", name=WORKSHOP_TITLE["de"])).to_be_visible()
    expect(page.get_by_role("link", name="Excel herunterladen")).to_be_visible()
    screenshot(page, "editor-start-page.png")
