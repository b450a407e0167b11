"""Public pages filtered within the listing's own query.

Wagtail's `PageQuerySet.public()` first reads every view restriction of the site (one query) and
then excludes the restricted subtrees; a page that lists from several querysets pays that query
for each. Here the exclusion is a subquery of the listing itself: a page is public when no view
restriction sits on it or on one of its ancestors (a restricted page's path is a prefix of the
paths below it), which is exactly what `public()` excludes.

The subquery is written out once rather than built from Django expressions per listing: it does
not depend on the listing (the ids of every page in a restricted subtree), and building and
compiling a correlated `Exists` cost about 1 ms of Python per listing, several times per page.

It lives in the base app, so speakers, home and events can all use it.
"""

from django.db.models import BooleanField, Func
from wagtail.models import Page, PageViewRestriction

# Every page on or below a page with a view restriction. Plain SQL that SQLite and PostgreSQL
# both read; its own table aliases, so it fits in any query (also as part of a subquery).
RESTRICTED_PAGE_IDS = (
    f"SELECT hidden.id FROM {Page._meta.db_table} hidden"
    f" INNER JOIN {Page._meta.db_table} restricted"
    " ON substr(hidden.path, 1, length(restricted.path)) = restricted.path"
    f" INNER JOIN {PageViewRestriction._meta.db_table} restriction"
    " ON restriction.page_id = restricted.id"
)


class _Unrestricted(Func):
    """True for a page id outside every restricted subtree."""

    template = f"%(expressions)s NOT IN ({RESTRICTED_PAGE_IDS})"
    output_field = BooleanField()


def public(pages):
    """The pages of a queryset that no view restriction applies to, without an extra query."""
    return pages.filter(_Unrestricted("pk"))
