from django.core.management.base import BaseCommand

from home.models import HomePage, OrganisationDetails, SiteSettings, StandardPage
from reallabor_site.content import foundation
from reallabor_site.content.loader import (
    ensure_child_page,
    ensure_home_page,
    ensure_locales,
    ensure_snippet,
    ensure_translations,
    ensure_tree_synchronisation,
)


class Command(BaseCommand):
    help = (
        "Create the Reallabor site in German with English and Ukrainian translations. "
        "Safe to run again: what exists already is left as it is."
    )

    def handle(self, *args, **options):
        locales = ensure_locales()

        home = ensure_home_page(HomePage, foundation.HOME, locales)
        ensure_translations(home, foundation.HOME, locales)

        pages = {}
        for spec in foundation.STANDARD_PAGES:
            page = ensure_child_page(home, StandardPage, spec)
            ensure_translations(page, spec, locales)
            pages[spec["slug"].de] = page

        organisation = ensure_snippet(
            OrganisationDetails,
            {"project_name": foundation.ORGANISATION["project_name"].de},
            foundation.ORGANISATION,
            locales,
        )
        ensure_translations(organisation, foundation.ORGANISATION, locales)

        self._fill_empty_site_settings(home, organisation, pages)
        ensure_tree_synchronisation(locales)
        self.stdout.write(self.style.SUCCESS("Reallabor content is in place (de, en, uk)."))

    def _fill_empty_site_settings(self, home, organisation, pages):
        """Fill only what is empty, so values that editors set are never overwritten."""
        settings = SiteSettings.for_site(home.get_site())
        wanted = {
            "organisation": organisation,
            "contact_email": foundation.CONTACT_EMAIL,
            "imprint_page": pages["impressum"],
            "privacy_page": pages["datenschutz"],
            "accessibility_page": pages["barrierefreiheit"],
        }
        changed = [name for name, value in wanted.items() if not getattr(settings, name)]
        for name in changed:
            setattr(settings, name, wanted[name])
        if changed:
            settings.save(update_fields=changed)
