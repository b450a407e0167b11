"""Registration journeys: the organiser's downloads and the waiting list, through the UI."""

import csv
import io

from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from playwright.sync_api import expect

from events.models import Registration, RegistrationFormPage

from .helpers import interface_text
from .site import CONSENT_CHECKBOX, FORM_FIELDS

ORGANISER_PASSWORD = "organiser-password-for-tests"  # noqa: S105


def register(page, path, language, given_name, family_name, email):
    page.goto(path)
    for index, value in enumerate([given_name, family_name, email]):
        page.get_by_label(FORM_FIELDS[language][index]).fill(value)
    page.locator(CONSENT_CHECKBOX).check()
    page.get_by_role("button", name=interface_text(language, "Register")).click()


def workshop_form():
    return RegistrationFormPage.objects.get(
        locale__language_code="de", registration_closes__gt=timezone.now()
    )


def make_organiser(django_user_model, form):
    user = django_user_model.objects.create_user(
        "organisatorin", "organisatorin@example.org", ORGANISER_PASSWORD
    )
    group, _ = Group.objects.get_or_create(name="Veranstaltungsorganisation")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    form.organisers.add(user)
    form.save()
    return user


def test_organiser_downloads_registrations_from_all_three_languages(
    page, site_paths, django_user_model
):
    import openpyxl  # comes with the organiser exports (issue 4)

    form = workshop_form()
    make_organiser(django_user_model, form)
    people = {
        "de": ("Anna", "Becker", "anna@example.org"),
        "en": ("John", "Smith", "john@example.org"),
        "uk": ("Олена", "Коваль", "olena@example.org"),
    }
    for language, person in people.items():
        register(page, site_paths[language]["registration form"], language, *person)

    page.goto("/admin/login/")
    page.locator("#id_username").fill("organisatorin")
    page.locator("#id_password").fill(ORGANISER_PASSWORD)
    page.locator("form [type=submit]").click()
    page.goto(f"/admin/forms/submissions/{form.pk}/")
    for given_name, _family_name, _email in people.values():
        expect(page.locator("main")).to_contain_text(given_name)

    # The organiser's session downloads the files, as the admin's export links would.
    submissions = f"/admin/forms/submissions/{form.pk}/"
    xlsx = page.request.get(f"{submissions}?export=xlsx")
    assert xlsx.ok, xlsx.status
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.body())).active
    xlsx_cells = {str(cell.value) for row in sheet.iter_rows() for cell in row}
    exported_csv = page.request.get(f"{submissions}?export=csv")
    assert exported_csv.ok, exported_csv.status
    rows = csv.reader(io.StringIO(exported_csv.body().decode("utf-8-sig")))
    csv_cells = {cell for row in rows for cell in row}
    for _given_name, family_name, email in people.values():
        assert {family_name, email} <= xlsx_cells
        assert {family_name, email} <= csv_cells


def test_organiser_sees_no_other_events_registrations(page, site_paths, django_user_model):
    form = workshop_form()
    make_organiser(django_user_model, form)
    past_form = RegistrationFormPage.objects.get(
        locale__language_code="de", registration_closes__year=2023
    )

    page.goto("/admin/login/")
    page.locator("#id_username").fill("organisatorin")
    page.locator("#id_password").fill(ORGANISER_PASSWORD)
    page.locator("form [type=submit]").click()
    expect(page).not_to_have_url("/admin/login/")
    others = f"/admin/forms/submissions/{past_form.pk}/"
    response = page.goto(others)
    assert response.status == 403, "sees other events"
    expect(page.get_by_role("heading", name="Kein Zugriff")).to_be_visible()
    own = f"/admin/forms/submissions/{form.pk}/"
    response = page.goto(own)
    assert response.status == 200 and page.url.endswith(own), "cannot see their own event"


def test_visitor_beyond_capacity_is_put_on_the_waiting_list_and_told_so(page, site_paths):
    RegistrationFormPage.objects.filter(pk=workshop_form().pk).update(capacity=1)
    path = site_paths["de"]["registration form"]
    register(page, path, "de", "Anna", "Becker", "anna@example.org")
    expect(page.get_by_role("status")).to_be_visible()

    register(page, path, "de", "Bernd", "Schmidt", "bernd@example.org")

    expect(page.get_by_role("status")).to_contain_text("Warteliste")
    assert Registration.objects.get(email="bernd@example.org").status == "waiting_list"
