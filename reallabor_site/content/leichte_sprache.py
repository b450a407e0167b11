"""The Leichte Sprache area: a start page and five pages in easy-to-read German.

Written after the rules of the Netzwerk Leichte Sprache: short sentences, one statement per
sentence, each sentence on its own line, hard words explained where they appear, no
abbreviations, no genitive, no passive, numbers as digits. Every fact comes from the invitation
to the conference of 22 November 2023 or from the other seed content. German only: Leichte
Sprache is a form of German, so these pages are not translated (see home.models).
"""

CONTACT_EMAIL = "becker@auslandsgesellschaft.de"


def lines(*sentences):
    """Sentence lines: one sentence per line, as the block shows them."""
    return "\n".join(sentences)


def heading(text):
    return ("heading", text)


def sentences(*items):
    return ("sentences", lines(*items))


def word(term, *explanation):
    return ("explained_word", {"word": term, "explanation": lines(*explanation)})


def steps(title, *items):
    return ("steps", {"heading": title, "steps": list(items)})


KREIS = word(
    "Kreis",
    "Ein Kreis ist ein Gebiet mit mehreren Städten und Gemeinden.",
    "Der Kreis hat eine eigene Verwaltung.",
    "Die Verwaltung erledigt Aufgaben für alle Städte und Gemeinden im Kreis.",
)

BARRIERE = word(
    "Barriere",
    "Eine Barriere ist ein Hindernis.",
    "Auf einer Website kann zum Beispiel die Schrift zu klein sein.",
    "Oder ein Knopf funktioniert nicht mit der Tastatur.",
    "Das sind Barrieren.",
)

START = {
    "title": "Leichte Sprache",
    "slug": "leichte-sprache",
    "show_in_menus": False,
    "body": [
        sentences(
            "Hier finden Sie Informationen in Leichter Sprache.",
            "Leichte Sprache ist einfaches Deutsch.",
            "Die Sätze sind kurz.",
            "Schwere Wörter erklären wir.",
        ),
        heading("Worum geht es auf dieser Website?"),
        sentences(
            "Diese Website gehört zu einem Projekt.",
            "Das Projekt heißt: Reallabor.",
            "Das Reallabor bringt Kreise und Gemeinden aus Nordrhein-Westfalen zusammen.",
            "Die Kreise und Gemeinden arbeiten mit Gemeinden in der Ukraine zusammen.",
            "Sie helfen der Ukraine beim Wiederaufbau.",
        ),
        KREIS,
        word(
            "Wiederaufbau",
            "In der Ukraine ist Krieg.",
            "Im Krieg gehen viele Häuser und Straßen kaputt.",
            "Die Menschen bauen sie wieder auf.",
            "Das nennt man: Wiederaufbau.",
        ),
        heading("So finden Sie sich zurecht"),
        sentences(
            "Oben auf jeder Seite steht der Name von der Website.",
            "Mit einem Klick auf den Namen kommen Sie zur Start-Seite.",
            "Daneben ist das Menü.",
            "Im Menü finden Sie die wichtigsten Seiten.",
            "Zum Beispiel die Seite: Veranstaltungen.",
            "Oben ist auch ein Feld für die Suche.",
            "Oben können Sie auch die Sprache wählen: Deutsch, Englisch oder Ukrainisch.",
            "Der Link Leichte Sprache bringt Sie immer zu dieser Seite.",
        ),
        heading("Barrierefreiheit: Das Wichtigste"),
        sentences(
            "Alle Menschen sollen diese Website gut benutzen können.",
            "Das nennt man: Barrierefreiheit.",
            "Wir prüfen die Website bei jeder Änderung mit einem Computer-Programm.",
            "Sie können die Website auch ohne Maus benutzen.",
            "Dann benutzen Sie nur die Tastatur.",
            "Sie können die Schrift sehr groß machen.",
            "Bilder haben eine Beschreibung für blinde Menschen.",
            "Ein Computer-Programm findet aber nicht jede Barriere.",
        ),
        BARRIERE,
        sentences(
            "Haben Sie eine Barriere gefunden?",
            "Dann schreiben Sie uns bitte eine E-Mail.",
            f"Unsere E-Mail-Adresse ist: {CONTACT_EMAIL}",
        ),
        heading("Mehr in Leichter Sprache"),
        sentences(
            "Es gibt noch mehr Seiten in Leichter Sprache.",
            "Die Links zu diesen Seiten stehen hier unten.",
            "Die Seiten in Leichter Sprache gibt es nur auf Deutsch.",
        ),
    ],
}

REALLABOR = {
    "title": "Was ist das Reallabor?",
    "slug": "was-ist-das-reallabor",
    "body": [
        sentences(
            "Das Reallabor ist ein Projekt.",
            "Der lange Name von dem Projekt ist:",
            "Reallabor Kommunaler Aufbau-Partnerschaften Nordrhein-Westfalen – Ukraine.",
        ),
        word(
            "Reallabor",
            "In einem Labor probieren Menschen etwas Neues aus.",
            "Ein Reallabor ist ein Labor im echten Leben.",
        ),
        sentences(
            "Im Reallabor treffen sich Kreise und Gemeinden aus Nordrhein-Westfalen.",
            "Die Kreise und Gemeinden haben Partner in der Ukraine.",
            "Sie erzählen sich von ihren Erfahrungen.",
            "Und sie überlegen gemeinsam:",
            "Wie können wir gut mit der Ukraine zusammen-arbeiten?",
            "Wie können wir beim Wiederaufbau von der Ukraine helfen?",
        ),
        KREIS,
        heading("Wer macht das Projekt?"),
        sentences(
            "Das Projekt gehört zur Netzwerkstelle Städte-Partnerschaften.",
            "Die Netzwerkstelle ist ein Teil von einem Verein.",
            "Der Verein heißt: Auslandsgesellschaft.de.",
        ),
        heading("Wer bezahlt das Projekt?"),
        sentences("Die Staatskanzlei von Nordrhein-Westfalen bezahlt das Projekt."),
        word(
            "Staatskanzlei",
            "Die Staatskanzlei ist ein Amt.",
            "Sie arbeitet für die Regierung von Nordrhein-Westfalen.",
        ),
    ],
}

PARTNERSHIP = {
    "title": "Was ist eine Kreis-Partnerschaft?",
    "slug": "kreis-partnerschaft",
    "body": [
        word(
            "Partnerschaft",
            "Bei einer Partnerschaft arbeiten 2 Orte zusammen.",
            "Die Orte helfen sich gegenseitig.",
            "Die Orte können in verschiedenen Ländern sein.",
        ),
        KREIS,
        sentences(
            "Bei einer Kreis-Partnerschaft arbeitet ein Kreis mit einem Partner zusammen.",
            "Bei uns ist der Partner eine Gemeinde in der Ukraine.",
            "Viele Kreise in Nordrhein-Westfalen arbeiten schon lange mit anderen Ländern zusammen.",
            "Andere Kreise fangen jetzt an.",
            "Sie wollen der Ukraine im Krieg helfen.",
            "Auch viele Städte und Gemeinden in den Kreisen haben neue Partner in der Ukraine.",
        ),
        heading("Wichtige Fragen"),
        sentences(
            "Im Reallabor sprechen wir über diese Fragen:",
            "Wie beginnt eine Kreis-Partnerschaft mit der Ukraine?",
            "Wie arbeitet ein Kreis mit seinen Städten und Gemeinden zusammen?",
            "Wie klappt die Zusammenarbeit im Krieg?",
            "Wie helfen die Partnerschaften beim Wiederaufbau von der Ukraine?",
        ),
        heading("Beispiele"),
        sentences(
            "Auf unserer Konferenz im November 2023 gab es 2 Beispiele.",
            "Die Beispiele kamen vom Kreis Coesfeld und vom Kreis Lippe.",
            "Marina Kallerhoff hat das Beispiel vom Kreis Coesfeld vorgestellt.",
            "Sarah Laukamp hat das Beispiel vom Kreis Lippe vorgestellt.",
            "Im Menü finden Sie die Beispiele unter: Praxisbeispiele.",
        ),
    ],
}

EVENTS = {
    "title": "Veranstaltungen und Anmeldung",
    "slug": "veranstaltungen-und-anmeldung",
    "body": [
        sentences(
            "Das Reallabor macht Veranstaltungen.",
            "Dort treffen sich Menschen aus Kreisen und Gemeinden.",
            "Fachleute halten Vorträge.",
            "Kreise erzählen von ihrer Partnerschaft mit der Ukraine.",
            "Alle können Fragen stellen und miteinander sprechen.",
        ),
        heading("Unsere Konferenz im November 2023"),
        word(
            "Konferenz",
            "Eine Konferenz ist ein großes Treffen.",
            "Bei dem Treffen sprechen die Menschen über ein Thema.",
        ),
        sentences(
            "Die Konferenz war am Mittwoch, 22. November 2023.",
            "Sie war von 10 Uhr bis 14 Uhr.",
            "Der Ort war das Museum Haus Opherdicke.",
            "Die Adresse ist: Dorfstraße 29, 59439 Holzwickede.",
            "Das Thema war: Wie arbeiten Kreise mit der Ukraine zusammen?",
            "Die Anmeldung war bis Mittwoch, 15. November 2023 möglich.",
        ),
        steps(
            "So melden Sie sich an",
            lines(
                "Sie öffnen die Seite von der Veranstaltung.",
                "Die Seite finden Sie im Menü unter: Veranstaltungen.",
            ),
            "Sie klicken auf den Knopf: Zum Anmeldeformular.",
            lines(
                "Sie schreiben Ihre Angaben in das Formular.",
                "Die Liste unten zeigt: Diese Angaben fragt das Formular.",
            ),
            lines(
                "Sie lesen den Text zum Daten-Schutz.",
                "Sind Sie einverstanden?",
                "Dann machen Sie einen Haken in das Kästchen.",
            ),
            "Sie klicken auf den Knopf: Anmelden.",
            lines(
                "Sie bekommen eine E-Mail von uns.",
                "Manchmal steht in der E-Mail ein Link.",
                "Dann klicken Sie bitte auf den Link.",
                "Erst dann zählt Ihre Anmeldung.",
            ),
        ),
        word(
            "Daten-Schutz",
            "Ihre Angaben sind Daten.",
            "Wir speichern Ihre Daten nur für die Veranstaltung.",
            "Spätestens 90 Tage nach der Konferenz löschen wir Ihre Daten.",
        ),
        steps(
            "Das fragt das Formular",
            lines("Ihre Anrede: zum Beispiel Frau oder Herr.", "Das müssen Sie nicht angeben."),
            "Ihren Vornamen.",
            "Ihren Nachnamen.",
            "Ihre E-Mail-Adresse.",
            "Wo Sie arbeiten: zum Beispiel bei einem Kreis oder bei einer Gemeinde.",
            "Ihre Aufgabe bei der Arbeit.",
            lines("Ihre Anmerkungen: Was sollen wir noch wissen?", "Das müssen Sie nicht angeben."),
        ),
    ],
}

WEBSITE = {
    "title": "So funktioniert die Website",
    "slug": "so-funktioniert-die-website",
    "body": [
        heading("Das Menü"),
        sentences(
            "Oben auf jeder Seite ist das Menü.",
            "Im Menü sind Links zu den wichtigsten Seiten.",
        ),
        steps(
            "Diese Seiten sind im Menü",
            "Über uns: Hier stellen wir uns vor.",
            "Veranstaltungen: Hier stehen unsere Treffen.",
            "Mitwirkende: Hier stehen die Rednerinnen und Redner von unseren Treffen.",
            "Praxisbeispiele: Hier erzählen Kreise von ihrer Partnerschaft mit der Ukraine.",
        ),
        sentences(
            "Ganz unten auf jeder Seite sind noch mehr Links.",
            "Zum Beispiel zur Seite: Barrierefreiheit.",
        ),
        heading("Die Sprachen"),
        sentences(
            "Die Website gibt es in 3 Sprachen: Deutsch, Englisch und Ukrainisch.",
            "Oben rechts wählen Sie die Sprache.",
            "Manche Seiten sind noch nicht übersetzt.",
            "Dann sehen Sie die Seite auf Deutsch.",
            "Oben auf der Seite steht dann ein Hinweis.",
            "Die Seiten in Leichter Sprache gibt es nur auf Deutsch.",
        ),
        word(
            "übersetzen",
            "Übersetzen heißt: Wir schreiben einen Text in einer anderen Sprache.",
        ),
        heading("Die Suche"),
        steps(
            "So suchen Sie etwas",
            "Oben auf jeder Seite ist ein Feld für die Suche.",
            "Sie schreiben ein Wort in das Feld: zum Beispiel Konferenz.",
            "Sie klicken auf den Knopf: Suchen.",
            "Sie sehen eine Liste mit Seiten zu dem Wort.",
        ),
    ],
}

ACCESSIBILITY = {
    "title": "Barrierefreiheit",
    "slug": "barrierefreiheit",
    "body": [
        sentences(
            "Alle Menschen sollen diese Website gut benutzen können.",
            "Auch Menschen mit Behinderung.",
            "Das nennt man: Barrierefreiheit.",
        ),
        BARRIERE,
        heading("Das prüfen wir"),
        sentences(
            "Es gibt Regeln für Barrierefreiheit im Internet.",
            "Wir prüfen die Website nach diesen Regeln.",
            "Ein Computer-Programm prüft die Website bei jeder Änderung.",
            "Das Programm prüft jede Art von Seite.",
            "Es prüft die Seiten auf Deutsch, auf Englisch und auf Ukrainisch.",
        ),
        steps(
            "Das klappt auf der Website",
            lines(
                "Sie können die Website auch ohne Maus benutzen.",
                "Dann benutzen Sie nur die Tastatur.",
            ),
            "Sie sehen immer, wo Sie mit der Tastatur gerade sind.",
            "Bilder haben eine Beschreibung für blinde Menschen.",
            "Die Überschriften sind in der richtigen Reihenfolge.",
            "Ein Fehler im Formular steht direkt bei dem Feld mit dem Fehler.",
            "Sie können die Schrift 4 mal so groß machen und alles lesen.",
        ),
        sentences(
            "Ein Computer-Programm findet aber nicht jede Barriere.",
            "Manche Seiten sind noch nicht übersetzt.",
            "Dann sehen Sie die Seite auf Deutsch.",
            "Ein Vorlese-Programm liest die Seite dann auch auf Deutsch vor.",
        ),
        heading("So melden Sie eine Barriere"),
        steps(
            "",
            "Sie schreiben uns eine E-Mail.",
            f"Unsere E-Mail-Adresse ist: {CONTACT_EMAIL}",
            lines("Sie schreiben: Auf welcher Seite ist die Barriere?", "Was klappt nicht?"),
            "Wir antworten Ihnen.",
            "Wir machen die Barriere so schnell wie möglich weg.",
        ),
    ],
}

PAGES = [REALLABOR, PARTNERSHIP, EVENTS, WEBSITE, ACCESSIBILITY]
