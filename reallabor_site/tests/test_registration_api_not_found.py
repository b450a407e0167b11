"""A registration for a form nobody can see answers 404 on the site, not a redirect.

Django's LocaleMiddleware turns a 404 on an unprefixed path into a redirect to /de/...; the
site's APIAwareLocaleMiddleware leaves /api/ responses alone.
"""

import json

from django.test import override_settings

from events.tests.registration_utils import RegistrationTestCase
from events.tests.test_registration_api import ORIGIN, payload


@override_settings(REGISTRATION_API_ALLOWED_ORIGINS=[ORIGIN], REGISTRATION_API_TOKENS=["s3cret"])
class RegistrationApiNotFoundTests(RegistrationTestCase):
    def post(self, url, data):
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(
                url, json.dumps(data), content_type="application/json", HTTP_ORIGIN=ORIGIN
            )

    def test_unpublished_form_answers_404(self):
        self.form.unpublish()
        response = self.post(f"/api/registrations/{self.form.pk}/", payload())
        self.assertEqual(response.status_code, 404)

    def test_unknown_form_answers_404(self):
        response = self.client.post("/api/registrations/999999/", "{}", "application/json")
        self.assertEqual(response.status_code, 404)
