"""schema.org `Event` as JSON-LD, so search engines and calendars understand an event page."""

import json
import re
from urllib.parse import urljoin

from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .formatting import iso_datetime

EVENT_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "postponed": "https://schema.org/EventPostponed",
    "cancelled": "https://schema.org/EventCancelled",
}
ATTENDANCE_MODE = {
    "offline": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "mixed": "https://schema.org/MixedEventAttendanceMode",
}
SCHEMA = "https://schema.org/"
SHARE_IMAGE_SPEC = "fill-1200x630"
# Every "@" except those of the JSON-LD keywords "@context" and "@type".
KEYWORD_AT = re.compile(r'@(?!(?:context|type)")')


def event_data(event, request):
    """The event as a schema.org `Event` dictionary, in the language of the page."""
    url = event.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.teaser or event.search_description,
        "startDate": iso_datetime(event.start),
        "endDate": iso_datetime(event.end),
        "eventStatus": EVENT_STATUS[event.status],
        "eventAttendanceMode": ATTENDANCE_MODE[event.attendance_mode],
        "location": _locations(event, url),
        "inLanguage": _content_language(event),
        "url": url,
    }
    if event.organiser or event.contact_email:
        data["organizer"] = _without_empty(
            {"@type": "Organization", "name": event.organiser, "email": event.contact_email}
        )
    performers = [_person(appearance.speaker, request) for appearance in event.people.speakers]
    if performers:
        data["performer"] = performers
    if event.registration_page is not None:
        data["offers"] = _offer(event.registration_page, request)
    if event.image:
        rendition = event.image.get_rendition(SHARE_IMAGE_SPEC)
        # On the page's own address, like every other link (never the request's host).
        data["image"] = urljoin(url, rendition.url)
    return _without_empty(data)


def json_ld(data):
    """A `<script type="application/ld+json">` element that no text in the data can break out of.

    `<`, `>` and `&` are written as JSON escapes, so "</script>" cannot end the element early;
    `@` in e-mail addresses is escaped too, which every JSON parser reads back but simple address
    harvesters do not.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2)
    for character, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(character, escape)
    text = KEYWORD_AT.sub("\\\\u0040", text)
    return mark_safe(f'<script type="application/ld+json">\n{text}\n</script>')


def _locations(event, url):
    places = []
    if event.attendance_mode in ("offline", "mixed") and event.localized_venue:
        venue = event.localized_venue
        places.append(
            {
                "@type": "Place",
                "name": venue.name,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": venue.street,
                    "postalCode": venue.postcode,
                    "addressLocality": venue.city,
                    "addressCountry": "DE",
                },
                "hasMap": venue.map_url,
            }
        )
    if event.attendance_mode in ("online", "mixed"):
        places.append({"@type": "VirtualLocation", "url": url})
    return places[0] if len(places) == 1 else places


def _offer(registration, request):
    """Registration as a free offer, with the owner's dates; how many people registered is never
    said, only whether places are plentiful, few or gone."""
    owner = registration.owning_form
    valid_from = owner.registration_opens or registration.first_published_at
    offer = {
        "@type": "Offer",
        "url": registration.get_full_url(request),
        "price": "0",
        "priceCurrency": "EUR",
        "validFrom": iso_datetime(valid_from) if valid_from else None,
        "validThrough": iso_datetime(registration.closes_at),
    }
    availability = _availability(registration)
    if availability:
        offer["availability"] = SCHEMA + availability
    return _without_empty(offer)


def _availability(registration):
    if registration.state in ("waiting_list", "closed"):
        return "SoldOut"
    if registration.state != "open":
        return None
    left = registration.places_left
    if left is None:
        return "InStock"
    # Few places: a tenth of them or fewer, and at least the last one.
    few = max(1, registration.owning_form.capacity // 10)
    return "LimitedAvailability" if left <= few else "InStock"


def _person(speaker, request):
    person = {
        "@type": "Person",
        "name": speaker.name,
        "honorificPrefix": " ".join(
            part for part in (speaker.honorific_prefix, speaker.academic_title) if part
        ),
        "jobTitle": [
            position.function
            if _names_an_organisation(position.organisation)
            else f"{position.function} {position.organisation}".strip()
            for position in speaker.positions.all()
        ],
        "affiliation": [
            {"@type": "Organization", "name": position.organisation}
            for position in speaker.positions.all()
            if _names_an_organisation(position.organisation)
        ],
    }
    if speaker.live:
        person["url"] = speaker.get_full_url(request)
    return _without_empty(person)


def _names_an_organisation(text):
    # Editors may complete a function with a phrase instead of a name ("Generalkonsulin der
    # Ukraine" + "in Düsseldorf"); such a phrase starts in lower case and names no organisation.
    return bool(text) and not text[0].islower()


def _content_language(page):
    # An alias of an untranslated page lives in another locale but shows the German text.
    if page.alias_of_id:
        return page.alias_of.locale.language_code
    # A page is served in its own language, which Django has activated; reading it from there
    # saves a query per request.
    return get_language()


def _without_empty(data):
    return {key: value for key, value in data.items() if value not in ("", None, [], {})}
