"""robots.txt, the favicon at the root and the web app manifest, as crawlers and browsers ask."""

import json

from django.contrib.staticfiles import finders
from django.test import TestCase, override_settings

from home.tests.utils import SiteTreeTestCase


class RobotsTxtTests(TestCase):
    def robots(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        return response.content.decode().splitlines()

    def test_allows_the_site_and_keeps_admin_and_previews_out(self):
        lines = self.robots()
        self.assertEqual(lines[0], "User-agent: *")
        for path in ("/admin/", "/api/v2/page_preview/", "/api/v3/page_preview/"):
            with self.subTest(path=path):
                self.assertIn(f"Disallow: {path}", lines)
        self.assertIn("Allow: /", lines)
        self.assertNotIn("Disallow: /", lines)

    def test_keeps_registrants_personal_links_out_in_every_language(self):
        lines = self.robots()
        for language in ("de", "en", "uk"):
            with self.subTest(language=language):
                self.assertIn(f"Disallow: /{language}/registration/", lines)

    @override_settings(SITE_URL="https://reallabor.example.org")
    def test_names_the_sitemap_on_the_sites_public_address(self):
        self.assertIn("Sitemap: https://reallabor.example.org/sitemap.xml", self.robots())

    def test_is_not_redirected_to_a_language(self):
        response = self.client.get("/robots.txt", headers={"accept-language": "uk"})
        self.assertEqual(response.status_code, 200)


class RootIconTests(TestCase):
    def test_favicon_ico_leads_to_the_static_icon(self):
        response = self.client.get("/favicon.ico")
        self.assertRedirects(
            response, "/static/favicons/favicon.ico", fetch_redirect_response=False
        )
        self.assertIn("max-age=86400", response["Cache-Control"])

    def test_apple_touch_icon_leads_to_the_static_icon(self):
        response = self.client.get("/apple-touch-icon.png")
        self.assertRedirects(
            response, "/static/favicons/apple-touch-icon.png", fetch_redirect_response=False
        )

    def test_every_icon_file_exists(self):
        for name in (
            "icon.svg",
            "icon-32.png",
            "icon-192.png",
            "icon-512.png",
            "apple-touch-icon.png",
            "favicon.ico",
        ):
            with self.subTest(name=name):
                self.assertIsNotNone(finders.find(f"favicons/{name}"))


class IconLinksTests(SiteTreeTestCase):
    def test_pages_link_the_icons_and_the_manifest_of_their_language(self):
        for page, language in ((self.home, "de"), (self.home_uk, "uk")):
            with self.subTest(language=language):
                response = self.client.get(page.url)
                self.assertContains(
                    response,
                    '<link rel="icon" href="/static/favicons/icon.svg" type="image/svg+xml">',
                )
                self.assertContains(
                    response,
                    '<link rel="icon" href="/static/favicons/icon-32.png" type="image/png" '
                    'sizes="32x32">',
                )
                self.assertContains(
                    response,
                    '<link rel="apple-touch-icon" href="/static/favicons/apple-touch-icon.png">',
                )
                self.assertContains(
                    response, f'<link rel="manifest" href="/{language}/manifest.webmanifest">'
                )

    def test_manifest_names_the_site_and_its_icons_in_the_readers_language(self):
        response = self.client.get("/uk/manifest.webmanifest")
        self.assertEqual(response["Content-Type"], "application/manifest+json; charset=utf-8")
        manifest = json.loads(response.content)
        self.assertEqual(manifest["name"], "Реальна лабораторія NRW – Україна")
        self.assertEqual(manifest["lang"], "uk")
        self.assertEqual(manifest["start_url"], "/uk/")
        self.assertEqual(
            {(icon["src"], icon["sizes"]) for icon in manifest["icons"]},
            {
                ("/static/favicons/icon.svg", "any"),
                ("/static/favicons/icon-192.png", "192x192"),
                ("/static/favicons/icon-512.png", "512x512"),
            },
        )
