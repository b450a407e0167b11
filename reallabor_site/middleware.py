from django.conf import settings
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
