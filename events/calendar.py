"""iCalendar (RFC 5545) files of events: one event to download, or an index's feed to subscribe to."""

from datetime import date
from urllib.parse import urlsplit

from django.http import HttpResponse
from django.utils import timezone, translation
from icalendar import Calendar, Event

from events.conf import setting

from .formatting import in_berlin
from .localization import localize_venues

STATUS = {"scheduled": "CONFIRMED", "postponed": "TENTATIVE", "cancelled": "CANCELLED"}


def uid(page, url):
    """An identifier that stays the same for a page in one language, wherever it moves."""
    return f"{page.translation_key}.{page.locale.language_code}@{urlsplit(url).hostname}"


def event_component(event, request):
    """One VEVENT with times in Europe/Berlin, so calendars show them in German time."""
    url = event.get_full_url(request)
    venue = event.localized_venue
    return Event.new(
        uid=uid(event, url),
        stamp=event.last_published_at or timezone.now(),
        start=in_berlin(event.start),
        end=in_berlin(event.end),
        summary=event.title,
        description=event.teaser or None,
        location=f"{venue.name}, {venue.address_line}" if venue else None,
        url=url,
        status=STATUS.get(event.status),
    )


def build_calendar(page, events, request):
    """A calendar named after `page` (an event or an index) with the given events, and the
    VTIMEZONE definition their times refer to.

    The events should come with their locale (select_related), which each UID names.
    """
    events = list(events)
    localize_venues(events, page.locale_id)
    calendar = Calendar.new(
        prodid=f"-//{setting('WAGTAIL_SITE_NAME')}//events//{translation.get_language().upper()}",
        uid=uid(page, page.get_full_url(request)),
        name=page.title,
        method="PUBLISH",
        subcomponents=[event_component(event, request) for event in events],
    )
    # Limit the time zone's transitions to the years of the events, to keep the file small.
    years = [in_berlin(event.start).year for event in events] or [timezone.now().year]
    calendar.add_missing_timezones(
        first_date=date(min(years) - 1, 1, 1), last_date=date(max(years) + 1, 12, 31)
    )
    return calendar


def cancellation_calendar(event):
    """The event withdrawn from a registrant's calendar: RFC 5546's CANCEL for the UID their
    confirmation's calendar entry had, with a higher sequence number so calendars apply it."""
    calendar = build_calendar(event, [event], None)
    calendar["METHOD"] = "CANCEL"
    for component in calendar.events:
        component["STATUS"] = "CANCELLED"
        component["SEQUENCE"] = 1
    return calendar


def ics_response(calendar, *, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
