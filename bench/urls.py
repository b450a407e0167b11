"""The site's URLs plus two bench-only views.

/bench/trivial/ is a constant page: the limit of this stack on this machine.
/bench/wagtail-floor/<path> is the least any page Wagtail serves costs on this machine: Wagtail's
own serve path for the page at <path> (German site), its routing and its view-restriction check,
but a constant body instead of the page's template. No page of the site can be faster uncached.
"""

from django.http import Http404, HttpResponse
from django.urls import path
from django.utils import translation
from wagtail import hooks
from wagtail.models import Page

from reallabor_site.urls import urlpatterns as site_urlpatterns

TRIVIAL_PAGE = b"<!doctype html><html lang='en'><title>bench</title><p>constant page</p></html>"


def trivial(request):
    return HttpResponse(TRIVIAL_PAGE)


def constant_body(page, request, args, kwargs):
    return HttpResponse(TRIVIAL_PAGE)


def wagtail_floor(request, page_path):
    """wagtail.views.serve, with the page's own serve() replaced by a constant body."""
    with translation.override("de"):
        route = Page.route_for_request(request, page_path)
        if route is None:
            raise Http404
        page, args, kwargs = route
        serve = constant_body
        for wrap in reversed(hooks.get_hooks("on_serve_page")):
            serve = wrap(serve)
        for hook in hooks.get_hooks("before_serve_page"):
            result = hook(page, request, args, kwargs)
            if isinstance(result, HttpResponse):
                return result
        return serve(page, request, args, kwargs)


urlpatterns = [
    path("bench/trivial/", trivial),
    path("bench/wagtail-floor/<path:page_path>", wagtail_floor),
    *site_urlpatterns,
]
