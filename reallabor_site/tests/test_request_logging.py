"""Request ids on responses and log lines; errors logged without what the visitor sent."""

import io
import json
import logging

from django.http import HttpResponse
from django.test import TestCase, override_settings
from django.urls import path


def failing_view(request):
    raise RuntimeError("the view broke")


def fine_view(request):
    logging.getLogger("reallabor_site.example").info("handled")
    return HttpResponse("ok")


urlpatterns = [path("broken/", failing_view), path("fine/", fine_view)]


@override_settings(ROOT_URLCONF=__name__)
class RequestIdTests(TestCase):
    def setUp(self):
        # Capture what the configured handler writes, formatter and filter included.
        self.handler = next(
            handler
            for handler in logging.getLogger("django").handlers
            if isinstance(handler, logging.StreamHandler)
        )
        self.output = io.StringIO()
        self.original_stream = self.handler.setStream(self.output)
        self.client.raise_request_exception = False

    def tearDown(self):
        self.handler.setStream(self.original_stream)

    def log_lines(self):
        return [json.loads(line) for line in self.output.getvalue().splitlines()]

    def test_every_response_carries_a_request_id(self):
        first = self.client.get("/fine/")["X-Request-ID"]
        second = self.client.get("/fine/")["X-Request-ID"]
        self.assertRegex(first, r"^[0-9a-f]{32}$")
        self.assertNotEqual(first, second)

    def test_a_request_id_from_the_proxy_is_kept(self):
        response = self.client.get("/fine/", headers={"X-Request-ID": "proxy-4711-abcd"})
        self.assertEqual(response["X-Request-ID"], "proxy-4711-abcd")

    def test_a_malformed_request_id_is_replaced(self):
        response = self.client.get("/fine/", headers={"X-Request-ID": "<script>x</script>"})
        self.assertRegex(response["X-Request-ID"], r"^[0-9a-f]{32}$")

    def test_log_lines_during_a_request_carry_its_id(self):
        response = self.client.get("/fine/")
        [line] = [line for line in self.log_lines() if line["message"] == "handled"]
        self.assertEqual(line["request_id"], response["X-Request-ID"])

    def test_a_server_error_is_logged_with_the_request_id_but_not_the_form_data(self):
        response = self.client.post(
            "/broken/?email=jana.beispiel%40example.org",
            {"email": "jana.beispiel@example.org", "message": "Geheime Nachricht"},
        )
        self.assertEqual(response.status_code, 500)
        [error] = [line for line in self.log_lines() if line["level"] == "ERROR"]
        self.assertEqual(error["request_id"], response["X-Request-ID"])
        self.assertIn("RuntimeError: the view broke", error["exception"])
        written = self.output.getvalue()
        self.assertNotIn("jana.beispiel", written)
        self.assertNotIn("Geheime Nachricht", written)
