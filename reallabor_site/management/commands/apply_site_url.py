"""Point the default Wagtail Site at SITE_URL, from which Wagtail builds every absolute link.

Run at every deploy (deploy.md) and by `make run`; safe to run again. Without it the Site keeps
the address Wagtail's first migration gave it (localhost, port 80), and e-mails, the APIs, the
sitemap, canonical links and calendar files all point there.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from reallabor_site import api_cache, page_cache
from reallabor_site.site_url import parse_site_url


class Command(BaseCommand):
    help = "Point the default Wagtail Site at SITE_URL, the address every absolute link uses."

    def handle(self, *args, **options):
        hostname, port = parse_site_url(settings.SITE_URL)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default Wagtail Site yet: run migrate first.")
        if (site.hostname, site.port) == (hostname, port):
            self.stdout.write(f"The site's address is {site.root_url} already.")
            return
        if Site.objects.exclude(pk=site.pk).filter(hostname=hostname, port=port).exists():
            raise CommandError(
                f"Another Wagtail Site has the address {settings.SITE_URL}; "
                "remove it in the admin under Settings > Sites first."
            )
        site.hostname, site.port = hostname, port
        site.save()
        # Cached pages and API responses hold links to the old address.
        page_cache.VERSION.replace()
        api_cache.VERSION.replace()
        self.stdout.write(f"The site's address is now {site.root_url}.")
