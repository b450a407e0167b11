"""The typed API: every field's declared schema in v3's OpenAPI schema, the page unions'
discriminator, the filters the listing accepts, times in German time, and a schema that
openapi-spec-validator and redocly accept. (The generated clients: tests/test_api_clients.py.)"""

import json
import re
import subprocess
import tempfile
from pathlib import Path
from unittest import mock

from django.apps import apps
from django.test import SimpleTestCase
from openapi_spec_validator import validate
from pydantic import TypeAdapter
from wagtail.api import APIField
from wagtail.api.v3.schemas import PageSchema
from wagtail.api.v3.schemas.base import BaseSchema
from wagtail.api.v3.schemas.generators import read_generator
from wagtail.api.v3.urls import api
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, get_page_models

from events.models import EventPage
from events.tests.utils import APITestCase
from home.models import PracticeExamplePage
from pagebase.api_fields import PageField
from pagebase.api_filters import declared_filters, filter_description, filter_type
from reallabor_site.api import PagesViewSet

from .api_schema import page_detail_schema, untyped_places

BASE_DIR = Path(__file__).resolve().parent.parent
REDOCLY = BASE_DIR / ".venv" / "apitools" / "node_modules" / ".bin" / "redocly"
REDOCLY_CONFIG = BASE_DIR / "tests" / "contract_client" / "redocly.yaml"
GERMAN_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+0[12]:00$")
OUR_APPS = ("home", "speakers", "events")


def models_with_api_fields():
    """Every model of our apps that declares api_fields: page types, snippets, inline items."""
    return [
        model
        for app in OUR_APPS
        for model in apps.get_app_config(app).get_models()
        if getattr(model, "api_fields", None)
    ]


def read_schema(model):
    """Wagtail's v3 read schema of `model` as JSON schema, built as Wagtail builds it."""
    if issubclass(model, Page):
        schema = read_generator.generate_schema(model, base_class=PageSchema)
    else:
        schema = read_generator.build_schema(
            model,
            name=f"Checked{model._meta.object_name}Schema",
            base_class=BaseSchema,
            follow_reverse_related=False,
        )
    return schema.model_json_schema(ref_template="#/$defs/{model}")


class DeclaredSchemaTests(SimpleTestCase):
    def test_every_api_field_of_every_model_has_a_declared_schema(self):
        checked = models_with_api_fields()
        self.assertGreaterEqual(len(checked), 12)
        for model in checked:
            with self.subTest(model._meta.label):
                self.assertEqual(untyped_places(read_schema(model)), [])

    def test_the_check_notices_a_field_that_loses_its_schema(self):
        undeclared = [
            APIField("venue", serializer=PageField()) if field.name == "venue" else field
            for field in EventPage.api_fields
        ]
        with mock.patch.object(EventPage, "api_fields", undeclared):
            places = untyped_places(read_schema(EventPage))
        self.assertEqual(places, [".venue"])

    def test_the_check_notices_an_object_or_list_of_anything(self):
        for schema in (
            {"type": "object", "additionalProperties": True},
            {"type": "array", "items": {}},
            {"anyOf": [{"type": "object"}, {"type": "null"}]},
            {},
        ):
            with self.subTest(schema):
                self.assertEqual(len(untyped_places(schema)), 1)


class SchemaTestCase(APITestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.conference = cls.make_conference()
        cls.translate_conference(cls.conference)

    def served_schema(self):
        return self.get_json("/api/v3/openapi.json")


class ServedSchemaTests(SchemaTestCase):
    def test_every_page_type_in_the_served_schema_is_typed_throughout(self):
        schema = self.served_schema()
        self.assertEqual(untyped_places(page_detail_schema(schema), schema), [])

    def test_declared_fields_that_are_never_null_are_required_and_not_nullable(self):
        event = self.served_schema()["components"]["schemas"]["EventPageSchema"]
        for name in ("start", "end", "status", "speakers", "programme", "translations"):
            self.assertIn(name, event["required"])
            self.assertNotIn("anyOf", event["properties"][name], name)
        self.assertIn({"type": "null"}, event["properties"]["registration"]["anyOf"])
        self.assertEqual(event["properties"]["start"]["format"], "date-time")

    def test_states_roles_and_statuses_are_enums(self):
        components = self.served_schema()["components"]["schemas"]
        self.assertEqual(
            components["EventRegistration"]["properties"]["state"]["enum"],
            ["not_yet_open", "open", "waiting_list", "closed"],
        )
        self.assertEqual(
            components["EventPageSchema"]["properties"]["status"]["enum"],
            ["scheduled", "postponed", "cancelled"],
        )
        self.assertIn("keynote", components["EventSpeakerAppearance"]["properties"]["role"]["enum"])

    def test_page_unions_are_discriminated_by_the_top_level_type(self):
        schema = self.served_schema()
        union = page_detail_schema(schema)
        labels = {model._meta.label for model in get_page_models()}
        self.assertEqual(union["discriminator"]["propertyName"], "type")
        self.assertEqual(set(union["discriminator"]["mapping"]), labels)
        for label, reference in union["discriminator"]["mapping"].items():
            member = schema["components"]["schemas"][reference.rsplit("/", 1)[1]]
            self.assertEqual(member["properties"]["type"]["const"], label)
            self.assertIn("type", member["required"])

    def test_every_page_says_its_type_at_the_top_as_in_its_meta(self):
        for page in (self.home, self.conference, self.event_uk):
            data = self.get_json(f"/api/v3/pages/{page.pk}/")
            self.assertEqual(data["type"], data["meta"]["type"])

    def test_text_fields_are_strings_and_never_null_unless_the_column_allows_it(self):
        components = self.served_schema()["components"]["schemas"]
        event = components["EventPageSchema"]
        for name in ("subtitle", "introduction"):
            self.assertEqual(event["properties"][name]["type"], "string", name)
            self.assertNotIn("anyOf", event["properties"][name], name)
            self.assertIn(name, event["required"], name)
        example = components["PracticeExamplePageSchema"]["properties"]
        self.assertEqual(example["partner_oblast"]["type"], "string")
        # The year a partnership began may be unknown: stored as null, and typed so.
        self.assertIn({"type": "null"}, example["partnership_since"]["anyOf"])
        # An empty subtitle is served as "", as the schema promises.
        self.conference.subtitle = ""
        self.conference.save_revision().publish()
        self.assertEqual(self.get_json(f"/api/v3/pages/{self.conference.pk}/")["subtitle"], "")

    def test_the_schema_is_in_english_whatever_the_readers_language(self):
        english = self.served_schema()
        subtitle = english["components"]["schemas"]["EventPageSchema"]["properties"]["subtitle"]
        self.assertEqual(subtitle["title"], "subtitle or series")
        for language in ("de", "uk"):
            with self.subTest(language):
                response = self.client.get("/api/v3/openapi.json", HTTP_ACCEPT_LANGUAGE=language)
                self.assertEqual(response.json(), english)

    def test_the_schema_names_the_site_that_served_it(self):
        self.assertEqual(
            self.served_schema()["servers"],
            [{"url": "http://testserver", "description": "The site that served this schema"}],
        )

    def test_no_operation_needs_a_token(self):
        schema = self.served_schema()
        self.assertEqual(schema["security"], [{}])
        self.assertNotIn("securitySchemes", schema["components"])
        for operations in schema["paths"].values():
            for operation in operations.values():
                self.assertNotIn("security", operation)

    def test_the_served_schema_passes_openapi_spec_validator(self):
        validate(self.served_schema())

    def test_the_served_schema_passes_redocly_lint_without_errors(self):
        if not REDOCLY.exists():
            self.skipTest("redocly is not installed: make test installs it under .venv")
        result = redocly_lint(self.served_schema())
        self.assertEqual(result["totals"]["errors"], 0, json.dumps(result["problems"], indent=1))


def redocly_lint(schema):
    """redocly lint's findings on `schema`, with our configuration (tests/contract_client)."""
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "openapi.json"
        path.write_text(json.dumps(schema))
        result = subprocess.run(
            [REDOCLY, "lint", f"--config={REDOCLY_CONFIG}", "--format=json", str(path)],
            capture_output=True,
            text=True,
            timeout=120,
            env={"PATH": "/usr/bin:/bin", "REDOCLY_TELEMETRY": "off", "HOME": directory},
        )
    return json.loads(result.stdout)


class WagtailSchemaFlawTests(SimpleTestCase):
    """Wagtail's own schema, before our corrections (describe_public_reads): once these fail,
    Wagtail has fixed the flaw and our correction can go."""

    def raw_schema(self):
        return api.get_openapi_schema(path_params={})

    def test_wagtail_declares_an_anonymous_scheme_without_the_required_scheme(self):
        schemes = self.raw_schema()["components"]["securitySchemes"]
        self.assertEqual(schemes["AllowAnonymous"], {"type": "http"})

    def test_wagtail_names_no_server(self):
        self.assertEqual(self.raw_schema()["servers"], [])

    def test_wagtails_page_union_has_no_openapi_discriminator(self):
        union = page_detail_schema(self.raw_schema())
        self.assertNotIn("discriminator", union)
        self.assertIn("meta.type", union["description"])


class FilterSchemaTests(SchemaTestCase):
    def listing_parameters(self):
        return {
            parameter["name"]: parameter
            for parameter in self.served_schema()["paths"]["/api/v3/pages/"]["get"]["parameters"]
        }

    def test_every_filter_is_declared_with_type_and_description(self):
        parameters = self.listing_parameters()
        for name in (
            "type", "child_of", "descendant_of", "ancestor_of", "translation_of", "locale",
            "site", "search", "order", "limit", "offset", "when", "year", "event", "kreis",
            "partner_oblast", "status", "attendance_mode", "venue", "speaker", "practice_example",
            "title", "slug",
        ):  # fmt: skip
            with self.subTest(name):
                self.assertIn(name, parameters)
                self.assertTrue(parameters[name]["schema"])
        for name in ("kreis", "status", "venue", "when", "year", "event", "speaker", "slug"):
            self.assertTrue(parameters[name].get("description"), name)

    def test_every_declared_filter_is_in_both_apis_with_its_type_and_description(self):
        declared = declared_filters()
        self.assertGreaterEqual(set(declared), {"when", "kreis", "partner_oblast", "speaker"})
        parameters = self.listing_parameters()
        for name in declared:
            with self.subTest(name):
                self.assertIn(name, PagesViewSet.known_query_parameters)
                self.assertEqual(parameters[name]["description"], filter_description(name))
                served = dict(parameters[name]["schema"]["anyOf"][0])
                expected = TypeAdapter(filter_type(name)).json_schema()
                if "pattern" not in expected:
                    served.pop("pattern", None)
                self.assertEqual(served, expected)

    def test_a_filter_two_apps_declare_is_described_by_both(self):
        description = self.listing_parameters()["kreis"]["description"]
        self.assertIn("Practice examples of this Kreis", description)
        self.assertIn("Events at which a practice example of this Kreis", description)

    def test_kreis_filters_practice_examples_and_the_events_presenting_them(self):
        example = PracticeExamplePage.objects.get(pk=self.coesfeld.pk)
        url = "/api/v3/pages/?type=home.PracticeExamplePage&kreis=Kreis%20Coesfeld"
        ids = [item["id"] for item in self.get_json(url)["items"]]
        self.assertEqual(ids, [example.pk])
        url = "/api/v3/pages/?kreis=Kreis%20Coesfeld&locale=de"
        ids = [item["id"] for item in self.get_json(url)["items"]]
        self.assertCountEqual(ids, [example.pk, self.conference.pk])
        none = self.get_json("/api/v3/pages/?kreis=Kreis%20Borken")["items"]
        self.assertEqual(none, [])

    def test_status_and_venue_filter_events(self):
        ids = [
            item["id"]
            for item in self.get_json(
                f"/api/v3/pages/?type=events.EventPage&status=scheduled&venue={self.venue.pk}"
            )["items"]
        ]
        self.assertIn(self.conference.pk, ids)
        cancelled = self.get_json("/api/v3/pages/?type=events.EventPage&status=cancelled")
        self.assertEqual(cancelled["items"], [])

    def test_an_unknown_venue_is_a_404_as_any_unknown_id(self):
        self.get_json("/api/v3/pages/?venue=999999", status=404)

    def test_field_filters_the_schema_does_not_offer_are_ignored(self):
        everything = self.get_json("/api/v3/pages/?type=events.EventPage")["count"]
        ignored = self.get_json("/api/v3/pages/?type=events.EventPage&subtitle=none")["count"]
        self.assertEqual(ignored, everything)


class GermanTimeTests(SchemaTestCase):
    def test_first_published_at_is_in_german_time_with_its_offset_in_both_apis(self):
        v2 = self.get_json(f"/api/v2/pages/{self.conference.pk}/")["meta"]["first_published_at"]
        v3 = self.get_json(f"/api/v3/pages/{self.conference.pk}/")["meta"]["first_published_at"]
        self.assertRegex(v3, GERMAN_TIME)
        self.assertEqual(v3, v2)

    def test_listings_write_times_in_german_time(self):
        items = self.get_json("/api/v3/pages/")["items"]
        self.assertTrue(items)
        for item in items:
            self.assertRegex(item["meta"]["first_published_at"], GERMAN_TIME)


class ImageShapeTests(APITestCase):
    """A page's image has one declared shape, served alike by v2 and v3."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.conference = cls.make_conference()
        cls.image = get_image_model().objects.create(
            title="Haus Opherdicke", file=get_test_image_file(size=(1200, 900))
        )
        cls.conference.image = cls.image
        cls.conference.save_revision().publish()

    def test_v2_and_v3_serve_the_same_image(self):
        v2 = self.get_json(f"/api/v2/pages/{self.conference.pk}/")["image"]
        v3 = self.get_json(f"/api/v3/pages/{self.conference.pk}/")["image"]
        self.assertEqual(v2, v3)
        self.assertEqual(
            (v3["id"], v3["title"], v3["width"], v3["height"]),
            (self.image.pk, "Haus Opherdicke", 1200, 900),
        )
        self.assertEqual(set(v3["renditions"]), {"medium", "large"})
        medium = v3["renditions"]["medium"]
        self.assertEqual((medium["width"], medium["height"]), (800, 600))
        self.assertTrue(medium["url"].startswith("http"), medium["url"])

    def test_a_page_without_an_image_serves_null_in_both(self):
        self.conference.image = None
        self.conference.save_revision().publish()
        for version in ("v2", "v3"):
            with self.subTest(version):
                data = self.get_json(f"/api/{version}/pages/{self.conference.pk}/")
                self.assertIsNone(data["image"])

    def test_the_image_is_declared_in_the_schema(self):
        event = self.get_json("/api/v3/openapi.json")["components"]["schemas"]["EventPageSchema"]
        self.assertIn(
            {"$ref": "#/components/schemas/ImageReference"}, event["properties"]["image"]["anyOf"]
        )
