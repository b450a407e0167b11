"""Events are found by their venue's name and city, which live on the venue: renaming a venue
updates the search index of the events that take place there, in every language."""

from wagtail.search import index


def venue_saved(sender, instance, **kwargs):
    from .models import EventPage

    for event in EventPage.objects.filter(venue=instance).select_related("venue"):
        index.insert_or_update_object(event)
