"""Dates and times of events in German time (Europe/Berlin), written in the reader's language.

Every pattern is a translatable message with a context, so each language's catalogue carries its
own pattern: German adds "Uhr", Ukrainian uses the genitive month (Django's format character `E`)
and "р.". The date patterns use Django's date format characters.
"""

import re
from datetime import datetime, time
from html import unescape
from zoneinfo import ZoneInfo

from django.utils import dateformat, timezone
from django.utils.html import conditional_escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext, pgettext_lazy

BERLIN = ZoneInfo("Europe/Berlin")

# Django's own weekday names start with a capital letter in every language, but Ukrainian writes
# them in lower case within a date ("середа, 22 листопада 2023 р."), so the names are ours to
# translate.
WEEKDAYS = [
    pgettext_lazy("weekday within a date", "Monday"),
    pgettext_lazy("weekday within a date", "Tuesday"),
    pgettext_lazy("weekday within a date", "Wednesday"),
    pgettext_lazy("weekday within a date", "Thursday"),
    pgettext_lazy("weekday within a date", "Friday"),
    pgettext_lazy("weekday within a date", "Saturday"),
    pgettext_lazy("weekday within a date", "Sunday"),
]


BLOCK_BOUNDARY = re.compile(r"</(?:p|li|h[1-6]|div|blockquote)>|<br\s*/?>", re.IGNORECASE)


def plain_text(value) -> str:
    """Rich text or plain text as one line of plain text; paragraphs, list items and line
    breaks are separated by a space."""
    spaced = BLOCK_BOUNDARY.sub(" ", str(value or ""))
    return " ".join(unescape(strip_tags(spaced)).split())


def in_berlin(value: datetime) -> datetime:
    return timezone.localtime(value, BERLIN)


def iso_datetime(value: datetime) -> str:
    """The moment in ISO 8601 with its German offset, e.g. "2023-11-22T10:00:00+01:00"."""
    return in_berlin(value).isoformat(timespec="seconds")


def local_isoformat(value: datetime | None) -> str | None:
    """A moment in ISO 8601 with the offset of German time, as pages show it."""
    return timezone.localtime(value, BERLIN).isoformat() if value else None


def format_date(value: datetime) -> str:
    """The day without weekday: "22. November 2023", "22 листопада 2023 р."."""
    # Translators: a Django date format; j = day, F = month, E = month in the genitive, Y = year.
    return dateformat.format(in_berlin(value), pgettext("date format for events", "j F Y"))


def format_day(value: datetime) -> str:
    """The day with its weekday: "Mittwoch, 22. November 2023"."""
    local = in_berlin(value)
    return pgettext("a date with its weekday", "%(weekday)s, %(date)s") % {
        "weekday": WEEKDAYS[local.weekday()],
        "date": format_date(local),
    }


def format_time(value: datetime | time) -> str:
    """The time of day: "10:00". A datetime is first converted to German time."""
    if isinstance(value, datetime):
        value = in_berlin(value)
    # Translators: a Django time format; H = hours (00-23), i = minutes.
    return dateformat.time_format(value, pgettext("time format for events", "H:i"))


def _period(start, end, day=format_day, clock=format_time):
    start, end = in_berlin(start), in_berlin(end)
    if start.date() == end.date():
        pattern = pgettext("an event on one day", "%(day)s, %(start)s–%(end)s")
        return pattern, {"day": day(start), "start": clock(start), "end": clock(end)}
    pattern = pgettext(
        "an event over several days", "%(start_day)s, %(start)s – %(end_day)s, %(end)s"
    )
    values = {
        "start_day": day(start),
        "start": clock(start),
        "end_day": day(end),
        "end": clock(end),
    }
    return pattern, values


def format_period(start: datetime, end: datetime) -> str:
    """When an event takes place: "Mittwoch, 22. November 2023, 10:00–14:00 Uhr".

    An event over several days names both days.
    """
    pattern, values = _period(start, end)
    return pattern % values


def format_period_html(start: datetime, end: datetime) -> str:
    """The same text as `format_period`, with each day and time in a `<time datetime>` element."""

    def day(value):
        return format_html(
            '<time datetime="{}">{}</time>', value.date().isoformat(), format_day(value)
        )

    def clock(value):
        return format_html('<time datetime="{}">{}</time>', iso_datetime(value), format_time(value))

    pattern, values = _period(start, end, day=day, clock=clock)
    # The translated pattern is escaped; the values are built with format_html.
    return mark_safe(conditional_escape(pattern) % values)
