"""Run in the host site's directory (`python -m host_site.check`): migrate, build one page of each
of our page types in German and Ukrainian, render each in both languages, check that our apps'
own translations show, and register for the event through its form page as a visitor does.

Prints one line per step; any failure stops it with a traceback and a non-zero exit status.
"""

import html
import os
import re
import sys
from datetime import timedelta
from pathlib import Path

# The host site knows nothing of reallabor_site: any import of it fails.
sys.modules["reallabor_site"] = None
os.environ["DJANGO_SETTINGS_MODULE"] = "host_site.settings"

# Catalogue texts that are this long and contain no placeholder are taken as our apps' own.
SHORTEST_TEXT = 8


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def in_days(days):
    from django.utils import timezone

    return (timezone.now() + timedelta(days=days)).replace(microsecond=0)


def build_pages():
    """One live page of each of our page types, in German; returns them by model."""
    from wagtail.models import Locale, Page, Site

    from events.models import (
        EventIndexPage,
        EventPage,
        EventPracticeExample,
        EventSpeaker,
        RegistrationFormField,
        RegistrationFormPage,
    )
    from home.models import (
        HomePage,
        LeichteSprachePage,
        PracticeExampleIndexPage,
        PracticeExamplePage,
        StandardPage,
    )
    from speakers.models import SpeakerIndexPage, SpeakerPage

    german = Locale.objects.get(language_code="de")
    Locale.objects.get_or_create(language_code="uk")
    # Wagtail's welcome page makes way for ours.
    Site.objects.all().delete()
    Page.objects.filter(depth=2).delete()
    home = publish(
        Page.get_first_root_node(), HomePage(title="Startseite", slug="start", locale=german)
    )
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    standard = publish(home, StandardPage(title="Über uns", slug="ueber-uns"))
    leichte_sprache = publish(home, LeichteSprachePage(title="Einfach lesen", slug="einfach"))
    speaker_index = publish(home, SpeakerIndexPage(title="Mitwirkende", slug="mitwirkende"))
    speaker = publish(
        speaker_index,
        SpeakerPage(
            title="Olena Koval",
            slug="olena-koval",
            given_name="Olena",
            family_name="Koval",
            short_biography="<p>Olena Koval.</p>",
        ),
    )
    example_index = publish(home, PracticeExampleIndexPage(title="Beispiele", slug="beispiele"))
    example = publish(
        example_index,
        PracticeExamplePage(
            title="Kreis Coesfeld", slug="coesfeld", kreis="Kreis Coesfeld", contact_person=speaker
        ),
    )
    event_index = publish(home, EventIndexPage(title="Termine", slug="termine"))
    event = publish(
        event_index,
        EventPage(
            title="Konferenz",
            slug="konferenz",
            start=in_days(30),
            end=in_days(30) + timedelta(hours=4),
            speakers=[EventSpeaker(speaker=speaker, role="talk")],
            practice_examples=[EventPracticeExample(practice_example=example)],
        ),
    )
    form = publish(
        event,
        RegistrationFormPage(
            title="Anmeldung",
            slug="anmeldung",
            registration_closes=in_days(20),
            to_address="team@example.org",
            subject="Neue Anmeldung",
            form_fields=[
                RegistrationFormField(label="Name", field_type="singleline", required=True),
                RegistrationFormField(label="E-Mail", field_type="email", required=True),
            ],
        ),
    )
    pages = [home, standard, leichte_sprache, speaker_index, speaker, example_index, example]
    return {type(page): page for page in [*pages, event_index, event, form]}


def translate(pages):
    """Each page in Ukrainian, as a translator would make and publish it."""
    from django.utils import translation
    from wagtail.models import Locale

    ukrainian = Locale.objects.get(language_code="uk")
    translated = {}
    for model, page in pages.items():
        with translation.override("uk"):
            copy = page.copy_for_translation(ukrainian, copy_parents=True)
        copy.title = f"{page.title} (українською)"
        copy.save_revision().publish()
        translated[model] = model.objects.get(pk=copy.pk)
    return translated


def our_page_models(apps):
    from wagtail.models import get_page_models

    return {
        model
        for model in get_page_models()
        if model._meta.app_label in apps and not model._meta.abstract
    }


def catalogue_texts(app, language):
    """The translations in `app`'s own catalogue that read as sentences or phrases."""
    import polib

    catalogue = Path(__import__(app).__file__).parent / "locale" / language / "LC_MESSAGES"
    return {
        entry.msgstr
        for entry in polib.pofile(str(catalogue / "django.po")).translated_entries()
        if len(entry.msgstr) >= SHORTEST_TEXT
        and entry.msgstr != entry.msgid
        and "%" not in entry.msgstr
        and "{" not in entry.msgstr
    }


def check_catalogue_found(app, language):
    """The host translates every text of `app`'s catalogue as the catalogue says."""
    import polib
    from django.utils import translation

    catalogue = Path(__import__(app).__file__).parent / "locale" / language / "LC_MESSAGES"
    entries = polib.pofile(str(catalogue / "django.po")).translated_entries()
    assert entries, f"{app}'s {language} catalogue is empty"
    with translation.override(language):
        for entry in entries:
            if entry.msgctxt:
                found = translation.pgettext(entry.msgctxt, entry.msgid)
            else:
                found = translation.gettext(entry.msgid)
            assert found == entry.msgstr, (app, language, entry.msgid, found)
    print(f"{app} {language}: {len(entries)} texts found")


def render(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, (page.url, response.status_code)
    return html.unescape(response.content.decode())


def register(page):
    """Fill in and send the form page as a visitor does: with the form's CSRF token."""
    from django.test import Client

    from events.models import Registration

    visitor = Client(enforce_csrf_checks=True)
    form_html = render(visitor, page)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_html)[1]
    fields = {field.label: field.clean_name for field in page.owning_form.get_form_fields()}
    response = visitor.post(
        page.url,
        {
            "csrfmiddlewaretoken": token,
            fields["Name"]: "Olena Koval",
            fields["E-Mail"]: "olena.koval@example.org",
            "consent": "on",
        },
    )
    assert response.status_code == 200, response.status_code
    registration = Registration.objects.get()
    assert registration.email == "olena.koval@example.org", registration.email
    return registration


def main():
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    print("migrated")
    german = build_pages()
    missing = our_page_models(settings.OUR_APPS) - set(german)
    assert not missing, f"page types without a page here: {sorted(map(str, missing))}"
    ukrainian = translate(german)
    print("built", ", ".join(sorted(model.__name__ for model in german)))

    client = Client()
    for language, pages in (("de", german), ("uk", ukrainian)):
        for app in settings.OUR_APPS:
            if not any(model._meta.app_label == app for model in pages):
                # An app without page types of its own (pagebase): its texts are labels in the
                # admin, so the host's gettext must find them in the app's catalogue.
                check_catalogue_found(app, language)
                continue
            rendered = " ".join(
                render(client, page)
                for model, page in pages.items()
                if model._meta.app_label == app
            )
            titles = " ".join(page.title for page in pages.values())
            shown = sorted(
                text
                for text in catalogue_texts(app, language)
                if text in rendered and text not in titles
            )
            assert shown, f"no text of {app}'s {language} catalogue on its {language} pages"
            print(f"{app} {language}: {shown!r}")

    from events.models import RegistrationFormPage

    registration = register(ukrainian[RegistrationFormPage])
    print(f"registered: {registration.email}")
    assert not [name for name in sys.modules if name.startswith("reallabor_site.")]


if __name__ == "__main__":
    main()
