"""Model fields of the registration form."""

from django.db import models
from wagtail_localize.segments import StringSegmentValue


def choice_lines(value):
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


class ChoicesField(models.TextField):
    """A form field's choices, one per line, offered to translators one choice at a time.

    wagtail-localize treats a multi-line text as one segment with its line breaks turned into
    <br> tags, which its translation editor shows raw ("Frau <br/>Herr …"). As segments of their
    own, the choices read as text and translate one by one; a choice added later leaves the
    others translated.
    """

    def get_translatable_segments(self, value):
        return [StringSegmentValue(str(i), line) for i, line in enumerate(choice_lines(value))]

    def restore_translated_segments(self, value, segments):
        translated = {segment.path: segment.render_text() for segment in segments}
        return "\n".join(translated.get(str(i), line) for i, line in enumerate(choice_lines(value)))
