"""Security headers: a strict policy on public pages, the admin's own looser one on /admin/."""

from html.parser import HTMLParser

from django.contrib.auth import get_user_model

from home.tests.utils import SiteTreeTestCase


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


class InlineCodeFinder(HTMLParser):
    """Collects what a strict policy would block: inline scripts, styles and event handlers."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and "src" not in attributes:
            # JSON-LD and templates are data, which browsers never execute.
            if attributes.get("type") not in ("application/ld+json", "application/json"):
                self.found.append(f"<script> without src: {attrs}")
        if tag == "style":
            self.found.append("<style> element")
        for name, _value in attrs:
            if name == "style" or name.startswith("on"):
                self.found.append(f"{name}= on <{tag}>")


class PublicPageHeaderTests(SiteTreeTestCase):
    def test_public_page_allows_scripts_only_from_its_own_origin(self):
        response = self.client.get("/de/")
        directives = policy(response)
        self.assertEqual(directives["script-src"], ["'self'"])
        self.assertEqual(directives["style-src"], ["'self'"])
        self.assertEqual(directives["object-src"], ["'none'"])
        self.assertEqual(directives["frame-ancestors"], ["'none'"])

    def test_public_page_contains_nothing_its_policy_would_block(self):
        finder = InlineCodeFinder()
        finder.feed(self.client.get("/de/").content.decode())
        self.assertEqual(finder.found, [])

    def test_public_page_for_a_signed_in_editor_keeps_the_strict_policy(self):
        # The Wagtail user bar appears for editors; it loads its scripts as files.
        editor = get_user_model().objects.create_superuser("editor", "", "x")
        self.client.force_login(editor)
        response = self.client.get("/de/")
        self.assertContains(response, "wagtail-userbar")
        finder = InlineCodeFinder()
        finder.feed(response.content.decode())
        self.assertEqual(finder.found, [])
        self.assertNotIn("'unsafe-inline'", response["Content-Security-Policy"])

    def test_public_page_sends_referrer_policy_nosniff_and_permissions_policy(self):
        response = self.client.get("/de/")
        self.assertEqual(response["Referrer-Policy"], "strict-origin-when-cross-origin")
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        permissions = response["Permissions-Policy"]
        for feature in ("camera=()", "geolocation=()", "microphone=()", "browsing-topics=()"):
            self.assertIn(feature, permissions)


class AdminPolicyTests(SiteTreeTestCase):
    def setUp(self):
        self.client.force_login(get_user_model().objects.create_superuser("admin", "", "x"))

    def test_admin_gets_a_policy_that_allows_its_inline_scripts_and_styles(self):
        response = self.client.get("/admin/")
        directives = policy(response)
        self.assertIn("'unsafe-inline'", directives["script-src"])
        self.assertIn("'unsafe-inline'", directives["style-src"])
        self.assertEqual(directives["object-src"], ["'none'"])

    def test_page_editor_with_inline_scripts_loads_under_the_admin_policy(self):
        response = self.client.get(f"/admin/pages/{self.home.pk}/edit/")
        self.assertEqual(response.status_code, 200)
        finder = InlineCodeFinder()
        finder.feed(response.content.decode())
        self.assertTrue(any("<script>" in item for item in finder.found))
        self.assertIn("'unsafe-inline'", policy(response)["script-src"])

    def test_page_editor_may_frame_admin_pages(self):
        response = self.client.get(f"/admin/pages/{self.home.pk}/edit/")
        self.assertEqual(policy(response)["frame-ancestors"], ["'self'"])

    def test_page_preview_keeps_the_strict_policy_but_may_be_shown_in_the_editor(self):
        # Wagtail renders previews through a request for the page's public address.
        response = self.client.get(f"/admin/pages/{self.home.pk}/view_draft/")
        self.assertContains(response, "Reallabor Startseite")
        directives = policy(response)
        self.assertEqual(directives["script-src"], ["'self'"])
        self.assertEqual(directives["frame-ancestors"], ["'self'"])
