from datetime import datetime

from icalendar import Calendar

from events.formatting import BERLIN

from .utils import EventTreeTestCase


def events_of(response):
    return Calendar.from_ical(response.content).walk("VEVENT")


class EventIcsTests(EventTreeTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = cls.make_conference()
        cls.translate_conference(cls.event)

    def test_download_is_a_utf8_calendar_file_named_after_the_event(self):
        response = self.client.get(f"{self.event.url}ics/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        self.assertEqual(
            response["Content-Disposition"], 'attachment; filename="konferenz-2023.ics"'
        )

    def test_event_starts_and_ends_in_german_time(self):
        (event,) = events_of(self.client.get(f"{self.event.url}ics/"))
        self.assertEqual(event.start, datetime(2023, 11, 22, 10, 0, tzinfo=BERLIN))
        self.assertEqual(event.end, datetime(2023, 11, 22, 14, 0, tzinfo=BERLIN))
        self.assertEqual(event["DTSTART"].params["TZID"], "Europe/Berlin")

    def test_calendar_defines_the_time_zone_it_uses(self):
        calendar = Calendar.from_ical(self.client.get(f"{self.event.url}ics/").content)
        self.assertEqual([zone.tz_name for zone in calendar.timezones], ["Europe/Berlin"])

    def test_event_has_summary_location_url_and_description(self):
        (event,) = events_of(self.client.get(f"{self.event.url}ics/"))
        self.assertEqual(event["SUMMARY"], "Landkreise als internationale Akteure")
        self.assertEqual(
            event["LOCATION"], "Museum Haus Opherdicke, Dorfstraße 29, 59439 Holzwickede"
        )
        self.assertEqual(event["URL"], "http://testserver/de/veranstaltungen/konferenz-2023/")
        self.assertEqual(event["DESCRIPTION"], "Wie Kreise die Ukraine unterstützen.")
        self.assertIsNotNone(event.DTSTAMP)

    def test_uid_is_stable_and_differs_per_language(self):
        first = events_of(self.client.get(f"{self.event.url}ics/"))[0]["UID"]
        again = events_of(self.client.get(f"{self.event.url}ics/"))[0]["UID"]
        english = events_of(self.client.get(f"{self.event_en.url}ics/"))[0]["UID"]
        self.assertEqual(first, again)
        self.assertEqual(first, f"{self.event.translation_key}.de@testserver")
        self.assertEqual(english, f"{self.event.translation_key}.en@testserver")

    def test_translated_event_has_its_own_title_and_url(self):
        (event,) = events_of(self.client.get(f"{self.event_uk.url}ics/"))
        self.assertEqual(event["SUMMARY"], "Райони як міжнародні актори")
        self.assertEqual(event["URL"], f"http://testserver{self.event_uk.url}")

    def test_event_without_venue_has_no_location(self):
        event = self.make_event(slug="ohne-ort")
        (component,) = events_of(self.client.get(f"{event.url}ics/"))
        self.assertNotIn("LOCATION", component)


class EventFeedTests(EventTreeTestCase):
    def test_feed_lists_every_live_event_of_the_index(self):
        self.make_conference()
        self.make_event(
            slug="2024",
            title="Zweite Konferenz",
            start=datetime(2024, 6, 5, 9, 0, tzinfo=BERLIN),
            end=datetime(2024, 6, 5, 12, 0, tzinfo=BERLIN),
        )
        self.make_event(slug="entwurf", title="Entwurf").unpublish()
        response = self.client.get(f"{self.event_index.url}ics/")
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        events = events_of(response)
        self.assertEqual(
            [event["SUMMARY"] for event in events],
            ["Landkreise als internationale Akteure", "Zweite Konferenz"],
        )
        self.assertEqual(events[1].start, datetime(2024, 6, 5, 9, 0, tzinfo=BERLIN))

    def test_feed_is_linked_from_the_index(self):
        response = self.client.get(self.event_index.url)
        self.assertContains(response, f'href="{self.event_index.url}ics/"')
