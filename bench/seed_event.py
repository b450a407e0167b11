"""Opens the seed event's German registration form, for the load test, the profiler and
tests/test_worker_limits.py, which run it in `manage.py shell` or after loading the content."""

from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.utils import timezone


def open_registration(capacity, to_address=None):
    """Move the seed event 30 days into the future and open its German form for 14 days, with
    `capacity` places (None: no limit) and no double opt-in; `to_address=""` also turns off the
    organisers' notification. Only the German form is changed: it owns the schedule and the places.

    Returns the form page."""
    # By app label: the registration models may move within the events app.
    RegistrationFormPage = apps.get_model("events", "RegistrationFormPage")
    form_page = RegistrationFormPage.objects.live().get(
        locale__language_code=settings.LANGUAGE_CODE, alias_of=None
    )
    event = form_page.get_parent().specific
    now = timezone.now()
    event.start = now + timedelta(days=30)
    event.end = event.start + timedelta(hours=4)
    event.save_revision().publish()
    form_page.registration_opens = None
    form_page.registration_closes = now + timedelta(days=14)
    form_page.capacity = capacity
    form_page.double_opt_in = False
    if to_address is not None:
        form_page.to_address = to_address
    form_page.save_revision().publish()
    return form_page
