"""The sitemap: every page in every language, with its translations as hreflang alternates."""

from django.db.models import Q
from django.utils.functional import cached_property
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .hreflang import hreflang_alternates


class TranslatedPagesSitemap(Sitemap):
    """Live public pages of the site's trees in all languages, aliases left out.

    An alias of an untranslated German page shows German text under /en/ or /uk/: listing it would
    offer search engines a duplicate, and naming it as a translation would be false.
    """

    def items(self):
        return self._pages

    @cached_property
    def _pages(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key).values_list(
            "path", flat=True
        )
        in_site = Q()
        for path in roots:
            in_site |= Q(path__startswith=path)
        return list(
            Page.objects.live()
            .public()
            .filter(in_site, alias_of__isnull=True)
            .select_related("locale")
            .order_by("path")
        )

    @cached_property
    def _versions(self):
        versions = {}
        for page in self._pages:
            versions.setdefault(page.translation_key, []).append(page)
        return versions

    def _urls(self, page, protocol, domain):
        return [
            {
                "item": item,
                "location": item.get_full_url(self.request),
                "lastmod": item.last_published_at or item.latest_revision_created_at,
                "alternates": hreflang_alternates(
                    self._versions[item.translation_key], self.request
                ),
            }
            for item in self.paginator.page(page).object_list
        ]
