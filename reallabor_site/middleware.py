from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class AdminLanguageMiddleware:
    """Show the Wagtail admin in German unless an editor chose another language in their profile.

    LocaleMiddleware would otherwise follow the browser's Accept-Language on /admin/, which is not
    language-prefixed; Wagtail applies a profile's preferred language on top of this.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/admin/"

    def __call__(self, request):
        if request.path.startswith(self.admin_prefix):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)


class APIAwareLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that it never redirects an API response.

    On a 404 for a path without a language prefix, LocaleMiddleware redirects to /de/<path>,
    because Wagtail's catch-all under /de/ matches every path. An API client asking for a page
    that does not exist must get the API's JSON 404 instead.
    """

    api_prefix = "/api/"

    def process_response(self, request, response):
        if request.path_info.startswith(self.api_prefix):
            return response
        return super().process_response(request, response)
