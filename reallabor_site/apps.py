from django.apps import AppConfig


class ReallaborSiteConfig(AppConfig):
    """Site-wide glue: base templates, static files, and the content loading command."""

    name = "reallabor_site"
    verbose_name = "Reallabor-Website"

    def ready(self):
        from .api_cache import connect_invalidation_signals
        from .page_cache import connect_signals
        from .renditions import connect_signals as connect_rendition_signals

        connect_invalidation_signals()
        connect_signals()
        connect_rendition_signals()
