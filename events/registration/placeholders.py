"""Placeholders that editors write in a registration form's texts instead of typing the event's
date, filled in from the event whenever the text is shown or sent: a copy of last year's event
names its own date, never the old one.

One placeholder in three spellings, so German editors and English and Ukrainian translators can
each write it in their language; any of them works in any language.
"""

from django.utils.html import conditional_escape
from django.utils.translation import gettext_lazy as _

from ..formatting import format_date

DATE_PLACEHOLDERS = ("{Datum}", "{date}", "{дата}")

DATE_PLACEHOLDER_HELP = _(
    "Write {Datum} where the event’s date is to appear: it is filled in from the event, in the "
    "reader’s language, so the text stays right when the event is copied for next year."
)


def with_event_date(text, event, html=False):
    """`text` with its date placeholders replaced by the event's first day, in the active
    language ("24. November 2027", "24 листопада 2027 р.")."""
    if not text or event is None:
        return text
    date = format_date(event.start)
    if html:
        date = conditional_escape(date)
    for placeholder in DATE_PLACEHOLDERS:
        text = text.replace(placeholder, date)
    return text
