"""The admin's start for registrations: the organisers' own start page, the editors' dashboard
panel, the forms index with one row per event, and menus that lead only where the user may go."""

import html
import json
import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import EventPage, Registration, RegistrationFormPage
from pagebase.testing import translate_page

from .registrations import RegistrationsTestCase, organiser

Status = Registration.Status


def sidebar_urls(response):
    """Every admin address in the sidebar's menus, as the browser builds them from its props."""
    content = response.content.decode()
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
        content,
        re.S,
    ).group(1)
    urls = []

    def walk(value):
        if isinstance(value, dict):
            url = value.get("url")
            if isinstance(url, str) and url.startswith("/admin/"):
                urls.append(url)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(props))
    return urls


def sidebar_labels(response):
    content = response.content.decode()
    props = re.search(
        r'id="wagtail-sidebar-props" type="application/json">(.*?)</script>', content, re.S
    )
    return set(re.findall(r'"label": "([^"]*)"', props.group(1)))


class StartPageTestCase(RegistrationsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        RegistrationFormPage.objects.filter(pk=cls.form_a.pk).update(capacity=10)
        cls.form_a_en = translate_page(cls.form_a, "en", title="Registration", slug="registration")
        cls.form_a_uk = translate_page(cls.form_a, "uk", title="Реєстрація", slug="reiestratsiia")
        for index, (language, status) in enumerate(
            [
                ("de", Status.CONFIRMED),
                ("de", Status.CONFIRMED),
                ("uk", Status.CONFIRMED),
                ("uk", Status.WAITING_LIST),
                ("en", Status.CANCELLED),
                ("de", Status.UNCONFIRMED),
            ]
        ):
            registration = cls.register(
                cls.form_a, language=language, status=status, e_mail=f"p{index}@example.org"
            )
            if status == Status.UNCONFIRMED:
                Registration.objects.filter(pk=registration.pk).update(
                    confirmation_expires_at=timezone.now() + timedelta(days=1)
                )
        # An unconfirmed registration whose time ran out holds no place and is not counted.
        expired = cls.register(cls.form_a, status=Status.UNCONFIRMED, e_mail="expired@example.org")
        Registration.objects.filter(pk=expired.pk).update(
            confirmation_expires_at=timezone.now() - timedelta(hours=1)
        )
        cls.register(cls.form_b, vorname="Bohdan", e_mail="bohdan@example.org")


class OrganiserStartPageTests(StartPageTestCase):
    def setUp(self):
        self.client.force_login(self.organiser_a)

    def start_page(self):
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertEqual(response.status_code, 200)
        return response

    def test_lists_their_event_only(self):
        response = self.start_page()
        self.assertContains(response, "Ihre Veranstaltungen")
        self.assertContains(response, "Konferenz A")
        self.assertNotContains(response, "Konferenz B")
        self.assertEqual([o.form.pk for o in response.context["overviews"]], [self.form_a.pk])

    def test_counts_registrations_by_language_and_status(self):
        overview = self.start_page().context["overviews"][0]
        self.assertEqual(
            [
                (row.language, row.confirmed, row.unconfirmed, row.waiting, row.cancelled)
                for row in overview.rows
            ],
            [("de", 2, 1, 0, 0), ("en", 0, 0, 0, 1), ("uk", 1, 0, 1, 0)],
        )
        total = overview.total
        self.assertEqual((total.confirmed, total.waiting, total.cancelled), (3, 1, 1))

    def test_shows_counts_places_left_and_deadline_in_german(self):
        response = self.start_page()
        content = html.unescape(response.content.decode())
        # Ten places: three confirmed and one awaiting confirmation hold one each.
        self.assertIn("Freie Plätze: 6 von 10", content)
        self.assertIn("Anmeldeschluss: 15. November 2023, 23:59", content)
        self.assertIn("Sprachen: Deutsch, Englisch, Ukrainisch", content)
        for heading in ("Bestätigt", "Warteliste", "Abgesagt", "Sprache der Anmeldung"):
            self.assertIn(heading, content)

    def test_offers_direct_downloads_that_answer_with_the_files(self):
        response = self.start_page()
        for label, export, content_type in (
            ("Excel herunterladen", "xlsx", "spreadsheetml"),
            ("CSV herunterladen", "csv", "text/csv"),
        ):
            with self.subTest(export=export):
                url = (
                    reverse("wagtailforms:list_submissions", args=(self.form_a.pk,))
                    + f"?export={export}"
                )
                self.assertContains(response, f'href="{url}">{label}</a>', html=False)
                download = self.client.get(url)
                self.assertEqual(download.status_code, 200)
                self.assertIn(content_type, download["Content-Type"])
                self.assertIn("attachment", download["Content-Disposition"])

    def test_has_no_page_search(self):
        response = self.start_page()
        self.assertNotContains(response, 'role="search"')
        self.assertNotContains(response, "Alle Seiten suchen")

    def test_every_menu_item_opens(self):
        urls = sidebar_urls(self.start_page())
        self.assertIn(reverse("wagtailforms:index"), urls)
        for url in urls:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_menu_has_no_reports_or_help(self):
        labels = sidebar_labels(self.start_page())
        self.assertNotIn("Berichte", labels)
        self.assertNotIn("Hilfe", labels)
        self.assertIn("Formulare", labels)

    def test_reports_they_were_offered_before_stay_refused(self):
        response = self.client.get(reverse("wagtail_localize:translations_report"))
        self.assertEqual(response.status_code, 403)

    def test_queries_do_not_grow_with_their_events(self):
        def queries():
            with CaptureQueriesContext(connection) as captured:
                self.start_page()
            return len(captured)

        one = queries()
        for number in range(3):
            event = self.make_event(slug=f"weitere-{number}", title=f"Weitere {number}")
            form = self.make_form(event)
            form.organisers.add(self.organiser_a)
            form.save_revision().publish()
            self.register(form, e_mail=f"weitere{number}@example.org")
        self.assertEqual(len(self.start_page().context["overviews"]), 4)
        self.assertEqual(queries(), one)


class OtherOrganiserTests(StartPageTestCase):
    def test_organiser_of_b_sees_nothing_of_a(self):
        self.client.force_login(self.organiser_b)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, "Konferenz B")
        self.assertNotContains(response, "Konferenz A")
        forms = self.client.get(reverse("wagtailforms:index"))
        self.assertNotContains(forms, "Konferenz A")
        self.assertEqual(
            self.client.get(
                f"{reverse('wagtailforms:list_submissions', args=(self.form_a.pk,))}?export=csv"
            ).status_code,
            403,
        )

    def test_organiser_of_no_event_is_told_so(self):
        self.client.force_login(organiser("neu"))
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, "noch für keine Veranstaltung")
        self.assertNotContains(response, "Konferenz")


class EditorWithoutRightsTests(StartPageTestCase):
    def setUp(self):
        user = get_user_model().objects.create_user("gast", "gast@example.org", "geheim")
        user.user_permissions.add(
            Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
        )
        self.client.force_login(user)

    def test_dashboard_shows_no_registrations(self):
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "Konferenz")
        self.assertNotContains(response, "?export=")

    def test_forms_index_and_downloads_are_refused(self):
        # Wagtail sends a refused browser back to the dashboard.
        response = self.client.get(reverse("wagtailforms:index"), follow=True)
        self.assertEqual(response.redirect_chain[0][1], 302)
        self.assertNotContains(response, "Konferenz")
        url = reverse("wagtailforms:list_submissions", args=(self.form_a.pk,))
        self.assertNotEqual(self.client.get(f"{url}?export=xlsx").status_code, 200)


class EditorDashboardTests(StartPageTestCase):
    def setUp(self):
        self.client.force_login(self.editor)

    def test_panel_lists_current_events_with_their_figures(self):
        soon = timezone.now() + timedelta(days=20)
        EventPage.objects.filter(pk=self.event_a.pk).update(start=soon, end=soon)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, "Anmeldungen zu aktuellen Veranstaltungen")
        self.assertContains(response, "Konferenz A")
        self.assertContains(response, "Freie Plätze: 6 von 10")
        # Event B took place in 2023: on the forms index, not on the dashboard.
        self.assertNotContains(response, "Konferenz B")
        # Editors keep Wagtail's dashboard and its page search.
        self.assertContains(response, 'role="search"')

    def test_every_menu_item_opens(self):
        response = self.client.get(reverse("wagtailadmin_home"))
        for url in sidebar_urls(response):
            with self.subTest(url=url):
                # Site settings lead on to the default site's settings.
                answer = self.client.get(url, follow=True)
                self.assertEqual(answer.status_code, 200)
                self.assertNotEqual(answer.request["PATH_INFO"], reverse("wagtailadmin_home"))


class FormsIndexTests(StartPageTestCase):
    def setUp(self):
        self.client.force_login(self.editor)

    def test_one_row_per_event_with_its_languages(self):
        response = self.client.get(reverse("wagtailforms:index"))
        overviews = response.context["form_pages"]
        self.assertEqual({o.form.pk for o in overviews}, {self.form_a.pk, self.form_b.pk})
        row_a = next(o for o in overviews if o.form.pk == self.form_a.pk)
        self.assertEqual(row_a.languages, ["de", "en", "uk"])
        self.assertContains(response, "Deutsch, Englisch, Ukrainisch")
        self.assertNotContains(response, "Реєстрація")

    def test_downloads_are_buttons_in_each_row(self):
        response = self.client.get(reverse("wagtailforms:index"))
        for form in (self.form_a, self.form_b):
            url = reverse("wagtailforms:list_submissions", args=(form.pk,))
            with self.subTest(form=form.pk):
                self.assertContains(response, f'href="{url}?export=xlsx"')
                self.assertContains(response, f'href="{url}?export=csv"')

    def test_organiser_sees_their_row_only(self):
        self.client.force_login(self.organiser_a)
        response = self.client.get(reverse("wagtailforms:index"))
        self.assertEqual([o.form.pk for o in response.context["form_pages"]], [self.form_a.pk])
        self.assertNotContains(response, "Konferenz B")


class RegistrationListTests(StartPageTestCase):
    def test_downloads_are_header_buttons_not_in_the_more_menu(self):
        self.client.force_login(self.organiser_a)
        response = self.client.get(reverse("wagtailforms:list_submissions", args=(self.form_a.pk,)))
        labels = [str(button.label) for button in response.context["header_buttons"]]
        self.assertEqual(
            [label for label in labels if label],
            [
                "Excel herunterladen",
                "CSV herunterladen",
                "Teilnahmeliste (PDF)",
                "Check-in",
                "Zahlen",
            ],
        )
        # The "⋯" menu keeps only the sign-in list in the event's other languages.
        more = [str(button.label) for button in response.context["view"].header_more_buttons]
        self.assertEqual(
            more, ["Teilnahmeliste auf Englisch (PDF)", "Teilnahmeliste auf Ukrainisch (PDF)"]
        )
        self.assertContains(response, "Konferenz A")


class OrganiserPickerTests(RegistrationsTestCase):
    def test_names_organisers_with_full_name_and_email(self):
        self.organiser_a.first_name, self.organiser_a.last_name = "Oksana", "Hrytsenko"
        self.organiser_a.save()
        self.client.force_login(self.editor)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=(self.form_a.pk,)))
        self.assertContains(response, "Oksana Hrytsenko &lt;organisatorin-a@example.org&gt;")
        self.assertContains(response, "organisator-b &lt;organisator-b@example.org&gt;")
