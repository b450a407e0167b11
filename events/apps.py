from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Events of the project: conferences, their programme and registration."""

    name = "events"
    verbose_name = _("Events")
