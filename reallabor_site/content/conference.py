"""The conference of 22 November 2023, its venue and its registration page, from the invitation.

The invitation gives no timed programme, so the programme stays empty rather than invented.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from events.models import EventPage, EventSpeaker
from events.registration.pages import Autofill

from . import foundation, practice_examples, speakers
from .texts import Link, T, paragraphs

BERLIN = ZoneInfo("Europe/Berlin")

TITLE = T(
    "Landkreise als internationale Akteure vor dem Hintergrund der Ukraine-Hilfe",
    "Districts as international actors in the light of support for Ukraine",
    "Райони як міжнародні актори в контексті допомоги Україні",
)

EVENT_INDEX = {
    "title": T("Veranstaltungen", "Events", "Заходи"),
    "slug": T("veranstaltungen", "events", "zakhody"),
    "show_in_menus": True,
    "introduction": T(
        "Die Veranstaltungen des Reallabors: zuerst die kommenden, danach das Archiv der "
        "vergangenen.",
        "The real-world laboratory's events: upcoming ones first, followed by the archive of "
        "past events.",
        "Заходи реальної лабораторії: спочатку майбутні, далі – архів минулих заходів.",
    ),
}

# The name is the museum's own; Ukrainian readers get "museum" in their language and the
# German name they will find on signs and maps. The postal address stays as the post uses it.
VENUE = {
    "name": T("Museum Haus Opherdicke", "Museum Haus Opherdicke", "Музей Haus Opherdicke"),
    "street": T.same("Dorfstraße 29"),
    "postcode": T.same("59439"),
    "city": T.same("Holzwickede"),
}
VENUE_LOOKUP = {"name": VENUE["name"], "city": VENUE["city"]}

CONFERENCE = {
    "title": TITLE,
    "slug": T(
        "landkreise-als-internationale-akteure",
        "districts-as-international-actors",
        "raiony-yak-mizhnarodni-aktory",
    ),
    "subtitle": T(
        "Konferenz des Reallabors Kommunaler Aufbaupartnerschaften NRW – Ukraine",
        "Conference of the Real-World Laboratory for Municipal Reconstruction Partnerships "
        "NRW – Ukraine",
        "Конференція Реальної лабораторії муніципальних партнерств з відбудови NRW – Україна",
    ),
    "teaser": T(
        "Wie arbeiten Kreise und ihre kreisangehörigen Kommunen in ihren Partnerschaften mit "
        "der Ukraine zusammen? Eine Konferenz mit Praxisbeispielen aus den Kreisen Coesfeld und "
        "Lippe.",
        "How do districts and the municipalities within them work together in their "
        "partnerships with Ukraine? A conference with practice examples from the districts of "
        "Coesfeld and Lippe.",
        "Як райони та громади в їхньому складі співпрацюють у партнерствах з Україною? "
        "Конференція з прикладами з практики районів Косфельд і Ліппе.",
    ),
    "start": datetime(2023, 11, 22, 10, 0, tzinfo=BERLIN),
    "end": datetime(2023, 11, 22, 14, 0, tzinfo=BERLIN),
    "status": EventPage.Status.SCHEDULED,
    "attendance_mode": EventPage.AttendanceMode.OFFLINE,
    "venue": Link(VENUE),
    "introduction": paragraphs(
        T(
            "Viele Kreise in Nordrhein-Westfalen sind seit Langem erfolgreich international "
            "engagiert. Andere werden gerade angesichts des andauernden Kriegs in der Ukraine "
            "aktiv und befassen sich mit der Frage einer Kreispartnerschaft mit der Ukraine. "
            "Zugleich haben viele kreisangehörige Kommunen neue Partnerschaften mit der Ukraine "
            "geschlossen oder bereiten sie gerade vor.",
            "Many districts (Kreise) in North Rhine-Westphalia have long been successfully "
            "engaged on the international stage. Others are becoming active now, in the light "
            "of the ongoing war in Ukraine, and are considering a district partnership with "
            "Ukraine. At the same time, many municipalities within these districts have "
            "entered into new partnerships with Ukraine or are preparing them.",
            "Багато районів (Kreise) землі Північний Рейн-Вестфалія вже давно й успішно "
            "працюють на міжнародному рівні. Інші стають активними саме тепер, на тлі "
            "триваючої війни в Україні, і розмірковують над районним партнерством з Україною. "
            "Водночас багато громад у складі районів уже уклали нові партнерства з Україною "
            "або саме готують їх.",
        ),
        T(
            "Die Konferenz widmet sich der internationalen Arbeit der Kreise und ihrer "
            "kreisangehörigen Kommunen – und vor allem dem Zusammenspiel zwischen ihnen. Die "
            "herausragende Unterstützung, die Kommunen und Kreise in Nordrhein-Westfalen der "
            "Ukraine leisten, bietet die Gelegenheit zu einem ganz konkreten, praxisbezogenen "
            "Austausch.",
            "The conference looks at the international work of districts and of the "
            "municipalities within them – and above all at how the two work together. The "
            "outstanding support that municipalities and districts in North Rhine-Westphalia "
            "give Ukraine offers an opportunity for a concrete, practical exchange.",
            "Конференція присвячена міжнародній діяльності районів і громад у їхньому складі – "
            "і передусім взаємодії між ними. Визначна підтримка, яку громади й райони "
            "Північного Рейну-Вестфалії надають Україні, дає нагоду для конкретного, "
            "практичного обміну досвідом.",
        ),
    ),
    "key_questions": [
        (
            "question",
            T(
                "Kreispartnerschaften mit der Ukraine – wie schließe ich sie ab, wie steht es um "
                "die bestehenden Kreispartnerschaften, und wie geht es weiter?",
                "District partnerships with Ukraine – how do I establish one, where do the "
                "existing district partnerships stand, and what comes next?",
                "Партнерства районів з Україною – як їх укласти, у якому стані наявні "
                "партнерства районів і що далі?",
            ),
        ),
        (
            "question",
            T(
                "Wie funktioniert die Zusammenarbeit mit den kreisangehörigen Kommunen und deren "
                "Partnerschaften? Was sind mögliche Synergieeffekte?",
                "How does cooperation with the municipalities within the district and their "
                "partnerships work? What synergies are possible?",
                "Як працює співпраця з громадами у складі району та їхніми партнерствами? Які "
                "можливі синергетичні ефекти?",
            ),
        ),
        (
            "question",
            T(
                "Wie kann eine Zusammenarbeit im Krieg funktionieren und wie können alle diese "
                "Partnerschaften zum Wiederaufbau der Ukraine beitragen?",
                "How can cooperation work in wartime, and how can all these partnerships "
                "contribute to the reconstruction of Ukraine?",
                "Як може працювати співпраця під час війни і як усі ці партнерства можуть "
                "сприяти відбудові України?",
            ),
        ),
    ],
    "funding_note": T(
        "Diese Veranstaltung führt das von der Staatskanzlei Nordrhein-Westfalen geförderte "
        "„Reallabor Kommunaler Aufbaupartnerschaften NRW – Ukraine“ der Netzwerkstelle "
        "Städtepartnerschaften der Auslandsgesellschaft.de e.V. durch.",
        "This event is run by the “Real-World Laboratory for Municipal Reconstruction "
        "Partnerships NRW – Ukraine” of the Town Twinning Network Office (Netzwerkstelle "
        "Städtepartnerschaften) of Auslandsgesellschaft.de e.V., funded by the State Chancellery "
        "of North Rhine-Westphalia (Staatskanzlei NRW).",
        "Захід проводить «Реальна лабораторія муніципальних партнерств з відбудови NRW – "
        "Україна» Мережевого офісу партнерства міст (Netzwerkstelle Städtepartnerschaften) при "
        "Auslandsgesellschaft.de e.V., яку фінансує Державна канцелярія землі Північний "
        "Рейн-Вестфалія (Staatskanzlei NRW).",
    ),
    "organiser": foundation.ORGANISATION["organisation_name"],
    "contact_email": foundation.CONTACT_EMAIL,
    # In the order of the invitation, which announces "Beiträge von" the first four.
    "speakers": [
        {"speaker": Link(speakers.IRYNA_SHUM), "role": EventSpeaker.Role.TALK},
        {"speaker": Link(speakers.WOLFRAM_KUSCHKE), "role": EventSpeaker.Role.TALK},
        {"speaker": Link(speakers.ANDREAS_MARCHETTI), "role": EventSpeaker.Role.TALK},
        {"speaker": Link(speakers.KAI_PFUNDHELLER), "role": EventSpeaker.Role.TALK},
        {"speaker": Link(speakers.MARINA_KALLERHOFF), "role": EventSpeaker.Role.PRACTICE_EXAMPLE},
        {"speaker": Link(speakers.SARAH_LAUKAMP), "role": EventSpeaker.Role.PRACTICE_EXAMPLE},
    ],
    "practice_examples": [
        {
            "practice_example": Link(practice_examples.COESFELD),
            "presenter": Link(speakers.MARINA_KALLERHOFF),
        },
        {
            "practice_example": Link(practice_examples.LIPPE),
            "presenter": Link(speakers.SARAH_LAUKAMP),
        },
    ],
}


def form_field(label, field_type="singleline", required=True, choices=None, autocomplete=""):
    """A field of the registration form; its German label gives the key of its column.
    `autocomplete`: what browsers may fill in, the same in every language."""
    field = {"label": label, "field_type": field_type, "required": required}
    if choices:
        field["choices"] = choices
    if autocomplete:
        field["autocomplete"] = autocomplete
    return field


# The fields the invitation asked for by e-mail. "Anrede" is a dropdown, so registrants in every
# language choose from the same four answers rather than typing their own.
REGISTRATION_FIELDS = [
    form_field(
        T("Anrede", "Form of address", "Звертання"),
        field_type="dropdown",
        required=False,
        choices=T(
            "Frau\nHerr\ndivers\nkeine Angabe",
            "Ms\nMr\nMx\nPrefer not to say",
            "Пані\nПан\nІнше\nНе вказувати",
        ),
        autocomplete=Autofill.HONORIFIC_PREFIX,
    ),
    form_field(T("Vorname", "First name", "Ім’я"), autocomplete=Autofill.GIVEN_NAME),
    form_field(T("Nachname", "Last name", "Прізвище"), autocomplete=Autofill.FAMILY_NAME),
    form_field(
        T("E-Mail", "E-mail", "Електронна пошта"),
        field_type="email",
        autocomplete=Autofill.EMAIL,
    ),
    form_field(
        T(
            "Institution / Kreis / Kommune",
            "Institution / district / municipality",
            "Установа / район / громада",
        ),
        autocomplete=Autofill.ORGANIZATION,
    ),
    form_field(T("Funktion", "Position", "Посада"), autocomplete=Autofill.ORGANIZATION_TITLE),
    form_field(T("Anmerkungen", "Comments", "Примітки"), field_type="multiline", required=False),
]

# The form's texts name the event's date with the placeholder ({Datum}, {date}, {дата}), which
# the site fills in from the event: typed, the date would stay 2023 in next year's copy.
REGISTRATION = {
    "title": T("Anmeldung", "Registration", "Реєстрація"),
    "slug": T("anmeldung", "registration", "reiestratsiia"),
    # Registration closed at the end of the deadline day the invitation names.
    "registration_closes": datetime(2023, 11, 15, 23, 59, 59, tzinfo=BERLIN),
    "to_address": T.same(foundation.CONTACT_EMAIL),
    "form_fields": REGISTRATION_FIELDS,
    "consent_text": T(
        "Ich bin damit einverstanden, dass die Auslandsgesellschaft.de e.V. meine Angaben zur "
        "Organisation der Konferenz speichert und verarbeitet. Sie werden spätestens 90 Tage "
        "nach der Konferenz gelöscht.",
        "I agree that Auslandsgesellschaft.de e.V. stores and processes my details to organise "
        "the conference. They will be deleted no later than 90 days after the conference.",
        "Я погоджуюся, що Auslandsgesellschaft.de e.V. зберігає та обробляє мої дані для "
        "організації конференції. Їх буде видалено не пізніше ніж через 90 днів після "
        "конференції.",
    ),
    "subject": T(
        "Neue Anmeldung zur Konferenz am {Datum}",
        "New registration for the conference on {date}",
        "Нова реєстрація на конференцію {дата}",
    ),
    "introduction": paragraphs(
        T(
            f"Hier melden Sie sich zur Konferenz „{TITLE['de']}“ am {{Datum}} im Museum "
            "Haus Opherdicke in Holzwickede an.",
            f"Register here for the conference “{TITLE['en']}” on {{date}} at Museum Haus "
            "Opherdicke in Holzwickede.",
            f"Тут можна зареєструватися на конференцію «{TITLE['uk']}» {{дата}} в "
            "музеї Haus Opherdicke у Гольцвікеде (Holzwickede).",
        ),
    ),
    "thank_you_text": paragraphs(
        T(
            "Vielen Dank für Ihre Anmeldung! Wir freuen uns, Sie am {Datum} im Museum "
            "Haus Opherdicke zu begrüßen.",
            "Thank you for registering! We look forward to welcoming you at Museum Haus "
            "Opherdicke on {date}.",
            "Дякуємо за реєстрацію! Раді будемо вітати вас {дата} в музеї Haus Opherdicke.",
        ),
    ),
}
