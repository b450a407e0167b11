"""Check-in at the door on two phones at once: two organisers tap different people (one undoes a
tap), and every tap survives; each sees the other's taps without reloading."""

import re

from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from events.models import Registration, RegistrationFormPage, WalkIn

from .helpers import PHONE

PASSWORD = "organiser-password-for-tests"  # noqa: S105
PEOPLE = [
    ("Olena", "Koval", "Громада Бучі"),
    ("Jürgen", "Özdemir", "Gemeinde Ascheberg"),
    ("Богдан", "Шевченко", "Kreis Lippe"),
    ("Anna", "Becker", "Kreis Coesfeld"),
]


def conference_form():
    return RegistrationFormPage.objects.get(
        locale__language_code="de", registration_closes__year=2023
    )


def make_organiser(django_user_model, form, username):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", PASSWORD)
    group, _ = Group.objects.get_or_create(name="Veranstaltungsorganisation")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    form.organisers.add(user)
    form.save()
    return user


def register(form, given_name, family_name, institution):
    return Registration.objects.create(
        page=form,
        language="de",
        status=Registration.Status.CONFIRMED,
        email=f"{given_name.lower()}@example.org",
        form_data={
            "vorname": given_name,
            "nachname": family_name,
            "e_mail": f"{given_name.lower()}@example.org",
            "institution_kreis_kommune": institution,
            "funktion": "Referentin",
        },
    )


def phone_of(browser, live_server, username, check_in_url):
    context = browser.new_context(**PHONE, base_url=live_server.url, locale="de-DE")
    page = context.new_page()
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form [type=submit]").click()
    expect(page).not_to_have_url(re.compile("/admin/login/"))
    page.goto(check_in_url)
    return context, page


def tap(page, registration, button):
    row = page.locator(f"#registration-{registration.pk}")
    row.get_by_role("button", name=button).click()
    return row


def test_two_organisers_check_in_at_once_on_phones(
    browser, live_server, site_paths, django_user_model
):
    form = conference_form()
    make_organiser(django_user_model, form, "organisatorin")
    make_organiser(django_user_model, form, "organisator")
    koval, oezdemir, shevchenko, becker = [register(form, *person) for person in PEOPLE]
    check_in_url = f"/admin/registrations/{form.pk}/check-in/"

    first_context, first = phone_of(browser, live_server, "organisatorin", check_in_url)
    second_context, second = phone_of(browser, live_server, "organisator", check_in_url)
    try:
        # Sorted by family name, Latin and Cyrillic; nothing wider than the phone.
        names = first.locator("[data-registration] strong").all_inner_texts()
        assert names == ["Becker, Anna", "Koval, Olena", "Özdemir, Jürgen", "Шевченко, Богдан"]
        assert first.evaluate("document.documentElement.scrollWidth") <= 390

        # Both pages were loaded before anyone tapped: each tap changes its own person only.
        expect(tap(first, koval, "anwesend")).to_have_class(re.compile("is-present"))
        expect(tap(second, shevchenko, "anwesend")).to_have_class(re.compile("is-present"))
        expect(tap(first, oezdemir, "anwesend")).to_have_class(re.compile("is-present"))
        expect(tap(second, becker, "anwesend")).to_have_class(re.compile("is-present"))
        expect(tap(first, oezdemir, "Rückgängig")).not_to_have_class(re.compile("is-present"))

        present = set(
            Registration.objects.filter(page=form, checked_in_at__isnull=False).values_list(
                "pk", flat=True
            )
        )
        assert present == {koval.pk, shevchenko.pk, becker.pk}

        # Each phone shows the other's taps within a few seconds, without reloading.
        expect(second.locator(f"#registration-{koval.pk}")).to_have_class(
            re.compile("is-present"), timeout=10_000
        )
        expect(first.locator(f"#registration-{becker.pk}")).to_have_class(
            re.compile("is-present"), timeout=10_000
        )
        expect(second.locator(f"#registration-{oezdemir.pk}")).not_to_have_class(
            re.compile("is-present"), timeout=10_000
        )
        expect(first.locator("[data-present-count]")).to_have_text("3", timeout=10_000)

        # The search filters as one types.
        second.get_by_label("Nach Name oder Institution suchen").fill("ozdem")
        expect(second.locator(f"#registration-{oezdemir.pk}")).to_be_visible()
        expect(second.locator(f"#registration-{koval.pk}")).to_be_hidden()

        # A walk-in added on one phone appears on the other.
        first.get_by_label("Name (Pflichtangabe)").fill("Petro Neu")
        first.get_by_label("Institution / Kreis / Kommune").fill("Kreis Unna")
        first.get_by_role("button", name="Hinzufügen").click()
        expect(first.locator("[data-walk-in-list]")).to_contain_text("Petro Neu")
        expect(second.locator("[data-walk-in-list]")).to_contain_text("Kreis Unna", timeout=10_000)
        assert WalkIn.objects.filter(page=form, name="Petro Neu").exists()
    finally:
        first_context.close()
        second_context.close()
