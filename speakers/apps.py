from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpeakersConfig(AppConfig):
    """People who speak at the project's events, with their positions."""

    name = "speakers"
    verbose_name = _("Speakers")
