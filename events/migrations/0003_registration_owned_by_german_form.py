"""One registration per event: the German form page owns it in every language.

Until now each language's form kept its own schedule, places and organisers, copied when it was
translated and stale after the first change in German. From now on only the German form's values
count; this copies them onto the translations (so the database says what the site does) and moves
any registration stored against a translated form to the German one.
"""

from django.conf import settings
from django.db import migrations
from django.db.models import Q

OWNED_BY_THE_SOURCE = [
    "registration_opens",
    "registration_closes",
    "capacity",
    "double_opt_in",
    "confirmation_hours",
    "retention_days",
]


def follow_the_german_form(apps, schema_editor):
    # Rows as values: Wagtail's FormMixin cannot be instantiated from a historical model.
    RegistrationFormPage = apps.get_model("events", "RegistrationFormPage")
    Registration = apps.get_model("events", "Registration")
    Organiser = RegistrationFormPage.organisers.through
    german = Q(locale__language_code=settings.LANGUAGE_CODE)
    columns = ["pk", "translation_key", *OWNED_BY_THE_SOURCE]
    owners = {
        row["translation_key"]: row
        for row in RegistrationFormPage.objects.filter(german).values(*columns)
    }
    for translation in RegistrationFormPage.objects.exclude(german).values("pk", "translation_key"):
        owner = owners.get(translation["translation_key"])
        if owner is None:
            continue
        RegistrationFormPage.objects.filter(pk=translation["pk"]).update(
            **{name: owner[name] for name in OWNED_BY_THE_SOURCE}
        )
        Organiser.objects.filter(registrationformpage_id=translation["pk"]).delete()
        Organiser.objects.bulk_create(
            Organiser(registrationformpage_id=translation["pk"], user_id=link.user_id)
            for link in Organiser.objects.filter(registrationformpage_id=owner["pk"])
        )
        active_emails = set(
            Registration.objects.filter(page_id=owner["pk"])
            .exclude(status="cancelled")
            .values_list("email", flat=True)
        )
        for registration in Registration.objects.filter(page_id=translation["pk"]):
            if registration.status != "cancelled" and registration.email in active_emails:
                # The same person registered in two languages: the German list keeps one.
                registration.status = "cancelled"
            registration.page_id = owner["pk"]
            registration.save(update_fields=["page_id", "status"])
            if registration.status != "cancelled":
                active_emails.add(registration.email)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_organisers_group"),
    ]

    operations = [
        migrations.RunPython(follow_the_german_form, migrations.RunPython.noop),
    ]
