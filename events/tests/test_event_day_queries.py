"""The check-in page, its state and the figures take as many queries for 40 registrants as
for 4: a door list must not slow down as the event fills."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import WalkIn

from .registrations import RegistrationsTestCase


class EventDayQueryTests(RegistrationsTestCase):
    def setUp(self):
        self.client.force_login(self.organiser_a)

    def add_people(self, start, count):
        for number in range(start, start + count):
            self.register(self.form_a, nachname=f"Person{number}", e_mail=f"p{number}@example.org")
            WalkIn.objects.create(page=self.form_a, name=f"Walk {number}")

    def queries(self, url):
        self.client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_queries_do_not_grow_with_the_registrations(self):
        urls = [
            reverse(name, args=(self.form_a.pk,))
            for name in ("events_check_in", "events_check_in_state", "events_figures")
        ]
        self.add_people(0, 4)
        few = [self.queries(url) for url in urls]
        self.add_people(4, 36)
        many = [self.queries(url) for url in urls]
        self.assertEqual(many, few)
