"""Check-in at the door: one tap changes one registration; walk-ins; who did not come."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from events.models import EventPage, Registration, WalkIn

from .registrations import RegistrationsTestCase

JSON = {"Accept": "application/json"}


class CheckInTestCase(RegistrationsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.olena = cls.register(cls.form_a, vorname="Olena", nachname="Koval")
        cls.juergen = cls.register(
            cls.form_a,
            vorname="Jürgen",
            nachname="Özdemir",
            e_mail="j@example.org",
            institution_kreis_kommune="Gemeinde Ascheberg",
        )
        cls.waiting = cls.register(
            cls.form_a,
            vorname="Wanda",
            nachname="Wartend",
            e_mail="w@example.org",
            status=Registration.Status.WAITING_LIST,
        )

    def setUp(self):
        self.client.force_login(self.organiser_a)

    def page(self, **query):
        return self.client.get(reverse("events_check_in", args=(self.form_a.pk,)), query)

    def tap(self, registration, action="present", **headers):
        url = reverse("events_check_in_registration", args=(self.form_a.pk, registration.pk))
        return self.client.post(url, {"action": action, "q": "koval"}, headers=headers)

    def checked_in_at(self, registration):
        return Registration.objects.get(pk=registration.pk).checked_in_at


class CheckInPageTests(CheckInTestCase):
    def test_lists_confirmed_registrations_by_family_name(self):
        response = self.page()
        content = response.content.decode()
        self.assertLess(content.index("Koval, Olena"), content.index("Özdemir, Jürgen"))
        self.assertNotIn("Wartend", content)
        self.assertContains(response, "Gemeinde Ascheberg")

    def test_search_without_javascript_filters_by_name_or_institution(self):
        self.assertNotContains(self.page(q="ozdemir"), "Koval, Olena")
        response = self.page(q="ascheberg")
        self.assertContains(response, "Özdemir, Jürgen")
        self.assertNotContains(response, "Koval, Olena")
        self.assertContains(self.page(q="nobody"), "Niemand gefunden.")

    def test_shows_who_is_present(self):
        self.tap(self.olena)
        response = self.page()
        self.assertContains(
            response, f'id="registration-{self.olena.pk}" class="check-in__person is-present"'
        )
        self.assertContains(response, "<strong data-present-count>1</strong> / 2")

    def test_is_a_phone_sized_page_with_its_script(self):
        response = self.page()
        self.assertContains(response, "events/check-in.js")
        self.assertContains(response, 'name="csrfmiddlewaretoken"')


class TapTests(CheckInTestCase):
    def test_tap_marks_one_registration_present_and_returns_to_the_search(self):
        response = self.tap(self.olena)
        self.assertRedirects(
            response,
            reverse("events_check_in", args=(self.form_a.pk,))
            + f"?q=koval#registration-{self.olena.pk}",
            fetch_redirect_response=False,
        )
        self.assertIsNotNone(self.checked_in_at(self.olena))
        self.assertIsNone(self.checked_in_at(self.juergen))

    def test_tap_with_javascript_answers_json(self):
        response = self.tap(self.olena, **JSON)
        self.assertEqual(response.json()["present"], True)
        self.assertRegex(response.json()["time"], r"^\d\d:\d\d$")

    def test_second_tap_keeps_the_first_time(self):
        self.tap(self.olena)
        first = self.checked_in_at(self.olena)
        self.tap(self.olena)
        self.assertEqual(self.checked_in_at(self.olena), first)

    def test_undo(self):
        self.tap(self.olena)
        response = self.tap(self.olena, action="undo", **JSON)
        self.assertEqual(response.json()["present"], False)
        self.assertIsNone(self.checked_in_at(self.olena))

    def test_taps_of_two_organisers_on_stale_pages_both_count(self):
        """Each organiser's page was loaded before the other's tap: no tap overwrites another."""
        other = self.client_class()
        other.force_login(self.editor)
        self.tap(self.olena)
        url = reverse("events_check_in_registration", args=(self.form_a.pk, self.juergen.pk))
        other.post(url, {"action": "present"})
        self.assertIsNotNone(self.checked_in_at(self.olena))
        self.assertIsNotNone(self.checked_in_at(self.juergen))

    def test_a_waiting_list_registration_cannot_be_checked_in(self):
        self.assertEqual(self.tap(self.waiting).status_code, 409)
        self.assertIsNone(self.checked_in_at(self.waiting))

    def test_get_changes_nothing(self):
        url = reverse("events_check_in_registration", args=(self.form_a.pk, self.olena.pk))
        self.assertEqual(self.client.get(url, {"action": "present"}).status_code, 405)
        self.assertIsNone(self.checked_in_at(self.olena))

    def test_state_lists_present_registrations_and_walk_ins(self):
        self.tap(self.olena)
        WalkIn.objects.create(page=self.form_a, name="Petro Neu", institution="Kreis Unna")
        state = self.client.get(reverse("events_check_in_state", args=(self.form_a.pk,))).json()
        self.assertEqual(list(state["present"]), [str(self.olena.pk)])
        self.assertEqual(
            [(w["name"], w["institution"]) for w in state["walk_ins"]],
            [("Petro Neu", "Kreis Unna")],
        )
        self.assertEqual(state["confirmed"], 2)


class WalkInTests(CheckInTestCase):
    def add(self, **data):
        url = reverse("events_check_in_walk_ins", args=(self.form_a.pk,))
        return self.client.post(url, data)

    def test_adds_a_walk_in_with_name_and_institution(self):
        self.add(name="Petro Neu", institution="Kreis Unna")
        walk_in = WalkIn.objects.get()
        self.assertEqual(
            (walk_in.page_id, walk_in.name, walk_in.institution),
            (self.form_a.pk, "Petro Neu", "Kreis Unna"),
        )
        self.assertContains(self.page(), "Petro Neu")

    def test_a_walk_in_needs_a_name(self):
        response = self.add(name="", institution="Kreis Unna")
        self.assertEqual(response.status_code, 400)
        self.assertFalse(WalkIn.objects.exists())
        self.assertContains(response, "error-message", status_code=400)

    def test_walk_ins_are_not_registrations(self):
        self.add(name="Petro Neu")
        self.assertEqual(Registration.objects.of(self.form_a).count(), 3)

    def test_remove_a_walk_in(self):
        self.add(name="Petro Neu")
        walk_in = WalkIn.objects.get()
        self.client.post(
            reverse("events_check_in_walk_in_delete", args=(self.form_a.pk, walk_in.pk))
        )
        self.assertFalse(WalkIn.objects.exists())


class NotAttendedTests(CheckInTestCase):
    def end_event(self, days_ago):
        end = timezone.now() - timedelta(days=days_ago)
        EventPage.objects.filter(pk=self.event_a.pk).update(start=end - timedelta(hours=4), end=end)

    def export_rows(self):
        url = reverse("wagtailforms:list_submissions", args=(self.form_a.pk,))
        response = self.client.get(url, {"export": "csv"})
        content = b"".join(response.streaming_content).decode("utf-8-sig")
        return {line.split(",")[2]: line.split(",")[-1] for line in content.splitlines()[1:]}

    def test_after_the_event_confirmed_registrants_who_did_not_come_are_not_attended(self):
        self.end_event(1)
        self.tap(self.olena)
        rows = self.export_rows()
        self.assertEqual(rows["Koval"], "anwesend")
        self.assertEqual(rows["Özdemir"], "nicht erschienen")
        self.assertEqual(rows["Wartend"], "")

    def test_before_the_event_ends_nobody_is_not_attended(self):
        EventPage.objects.filter(pk=self.event_a.pk).update(end=timezone.now() + timedelta(hours=2))
        self.assertEqual(self.export_rows()["Özdemir"], "")
