"""The people who spoke at the conference of 22 November 2023, as the invitation names them.

Only what the invitation says: names, titles and functions; no portraits, no biographies.
Ukrainian spells the names in Cyrillic as the persons would, transcribing them by the rules of
the Ukrainian orthography of 2019: German "h" as "г", "sch" as "ш", Italian "ch" as "к", and
doubled consonants kept (Kallerhoff – Каллергофф, Pfundheller – Пфундгеллер, Marchetti –
Маркетті).
"""

from django.utils.text import slugify

from .texts import T

INDEX = {
    "title": T("Mitwirkende", "Speakers", "Доповідачі"),
    "slug": T("mitwirkende", "speakers", "dopovidachi"),
    "show_in_menus": True,
    "introduction": T(
        "Die Menschen, die bei den Veranstaltungen des Reallabors sprechen und Praxisbeispiele "
        "vorstellen.",
        "The people who speak at the real-world laboratory's events and present practice examples.",
        "Люди, які виступають на заходах реальної лабораторії та представляють приклади з "
        "практики.",
    ),
}

AUSLANDSGESELLSCHAFT = T.same("Auslandsgesellschaft.de e.V.")


def speaker(given_name, family_name, *, honorific_prefix=None, academic_title=None, positions=()):
    """A speaker page's spec; its title is the name with its titles, as the page composes it."""
    name_parts = [
        part for part in (honorific_prefix, academic_title, given_name, family_name) if part
    ]
    return {
        "title": T.joined(name_parts),
        "slug": T.same(slugify(f"{given_name['de']} {family_name['de']}")),
        "honorific_prefix": honorific_prefix or "",
        "academic_title": academic_title or "",
        "given_name": given_name,
        "family_name": family_name,
        "positions": [
            {"function": function, "organisation": organisation or ""}
            for function, organisation in positions
        ],
    }


IRYNA_SHUM = speaker(
    T("Iryna", "Iryna", "Ірина"),
    T("Shum", "Shum", "Шум"),
    positions=[
        (
            T(
                "Generalkonsulin der Ukraine in Düsseldorf",
                "Consul General of Ukraine in Düsseldorf",
                "Генеральна консулка України в Дюссельдорфі",
            ),
            None,
        ),
    ],
)

WOLFRAM_KUSCHKE = speaker(
    T("Wolfram", "Wolfram", "Вольфрам"),
    T("Kuschke", "Kuschke", "Кушке"),
    honorific_prefix=T(
        "Staatsminister a.D.", "Former Minister of State", "Державний міністр у відставці"
    ),
)

ANDREAS_MARCHETTI = speaker(
    T("Andreas", "Andreas", "Андреас"),
    T("Marchetti", "Marchetti", "Маркетті"),
    academic_title=T("Prof. Dr.", "Prof. Dr.", "Проф. д-р"),
    positions=[
        (T("Geschäftsführer", "Managing Director", "Директор"), T.same("politglott")),
        (
            T("Honorarprofessor", "Honorary Professor", "Почесний професор"),
            T(
                "Universität Paderborn",
                "Paderborn University",
                "Падерборнський університет (Universität Paderborn)",
            ),
        ),
    ],
)

KAI_PFUNDHELLER = speaker(
    T("Kai", "Kai", "Кай"),
    T("Pfundheller", "Pfundheller", "Пфундгеллер"),
    academic_title=T("Dr.", "Dr.", "Д-р"),
    positions=[
        (
            T(
                "Leiter des Instituts für Politische Bildung",
                "Head of the Institute for Political Education (Institut für Politische Bildung)",
                "Керівник Інституту політичної освіти (Institut für Politische Bildung)",
            ),
            AUSLANDSGESELLSCHAFT,
        ),
        (
            T(
                "Leiter der Netzwerkstelle Städtepartnerschaften",
                "Head of the Town Twinning Network Office (Netzwerkstelle Städtepartnerschaften)",
                "Керівник Мережевого офісу партнерства міст (Netzwerkstelle Städtepartnerschaften)",
            ),
            AUSLANDSGESELLSCHAFT,
        ),
    ],
)

# The invitation names them only as presenters of their district's practice example.
MARINA_KALLERHOFF = speaker(
    T("Marina", "Marina", "Марина"), T("Kallerhoff", "Kallerhoff", "Каллергофф")
)
SARAH_LAUKAMP = speaker(T("Sarah", "Sarah", "Сара"), T("Laukamp", "Laukamp", "Лаукамп"))

SPEAKERS = [
    IRYNA_SHUM,
    WOLFRAM_KUSCHKE,
    ANDREAS_MARCHETTI,
    KAI_PFUNDHELLER,
    MARINA_KALLERHOFF,
    SARAH_LAUKAMP,
]
