from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Events of the project: conferences, their programme and registration."""

    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.signals import page_published

        from .models import EventPage, RegistrationFormPage, Venue
        from .registration import publishing
        from .search import venue_saved

        post_save.connect(venue_saved, sender=Venue, dispatch_uid="events_venue_saved")

        page_published.connect(
            publishing.form_published,
            sender=RegistrationFormPage,
            dispatch_uid="events_registration_form_published",
        )
        page_published.connect(
            publishing.event_published,
            sender=EventPage,
            dispatch_uid="events_event_published",
        )
