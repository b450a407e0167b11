"""What follows when an editor publishes a registration form or an event.

- A German form published with more places (or a later deadline that lets people confirm) gives
  the free places to the waiting list at once, not only at the next cancellation.
- An event published in another language takes its form in that language live with it:
  wagtail-localize translates a form as a draft of its own, which would leave the translated event
  without a registration. A form is only taken live while its German form is.
"""

from django.conf import settings

from .pages import RegistrationFormPage
from .queue import fill_free_places


def _publish(form, user):
    revision = form.get_latest_revision() or form.save_revision(user=user)
    revision.publish(user=user)


def form_published(sender, instance, revision=None, **kwargs):
    form = instance
    if form.owning_form.pk != form.pk:
        return
    fill_free_places(form)
    user = revision.user if revision else None
    translations = RegistrationFormPage.objects.filter(
        translation_key=form.translation_key, live=False
    ).exclude(pk=form.pk)
    for translation in translations:
        if translation.get_parent().live:
            _publish(translation, user)


def event_published(sender, instance, revision=None, **kwargs):
    event = instance
    if event.locale.language_code == settings.LANGUAGE_CODE:
        return
    user = revision.user if revision else None
    for form in RegistrationFormPage.objects.child_of(event).filter(live=False):
        if form.owning_form.live:
            _publish(form, user)
