"""The admin form of event pages."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

SPEAKER_LISTED_TWICE = _("A speaker is listed twice. List each person once, with one role.")


class EventPageForm(WagtailAdminPageForm):
    """Refuses a speaker listed twice in the inline speaker list.

    EventPage.clean() cannot see the speakers an editor has just entered: Wagtail validates the
    page before it applies the inline forms to it.
    """

    def clean(self):
        cleaned_data = super().clean()
        speakers = self.formsets.get("speakers")
        if speakers is not None and speakers.is_valid():
            chosen = [
                form.cleaned_data["speaker"].pk
                for form in speakers.forms
                if form.cleaned_data.get("speaker") and not form.cleaned_data.get("DELETE")
            ]
            if len(chosen) != len(set(chosen)):
                self.add_error(None, SPEAKER_LISTED_TWICE)
        return cleaned_data
