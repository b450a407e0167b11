from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from events.formatting import in_berlin
from events.models import EventPage
from events.next_year import prepare_next_year, suggested_interval


class Command(BaseCommand):
    help = (
        "Copy an event with its registration form and translations as next year's drafts, "
        "shifted by a number of weeks (default: to the same weekday one year later, or in the "
        "first year after it in which that day is still ahead)."
    )

    def add_arguments(self, parser):
        parser.add_argument("event_id", type=int, help="The id of the event page (any language).")
        parser.add_argument("--weeks", type=int, help="Weeks to shift by.")

    def handle(self, event_id, weeks, **options):
        event = EventPage.objects.filter(pk=event_id).first()
        if event is None:
            raise CommandError(f"No event page with the id {event_id}.")
        if weeks is not None and weeks < 1:
            raise CommandError("--weeks must be at least 1.")
        interval = timedelta(weeks=weeks) if weeks else suggested_interval(event)
        copy = prepare_next_year(event, interval)
        languages = ", ".join(
            page.locale.language_code
            for page in copy.get_translations(inclusive=True).select_related("locale")
        )
        self.stdout.write(
            f"Prepared {copy.title!r} (page {copy.pk}, drafts in {languages}), "
            f"starting {in_berlin(copy.start):%Y-%m-%d %H:%M}. Check its texts before publishing."
        )
