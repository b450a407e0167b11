"""Template tags for events: dates in the reader's language, JSON-LD, e-mail links, listings.

The listings also fill the places that speakers' and home's pages leave for events (see
events.wagtail_hooks).
"""

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Locale, Page

from events.formatting import format_date, format_period_html, format_time
from events.localization import localize_venues
from events.models import EventIndexPage, EventPage
from events.registration.placeholders import with_event_date
from events.related_events import page_events as page_events_of
from events.structured_data import event_data, json_ld
from pagebase.visibility import public

register = template.Library()

register.filter("event_date", format_date)
register.filter("event_time", format_time)


@register.filter
def event_date_filled_in(rich_text, event):
    """A form's rich text with the event's date put in for its placeholder ({Datum})."""
    return with_event_date(rich_text, event, html=True)


@register.filter
def event_period_html(event):
    """When an event takes place, "Mittwoch, 22. November 2023, 10:00–14:00 Uhr", with
    `<time datetime>` elements for its day and times."""
    return format_period_html(event.start, event.end)


@register.simple_tag(takes_context=True)
def event_json_ld(context, event):
    return json_ld(event_data(event, context["request"]))


@register.simple_tag(takes_context=True)
def reader_versions(context, speakers):
    """The reader's versions of speaker pages chosen in a programme item.

    On an event page they come from the event's batch lookup; elsewhere (a block preview in the
    admin) the pages are shown as chosen.
    """
    people = context.get("people")
    chosen = [speaker for speaker in speakers if speaker is not None]
    if people is None:
        return chosen
    return [people.speaker(speaker) for speaker in chosen]


@register.filter
def email_link(address):
    """A mailto link whose address is written as HTML character references.

    Browsers and screen readers read it as usual; address harvesters that scan the HTML source
    for "name@host" do not find it.
    """
    if not address:
        return ""
    encoded = mark_safe("".join(f"&#{ord(character)};" for character in address))
    return format_html('<a href="mailto:{}">{}</a>', encoded, encoded)


@register.inclusion_tag("events/includes/upcoming_events.html", takes_context=True)
def upcoming_events(context, limit=3):
    """The next events in the reader's language, soonest first, with a link to all events."""
    page = context.get("page")
    # The page shown is in the reader's language: knowing it saves a query.
    locale_id = page.locale_id if isinstance(page, Page) else Locale.get_active().pk
    events = list(
        public(EventPage.objects.live())
        .filter(locale_id=locale_id, end__gte=timezone.now())
        .select_related("venue")
        # What events/includes/event_summary.html shows; the rest of each page is not built.
        .only("title", "url_path", "start", "end", "teaser", "venue")
        .order_by("start")[:limit]
    )
    localize_venues(events, locale_id)
    index_page = public(EventIndexPage.objects.live()).filter(locale_id=locale_id)
    return {
        "request": context["request"],
        "events": events,
        # Only linked to: its address is all it needs.
        "index_page": index_page.only("url_path").first(),
    }


@register.inclusion_tag("events/includes/page_events.html")
def page_events(page):
    """The events of a speaker or practice example page: where they speak or it was presented."""
    return page_events_of(page) or {}


@register.filter
def event_date_filled_in_html(html, event):
    """Rendered rich text with the event's date put in for its placeholder ({Datum}); the date
    is escaped, so the result stays safe HTML."""
    return mark_safe(with_event_date(html, event, html=True))
