"""SITE_URL, the site's public address: applied to the Wagtail Site by `apply_site_url`, required
by the production settings, and the origin of every absolute link the site gives out."""

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from events.tests.registration_utils import RegistrationTestCase
from tests.site_processes import VALID_PRODUCTION_ENV, manage, manage_ok

SITE_URL = "https://example.org"
# Every absolute address in a response, and the site's own addresses among them.
ADDRESS = re.compile(r"https?://[^\s\"'<>\\]+")
OUR_HOSTS = re.compile(r"https?://(example\.org|testserver|localhost|127\.0\.0\.1)\b")


def our_addresses(text):
    return [address for address in ADDRESS.findall(text) if OUR_HOSTS.match(address)]


class ApplySiteURLTests(RegistrationTestCase):
    def apply(self, site_url=SITE_URL):
        out = StringIO()
        with override_settings(SITE_URL=site_url):
            call_command("apply_site_url", stdout=out)
        return out.getvalue()

    def test_the_default_site_takes_the_host_and_port_of_site_url(self):
        self.apply("http://127.0.0.1:8080")
        site = Site.objects.get(is_default_site=True)
        self.assertEqual(
            (site.hostname, site.port, site.root_url), ("127.0.0.1", 8080, "http://127.0.0.1:8080")
        )

    def test_an_https_address_is_port_443(self):
        self.assertIn("now https://example.org", self.apply())
        self.assertEqual(Site.objects.get(is_default_site=True).port, 443)

    def test_running_it_again_changes_nothing(self):
        self.apply()
        self.assertIn("already", self.apply())

    def test_another_site_with_that_address_is_named_not_overwritten(self):
        Site.objects.create(hostname="example.org", port=443, root_page=self.home)
        with self.assertRaisesMessage(CommandError, "Another Wagtail Site"):
            self.apply()


class AbsoluteLinksTests(RegistrationTestCase):
    """After apply_site_url, no link the site gives out names another host, whatever the request's."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event.image = cls.make_image()
        cls.event.save_revision().publish()
        with override_settings(SITE_URL=SITE_URL):
            call_command("apply_site_url", stdout=StringIO())

    @classmethod
    def make_image(cls):
        return get_image_model().objects.create(title="Saal", file=get_test_image_file())

    def assertOnlySiteURL(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        addresses = our_addresses(response.content.decode())
        self.assertTrue(addresses, f"{url} gives no absolute link")
        for address in addresses:
            self.assertTrue(address.startswith(f"{SITE_URL}/"), f"{url}: {address}")

    def test_page_canonical_alternates_open_graph_and_json_ld(self):
        for page in (self.event, self.event_en, self.event_uk):
            with self.subTest(page.url):
                self.assertOnlySiteURL(page.url)

    def test_sitemap_with_its_alternates(self):
        self.assertOnlySiteURL("/sitemap.xml")

    def test_calendar_file(self):
        self.assertOnlySiteURL(f"{self.event.url}ics/")

    def test_api_urls(self):
        for url in (
            "/api/v2/pages/",
            f"/api/v2/pages/{self.event.pk}/",
            "/api/v2/images/",
            "/api/v3/pages/",
            f"/api/v3/pages/{self.event.pk}/",
            "/api/v3/images/",
        ):
            with self.subTest(url):
                self.assertOnlySiteURL(url)

    def test_registration_emails(self):
        self.submit(e_mail="olena.koval@example.org")
        messages = self.outbox_to("olena.koval@example.org")
        self.assertTrue(messages)
        for message in messages:
            with self.subTest(message.subject):
                addresses = our_addresses(message.body)
                self.assertTrue(addresses)
                for address in addresses:
                    self.assertTrue(address.startswith(f"{SITE_URL}/"), address)


def test_production_without_site_url_stops_with_one_line_naming_it():
    env = {k: v for k, v in VALID_PRODUCTION_ENV.items() if k != "SITE_URL"}
    result = manage("check", **env)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "Configuration error: The environment variable SITE_URL must be set."
    ]


@pytest.mark.parametrize(
    "value", ["reallabor.example.org", "https://example.org/de/", "https://example.org:8443"]
)
def test_production_with_a_malformed_site_url_stops_with_one_line_naming_it(value):
    result = manage("check", **{**VALID_PRODUCTION_ENV, "SITE_URL": value})
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "SITE_URL" in lines[0]


def test_a_registration_under_production_settings_links_to_site_url(
    deployed_database, collected_static
):
    env = {
        "SITE_URL": SITE_URL,
        "ALLOWED_HOSTS": "example.org",
        "STATIC_ROOT": str(collected_static),
        # The rate limits count in the Redis the test runs share.
        "REGISTRATION_RATE": "1000/h",
        "REGISTRATION_ATTEMPT_RATE": "1000/h",
    }
    manage_ok("apply_site_url", url=deployed_database, **env)
    script = "from tests.registration_under_production import main; main()"
    output = manage_ok("shell", "-v", "0", "-c", script, url=deployed_database, **env)
    seen = json.loads(output.strip().splitlines()[-1])

    assert seen["registered"] == 200
    assert any("/registration/confirm/" in link for link in seen["links"])
    assert any("/registration/cancel/" in link for link in seen["links"])
    for link in seen["links"] + seen["confirmation_links"] + seen["calendar_urls"]:
        assert link.startswith(f"{SITE_URL}/"), link
    assert seen["visits"] == {link: 200 for link in seen["links"]}
    assert seen["confirmed"] == 200
    assert seen["calendar_urls"]
