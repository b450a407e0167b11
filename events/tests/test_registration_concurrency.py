"""50 people registering at the same moment for 10 places: nobody is overbooked.

Real parallel requests, each thread with its own database connection, against PostgreSQL, where
the form page's row lock is what makes them take turns. SQLite in memory cannot hold concurrent
connections, so the test runs only when DATABASE_URL names PostgreSQL (as in CI).
"""

import threading
from unittest import skipUnless

from django.db import connection, connections
from django.test import Client, TransactionTestCase
from wagtail.models import Locale, Page, Site

from events.models import (
    EventIndexPage,
    EventPage,
    Registration,
    RegistrationFormField,
    RegistrationFormPage,
)
from home.models import HomePage

from .registration_utils import FIELDS, registration_data
from .utils import in_the_future

PEOPLE = 50
PLACES = 10


@skipUnless(connection.vendor == "postgresql", "needs PostgreSQL (DATABASE_URL=postgres://...)")
class ParallelRegistrationTests(TransactionTestCase):
    def setUp(self):
        german = Locale.objects.get_or_create(language_code="de")[0]
        Site.objects.all().delete()
        root = Page.get_first_root_node()
        Page.objects.filter(depth__gt=1).delete()
        home = root.add_child(instance=HomePage(title="Start", slug="start", locale=german))
        Site.objects.create(hostname="testserver", root_page=home, is_default_site=True)
        index = home.add_child(instance=EventIndexPage(title="Veranstaltungen", slug="v"))
        event = index.add_child(
            instance=EventPage(
                title="Konferenz",
                slug="konferenz",
                start=in_the_future(30),
                end=in_the_future(30, hour=14),
            )
        )
        self.form = event.add_child(
            instance=RegistrationFormPage(
                title="Anmeldung",
                slug="anmeldung",
                registration_closes=in_the_future(20),
                capacity=PLACES,
                form_fields=[
                    RegistrationFormField(label=label, field_type=kind, required=required)
                    for label, kind, required in FIELDS
                ],
            )
        )

    def test_fifty_simultaneous_registrations_for_ten_places(self):
        url = self.form.url
        start = threading.Barrier(PEOPLE)
        statuses = []

        def register(number):
            try:
                client = Client(REMOTE_ADDR=f"10.0.0.{number}")
                start.wait()
                response = client.post(url, registration_data(email=f"p{number}@example.org"))
                statuses.append(response.status_code)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=register, args=(n,)) for n in range(PEOPLE)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        self.assertEqual(statuses, [200] * PEOPLE)
        registrations = Registration.objects.filter(page=self.form)
        self.assertEqual(registrations.filter(status=Registration.Status.CONFIRMED).count(), 10)
        self.assertEqual(registrations.filter(status=Registration.Status.WAITING_LIST).count(), 40)
