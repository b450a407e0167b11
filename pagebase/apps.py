from django.apps import AppConfig


class PagebaseConfig(AppConfig):
    """The plumbing every content app uses: API field types, headless preview, an abstract index
    page, lookups of translations, page sections other apps contribute, and test bases.

    It knows none of the content apps; they build on it (see pagebase.sections for how a higher
    app shows something on a lower app's page).
    """

    name = "pagebase"

    def ready(self):
        from .api_schema import declare_v3_schemas

        declare_v3_schemas()
