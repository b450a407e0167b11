from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """Project pages: the landing page, standard pages and site-wide settings."""

    name = "home"
    verbose_name = _("Project pages")
