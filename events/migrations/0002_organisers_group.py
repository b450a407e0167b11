import modelcluster.fields
from django.conf import settings
from django.db import migrations

GROUP_NAME = "Veranstaltungsorganisation"


def create_organisers_group(apps, schema_editor):
    """The group may enter the admin and nothing more; forms grant their organisers access."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    # Permissions are created after all migrations ran, so on a new database it may not exist yet.
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.set([access_admin])


def remove_organisers_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_events_venues_registration"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        # Ran after it, that migration would give every admin group the choice of documents.
        ("wagtaildocs", "0011_add_choose_permissions"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="registrationformpage",
            name="organisers",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True,
                help_text='Members of the group "Veranstaltungsorganisation" chosen here see and download the registrations of this form, and nothing else.',
                limit_choices_to={"groups__name": "Veranstaltungsorganisation"},
                related_name="organised_registration_forms",
                to=settings.AUTH_USER_MODEL,
                verbose_name="organisers",
            ),
        ),
        migrations.RunPython(create_organisers_group, remove_organisers_group),
    ]
