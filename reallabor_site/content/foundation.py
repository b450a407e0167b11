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

# The accessibility statement (BITV 2.0) states what the browser tests in tests/browser/ check;
# what only the editors can say (date, conformity status, enforcement body) is marked for them.
ACCESSIBILITY = {
    "title": T("Barrierefreiheit", "Accessibility", "Доступність"),
    "slug": T("barrierefreiheit", "accessibility", "dostupnist"),
    "show_in_menus": False,
    "introduction": T(
        "Alle Menschen sollen diese Website nutzen können. Hier steht, wie wir ihre "
        "Barrierefreiheit prüfen und wie Sie uns Barrieren melden.",
        "Everyone should be able to use this website. Here we explain how we check its "
        "accessibility and how you can tell us about barriers.",
        "Цим сайтом мають змогу користуватися всі. Тут пояснюємо, як ми перевіряємо його "
        "доступність і як ви можете повідомити нам про бар’єри.",
    ),
    "body": [
        (
            "heading",
            {
                "text": T(
                    "Wie wir die Website prüfen",
                    "How we check the website",
                    "Як ми перевіряємо сайт",
                ),
                "level": "h2",
            },
        ),
        (
            "paragraph",
            paragraphs(
                T(
                    "Maßstab sind die Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) "
                    "und die Web Content Accessibility Guidelines (WCAG) 2.1 in der Stufe AA.",
                    "We measure the website against the German Barrier-Free Information "
                    "Technology Ordinance (BITV 2.0) and the Web Content Accessibility "
                    "Guidelines (WCAG) 2.1, level AA.",
                    "Мірилом є німецька Постанова про безбар’єрні інформаційні технології "
                    "(BITV 2.0) та Настанови з доступності вебвмісту (WCAG) 2.1 рівня AA.",
                ),
                T(
                    "Bei jeder Änderung der Website prüfen automatische Tests in einem echten "
                    "Browser jeden Seitentyp auf Deutsch, Englisch und Ukrainisch: Startseite, "
                    "Inhaltsseiten, Veranstaltungsübersicht, Veranstaltungen, Anmeldeformular "
                    "mit und ohne Fehlermeldungen, Mitwirkende, Praxisbeispiele und die "
                    "Fehlerseite. Das Prüfwerkzeug axe-core findet dabei keinen Verstoß gegen "
                    "die Regeln der WCAG 2.0 und 2.1 der Stufen A und AA.",
                    "Every time the website changes, automated tests in a real browser check "
                    "every type of page in German, English and Ukrainian: the home page, content "
                    "pages, the event overview, events, the registration form with and without "
                    "error messages, speakers, practice examples and the error page. The "
                    "testing tool axe-core finds no breach of the WCAG 2.0 and 2.1 rules of "
                    "levels A and AA.",
                    "Щоразу, коли сайт змінюється, автоматичні тести в справжньому браузері "
                    "перевіряють кожен тип сторінки німецькою, англійською та українською: "
                    "головну сторінку, інформаційні сторінки, огляд заходів, заходи, форму "
                    "реєстрації з повідомленнями про помилки та без них, доповідачів, приклади "
                    "з практики та сторінку помилки. Інструмент перевірки axe-core не виявляє "
                    "жодного порушення правил WCAG 2.0 і 2.1 рівнів A та AA.",
                ),
                T(
                    "Außerdem prüfen die Tests, dass sich die Website allein mit der Tastatur "
                    "bedienen lässt – vom Link „Zum Hauptinhalt springen“ über die Sprachwahl "
                    "bis zum Absenden der Anmeldung – und dass der Tastaturfokus dabei immer "
                    "sichtbar ist; dass Bilder einen Alternativtext haben, Überschriften keine "
                    "Ebene überspringen und Fehler im Formular beim jeweiligen Feld angesagt "
                    "werden; und dass jede Seite bei 320 Pixeln Breite, also bei 400 % "
                    "Vergrößerung, ohne waagerechtes Scrollen lesbar ist.",
                    "The tests also check that the website can be used with the keyboard alone "
                    "– from the “Skip to main content” link through the choice of language to "
                    "sending a registration – with the keyboard focus always visible; that "
                    "images have alternative text, headings skip no level and form errors are "
                    "announced with their field; and that every page can be read at 320 pixels "
                    "wide, that is at 400% zoom, without scrolling sideways.",
                    "Тести також перевіряють, що сайтом можна користуватися лише за допомогою "
                    "клавіатури – від посилання «Перейти до основного вмісту» через вибір мови "
                    "до надсилання реєстрації, – і що фокус клавіатури завжди видно; що "
                    "зображення мають альтернативний текст, заголовки не пропускають рівнів, а "
                    "про помилки у формі повідомляється разом із відповідним полем; а також що "
                    "кожну сторінку можна читати за ширини 320 пікселів, тобто за збільшення "
                    "400 %, без горизонтальної прокрутки.",
                ),
                T(
                    "Automatische Tests finden nicht jede Barriere. Seiten, die noch nicht "
                    "übersetzt sind, erscheinen auf Englisch und Ukrainisch in deutscher "
                    "Sprache; sie weisen darauf hin und sind als deutschsprachig ausgezeichnet, "
                    "damit Screenreader sie richtig vorlesen.",
                    "Automated tests do not find every barrier. Pages that have not been "
                    "translated yet appear in German on the English and Ukrainian site; they "
                    "say so and are marked as German, so that screen readers read them out "
                    "correctly.",
                    "Автоматичні тести не виявляють усіх бар’єрів. Сторінки, які ще не "
                    "перекладено, з’являються в англійській та українській версіях сайту "
                    "німецькою мовою; вони про це повідомляють і позначені як німецькомовні, "
                    "щоб програми зчитування з екрана читали їх правильно.",
                ),
            ),
        ),
        (
            "contact",
            {
                "heading": T("Barrieren melden", "Report a barrier", "Повідомити про бар’єр"),
                "text": paragraphs(
                    T(
                        "Ist Ihnen auf dieser Website eine Barriere aufgefallen, oder brauchen "
                        "Sie Inhalte in einer anderen Form? Schreiben Sie uns; wir antworten "
                        "Ihnen und beheben das Problem so bald wie möglich.",
                        "Have you come across a barrier on this website, or do you need "
                        "content in another form? Write to us; we will answer you and fix the "
                        "problem as soon as we can.",
                        "Ви натрапили на бар’єр на цьому сайті або потребуєте вмісту в іншій "
                        "формі? Напишіть нам – ми відповімо й усунемо проблему якнайшвидше.",
                    ),
                ),
            },
        ),
        (
            "callout",
            {
                "heading": T(
                    "Für die Redaktion: vor dem Start ergänzen",
                    "For the editors: complete before going live",
                    "Для редакції: доповнити перед запуском",
                ),
                "text": paragraphs(
                    PLACEHOLDER_NOTE,
                    T(
                        "Rechtlich erforderlich und von der Redaktion zu ergänzen: Datum der "
                        "Erklärung und der letzten Prüfung; Stand der Vereinbarkeit "
                        "(vollständig, teilweise oder nicht vereinbar) mit den Gründen; die "
                        "nicht barrierefreien Inhalte; das Schlichtungsverfahren mit Name und "
                        "Anschrift der zuständigen Schlichtungsstelle bzw. Ombudsstelle.",
                        "Legally required, for the editors to add: the date of the statement "
                        "and of the last review; the state of compliance (full, partial or "
                        "none) with the reasons; the content that is not accessible; the "
                        "enforcement procedure with the name and address of the competent "
                        "conciliation body (Schlichtungsstelle) or ombuds office.",
                        "Обов’язково за законом, редакція має доповнити: дату заяви та "
                        "останньої перевірки; стан відповідності (повна, часткова чи "
                        "відсутня) з причинами; недоступний вміст; порядок врегулювання з "
                        "назвою та адресою відповідного органу врегулювання "
                        "(Schlichtungsstelle) або омбудсмена.",
                    ),
                ),
            },
        ),
    ],
}

STANDARD_PAGES = [ABOUT, IMPRINT, PRIVACY, ACCESSIBILITY]
