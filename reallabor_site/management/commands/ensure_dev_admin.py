import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "On a developer's machine only: create a local admin account on first start and print "
        "its password once."
    )

    username = "admin"

    def add_arguments(self, parser):
        parser.add_argument("--port", default="8000", help="The port the site is served on.")

    def handle(self, *args, **options):
        if not settings.CREATE_DEV_ADMIN:
            raise CommandError("Refusing to create an admin account: these are not dev settings.")
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(self.username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created a local admin account for http://127.0.0.1:{options['port']}/admin/ "
                f"(shown only now): user {self.username}, password {password}"
            )
        )
