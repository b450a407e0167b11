"""Our adjustments to Wagtail's API v3 (django-ninja), through ninja's own extension points.

- v3 routes its public reads only (PUBLIC_READS): pages, images, documents and the headless
  preview. Wagtail's write operations and its reads for token holders are not routed.
- Malformed parameters answer 400 instead of Wagtail's 422, still as `application/problem+json`;
  a filter naming a page that does not exist answers 404, as an unknown id does anywhere.
- Offsets deeper than MAX_OFFSET are refused with 400: SQLite cannot even express much larger
  ones, and a database error would be a 500. So are NUL characters in parameters
  (`?locale=%00`, `?search=%00`), which PostgreSQL refuses, orders other than ORDERABLE and
  sites with a port that is not a number.
- The OpenAPI schema says so: every read declares its 400 and 404 problem responses, and every
  parameter what it accepts, so that clients and schemathesis see what the API really does; what
  the schema cannot say (one parameter depending on another) the API accepts: child_of with
  descendant_of applies both, and our filters narrow a listing of any page type.
- The pages listing knows the filters the apps declare (see pagebase.api_filters), as v2 does,
  each validated by its declared type and described in the schema. Wagtail's listing takes a
  fixed filter schema; ninja lets us wrap the view, so the wrapper hands Wagtail's listing
  filters that apply the declared ones too, and title= and slug= by page id, so that a search
  may go with any filter (Wagtail's search refuses to compare fields it does not index).
- /api/v3/page_preview/ serves the draft behind a headless preview token in v3's page detail
  representation, as /api/v2/page_preview/ does in v2's.
- Times are written in German time with their offset (+01:00 or +02:00), as on the site and in
  v2, Wagtail's own (`meta.first_published_at`) included.
- The schema types every field as declared (see pagebase.api_fields.DeclaredField), tells page types
  apart with an OpenAPI discriminator on their top-level `type`, names the site as its server and
  passes openapi-spec-validator and redocly lint (tests/test_api_clients.py).
"""

import json
import re
from datetime import datetime
from functools import cache, wraps

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils import timezone, translation
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.renderers import JSONRenderer
from ninja.responses import NinjaJSONEncoder, Response
from pydantic import TypeAdapter, create_model
from pydantic import ValidationError as PydanticValidationError
from wagtail.api import APIField
from wagtail.api.rich_text import RichTextOutputFormat
from wagtail.api.v3.errors import PROBLEM_JSON, ProblemDetail, problem_response
from wagtail.api.v3.querysets import get_pages_queryset
from wagtail.api.v3.routers.pages import (
    PageDetailSchema,
    PageFilterSchema,
    RootRelativeFilter,
)
from wagtail.api.v3.schemas.pages import BASE_PAGE_READ_FIELDS
from wagtail.api.v3.urls import api
from wagtail.models import Page, get_page_models

from pagebase.api_fields import DeclaredField, adapter, in_local_time
from pagebase.api_filters import (
    FilterContext,
    NotFound,
    declared_filters,
    filter_description,
    filter_type,
    narrow,
)

from .preview import InvalidPreviewToken, draft_from_token
from .search_workarounds import without_unescaped_characters

# Deeper offsets than this are refused: no front-end pages that far.
MAX_OFFSET = 100_000
# What each listing can be ordered by: fields every item of it has and the search index can sort,
# so that an order is never refused for the page type or the search asked for. ("random" is not
# offered: it cannot be paged, and a cached response would repeat one "random" order for minutes.)
ORDERABLE = {
    "/api/v3/pages/": ["title", "first_published_at"],
    "/api/v3/images/": ["id", "title"],
    "/api/v3/documents/": ["id", "title"],
}
# A site is a host name with an optional port, as Wagtail's ?site= filter reads it; free text
# may hold anything but a NUL character. (JSON Schema's patterns are not anchored.)
SITE = r"^[^:\x00]*(:[0-9]+)?$"
NO_NUL_CHARACTER = r"^[^\x00]*$"


def order_values(fields):
    return [*fields, *(f"-{field}" for field in fields)]


def has_nul_character(query):
    """PostgreSQL cannot compare text with a NUL character: the query would fail, a 500."""
    return any("\x00" in value for _, values in query.lists() for value in values)


def problem(status, detail, errors=None):
    return problem_response(status=status, detail=detail, errors=errors)


def invalid(parameter, message):
    return problem(400, "Validation failed", [{"loc": ["query", parameter], "msg": message}])


def refusal(request):
    """A 400 for parameters that Wagtail would pass on to the database or answer unevenly."""
    query = request.GET
    if has_nul_character(query):
        return problem(400, "Parameters cannot contain NUL characters")
    offset = query.get("offset", "")
    if offset.isdigit() and int(offset) > MAX_OFFSET:
        return invalid("offset", f"must not exceed {MAX_OFFSET}")
    orderable = ORDERABLE.get(request.path_info)
    if orderable is not None:
        for value in query.getlist("order"):
            if value not in order_values(orderable):
                return invalid("order", f"must be one of {', '.join(order_values(orderable))}")
    if not re.fullmatch(SITE, query.get("site", "")):
        return invalid("site", "must be a host name, optionally with :port")
    return None


def searchable(query):
    """The query with its search freed of what SQLite's full-text search cannot read."""
    query = query.copy()
    query.setlist("search", [without_unescaped_characters(v) for v in query.getlist("search")])
    return query


def set_aside_descendant_of(request):
    """child_of and descendant_of together: Wagtail refuses the pair, we apply both.

    Wagtail's filters validate them as a pair, so descendant_of waits on the request until our
    filters apply it after Wagtail's child_of (see PageFiltersWithOurs).
    """
    if "child_of" in request.GET and "descendant_of" in request.GET:
        request.GET = request.GET.copy()
        request.descendant_of_too = request.GET.pop("descendant_of")[-1]


@cache
def undeclared_field_filters():
    """The fields Wagtail's pages listing would filter by that our schema does not declare."""
    fields = set(BASE_PAGE_READ_FIELDS)
    for model in get_page_models():
        fields.update(api_field.name for api_field in APIField.get_fields_for_model(model, True))
    return fields - DECLARED_WAGTAIL_FIELD_FILTERS - set(declared_filters()) - {"locale"}


def ignore_undeclared_field_filters(request):
    """The listing ignores filters its schema does not offer, as it ignores any unknown one."""
    undeclared = undeclared_field_filters() & request.GET.keys()
    if undeclared:
        request.GET = request.GET.copy()
        for name in undeclared:
            del request.GET[name]


def reads_answer_bad_request(run):
    """Wrap an operation's view: refuse what Wagtail would fail on, and answer its 422 with a 400
    (or 404, when what a filter names does not exist, as for any unknown id)."""

    @wraps(run)
    def view(request, *args, **kwargs):
        refused = refusal(request)
        if refused is not None:
            return refused
        if "search" in request.GET:
            request.GET = searchable(request.GET)
        set_aside_descendant_of(request)
        if request.path_info == "/api/v3/pages/":
            ignore_undeclared_field_filters(request)
        response = run(request, *args, **kwargs)
        if response.status_code == 422:
            body = json.loads(response.content)
            errors = body.get("errors") or []
            unknown = errors and all(error.get("type") == "does_not_exist" for error in errors)
            return problem(404 if unknown else 400, body.get("detail", ""), errors)
        return response

    return view


api.add_decorator(reads_answer_bad_request, mode="view")


class LocalTimeEncoder(NinjaJSONEncoder):
    """Moments in German time with their offset, as v2 and the site write them (not UTC's Z)."""

    def default(self, o):
        if isinstance(o, datetime) and timezone.is_aware(o):
            return in_local_time(o).isoformat()
        return super().default(o)


class LocalTimeRenderer(JSONRenderer):
    encoder_class = LocalTimeEncoder


api.renderer = LocalTimeRenderer()


def declared_filter_schema():
    """The declared filters (pagebase.api_filters) as one schema: each optional, of its type."""
    fields = {name: (filter_type(name) | None, None) for name in declared_filters()}
    return create_model("DeclaredPageFilters", __base__=Schema, **fields)


DeclaredPageFilters = declared_filter_schema()


def declared_filter_values(query):
    """{name: value} of the declared filters asked for; a value of the wrong type is a 422."""
    asked = {name: query[name] for name in DeclaredPageFilters.model_fields if name in query}
    return DeclaredPageFilters.model_validate(asked).model_dump(include=set(asked))


# Wagtail's own field filters that the schema declares; it would filter by every other database
# field in a type's api_fields too (rich text, StreamField JSON, exact times), which the schema
# does not offer, and which the pages listing therefore ignores (see undeclared_field_filters).
DECLARED_WAGTAIL_FIELD_FILTERS = {"title", "slug"}

DESCENDANT_OF = TypeAdapter(RootRelativeFilter)


class PageFiltersWithOurs:
    """Wagtail's listing filters, followed by ours; what Wagtail's listing reads, it finds."""

    def __init__(self, wagtail_filters, values, field_values):
        self.wagtail_filters = wagtail_filters
        self.values = values
        self.field_values = field_values

    def __getattr__(self, name):
        return getattr(self.wagtail_filters, name)

    def filter(self, queryset, request=None):
        queryset = self.wagtail_filters.filter(queryset, request)
        descendant_of = getattr(request, "descendant_of_too", None)
        if descendant_of is not None:
            queryset = self.descendants(queryset, request, descendant_of)
        context = FilterContext(
            pages=lambda model: get_pages_queryset(request, model),
            locale_given=bool(self.wagtail_filters.locale),
        )
        try:
            queryset = narrow(queryset, self.values, context)
        except NotFound as error:
            raise HttpError(404, str(error)) from None
        for name, value in self.field_values.items():
            # By id, as our filters narrow, so that Wagtail's search accepts it (see below).
            queryset = queryset.filter(pk__in=Page.objects.filter(**{name: value}).values("pk"))
        return queryset

    @staticmethod
    def descendants(queryset, request, value):
        """The descendant_of that Wagtail would have refused beside child_of (see
        set_aside_descendant_of), validated and applied as Wagtail applies it alone."""
        try:
            page_id = DESCENDANT_OF.validate_python(value)
        except PydanticValidationError:
            raise HttpError(400, "descendant_of must be a page id or 'root'") from None
        ancestor = PageFilterSchema.get_public_page_or_root(request, page_id, "descendant_of")
        return queryset.descendant_of(ancestor)


def pages_listing_with_our_filters(view_func):
    """Wrap an operation's validated call: the pages listing gets filters that include ours."""

    @wraps(view_func)
    def view(request, **kwargs):
        filters = kwargs.get("filters")
        if isinstance(filters, PageFilterSchema):
            values = declared_filter_values(request.GET)
            field_values = {
                name: request.GET[name]
                for name in DECLARED_WAGTAIL_FIELD_FILTERS
                if name in request.GET
            }
            # Wagtail's field filters would compare these fields again, in a way its search
            # refuses for fields it does not index (?slug=...&search=...): ours apply them.
            request.GET = request.GET.copy()
            for name in [*values, *field_values]:
                request.GET.pop(name, None)
            kwargs["filters"] = PageFiltersWithOurs(filters, values, field_values)
        return view_func(request, **kwargs)

    return view


api.add_decorator(pages_listing_with_our_filters, mode="operation")

preview_router = Router(tags=["pages"])


@preview_router.get(
    "/",
    response={200: PageDetailSchema},
    url_name="page_preview",
    summary="Draft of a headless preview",
    description="The page an editor previews, unsaved changes included, for the front-end "
    "given its content_type and token; 403 without a valid token, 404 once it has expired.",
    operation_id="pages_preview",
)
def page_preview(
    request,
    response: HttpResponse,
    content_type: str = "",
    token: str = "",
    rich_text_format: RichTextOutputFormat | None = None,
):
    # A draft must never be kept by a browser, a proxy or our own API cache.
    response["Cache-Control"] = "private, no-store"
    try:
        page = draft_from_token(content_type, token)
    except InvalidPreviewToken as error:
        raise HttpError(403, str(error)) from None
    if page.pk is None:
        # v3's page schema requires an id, which a page that was never saved does not have yet.
        raise HttpError(404, "a new page's preview is served by /api/v2/page_preview/ only")
    return page


api.add_router("/page_preview/", preview_router)

# The operations v3 routes: its public reads. Wagtail's v3 also offers write operations (pages,
# snippets, images, documents, sites, redirects) and reads for token holders (revisions, snippets,
# sites, redirects, its own schema, whoami). Our front-ends only read, and the admin, not the API,
# enforces the project's own rules on editing (the organisers' allow-list, the permission to
# translate, the German form owning a registration): the API stays public and read-only.
PUBLIC_READS = {
    "pages_list",
    "pages_find",
    "pages_detail",
    "pages_preview",
    "images_list",
    "images_detail",
    "documents_list",
    "documents_detail",
}


def route_only(operation_ids):
    """Drop every other operation from the routers of Wagtail's v3, before its URLs are built.

    A path left with no operation is not routed at all (our JSON 404); one that keeps its read
    answers other methods with 405. ninja has no public way to leave out an operation, so this
    walks its routers' own lists; V3RoutingTests in tests/test_api_wiring.py fail if that stops
    working.
    """
    routers = [router for _prefix, router in api._routers]
    while routers:
        router = routers.pop()
        routers.extend(child for _prefix, child, _tags in router._routers)
        for path, path_view in list(router.path_operations.items()):
            path_view.operations = [
                operation
                for operation in path_view.operations
                if operation.operation_id in operation_ids
            ]
            if not path_view.operations:
                del router.path_operations[path]


route_only(PUBLIC_READS)

OUR_FILTER_PARAMETERS = [
    {
        "in": "query",
        "name": name,
        "required": False,
        "description": filter_description(name),
        "schema": DeclaredPageFilters.model_json_schema()["properties"][name],
    }
    for name in DeclaredPageFilters.model_fields
] + [
    {
        "in": "query",
        "name": "title",
        "required": False,
        "description": "Pages with exactly this title.",
        "schema": {"type": "string"},
    },
    {
        "in": "query",
        "name": "slug",
        "required": False,
        "description": "Pages with this slug (the last part of their address).",
        "schema": {"type": "string"},
    },
]


def problem_responses():
    reference = {"$ref": "#/components/schemas/ProblemDetail"}
    content = {PROBLEM_JSON: {"schema": reference}}
    return {
        "400": {"description": "Malformed parameters", "content": content},
        "404": {"description": "Not found", "content": content},
    }


def refuse_nul_characters(schema):
    """Free text in a parameter may hold anything but a NUL character (see refusal())."""
    for alternative in schema.get("anyOf", []):
        refuse_nul_characters(alternative)
    if "items" in schema:
        refuse_nul_characters(schema["items"])
    if schema.get("type") == "string" and not {"enum", "const", "pattern"} & schema.keys():
        schema["pattern"] = NO_NUL_CHARACTER


def describe_parameter(path, parameter):
    """A query parameter's schema as refusal() and our filters read it."""
    schema = parameter["schema"]
    name = parameter["name"]
    if name == "offset":
        schema["maximum"] = MAX_OFFSET
    elif name == "limit" and getattr(settings, "WAGTAILAPI_LIMIT_MAX", None):
        schema["maximum"] = settings.WAGTAILAPI_LIMIT_MAX
    elif name == "order" and path in ORDERABLE:
        parameter["schema"] = {
            "type": "array",
            "items": {"type": "string", "enum": order_values(ORDERABLE[path])},
            "default": [],
            "title": "Order",
        }
        parameter["description"] = "Sort by these fields, in this order; a leading - reverses."
    elif name == "site":
        schema["anyOf"][0]["pattern"] = SITE
    refuse_nul_characters(parameter["schema"])


def declared_non_null_fields():
    """{component name: names of the page type's fields that are declared never to be null}.

    Wagtail's v3 makes every field with a serializer optional and nullable; a DeclaredField
    whose schema does not admit null is always there and never null.
    """
    fields = {}
    for model in get_page_models():
        for api_field in getattr(model, "api_fields", ()):
            serializer = getattr(api_field, "serializer", None)
            if isinstance(serializer, DeclaredField) and not admits_null(serializer.schema):
                fields.setdefault(f"{model._meta.object_name}Schema", []).append(api_field.name)
    return fields


def admits_null(schema):
    try:
        adapter(schema).validate_python(None)
    except PydanticValidationError:
        return False
    return True


def without_null(property_schema):
    alternatives = [
        alternative
        for alternative in property_schema.get("anyOf", [])
        if alternative != {"type": "null"}
    ]
    if len(alternatives) != 1:
        return property_schema
    rest = {key: value for key, value in property_schema.items() if key != "anyOf"}
    return {**rest, **alternatives[0]}


def require_declared_fields(components):
    for name, field_names in declared_non_null_fields().items():
        component = components.get(name)
        if component is None:
            continue
        for field_name in field_names:
            component["properties"][field_name] = without_null(component["properties"][field_name])
        component["required"] = [*component.get("required", []), *field_names]


def discriminate_page_unions(schema):
    """Every union of page types says which one an item is: its top-level `type`.

    Wagtail's union carries no OpenAPI discriminator (its `meta.type` is nested); each member has
    `type` as a constant (see pagebase.api_schema.with_page_type), which generated clients narrow on.
    """
    components = schema["components"]["schemas"]

    def page_type(reference):
        member = components[reference.rsplit("/", 1)[1]]
        return member.get("properties", {}).get("type", {}).get("const")

    def visit(node):
        if isinstance(node, dict):
            members = node.get("oneOf")
            if members and all("$ref" in member for member in members):
                types = [page_type(member["$ref"]) for member in members]
                if all(types):
                    node["discriminator"] = {
                        "propertyName": "type",
                        "mapping": {
                            label: member["$ref"]
                            for label, member in zip(types, members, strict=True)
                        },
                    }
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(schema["paths"])


def describe_public_reads(schema, server):
    """Ninja's schema of the operations we route, as the API really answers them.

    Every read declares its 400 and 404 problems, and each parameter what is refused; find/
    redirects to the page's detail. No operation needs a token: Wagtail's token schemes (one of
    them invalid, see WagtailSchemaFlawTests) give way to an explicit "none needed".
    """
    schema["components"]["schemas"]["ProblemDetail"] = ProblemDetail.model_json_schema()
    schema["components"].pop("securitySchemes", None)
    schema["security"] = [{}]
    schema["servers"] = [{"url": server, "description": "The site that served this schema"}]
    require_declared_fields(schema["components"]["schemas"])
    discriminate_page_unions(schema)
    listing = schema["paths"]["/api/v3/pages/"]["get"]
    listing["parameters"] = [*listing.get("parameters", []), *OUR_FILTER_PARAMETERS]
    for path, operations in schema["paths"].items():
        for read in operations.values():
            read.pop("security", None)
            for status, response in problem_responses().items():
                read["responses"].setdefault(status, response)
            for parameter in read.get("parameters", []):
                if parameter["in"] == "query":
                    describe_parameter(path, parameter)
    find = schema["paths"]["/api/v3/pages/find/"]["get"]["responses"]
    find["302"] = {
        "description": "The page's detail",
        "headers": {"Location": {"schema": {"type": "string"}}},
    }
    preview = schema["paths"]["/api/v3/page_preview/"]["get"]["responses"]
    preview["403"] = {**problem_responses()["404"], "description": "No valid preview token"}
    return schema


def openapi_schema(request):
    """/api/v3/openapi.json: ninja's schema of Wagtail's API, with our error responses added."""
    if not getattr(settings, "WAGTAILAPI_DOCS_ENABLED", True):
        return JsonResponse({"message": "not found"}, status=404)
    server = request.build_absolute_uri("/").rstrip("/")
    # In English, whatever the reader's language: the schema's descriptions are written in English,
    # and its titles (the models' field names) would otherwise follow Accept-Language.
    with translation.override("en"):
        schema = describe_public_reads(api.get_openapi_schema(path_params={}), server)
        # ninja's response, whose encoder knows the lazy translations in the schema, writes them
        # as it is made: inside the override.
        return Response(schema)
