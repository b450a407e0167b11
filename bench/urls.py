"""The site's URLs plus /bench/trivial/, a constant page that measures the stack's own limit."""

from django.http import HttpResponse
from django.urls import path

from reallabor_site.urls import urlpatterns as site_urlpatterns

TRIVIAL_PAGE = b"<!doctype html><html lang='en'><title>bench</title><p>constant page</p></html>"


def trivial(request):
    return HttpResponse(TRIVIAL_PAGE)


urlpatterns = [path("bench/trivial/", trivial), *site_urlpatterns]
