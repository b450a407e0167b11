"""Our adjustments to Wagtail's API v3 (django-ninja), through ninja's own extension points.

- v3 routes its public reads only (PUBLIC_READS): pages, images, documents and the headless
  preview. Wagtail's write operations and its reads for token holders are not routed.
- Reads with malformed parameters answer 400 instead of Wagtail's 422, still as
  `application/problem+json`.
- Offsets deeper than MAX_OFFSET are refused with 400: SQLite cannot even express much larger
  ones, and a database error would be a 500. So are NUL characters in parameters
  (`?locale=%00`, `?search=%00`), which PostgreSQL refuses.
- The OpenAPI schema says so: every read operation declares its 400 and 404 problem responses,
  and `limit` and `offset` their maximum, so clients and the contract test see what the API
  really returns.
- The pages listing knows our filters, as v2 does: `when=upcoming|past` and `year=` for events,
  `event=` for speakers. (`kreis=` needs nothing: Wagtail filters by any database field in a
  page type's `api_fields`.) Wagtail's listing takes a fixed filter schema; ninja lets us wrap
  the view, so the wrapper hands Wagtail's listing filters that apply ours too.
- /api/v3/page_preview/ serves the draft behind a headless preview token in v3's page detail
  representation, as /api/v2/page_preview/ does in v2's.
"""

import json
from datetime import datetime
from functools import wraps
from typing import Annotated, Literal

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.responses import Response
from pydantic import Field, PositiveInt
from wagtail.api.rich_text import RichTextOutputFormat
from wagtail.api.v3.errors import PROBLEM_JSON, ProblemDetail, problem_response
from wagtail.api.v3.querysets import get_pages_queryset
from wagtail.api.v3.routers.pages import PageDetailSchema, PageFilterSchema
from wagtail.api.v3.urls import api

from events.formatting import BERLIN
from events.models import EventPage, EventSpeaker
from speakers.models import SpeakerPage

from .preview import InvalidPreviewToken, draft_from_token
from .search_workarounds import without_unescaped_characters

# Deeper offsets than this are refused: no front-end pages that far.
MAX_OFFSET = 100_000
READ_METHODS = ("GET", "HEAD")


def has_nul_character(query):
    """PostgreSQL cannot compare text with a NUL character: the query would fail, a 500."""
    return any("\x00" in value for _, values in query.lists() for value in values)


def problem(status, detail, errors=None):
    return problem_response(status=status, detail=detail, errors=errors)


def searchable(query):
    """The query with its search freed of what SQLite's full-text search cannot read."""
    query = query.copy()
    query.setlist("search", [without_unescaped_characters(v) for v in query.getlist("search")])
    return query


def reads_answer_bad_request(run):
    """Wrap an operation's view: refuse deep offsets, and turn a read's 422 into a 400."""

    @wraps(run)
    def view(request, *args, **kwargs):
        if has_nul_character(request.GET):
            return problem(400, "Parameters cannot contain NUL characters")
        if request.method in READ_METHODS:
            offset = request.GET.get("offset", "")
            if offset.isdigit() and int(offset) > MAX_OFFSET:
                return problem(
                    400,
                    "Validation failed",
                    [{"loc": ["query", "offset"], "msg": f"must not exceed {MAX_OFFSET}"}],
                )
        if "search" in request.GET:
            request.GET = searchable(request.GET)
        response = run(request, *args, **kwargs)
        if request.method in READ_METHODS and response.status_code == 422:
            body = json.loads(response.content)
            return problem(400, body.get("detail", ""), body.get("errors"))
        return response

    return view


api.add_decorator(reads_answer_bad_request, mode="view")


class OurPageFilters(Schema):
    """The filters our front-ends need, beyond Wagtail's own."""

    when: Literal["upcoming", "past"] | None = None
    year: Annotated[int, Field(ge=1900, le=2999)] | None = None
    event: PositiveInt | None = None

    @classmethod
    def from_query(cls, query):
        return cls.model_validate({name: query[name] for name in cls.model_fields if name in query})

    def apply(self, queryset, request, locale_given):
        if queryset.model is EventPage:
            queryset = self.filter_events(queryset)
        elif self.when is not None or self.year is not None:
            raise HttpError(400, "when and year filters need type=events.EventPage")
        if self.event is not None:
            if queryset.model is not SpeakerPage:
                raise HttpError(400, "event filters need type=speakers.SpeakerPage")
            queryset = self.speakers_of_event(queryset, request, locale_given)
        return queryset

    def filter_events(self, queryset):
        """Ordered by start: upcoming events soonest first, past events latest first."""
        order = "start"
        if self.when == "upcoming":
            queryset = queryset.filter(end__gte=timezone.now())
        elif self.when == "past":
            queryset = queryset.filter(end__lt=timezone.now())
            order = "-start"
        if self.year is not None:
            queryset = queryset.filter(
                start__gte=datetime(self.year, 1, 1, tzinfo=BERLIN),
                start__lt=datetime(self.year + 1, 1, 1, tzinfo=BERLIN),
            )
        return queryset.order_by(order)

    def speakers_of_event(self, queryset, request, locale_given):
        """The event's speakers, in the event's language unless ?locale= says otherwise."""
        event = get_pages_queryset(request, EventPage).filter(pk=self.event).first()
        if event is None:
            raise HttpError(400, "event does not exist")
        keys = EventSpeaker.objects.filter(page_id=event.pk).values("speaker__translation_key")
        queryset = queryset.filter(translation_key__in=keys)
        if not locale_given:
            queryset = queryset.filter(locale_id=event.locale_id)
        return queryset.order_by("family_name", "given_name")


class PageFiltersWithOurs:
    """Wagtail's listing filters, followed by ours; what Wagtail's listing reads, it finds."""

    def __init__(self, wagtail_filters, ours):
        self.wagtail_filters = wagtail_filters
        self.ours = ours

    def __getattr__(self, name):
        return getattr(self.wagtail_filters, name)

    def filter(self, queryset, request=None):
        queryset = self.wagtail_filters.filter(queryset, request)
        return self.ours.apply(queryset, request, locale_given=bool(self.wagtail_filters.locale))


def pages_listing_with_our_filters(view_func):
    """Wrap an operation's validated call: the pages listing gets filters that include ours."""

    @wraps(view_func)
    def view(request, **kwargs):
        filters = kwargs.get("filters")
        if isinstance(filters, PageFilterSchema):
            ours = OurPageFilters.from_query(request.GET)
            kwargs["filters"] = PageFiltersWithOurs(filters, ours)
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
        "description": description,
        "schema": OurPageFilters.model_json_schema()["properties"][name],
    }
    for name, description in (
        ("when", "With type=events.EventPage: upcoming (soonest first) or past (latest first)."),
        ("year", "With type=events.EventPage: events starting in that year, in German time."),
        ("event", "With type=speakers.SpeakerPage: the speakers of the event with this id."),
    )
]


def problem_responses():
    reference = {"$ref": "#/components/schemas/ProblemDetail"}
    content = {PROBLEM_JSON: {"schema": reference}}
    return {
        "400": {"description": "Malformed parameters", "content": content},
        "404": {"description": "Not found", "content": content},
    }


def declare_read_errors(schema):
    """Add our filters, and what the API answers besides 200, to ninja's schema."""
    schema["components"]["schemas"]["ProblemDetail"] = ProblemDetail.model_json_schema()
    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", None)
    listing = schema["paths"]["/api/v3/pages/"]["get"]
    listing["parameters"] = [*listing.get("parameters", []), *OUR_FILTER_PARAMETERS]
    for operations in schema["paths"].values():
        read = operations.get("get")
        if read is None:
            continue
        for status, response in problem_responses().items():
            read["responses"].setdefault(status, response)
        for parameter in read.get("parameters", []):
            if parameter["in"] != "query":
                continue
            if parameter["name"] == "offset":
                parameter["schema"]["maximum"] = MAX_OFFSET
            elif parameter["name"] == "limit" and limit_max:
                parameter["schema"]["maximum"] = limit_max
    preview = schema["paths"]["/api/v3/page_preview/"]["get"]["responses"]
    preview["403"] = {**problem_responses()["404"], "description": "No valid preview token"}
    return schema


def openapi_schema(request):
    """/api/v3/openapi.json: ninja's schema of Wagtail's API, with our error responses added."""
    if not getattr(settings, "WAGTAILAPI_DOCS_ENABLED", True):
        return JsonResponse({"message": "not found"}, status=404)
    schema = declare_read_errors(api.get_openapi_schema(path_params={}))
    # ninja's response, whose encoder knows the lazy translations in the schema.
    return Response(schema)
