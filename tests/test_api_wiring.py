"""The API's wiring: JSON errors instead of redirects, bad input, private pages, CORS, caching."""

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.test import override_settings
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import APIToken, PageViewRestriction

from home.models import StandardPage
from home.tests.utils import SiteTreeTestCase


class APITestCase(SiteTreeTestCase):
    def setUp(self):
        cache.clear()

    def assertJSONError(self, url, status):
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, response.content)
        self.assertIn("json", response["Content-Type"])
        return response.json()


class NotFoundTests(APITestCase):
    def test_missing_page_is_a_json_404_not_a_redirect_to_german(self):
        self.assertJSONError("/api/v2/pages/999999/", 404)
        self.assertJSONError("/api/v3/pages/999999/", 404)

    def test_unknown_api_path_is_a_json_404(self):
        self.assertJSONError("/api/v9/pages/", 404)
        self.assertJSONError("/api/v2/pages/not-a-number/", 404)

    def test_huge_id_is_a_404(self):
        self.assertJSONError(f"/api/v2/pages/{10**30}/", 404)


class BadInputTests(APITestCase):
    def test_bad_listing_parameters_are_400_with_a_message(self):
        for query in (
            "fields=no_such_field",
            "type=home.NoSuchPage",
            "limit=-1",
            "limit=100000",
            "offset=-5",
            f"offset={10**30}",
            "limit=abc",
            "colour=blue",
            "type=events.EventPage&start=abc",
            "type=home.PracticeExamplePage&partnership_since=abc",
        ):
            with self.subTest(query):
                data = self.assertJSONError(f"/api/v2/pages/?{query}", 400)
                self.assertIn("message", data)

    def test_every_v2_listing_refuses_offsets_beyond_the_maximum(self):
        for endpoint in ("pages", "images", "documents"):
            for offset in ("100001", str(10**20)):
                with self.subTest(endpoint=endpoint, offset=offset):
                    data = self.assertJSONError(f"/api/v2/{endpoint}/?offset={offset}", 400)
                    self.assertIn("100000", data["message"])

    def test_malformed_ids_on_every_v2_find_are_400(self):
        for endpoint in ("pages", "images", "documents"):
            for value in ("abc", "1.5", "", "-1"):
                with self.subTest(endpoint=endpoint, id=value):
                    data = self.assertJSONError(f"/api/v2/{endpoint}/find/?id={value}", 400)
                    self.assertIn("id", data["message"])

    def test_an_unknown_search_operator_on_a_v2_listing_is_400(self):
        for endpoint in ("pages", "images", "documents"):
            with self.subTest(endpoint):
                self.assertJSONError(f"/api/v2/{endpoint}/?search=x&search_operator=xor", 400)

    def test_a_quote_in_a_search_is_read_as_a_space_not_a_database_error(self):
        for version in ("v2", "v3"):
            for endpoint in ("pages", "images", "documents"):
                with self.subTest(version=version, endpoint=endpoint):
                    response = self.client.get(f'/api/{version}/{endpoint}/?search=Kreis"')
                    self.assertEqual(response.status_code, 200, response.content)

    def test_bad_v3_parameters_are_400_problems(self):
        for url in (
            "/api/v3/pages/?limit=-1",
            "/api/v3/pages/?limit=100000",
            "/api/v3/pages/?limit=abc",
            "/api/v3/pages/?offset=-5",
            f"/api/v3/pages/?offset={10**30}",
            "/api/v3/pages/?type=home.NoSuchPage",
            "/api/v3/pages/?type=events.EventPage&status=abandoned",
            "/api/v3/pages/?venue=abc",
            "/api/v3/pages/?kreis=Coesfeld%00",
            "/api/v3/pages/?order=no_such_field",
            "/api/v3/pages/?order=random",
            "/api/v3/pages/?type=events.EventPage&order=slug",
            "/api/v3/images/?order=width",
            "/api/v3/pages/?site=localhost:abc",
            "/api/v3/pages/find/?site=localhost:abc&html_path=/",
            "/api/v3/pages/abc/",
            f"/api/v3/pages/{self.home.pk}/?version=yesterday",
        ):
            with self.subTest(url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 400, response.content)
                self.assertEqual(response["Content-Type"], "application/problem+json")
                self.assertEqual(response.json()["status"], 400)

    def test_nul_characters_in_parameters_are_400_not_a_database_error(self):
        for url in (
            "/api/v2/pages/?locale=%00",
            "/api/v2/pages/?search=%00",
            "/api/v2/images/?search=%00",
            "/api/v2/documents/?search=%00",
            "/api/v3/pages/?locale=%00",
            "/api/v3/pages/?search=%00",
            "/api/v3/pages/?site=%00",
        ):
            with self.subTest(url):
                self.assertJSONError(url, 400)

    def test_v3_filters_naming_an_unknown_page_are_404_as_any_unknown_id(self):
        for name in ("child_of", "descendant_of", "ancestor_of", "translation_of"):
            with self.subTest(name):
                self.assertJSONError(f"/api/v3/pages/?{name}=999999", 404)

    def test_v3_applies_child_of_and_descendant_of_together(self):
        page = self.add_child(self.home, StandardPage(title="Über uns", slug="ueber-uns"))
        self.add_child(page, StandardPage(title="Team", slug="team"))
        response = self.client.get(
            f"/api/v3/pages/?child_of={self.home.pk}&descendant_of={self.home.pk}"
        )
        self.assertEqual(response.status_code, 200, response.content)
        self.assertEqual([item["id"] for item in response.json()["items"]], [page.pk])

    def test_v3_filters_by_title_or_slug_beside_a_search(self):
        for query in ("slug=startseite", "title=Reallabor%20Startseite"):
            with self.subTest(query):
                response = self.client.get(f"/api/v3/pages/?{query}&search=Reallabor")
                self.assertEqual(response.status_code, 200, response.content)
                self.assertEqual([item["id"] for item in response.json()["items"]], [self.home.pk])

    def test_v3_offset_beyond_the_maximum_is_refused_not_a_database_error(self):
        response = self.client.get(f"/api/v3/pages/?offset={10**30}")
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["errors"][0]["loc"], ["query", "offset"])


class V3RoutingTests(APITestCase):
    """v3 is public and read-only: only its anonymous reads are routed, whoever asks."""

    PUBLIC_READS = {
        ("GET", "/api/v3/pages/"),
        ("GET", "/api/v3/pages/find/"),
        ("GET", "/api/v3/pages/{page_id}/"),
        ("GET", "/api/v3/images/"),
        ("GET", "/api/v3/images/{image_id}/"),
        ("GET", "/api/v3/documents/"),
        ("GET", "/api/v3/documents/{document_id}/"),
        ("GET", "/api/v3/page_preview/"),
    }

    def token(self):
        editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "x")
        _, token = APIToken.create_token(user=editor, name="Test")
        return {"HTTP_AUTHORIZATION": f"Bearer {token}"}

    def test_the_schema_offers_only_the_public_reads(self):
        schema = self.client.get("/api/v3/openapi.json").json()
        operations = {
            (method.upper(), path)
            for path, methods in schema["paths"].items()
            for method in methods
        }
        self.assertEqual(operations, self.PUBLIC_READS)

    def test_write_operations_are_not_routed_even_for_a_token_holder(self):
        token = self.token()
        page = f"/api/v3/pages/{self.home.pk}/"
        for method, url, status in (
            ("post", "/api/v3/pages/", 405),
            ("patch", page, 405),
            ("delete", page, 405),
            ("post", f"{page}actions/unpublish/", 404),
            ("post", "/api/v3/images/", 405),
            ("post", "/api/v3/sites/", 404),
        ):
            with self.subTest(method=method, url=url):
                response = getattr(self.client, method)(
                    url, data={}, content_type="application/json", **token
                )
                self.assertEqual(response.status_code, status, response.content)
        self.home.refresh_from_db()
        self.assertTrue(self.home.live)

    def test_reads_for_token_holders_only_are_not_routed(self):
        token = self.token()
        for url in (
            f"/api/v3/pages/{self.home.pk}/revisions/",
            "/api/v3/snippets/home.OrganisationDetails/",
            "/api/v3/sites/",
            "/api/v3/schema/",
            "/api/v3/whoami/",
        ):
            with self.subTest(url):
                self.assertEqual(self.client.get(url, **token).status_code, 404)

    def test_redirects_are_not_public(self):
        Redirect.objects.create(old_path="/geheimer-entwurf", redirect_link="https://example.org/")
        for url in ("/api/v3/redirects/", "/api/v3/redirects/find/?html_path=/geheimer-entwurf"):
            with self.subTest(url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 404)
                self.assertNotContains(response, "geheimer-entwurf", status_code=404)


class PrivatePageTests(APITestCase):
    def test_password_protected_page_is_not_served(self):
        page = self.add_child(self.home, StandardPage(title="Intern", slug="intern"))
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
        self.assertJSONError(f"/api/v2/pages/{page.pk}/", 404)
        self.assertJSONError(f"/api/v3/pages/{page.pk}/", 404)
        listed = [item["id"] for item in self.client.get("/api/v2/pages/").json()["items"]]
        self.assertNotIn(page.pk, listed)


class CORSTests(APITestCase):
    def test_no_origin_is_allowed_by_default(self):
        response = self.client.get("/api/v2/pages/", HTTP_ORIGIN="https://partner.example")
        self.assertNotIn("Access-Control-Allow-Origin", response)

    @override_settings(CORS_ALLOWED_ORIGINS=["https://partner.example"])
    def test_configured_origin_may_read_the_api(self):
        response = self.client.get("/api/v3/pages/", HTTP_ORIGIN="https://partner.example")
        self.assertEqual(response["Access-Control-Allow-Origin"], "https://partner.example")

    @override_settings(CORS_ALLOWED_ORIGINS=["https://partner.example"])
    def test_other_origins_and_html_pages_get_no_cors_header(self):
        other = self.client.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example")
        self.assertNotIn("Access-Control-Allow-Origin", other)
        page = self.client.get("/de/", HTTP_ORIGIN="https://partner.example")
        self.assertNotIn("Access-Control-Allow-Origin", page)


class CachingTests(APITestCase):
    def test_responses_are_publicly_cacheable_with_an_etag(self):
        response = self.client.get("/api/v2/pages/")
        self.assertIn("public", response["Cache-Control"])
        self.assertIn("max-age=300", response["Cache-Control"])
        self.assertTrue(response["ETag"])

    def test_matching_etag_gets_304(self):
        etag = self.client.get(f"/api/v3/pages/{self.home.pk}/")["ETag"]
        response = self.client.get(f"/api/v3/pages/{self.home.pk}/", HTTP_IF_NONE_MATCH=etag)
        self.assertEqual(response.status_code, 304)

    def test_publishing_replaces_the_cached_response(self):
        url = f"/api/v2/pages/{self.home.pk}/"
        before = self.client.get(url)
        self.home.title = "Neuer Titel"
        self.home.save_revision().publish()
        after = self.client.get(url)
        self.assertEqual(after.json()["title"], "Neuer Titel")
        self.assertNotEqual(before["ETag"], after["ETag"])

    def test_errors_are_not_marked_cacheable(self):
        response = self.client.get("/api/v2/pages/999999/")
        self.assertNotIn("public", response.get("Cache-Control", ""))


class DiscoveryTests(APITestCase):
    def test_v3_schema_and_docs_are_served(self):
        schema = self.client.get("/api/v3/openapi.json")
        self.assertEqual(schema.status_code, 200)
        self.assertTrue(schema.json()["openapi"].startswith("3.1"))
        self.assertEqual(self.client.get("/api/v3/docs/").status_code, 200)

    def test_v3_schema_declares_the_problems_reads_answer(self):
        schema = self.client.get("/api/v3/openapi.json").json()
        listing = schema["paths"]["/api/v3/pages/"]["get"]
        for status in ("400", "404"):
            with self.subTest(status):
                content = listing["responses"][status]["content"]
                self.assertEqual(
                    content["application/problem+json"]["schema"]["$ref"],
                    "#/components/schemas/ProblemDetail",
                )
        self.assertIn("ProblemDetail", schema["components"]["schemas"])

    def test_v3_schema_declares_the_limits_of_limit_and_offset(self):
        schema = self.client.get("/api/v3/openapi.json").json()
        parameters = {
            parameter["name"]: parameter["schema"]
            for parameter in schema["paths"]["/api/v3/pages/"]["get"]["parameters"]
        }
        self.assertEqual(parameters["limit"]["maximum"], 100)
        self.assertEqual(parameters["offset"]["maximum"], 100_000)

    def test_v3_schema_declares_our_listing_filters(self):
        schema = self.client.get("/api/v3/openapi.json").json()
        parameters = {
            parameter["name"]: parameter
            for parameter in schema["paths"]["/api/v3/pages/"]["get"]["parameters"]
        }
        self.assertEqual(parameters["when"]["schema"]["anyOf"][0]["enum"], ["upcoming", "past"])
        self.assertEqual(parameters["year"]["schema"]["anyOf"][0]["minimum"], 1900)
        self.assertIn("speakers of the event", parameters["event"]["description"])

    @override_settings(WAGTAILAPI_DOCS_ENABLED=False)
    def test_schema_and_docs_can_be_switched_off(self):
        self.assertJSONError("/api/v3/openapi.json", 404)
        self.assertEqual(self.client.get("/api/v3/docs/").status_code, 404)


class DocsPageTests(APITestCase):
    """/api/v3/docs/ runs Swagger UI from our own static files, which the security policy allows."""

    def assets(self, response):
        html = response.content.decode()
        return re.findall(r'<script[^>]* src="([^"]+)"', html) + re.findall(
            r'<link[^>]* href="([^"]+)"', html
        )

    def test_docs_load_only_our_own_static_files(self):
        response = self.client.get("/api/v3/docs/")
        assets = self.assets(response)
        self.assertIn("/static/ninja/swagger-ui-bundle.js", assets)
        for url in assets:
            with self.subTest(url):
                self.assertTrue(url.startswith(settings.STATIC_URL), url)
                path = url.removeprefix(settings.STATIC_URL)
                self.assertIsNotNone(finders.find(path), f"{path} is not a static file")

    def test_docs_have_no_inline_script(self):
        html = self.client.get("/api/v3/docs/").content.decode()
        for script in re.findall(r"<script([^>]*)>", html):
            with self.subTest(script):
                self.assertTrue("src=" in script or 'type="application/json"' in script)

    def test_security_policy_allows_the_docs_scripts_and_styles(self):
        policy = self.client.get("/api/v3/docs/")["Content-Security-Policy"]
        directives = dict(
            (part.split()[0], part.split()[1:]) for part in policy.split("; ") if part.strip()
        )
        self.assertEqual(directives["script-src"], ["'self'"])
        self.assertEqual(directives["style-src"], ["'self'"])

    def test_images_and_documents_endpoints_answer(self):
        for url in ("/api/v2/images/", "/api/v2/documents/"):
            with self.subTest(url):
                self.assertEqual(self.client.get(url).json()["meta"]["total_count"], 0)
