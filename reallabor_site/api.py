"""The headless API: Wagtail's API v2 at /api/v2/ and v3 at /api/v3/, public and read-only.

Both serve live, public pages only, with the `api_fields` each page type declares. Our pages
endpoint of v2 adds the filters the apps declare (see pagebase.api_filters; api_v3 brings the
same declarations to v3), keeps heavy fields to detail responses and prepares listings in
batches, so their number of queries does not grow with the number of items.
The one exception to "live pages only" is page_preview (/api/v2/page_preview/ and
/api/v3/page_preview/): the draft an editor previews, for the front-end holding its preview token.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import prefetch_related_objects
from django.http import Http404, JsonResponse
from django.urls import path, re_path
from pydantic import TypeAdapter
from pydantic import ValidationError as PydanticValidationError
from rest_framework.fields import SkipField
from rest_framework.response import Response
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import DetailUrlField, PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.v3.urls import api as v3_api
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from events.api import prepare_events
from events.models import EventPage
from home.api import localize_practice_examples
from home.models import PracticeExamplePage
from pagebase.api_fields import attach_translations
from pagebase.api_filters import FilterContext, NotFound, declared_filters, filter_type, narrow
from speakers.api import prefetch_speakers
from speakers.models import SpeakerPage

from .api_v3 import MAX_OFFSET, has_nul_character, openapi_schema, searchable
from .preview import InvalidPreviewToken, draft_from_token

# The filters the apps declare (pagebase.api_filters), by name, with the type of their values.
FILTER_TYPES = {name: TypeAdapter(filter_type(name)) for name in declared_filters()}
LISTING_PREPARERS = {
    EventPage: prepare_events,
    SpeakerPage: prefetch_speakers,
    PracticeExamplePage: localize_practice_examples,
}


def _positive_int(params, name):
    try:
        value = int(params[name])
    except ValueError:
        value = 0
    if value < 1:
        raise BadRequestError(f"{name} must be a positive integer")
    return value


def filter_values(params):
    """{name: value} of the declared filters asked for, each validated by its declared type."""
    values = {}
    for name, adapter in FILTER_TYPES.items():
        if name in params:
            try:
                values[name] = adapter.validate_python(params[name])
            except PydanticValidationError as error:
                raise BadRequestError(f"{name}: {error.errors()[0]['msg']}") from None
    return values


class CheckedParameters:
    """A v2 endpoint that answers 400 to parameters Wagtail would pass on to a 500.

    A NUL character (?search=%00), which PostgreSQL refuses; an offset deeper than MAX_OFFSET,
    which no front-end needs and which the database may not even express; a search operator other
    than and/or; a find/?id= that is not a positive integer. A search is freed of what SQLite's
    full-text search cannot read, as the site's search is.
    """

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if "search" in request.GET:
            request._request.GET = searchable(request.GET)
        params = request.GET
        if has_nul_character(params):
            raise BadRequestError("parameters cannot contain NUL characters")
        offset = params.get("offset", "")
        if offset.isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        if params.get("search_operator", "and") not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")

    def find_object(self, queryset, request):
        if "id" in request.GET:
            _positive_int(request.GET, "id")
        return super().find_object(queryset, request)


class ImagesViewSet(CheckedParameters, ImagesAPIViewSet):
    pass


class DocumentsViewSet(CheckedParameters, DocumentsAPIViewSet):
    pass


class PagesViewSet(CheckedParameters, PagesAPIViewSet):
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(FILTER_TYPES)
    # Fields that cost queries per item are served with a single page only.
    detail_only_fields = PagesAPIViewSet.detail_only_fields + [
        "body",
        "programme",
        "key_questions",
        "speakers",
        "practice_examples",
        "short_biography",
        # A page's image in two renditions: a rendition lookup per item in a listing.
        "image",
        "hero_image",
    ]

    def get_queryset(self):
        queryset = super().get_queryset()
        context = FilterContext(
            pages=lambda model: self.get_base_queryset().type(model),
            locale_given="locale" in self.request.GET,
        )
        values = filter_values(self.request.GET)
        # Wagtail's field filters would compare a declared field again, in a way its search
        # refuses for fields it does not index (?status=...&search=...): narrow() applies them.
        query = self.request.GET.copy()
        for name in values:
            query.pop(name)
        self.request._request.GET = query
        try:
            return narrow(queryset, values, context)
        except NotFound as error:
            raise Http404(str(error)) from None

    def handle_exception(self, exc):
        # Wagtail's field filters expect ValueError; a malformed date (?start=abc) raises this.
        if isinstance(exc, ValidationError):
            return Response({"message": "; ".join(exc.messages)}, status=400)
        if isinstance(exc, PermissionDenied):
            return Response({"message": str(exc)}, status=403)
        return super().handle_exception(exc)

    def paginate_queryset(self, queryset):
        pages = list(super().paginate_queryset(queryset))
        prefetch_related_objects(pages, "locale")
        attach_translations(pages)
        for model, prepare in LISTING_PREPARERS.items():
            prepare([page for page in pages if type(page) is model])
        return pages


class DraftDetailUrlField(DetailUrlField):
    """A page that has never been saved has no detail URL yet."""

    def get_attribute(self, instance):
        if instance.pk is None:
            raise SkipField
        return super().get_attribute(instance)


class DraftPageSerializer(PageSerializer):
    detail_url = DraftDetailUrlField(read_only=True)


class PagePreviewViewSet(PagesViewSet):
    """The draft an editor is previewing, for the external front-end that was given its token.

    `/api/v2/page_preview/?content_type=events.eventpage&token=...` answers with the draft's detail
    representation. Without a valid token there is nothing to see (403); a token whose preview has
    expired (wagtail-headless-preview keeps them for a day) finds nothing (404).
    """

    base_serializer_class = DraftPageSerializer
    known_query_parameters = PagesViewSet.known_query_parameters.union(["content_type", "token"])

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "detail_view"}), name="detail")]

    def detail_view(self, request):
        response = super().detail_view(request, pk=None)
        # A draft must never be kept by a browser, a proxy or our own API cache.
        response["Cache-Control"] = "private, no-store"
        return response

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            self._cached_object = self.page_from_token()
        return self._cached_object

    def page_from_token(self):
        try:
            return draft_from_token(
                self.request.GET.get("content_type", ""), self.request.GET.get("token", "")
            )
        except InvalidPreviewToken as error:
            raise PermissionDenied(str(error)) from None


def api_not_found(request):
    return JsonResponse({"message": "not found"}, status=404)


v2_api = WagtailAPIRouter("wagtailapi")
v2_api.register_endpoint("pages", PagesViewSet)
v2_api.register_endpoint("images", ImagesViewSet)
v2_api.register_endpoint("documents", DocumentsViewSet)
# After "pages", so that links to pages in responses lead to the pages endpoint.
v2_api.register_endpoint("page_preview", PagePreviewViewSet)

urlpatterns = [
    path("api/v2/", v2_api.urls),
    # Before ninja's own schema view, which it replaces with one that declares our errors.
    path("api/v3/openapi.json", openapi_schema),
    path("api/v3/", v3_api.urls),
    # Anything else under /api/ is a JSON 404 too, never one of the site's HTML pages.
    re_path(r"^api/", api_not_found),
]
