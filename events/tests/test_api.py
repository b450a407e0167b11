"""Events over the headless API (v2 and v3): fields, languages, filters, registration state."""

from datetime import datetime, timedelta

from events.formatting import BERLIN
from events.models import EventPage, Registration
from pagebase.testing import translate_page

from .utils import APITestCase, in_the_future


class EventAPITestCase(APITestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.conference = cls.make_conference()
        cls.translate_conference(cls.conference)

    def v2_event(self, event):
        return self.get_json(f"/api/v2/pages/{event.pk}/")

    def v3_event(self, event):
        return self.get_json(f"/api/v3/pages/{event.pk}/")


class EventRepresentationTests(EventAPITestCase):
    def test_start_and_end_are_iso_8601_in_german_time_with_offset(self):
        for data in (self.v2_event(self.conference), self.v3_event(self.conference)):
            self.assertEqual(data["start"], "2023-11-22T10:00:00+01:00")
            self.assertEqual(data["end"], "2023-11-22T14:00:00+01:00")

    def test_venue_is_nested_with_its_address(self):
        venue = self.v2_event(self.conference)["venue"]
        self.assertEqual(venue["name"], "Museum Haus Opherdicke")
        self.assertEqual(
            venue["address"],
            {
                "street": "Dorfstraße 29",
                "postcode": "59439",
                "city": "Holzwickede",
                "country": "DE",
            },
        )

    def test_key_questions_are_a_list_of_texts(self):
        self.assertEqual(
            self.v3_event(self.conference)["key_questions"],
            ["Welche Rolle spielen Kreise?", "Wie gelingt eine Partnerschaft?"],
        )

    def test_programme_items_name_their_speakers_with_id_name_and_role(self):
        welcome = self.v2_event(self.conference)["programme"][0]
        self.assertEqual(welcome["starts_at"], "10:00")
        self.assertEqual(welcome["title"], "Begrüßung")
        self.assertEqual(
            welcome["speakers"],
            [
                {
                    "id": self.shum.pk,
                    "name": "Iryna Shum",
                    "role": "welcome",
                    "role_label": "Begrüßung",
                }
            ],
        )

    def test_speakers_carry_role_and_positions(self):
        shum = self.v3_event(self.conference)["speakers"][0]
        self.assertEqual(shum["name"], "Iryna Shum")
        self.assertEqual((shum["role"], shum["role_label"]), ("welcome", "Begrüßung"))
        self.assertEqual(
            shum["positions"],
            [{"function": "Generalkonsulin der Ukraine", "organisation": "in Düsseldorf"}],
        )

    def test_practice_examples_carry_id_title_and_kreis(self):
        example = self.v2_event(self.conference)["practice_examples"][0]
        self.assertEqual(example["id"], self.coesfeld.pk)
        self.assertEqual(example["title"], "Partnerschaft des Kreises Coesfeld")
        self.assertEqual(example["kreis"], "Kreis Coesfeld")

    def test_funding_note_and_contact_are_served(self):
        data = self.v3_event(self.conference)
        self.assertEqual(data["funding_note"], "Gefördert von der Staatskanzlei NRW.")
        self.assertEqual(
            data["contact"],
            {
                "organiser": "Auslandsgesellschaft.de e.V.",
                "name": "Kai Becker",
                "email": "becker@auslandsgesellschaft.de",
            },
        )

    def test_introduction_is_html(self):
        self.assertEqual(
            self.v2_event(self.conference)["introduction"],
            "<p>Die Konferenz bringt Kreise und Kommunen zusammen.</p>",
        )

    def test_event_without_registration_form_has_no_registration(self):
        self.assertIsNone(self.v2_event(self.conference)["registration"])


class EventLanguageTests(EventAPITestCase):
    def test_ukrainian_event_serves_ukrainian_title_and_speaker(self):
        data = self.v3_event(self.event_uk)
        self.assertEqual(data["meta"]["locale"], "uk")
        self.assertEqual(data["title"], "Райони як міжнародні актори")
        self.assertEqual(data["speakers"][0]["name"], "Ірина Шум")
        self.assertEqual(data["speakers"][0]["role_label"], "Привітання")

    def test_english_event_falls_back_to_german_speaker_page(self):
        data = self.v2_event(self.event_en)
        self.assertEqual(data["meta"]["locale"], "en")
        self.assertEqual(data["speakers"][0]["id"], self.shum.pk)
        self.assertEqual(data["speakers"][0]["role_label"], "Welcome")

    def test_event_links_to_its_translations(self):
        translations = self.v2_event(self.conference)["translations"]
        self.assertEqual(
            [(link["locale"], link["id"]) for link in translations],
            [("en", self.event_en.pk), ("uk", self.event_uk.pk)],
        )
        self.assertEqual(translations[1]["url"], self.event_uk.get_full_url())

    def test_locale_filter_lists_only_that_language(self):
        data = self.get_json("/api/v2/pages/?type=events.EventPage&locale=uk")
        self.assertEqual([item["id"] for item in data["items"]], [self.event_uk.pk])

    def test_unknown_locale_is_a_json_404(self):
        data = self.get_json("/api/v2/pages/?type=events.EventPage&locale=xx", status=404)
        self.assertIn("message", data)


class RegistrationStateTests(EventAPITestCase):
    def state(self, event):
        return self.v2_event(event)["registration"]["state"]

    def move_conference_ahead(self):
        """The 2023 conference in 30 days, in every language: a registration never stays open
        after its event."""
        EventPage.objects.filter(translation_key=self.conference.translation_key).update(
            start=in_the_future(30), end=in_the_future(30, hour=14)
        )

    def test_past_deadline_is_closed(self):
        self.add_registration(self.conference)
        self.assertEqual(self.state(self.conference), "closed")

    def test_before_opening_is_not_yet_open(self):
        self.add_registration(self.conference, opens=in_the_future(3), closes=in_the_future(10))
        self.assertEqual(self.state(self.conference), "not_yet_open")

    def test_open_registration_with_places_left_is_open(self):
        self.move_conference_ahead()
        self.add_registration(self.conference, closes=in_the_future(10))
        self.assertEqual(self.state(self.conference), "open")

    def test_full_event_offers_waiting_list_without_numbers_or_names(self):
        self.move_conference_ahead()
        form = self.add_registration(self.conference, closes=in_the_future(10))
        form.capacity = 1
        form.save_revision().publish()
        Registration.objects.create(
            page=form, form_data={}, email="olena@example.org", language="uk"
        )
        response = self.client.get(f"/api/v2/pages/{self.conference.pk}/")
        self.assertEqual(response.json()["registration"]["state"], "waiting_list")
        self.assertNotIn(b"olena@example.org", response.content)
        self.assertNotIn("capacity", response.json()["registration"])

    def test_translated_event_counts_the_german_forms_registrations(self):
        self.move_conference_ahead()
        form = self.add_registration(self.conference, closes=in_the_future(10))
        form.capacity = 1
        form.save_revision().publish()
        from pagebase.testing import translate_page

        translate_page(form, "uk")
        Registration.objects.create(page=form, form_data={}, email="a@example.org", language="de")
        self.assertEqual(self.state(self.event_uk), "waiting_list")


class EventFilterTests(EventAPITestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.soon = cls.make_event(
            slug="bald", start=in_the_future(5), end=in_the_future(5, 14), title="Bald"
        )
        cls.later = cls.make_event(
            slug="spaeter", start=in_the_future(40), end=in_the_future(40, 14), title="Später"
        )
        start = datetime(2022, 6, 1, 10, tzinfo=BERLIN)
        cls.older = cls.make_event(
            slug="2022", start=start, end=start + timedelta(hours=3), title="2022"
        )

    def assertListed(self, query, expected):
        """The same events in the same order from v2 and v3."""
        for version in ("v2", "v3"):
            with self.subTest(version=version):
                url = f"/api/{version}/pages/?type=events.EventPage&locale=de&{query}"
                items = self.get_json(url)["items"]
                self.assertEqual([item["id"] for item in items], expected)

    def test_upcoming_events_come_soonest_first(self):
        self.assertListed("when=upcoming", [self.soon.pk, self.later.pk])

    def test_past_events_come_latest_first(self):
        self.assertListed("when=past", [self.conference.pk, self.older.pk])

    def test_all_events_are_ordered_by_start(self):
        self.assertListed("", [self.older.pk, self.conference.pk, self.soon.pk, self.later.pk])

    def test_year_filter_keeps_events_starting_in_that_year(self):
        self.assertListed("year=2022", [self.older.pk])

    def test_v3_order_parameter_overrides_the_start_order(self):
        items = self.get_json("/api/v3/pages/?type=events.EventPage&locale=de&order=-title")
        self.assertEqual(items["items"][0]["id"], self.later.pk)

    def test_malformed_filters_are_400_with_a_message(self):
        for query in ("when=tomorrow", "year=abc", "year=-3", "year=99999"):
            with self.subTest(query):
                data = self.get_json(f"/api/v2/pages/?type=events.EventPage&{query}", status=400)
                self.assertIn("message", data)
                data = self.get_json(f"/api/v3/pages/?type=events.EventPage&{query}", status=400)
                self.assertIn("errors", data)

    def test_event_filters_on_a_listing_of_all_types_narrow_it_to_events(self):
        for version in ("v2", "v3"):
            with self.subTest(version):
                data = self.get_json(f"/api/{version}/pages/?locale=de&when=upcoming")
                listed = {item["id"] for item in data["items"]}
                self.assertEqual(listed, {self.soon.pk, self.later.pk})

    def test_event_filters_on_a_listing_of_other_types_find_nothing(self):
        for version in ("v2", "v3"):
            with self.subTest(version):
                data = self.get_json(f"/api/{version}/pages/?type=home.StandardPage&year=2023")
                self.assertEqual(data["items"], [])


class NonPublicEventTests(EventAPITestCase):
    def test_draft_event_is_404_on_v2_and_v3(self):
        draft = self.make_event(slug="entwurf")
        draft.unpublish()
        self.get_json(f"/api/v2/pages/{draft.pk}/", status=404)
        self.get_json(f"/api/v3/pages/{draft.pk}/", status=404)

    def test_unpublished_translation_is_404_and_not_linked(self):
        self.event_en.unpublish()
        self.get_json(f"/api/v2/pages/{self.event_en.pk}/", status=404)
        self.get_json(f"/api/v3/pages/{self.event_en.pk}/", status=404)
        locales = [link["locale"] for link in self.v2_event(self.conference)["translations"]]
        self.assertEqual(locales, ["uk"])

    def test_registration_form_serves_no_submissions(self):
        form = self.add_registration(self.conference, closes=in_the_future(10))
        Registration.objects.create(
            page=form, form_data={"name": "Olena"}, email="olena@example.org", language="uk"
        )
        for url in (f"/api/v2/pages/{form.pk}/?fields=*", f"/api/v3/pages/{form.pk}/"):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200)
            self.assertNotIn(b"olena@example.org", response.content)
            self.assertNotIn(b"Olena", response.content)


class EventListingQueryCountTests(EventAPITestCase):
    def make_events(self, first, last):
        for number in range(first, last):
            # Upcoming, so their registrations (closing in 10 days) are open.
            start = in_the_future(30) + timedelta(days=number)
            event = self.make_event(
                slug=f"event-{number}",
                venue=self.venue,
                start=start,
                end=start + timedelta(hours=4),
            )
            self.add_registration(event, closes=in_the_future(10))

    def test_event_listing_query_count_is_the_same_for_5_and_50_events(self):
        url = "/api/v2/pages/?type=events.EventPage&fields=*&limit=100"
        self.make_events(0, 5)
        few = self.queries_for(url)
        self.make_events(5, 50)
        self.assertEqual(few, self.queries_for(url))

    def test_translated_listing_query_count_is_the_same_for_5_and_20_events(self):
        """Half the Ukrainian events have their own form, the others fall back to the German."""

        def make_translated(first, last):
            self.make_events(first, last)
            for number in range(first, last):
                german = EventPage.objects.get(slug=f"event-{number}")
                event_uk = translate_page(german, "uk")
                if number % 2:
                    translate_page(german.get_children().get().specific, "uk")
                else:
                    self.assertEqual(event_uk.registration_page.locale.language_code, "de")

        url = "/api/v2/pages/?type=events.EventPage&locale=uk&fields=registration,slug&limit=100"
        make_translated(0, 5)
        few = self.queries_for(url)
        make_translated(5, 20)
        self.assertEqual(few, self.queries_for(url))
        registrations = [
            item["registration"]
            for item in self.get_json(url)["items"]
            if item["meta"]["slug"].startswith("event-")
        ]
        self.assertEqual(len(registrations), 20)
        self.assertTrue(all(item["state"] == "open" for item in registrations))
        self.assertEqual(sum("/de/" in item["url"] for item in registrations), 10)

    def test_v3_filtered_event_listing_query_count_is_the_same_for_5_and_50_events(self):
        url = "/api/v3/pages/?type=events.EventPage&when=past&year=2020&limit=100"
        self.make_events(0, 5)
        few = self.queries_for(url)
        self.make_events(5, 50)
        self.assertEqual(few, self.queries_for(url))


class SameShapeInBothAPIsTests(EventAPITestCase):
    def test_v2_and_v3_serve_every_declared_field_alike(self):
        from pagebase.api_fields import DeclaredField

        declared = [
            field.name
            for field in EventPage.api_fields
            if isinstance(getattr(field, "serializer", None), DeclaredField)
        ]
        self.assertIn("registration", declared)
        for event in (self.conference, self.event_uk):
            v2, v3 = self.v2_event(event), self.v3_event(event)
            for name in declared:
                with self.subTest(event=event.locale.language_code, field=name):
                    self.assertEqual(v2[name], v3[name])
