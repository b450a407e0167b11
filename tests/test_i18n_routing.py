import re

from wagtail.users.models import UserProfile

from home.tests.utils import SiteTreeTestCase


class RootRedirectTests(SiteTreeTestCase):
    def test_root_redirects_to_the_browsers_preferred_language(self):
        for accept_language, expected in (
            ("uk-UA,uk;q=0.9,en;q=0.5", "/uk/"),
            ("en-GB,en;q=0.9", "/en/"),
            ("de-DE,de;q=0.9", "/de/"),
        ):
            with self.subTest(accept_language):
                response = self.client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
                self.assertRedirects(response, expected, fetch_redirect_response=False)

    def test_root_redirects_to_german_when_the_browser_language_is_not_offered(self):
        response = self.client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")
        self.assertRedirects(response, "/de/", fetch_redirect_response=False)

    def test_root_redirects_to_german_without_accept_language(self):
        self.assertRedirects(self.client.get("/"), "/de/", fetch_redirect_response=False)


class NotFoundTests(SiteTreeTestCase):
    def test_unknown_page_shows_the_sites_404_in_the_readers_language(self):
        for prefix, text in (
            ("de", "Seite nicht gefunden"),
            ("en", "Page not found"),
            ("uk", "Сторінку не знайдено"),
        ):
            with self.subTest(prefix):
                response = self.client.get(f"/{prefix}/gibt-es-nicht/")
                self.assertEqual(response.status_code, 404)
                self.assertContains(response, text, status_code=404)
                self.assertContains(response, f'<html lang="{prefix}">', status_code=404)

    def language_links(self, path):
        # PATH_INFO as a client sends it; the test client would read "//host/" as a host name.
        response = self.client.get("/", PATH_INFO=path)
        self.assertEqual(response.status_code, 404)
        return re.findall(r'<a href="([^"]*)"[^>]* hreflang=', response.content.decode())

    def test_a_crafted_path_gives_only_site_relative_language_links(self):
        for path in (
            "//evil.example/",
            "/\\evil.example",
            "/de//evil.example/",
            "/en/\\evil.example",
        ):
            with self.subTest(path):
                links = self.language_links(path)
                self.assertEqual(len(links), 3)
                for href in links:
                    self.assertRegex(href, r"^/[^/\\]")
                    self.assertNotIn("\\", href)

    def test_on_a_path_no_language_knows_the_other_languages_link_to_their_home_pages(self):
        self.assertEqual(self.language_links("//evil.example/")[1:], ["/en/", "/uk/"])

    def test_unknown_language_prefix_ends_on_the_sites_404(self):
        response = self.client.get("/fr/", follow=True)
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "Seite nicht gefunden", status_code=404)


class AdminLanguageTests(SiteTreeTestCase):
    def test_admin_login_is_german_even_for_an_english_browser(self):
        response = self.client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en")
        self.assertContains(response, 'lang="de"')
        self.assertContains(response, "Anmelden")

    def test_admin_follows_an_editors_chosen_language(self):
        profile = UserProfile.get_for_user(self.login())
        profile.preferred_language = "uk"
        profile.save()
        response = self.client.get("/admin/")
        self.assertContains(response, 'lang="uk"')
