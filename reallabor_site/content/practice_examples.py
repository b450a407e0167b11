"""The two practice examples presented at the conference of 22 November 2023.

The invitation names only the districts (Kreise) and who presented them, so partner community,
oblast and year stay empty until the editors know them.
"""

from . import speakers
from .texts import Link, T

INDEX = {
    "title": T("Praxisbeispiele", "Practice examples", "Приклади з практики"),
    "slug": T("praxisbeispiele", "practice-examples", "pryklady-z-praktyky"),
    "show_in_menus": True,
    "introduction": T(
        "Wie Kreise in Nordrhein-Westfalen international arbeiten und Partnerschaften mit der "
        "Ukraine gestalten – vorgestellt bei den Veranstaltungen des Reallabors.",
        "How districts (Kreise) in North Rhine-Westphalia work internationally and shape "
        "partnerships with Ukraine – as presented at the real-world laboratory's events.",
        "Як райони (Kreise) Північного Рейну-Вестфалії працюють на міжнародному рівні та "
        "розбудовують партнерства з Україною: досвід, представлений на заходах реальної "
        "лабораторії.",
    ),
}


def practice_example(kreis, slug, presenter, summary):
    return {
        "title": kreis,
        "slug": slug,
        "kreis": kreis,
        "contact_person": Link(presenter),
        "summary": summary,
    }


COESFELD = practice_example(
    T("Kreis Coesfeld", "Coesfeld District (Kreis Coesfeld)", "Район Косфельд (Kreis Coesfeld)"),
    T("kreis-coesfeld", "coesfeld-district", "raion-kosfeld"),
    speakers.MARINA_KALLERHOFF,
    T(
        "Der Kreis Coesfeld war eines der beiden Praxisbeispiele auf der Konferenz des "
        "Reallabors am 22. November 2023 in Holzwickede. Vorgestellt hat es Marina Kallerhoff.",
        "Coesfeld District was one of the two practice examples at the real-world laboratory's "
        "conference on 22 November 2023 in Holzwickede. It was presented by Marina Kallerhoff.",
        "Район Косфельд був одним із двох прикладів з практики на конференції реальної "
        "лабораторії 22 листопада 2023 року в Гольцвікеде (Holzwickede). Його представила Марина Каллергофф.",
    ),
)

LIPPE = practice_example(
    T("Kreis Lippe", "Lippe District (Kreis Lippe)", "Район Ліппе (Kreis Lippe)"),
    T("kreis-lippe", "lippe-district", "raion-lippe"),
    speakers.SARAH_LAUKAMP,
    T(
        "Der Kreis Lippe war eines der beiden Praxisbeispiele auf der Konferenz des Reallabors "
        "am 22. November 2023 in Holzwickede. Vorgestellt hat es Sarah Laukamp.",
        "Lippe District was one of the two practice examples at the real-world laboratory's "
        "conference on 22 November 2023 in Holzwickede. It was presented by Sarah Laukamp.",
        "Район Ліппе був одним із двох прикладів з практики на конференції реальної "
        "лабораторії 22 листопада 2023 року в Гольцвікеде (Holzwickede). Його представила Сара Лаукамп.",
    ),
)

PRACTICE_EXAMPLES = [COESFELD, LIPPE]
