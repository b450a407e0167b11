import json
import re

from events.formatting import iso_datetime
from events.models import EventPage

from .registration_utils import RegistrationTestCase
from .utils import EventTreeTestCase, in_the_future

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


class EventJsonLdTests(EventTreeTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = cls.make_conference()
        cls.translate_conference(cls.event)

    def json_ld(self, page):
        response = self.client.get(page.url)
        head = response.content.decode().split("</head>")[0]
        (text,) = SCRIPT.findall(head)
        return json.loads(text)

    def test_event_with_required_properties(self):
        data = self.json_ld(self.event)
        self.assertEqual(data["@context"], "https://schema.org")
        self.assertEqual(data["@type"], "Event")
        self.assertEqual(data["name"], "Landkreise als internationale Akteure")
        self.assertEqual(data["description"], "Wie Kreise die Ukraine unterstützen.")
        self.assertEqual(data["url"], "http://testserver/de/veranstaltungen/konferenz-2023/")
        self.assertEqual(data["inLanguage"], "de")

    def test_start_and_end_carry_the_german_winter_offset(self):
        data = self.json_ld(self.event)
        self.assertEqual(data["startDate"], "2023-11-22T10:00:00+01:00")
        self.assertEqual(data["endDate"], "2023-11-22T14:00:00+01:00")

    def test_status_and_attendance_mode(self):
        data = self.json_ld(self.event)
        self.assertEqual(data["eventStatus"], "https://schema.org/EventScheduled")
        self.assertEqual(
            data["eventAttendanceMode"], "https://schema.org/OfflineEventAttendanceMode"
        )

    def test_cancelled_event_says_so(self):
        EventPage.objects.filter(pk=self.event.pk).update(status=EventPage.Status.CANCELLED)
        self.assertEqual(
            self.json_ld(self.event)["eventStatus"], "https://schema.org/EventCancelled"
        )

    def test_location_is_a_place_with_postal_address(self):
        location = self.json_ld(self.event)["location"]
        self.assertEqual(location["@type"], "Place")
        self.assertEqual(location["name"], "Museum Haus Opherdicke")
        self.assertEqual(
            location["address"],
            {
                "@type": "PostalAddress",
                "streetAddress": "Dorfstraße 29",
                "postalCode": "59439",
                "addressLocality": "Holzwickede",
                "addressCountry": "DE",
            },
        )

    def test_organizer_with_name_and_email(self):
        self.assertEqual(
            self.json_ld(self.event)["organizer"],
            {
                "@type": "Organization",
                "name": "Auslandsgesellschaft.de e.V.",
                "email": "becker@auslandsgesellschaft.de",
            },
        )

    def test_performers_with_job_title_and_affiliation(self):
        performers = self.json_ld(self.event)["performer"]
        self.assertEqual(
            performers[0],
            {
                "@type": "Person",
                "name": "Iryna Shum",
                "jobTitle": ["Generalkonsulin der Ukraine in Düsseldorf"],
                "url": f"http://testserver{self.shum.url}",
            },
        )
        self.assertEqual(performers[1]["jobTitle"], ["Kreisdirektorin"])
        self.assertEqual(
            performers[1]["affiliation"], [{"@type": "Organization", "name": "Kreis Coesfeld"}]
        )

    def test_translated_page_names_its_language_and_localized_performers(self):
        data = self.json_ld(self.event_uk)
        self.assertEqual(data["inLanguage"], "uk")
        self.assertEqual(data["name"], "Райони як міжнародні актори")
        self.assertEqual(data["performer"][0]["name"], "Ірина Шум")

    def test_text_cannot_close_the_script_element(self):
        EventPage.objects.filter(pk=self.event.pk).update(
            teaser='Vorsicht </script><script>alert("x")</script>'
        )
        response = self.client.get(self.event.url)
        self.assertNotContains(response, '<script>alert("x")')
        self.assertEqual(
            self.json_ld(self.event)["description"], 'Vorsicht </script><script>alert("x")</script>'
        )

    def test_event_without_venue_or_speakers_has_valid_json_ld(self):
        event = self.make_event(slug="schlicht")
        data = self.json_ld(event)
        self.assertNotIn("performer", data)
        self.assertNotIn("location", data)
        self.assertEqual(data["startDate"], "2023-11-22T10:00:00+01:00")


class RegistrationOfferTests(RegistrationTestCase):
    """Registration as a free schema.org Offer, with the German form's dates in every language
    and no number of people in it."""

    form_options = {"capacity": 20}

    def json_ld(self, page):
        response = self.client.get(page.url)
        (text,) = SCRIPT.findall(response.content.decode().split("</head>")[0])
        return json.loads(text)

    def test_offer_links_the_form_in_the_pages_language_free_of_charge(self):
        offer = self.json_ld(self.event_uk)["offers"]
        self.assertEqual(offer["@type"], "Offer")
        self.assertEqual(offer["url"], f"http://testserver{self.form_uk.url}")
        self.assertEqual((offer["price"], offer["priceCurrency"]), ("0", "EUR"))
        self.assertEqual(offer["validThrough"], iso_datetime(self.form.registration_closes))
        self.assertEqual(offer["availability"], "https://schema.org/InStock")

    def test_offer_follows_the_german_deadline(self):
        self.form.registration_closes = in_the_future(3)
        self.form.save_revision().publish()
        self.assertEqual(
            self.json_ld(self.event_en)["offers"]["validThrough"], iso_datetime(in_the_future(3))
        )

    def test_few_places_left_is_limited_availability_without_numbers(self):
        for number in range(18):
            self.submit(email=f"p{number}@example.org")
        offer = self.json_ld(self.event)["offers"]
        self.assertEqual(offer["availability"], "https://schema.org/LimitedAvailability")
        # Nothing that could count people: no inventoryLevel, eligibleQuantity or the like.
        self.assertEqual(
            set(offer),
            {"@type", "url", "price", "priceCurrency", "validFrom", "validThrough", "availability"},
        )

    def test_no_places_left_is_sold_out(self):
        for number in range(20):
            self.submit(email=f"p{number}@example.org")
        offer = self.json_ld(self.event_en)["offers"]
        self.assertEqual(offer["availability"], "https://schema.org/SoldOut")

    def test_event_without_registration_has_no_offer(self):
        self.form.unpublish()
        self.assertNotIn("offers", self.json_ld(self.event))
