"""The site the browser tests visit: the seed content plus an upcoming workshop whose
registration is open, in German with English and Ukrainian translations."""

from datetime import time, timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from events.formatting import BERLIN
from events.models import (
    EventIndexPage,
    EventPage,
    EventSpeaker,
    RegistrationFormField,
    RegistrationFormPage,
    Venue,
)
from home.models import (
    HomePage,
    LeichteSprachePage,
    PracticeExampleIndexPage,
    PracticeExamplePage,
    SiteSettings,
    StandardPage,
)
from pagebase.testing import translate_page
from speakers.models import SpeakerIndexPage, SpeakerPage

LANGUAGES = ("de", "en", "uk")

WORKSHOP_TITLE = {
    "de": "Werkstatt Kreispartnerschaften",
    "en": "Workshop on district partnerships",
    "uk": "Майстерня районних партнерств",
}
PROGRAMME_TITLES = {
    "de": ("Begrüßung", "Wie eine Kreispartnerschaft beginnt"),
    "en": ("Welcome", "How a district partnership begins"),
    "uk": ("Привітання", "Як починається районне партнерство"),
}
REGISTRATION_TITLE = {"de": "Anmeldung", "en": "Registration", "uk": "Реєстрація"}
# label, field type, required: the same fields in each language. The consent checkbox is not an
# editor's field: every registration form has it (CONSENT_CHECKBOX).
FORM_FIELDS = {
    "de": ["Vorname", "Nachname", "E-Mail", "Organisation"],
    "en": ["First name", "Last name", "E-mail", "Organisation"],
    "uk": ["Ім’я", "Прізвище", "Електронна пошта", "Організація"],
}
FIELD_TYPES = [
    ("singleline", True),
    ("singleline", True),
    ("email", True),
    ("singleline", False),
]
CONSENT_CHECKBOX = "#id_consent"
THANK_YOU = {
    "de": "<p>Vielen Dank! Ihre Anmeldung ist eingegangen.</p>",
    "en": "<p>Thank you! We have received your registration.</p>",
    "uk": "<p>Дякуємо! Вашу реєстрацію отримано.</p>",
}


def _programme(language, speakers):
    welcome, talk = PROGRAMME_TITLES[language]
    return [
        {
            "type": "item",
            "value": {
                "starts_at": time(10).isoformat(),
                "ends_at": time(10, 30).isoformat(),
                "title": welcome,
                "kind": "welcome",
                "description": "",
                "speakers": [speakers[0].pk],
            },
        },
        {
            "type": "item",
            "value": {
                "starts_at": time(10, 30).isoformat(),
                "ends_at": time(12).isoformat(),
                "title": talk,
                "kind": "talk",
                "description": "",
                "speakers": [speakers[1].pk],
            },
        },
    ]


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def add_workshop():
    """An upcoming event with programme, two speakers and an open registration form."""
    event_index = EventIndexPage.objects.get(locale__language_code="de")
    speakers = list(SpeakerPage.objects.filter(locale__language_code="de").order_by("pk")[:2])
    start = (timezone.localtime(timezone.now(), BERLIN) + timedelta(days=30)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    event = _publish(
        event_index,
        EventPage(
            title=WORKSHOP_TITLE["de"],
            slug="werkstatt",
            teaser="Ein halber Tag zum Austausch über Kreispartnerschaften.",
            start=start,
            end=start + timedelta(hours=2),
            venue=Venue.objects.get(locale__language_code="de"),
            programme=_programme("de", speakers),
            speakers=[
                EventSpeaker(speaker=speakers[0], role=EventSpeaker.Role.WELCOME),
                EventSpeaker(speaker=speakers[1], role=EventSpeaker.Role.TALK),
            ],
            contact_email="becker@auslandsgesellschaft.de",
        ),
    )
    registration = _publish(
        event,
        RegistrationFormPage(
            title=REGISTRATION_TITLE["de"],
            slug="anmeldung",
            registration_closes=start - timedelta(days=1),
            thank_you_text=THANK_YOU["de"],
            form_fields=[
                RegistrationFormField(label=label, field_type=kind, required=required)
                for label, (kind, required) in zip(FORM_FIELDS["de"], FIELD_TYPES, strict=True)
            ],
        ),
    )
    for language in ("en", "uk"):
        translate_page(
            event,
            language,
            title=WORKSHOP_TITLE[language],
            slug=f"werkstatt-{language}",
            teaser="",
            programme=_programme(language, speakers),
        )
        translated = translate_page(
            registration,
            language,
            title=REGISTRATION_TITLE[language],
            thank_you_text=THANK_YOU[language],
        )
        for field, label in zip(
            translated.form_fields.order_by("sort_order"), FORM_FIELDS[language], strict=True
        ):
            RegistrationFormField.objects.filter(pk=field.pk).update(label=label)
    return event


def add_images():
    """A speaker portrait and the organiser's logo, so pages show images (the seed has none)."""
    image = Image.objects.create(title="Porträt", file=get_test_image_file())
    first_speaker = SpeakerPage.objects.filter(locale__language_code="de").order_by("pk").first()
    SpeakerPage.objects.filter(translation_key=first_speaker.translation_key).update(
        portrait=image, portrait_alt_text="Porträt"
    )
    SiteSettings.objects.update(organiser_logo=image)
    return image


def add_leichte_sprache_summary(image):
    """The German workshop's summary in Leichte Sprache, with every kind of block."""
    workshop = EventPage.objects.get(locale__language_code="de", slug__startswith="werkstatt")
    workshop.leichte_sprache = [
        ("heading", "Was ist die Werkstatt?"),
        ("sentences", "Die Werkstatt ist ein Treffen.\nKreise sprechen über ihre Partnerschaft."),
        ("explained_word", {"word": "Kreis", "explanation": "Ein Kreis ist ein Gebiet."}),
        ("picture", {"image": image, "alt_text": "Ein Foto", "caption": "Das ist ein Foto."}),
        ("steps", {"heading": "So melden Sie sich an", "steps": ["Sie öffnen das Formular."]}),
    ]
    workshop.save_revision().publish()


def build():
    """Load the seed content and the workshop; return each page type's path per language."""
    call_command("load_reallabor_content", stdout=StringIO(), stderr=StringIO())
    add_workshop()
    add_leichte_sprache_summary(add_images())
    return {language: _paths(language) for language in LANGUAGES}


def _paths(language):
    def first(model, **filters):
        return (
            model.objects.live()
            .filter(locale__language_code=language, **filters)
            .order_by("path")
            .first()
            .url
        )

    about_key = StandardPage.objects.get(locale__language_code="de", slug="ueber-uns")
    return {
        "home": first(HomePage),
        "standard page": first(StandardPage, translation_key=about_key.translation_key),
        "event index": first(EventIndexPage),
        "event": first(EventPage, slug__startswith="werkstatt"),
        "past event": first(EventPage, start__year=2023),
        "registration form": first(RegistrationFormPage, registration_closes__gt=timezone.now()),
        "speaker index": first(SpeakerIndexPage),
        "speaker": first(SpeakerPage),
        "practice example index": first(PracticeExampleIndexPage),
        "practice example": first(PracticeExamplePage),
        "404": f"/{language}/diese-seite-gibt-es-nicht/",
        # German only; under /en/ and /uk/ the copies that show the German text.
        "leichte sprache start": first(LeichteSprachePage, depth=3),
        "leichte sprache page": first(LeichteSprachePage, slug="veranstaltungen-und-anmeldung"),
        "event in leichte sprache": (
            EventPage.objects.get(locale__language_code="de", slug__startswith="werkstatt").url
            + "leichte-sprache/"
        ),
    }
