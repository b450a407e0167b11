"""Wagtail's initial data names its groups, workflow and task in English ("Editors", "Moderators",
"Moderators approval"). They are data, not messages, so no catalogue translates them, and the
German admin said "In Moderators approval einreichen". The team works in German: they get German
names. Groups and workflows renamed by hand since are left alone."""

from django.db import migrations

GROUPS = {"Editors": "Redaktion", "Moderators": "Moderation"}
# The workflow's name completes Wagtail's "In %(workflow_name)s einreichen".
WORKFLOWS = {"Moderators approval": "Moderation"}
TASKS = {"Moderators approval": "Freigabe durch die Moderation"}


def rename(model, names):
    for old, new in names.items():
        if not model.objects.filter(name=new).exists():
            model.objects.filter(name=old).update(name=new)


def to_german(apps, schema_editor):
    rename(apps.get_model("auth", "Group"), GROUPS)
    rename(apps.get_model("wagtailcore", "Workflow"), WORKFLOWS)
    rename(apps.get_model("wagtailcore", "Task"), TASKS)


def to_english(apps, schema_editor):
    def reverse(names):
        return {new: old for old, new in names.items()}

    rename(apps.get_model("auth", "Group"), reverse(GROUPS))
    rename(apps.get_model("wagtailcore", "Workflow"), reverse(WORKFLOWS))
    rename(apps.get_model("wagtailcore", "Task"), reverse(TASKS))


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        # Gives "Editors" and "Moderators" the permission to translate, by their English names.
        ("wagtail_localize", "0006_create_submit_translation_permission"),
    ]

    operations = [migrations.RunPython(to_german, to_english)]
