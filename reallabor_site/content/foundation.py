"""Home page, "Über uns", the legal pages and the organisation details of the footer."""

from .texts import T, paragraphs

PROJECT_NAME = T(
    "Reallabor Kommunaler Aufbaupartnerschaften NRW – Ukraine",
    "Real-World Laboratory for Municipal Reconstruction Partnerships NRW – Ukraine",
    "Реальна лабораторія муніципальних партнерств з відбудови NRW – Україна",
)

ORGANISATION = {
    "organisation_name": T(
        "Netzwerkstelle Städtepartnerschaften der Auslandsgesellschaft.de e.V.",
        "Town Twinning Network Office (Netzwerkstelle Städtepartnerschaften) of "
        "Auslandsgesellschaft.de e.V.",
        "Мережевий офіс партнерства міст (Netzwerkstelle Städtepartnerschaften) "
        "при Auslandsgesellschaft.de e.V.",
    ),
    "project_name": PROJECT_NAME,
    "funding_line": T(
        "Gefördert von der Staatskanzlei des Landes Nordrhein-Westfalen",
        "Funded by the State Chancellery of North Rhine-Westphalia (Staatskanzlei NRW)",
        "За фінансової підтримки Державної канцелярії землі Північний Рейн-Вестфалія "
        "(Staatskanzlei NRW)",
    ),
}

CONTACT_EMAIL = "becker@auslandsgesellschaft.de"

HOME = {
    "title": PROJECT_NAME,
    "slug": T("startseite", "home", "holovna"),
    "introduction": T(
        "Wir bringen Kreise und Kommunen in Nordrhein-Westfalen zusammen, die Partnerschaften "
        "mit ukrainischen Gemeinden aufbauen und zum Wiederaufbau der Ukraine beitragen.",
        "We bring together districts and municipalities in North Rhine-Westphalia that build "
        "partnerships with Ukrainian communities and contribute to the reconstruction of Ukraine.",
        "Ми об'єднуємо райони (Kreise) та громади землі Північний Рейн-Вестфалія, які "
        "розбудовують партнерства з українськими громадами та долучаються до відбудови України.",
    ),
    "body": [
        (
            "heading",
            {"text": T("Worum es geht", "What it is about", "Про що йдеться"), "level": "h2"},
        ),
        (
            "paragraph",
            paragraphs(
                T(
                    "Viele Kreise in Nordrhein-Westfalen sind seit Langem international aktiv. "
                    "Andere werden vor dem Hintergrund des andauernden Kriegs in der Ukraine "
                    "aktiv und fragen sich, wie eine Kreispartnerschaft mit der Ukraine gelingen "
                    "kann. Zugleich schließen viele kreisangehörige Kommunen neue Partnerschaften "
                    "mit ukrainischen Gemeinden.",
                    "Many districts in North Rhine-Westphalia have long been active "
                    "internationally. Others are becoming active in the light of the ongoing war "
                    "in Ukraine and are asking how a district partnership with Ukraine can "
                    "succeed. At the same time, many municipalities within these districts are "
                    "entering into new partnerships with Ukrainian communities.",
                    "Багато районів (Kreise) землі Північний Рейн-Вестфалія вже давно працюють "
                    "на міжнародному рівні. Інші стають активними на тлі триваючої війни в "
                    "Україні й шукають відповідь на питання, як налагодити районне партнерство "
                    "з Україною. Водночас багато громад у складі районів укладають нові "
                    "партнерства з українськими громадами.",
                ),
                T(
                    "Das Reallabor schafft Raum für einen praxisnahen Austausch: Wie arbeiten "
                    "Kreise und ihre Kommunen in Partnerschaften zusammen, und wie können diese "
                    "Partnerschaften zum Wiederaufbau der Ukraine beitragen?",
                    "The real-world laboratory creates room for a practical exchange: how do "
                    "districts and their municipalities work together in partnerships, and how "
                    "can these partnerships contribute to the reconstruction of Ukraine?",
                    "Реальна лабораторія створює простір для практичного обміну досвідом: як "
                    "райони та їхні громади співпрацюють у партнерствах і як ці партнерства "
                    "можуть сприяти відбудові України?",
                ),
            ),
        ),
        (
            "list",
            {
                "heading": T("Unsere Ziele", "Our aims", "Наші цілі"),
                "items": [
                    T(
                        "Städtepartnerschaften in Nordrhein-Westfalen gemeinsam mit Kommunen "
                        "und Zivilgesellschaft festigen",
                        "Strengthen town twinning in North Rhine-Westphalia together with "
                        "municipalities and civil society",
                        "Зміцнювати партнерство міст у Північному Рейні-Вестфалії разом із "
                        "громадами та громадянським суспільством",
                    ),
                    T(
                        "Kreise und kreisangehörige Kommunen in ihren Partnerschaften mit der "
                        "Ukraine zusammenbringen",
                        "Bring districts and their municipalities together in their "
                        "partnerships with Ukraine",
                        "Об'єднувати райони та їхні громади в партнерствах з Україною",
                    ),
                    T(
                        "Erfahrungen aus der Praxis teilen: Zusammenarbeit im Krieg und Beiträge "
                        "zum Wiederaufbau",
                        "Share practical experience: cooperation in wartime and contributions "
                        "to reconstruction",
                        "Ділитися практичним досвідом: співпраця під час війни та внесок у "
                        "відбудову",
                    ),
                ],
            },
        ),
        (
            "callout",
            {
                "heading": T(
                    "Träger und Förderung", "Who runs and funds it", "Хто реалізує та фінансує"
                ),
                "text": paragraphs(
                    T(
                        "Das Reallabor Kommunaler Aufbaupartnerschaften NRW – Ukraine ist ein "
                        "Projekt der Netzwerkstelle Städtepartnerschaften der "
                        "Auslandsgesellschaft.de e.V. und wird von der Staatskanzlei "
                        "Nordrhein-Westfalen gefördert.",
                        "The Real-World Laboratory for Municipal Reconstruction Partnerships NRW "
                        "– Ukraine is a project of the Town Twinning Network Office "
                        "(Netzwerkstelle Städtepartnerschaften) of Auslandsgesellschaft.de e.V., "
                        "funded by the State Chancellery of North Rhine-Westphalia.",
                        "Реальна лабораторія муніципальних партнерств з відбудови NRW – Україна "
                        "є проєктом Мережевого офісу партнерства міст (Netzwerkstelle "
                        "Städtepartnerschaften) при Auslandsgesellschaft.de e.V. і фінансується "
                        "Державною канцелярією землі Північний Рейн-Вестфалія.",
                    ),
                ),
            },
        ),
        (
            "contact",
            {
                "heading": T("Kontakt", "Contact", "Контакти"),
                "text": paragraphs(
                    T(
                        "Sie haben Fragen zum Reallabor oder zu Partnerschaften mit der Ukraine? "
                        "Schreiben Sie uns.",
                        "Do you have questions about the real-world laboratory or about "
                        "partnerships with Ukraine? Write to us.",
                        "Маєте запитання щодо реальної лабораторії чи партнерств з Україною? "
                        "Напишіть нам.",
                    ),
                ),
            },
        ),
    ],
}

ABOUT = {
    "title": T("Über uns", "About us", "Про нас"),
    "slug": T("ueber-uns", "about-us", "pro-nas"),
    "show_in_menus": True,
    "introduction": T(
        "Im Mittelpunkt unserer Arbeit steht die Festigung der Städtepartnerschaften in "
        "Nordrhein-Westfalen – gemeinsam mit den Kommunen und der Zivilgesellschaft.",
        "Our work centres on strengthening town twinning in North Rhine-Westphalia – together "
        "with municipalities and civil society.",
        "У центрі нашої роботи – зміцнення партнерства міст у Північному Рейні-Вестфалії "
        "разом із громадами та громадянським суспільством.",
    ),
    "body": [
        (
            "paragraph",
            paragraphs(
                T(
                    "Die Netzwerkstelle Städtepartnerschaften der Auslandsgesellschaft.de e.V. "
                    "begleitet Kommunen in Nordrhein-Westfalen in ihren internationalen "
                    "Partnerschaften.",
                    "The Town Twinning Network Office of Auslandsgesellschaft.de e.V. supports "
                    "municipalities in North Rhine-Westphalia in their international "
                    "partnerships.",
                    "Мережевий офіс партнерства міст при Auslandsgesellschaft.de e.V. супроводжує "
                    "громади Північного Рейну-Вестфалії в їхніх міжнародних партнерствах.",
                ),
                T(
                    "Mit dem Reallabor Kommunaler Aufbaupartnerschaften NRW – Ukraine, gefördert "
                    "von der Staatskanzlei Nordrhein-Westfalen, unterstützen wir Kreise und "
                    "Kommunen, die mit ukrainischen Gemeinden zusammenarbeiten und zum "
                    "Wiederaufbau der Ukraine beitragen.",
                    "With the Real-World Laboratory for Municipal Reconstruction Partnerships NRW "
                    "– Ukraine, funded by the State Chancellery of North Rhine-Westphalia, we "
                    "support districts and municipalities that work with Ukrainian communities "
                    "and contribute to the reconstruction of Ukraine.",
                    "Завдяки Реальній лабораторії муніципальних партнерств з відбудови NRW – "
                    "Україна, яку фінансує Державна канцелярія землі Північний Рейн-Вестфалія, "
                    "ми підтримуємо райони та громади, що співпрацюють з українськими громадами "
                    "та долучаються до відбудови України.",
                ),
            ),
        ),
    ],
}

PLACEHOLDER_NOTE = T(
    "Platzhalter: Die Redaktion ersetzt diesen Text vor dem Start der Website durch den "
    "rechtlich geprüften Wortlaut.",
    "Placeholder: the editorial team replaces this text with the legally reviewed wording "
    "before the website goes live.",
    "Заповнювач: редакція замінить цей текст юридично перевіреним формулюванням перед "
    "запуском сайту.",
)


def legal_page(title, slug, what_belongs_here):
    return {
        "title": title,
        "slug": slug,
        "show_in_menus": False,
        "introduction": PLACEHOLDER_NOTE,
        "body": [
            (
                "callout",
                {
                    "heading": T("Was hier stehen muss", "What belongs here", "Що тут має бути"),
                    "text": paragraphs(what_belongs_here),
                },
            )
        ],
    }


IMPRINT = legal_page(
    T("Impressum", "Legal notice", "Вихідні дані"),
    T("impressum", "legal-notice", "vykhidni-dani"),
    T(
        "Anbieterkennzeichnung nach § 5 Digitale-Dienste-Gesetz: Name und Anschrift des "
        "Vereins, Vertretungsberechtigte, Kontakt, Registergericht und Registernummer.",
        "Provider identification under section 5 of the German Digital Services Act: name and "
        "address of the association, its legal representatives, contact details, register court "
        "and register number.",
        "Ідентифікація надавача відповідно до § 5 Закону Німеччини про цифрові послуги: назва "
        "та адреса об'єднання, уповноважені представники, контакти, реєстраційний суд і номер.",
    ),
)

PRIVACY = legal_page(
    T("Datenschutz", "Privacy", "Захист даних"),
    T("datenschutz", "privacy", "zakhyst-danykh"),
    T(
        "Datenschutzerklärung nach Art. 13 DSGVO: Verantwortliche Stelle, Zwecke und "
        "Rechtsgrundlagen der Verarbeitung (insbesondere der Veranstaltungsanmeldungen), "
        "Speicherdauer, Rechte der betroffenen Personen.",
        "Privacy notice under Art. 13 GDPR: the controller, purposes and legal bases of "
        "processing (in particular event registrations), retention periods and the rights of "
        "data subjects.",
        "Повідомлення про захист даних відповідно до ст. 13 GDPR: відповідальна особа, цілі та "
        "правові підстави обробки (зокрема реєстрацій на заходи), строки зберігання, права "
        "суб'єктів даних.",
    ),
)

ACCESSIBILITY = legal_page(
    T("Barrierefreiheit", "Accessibility", "Доступність"),
    T("barrierefreiheit", "accessibility", "dostupnist"),
    T(
        "Erklärung zur Barrierefreiheit nach BITV 2.0: Stand der Vereinbarkeit mit WCAG 2.1 AA, "
        "nicht barrierefreie Inhalte, Feedback-Kontakt und Schlichtungsverfahren.",
        "Accessibility statement under BITV 2.0: state of compliance with WCAG 2.1 AA, "
        "inaccessible content, feedback contact and enforcement procedure.",
        "Заява про доступність відповідно до BITV 2.0: стан відповідності WCAG 2.1 AA, "
        "недоступний вміст, контакт для зворотного зв'язку та порядок врегулювання.",
    ),
)

STANDARD_PAGES = [ABOUT, IMPRINT, PRIVACY, ACCESSIBILITY]
