"""Public pages filtered within the listing's own query.

Wagtail's `PageQuerySet.public()` first reads every view restriction of the site (one query) and
then excludes the restricted subtrees; a page that lists from several querysets pays that query
for each. Here the exclusion is a subquery of the listing itself: a page is public when no view
restriction sits on it or on one of its ancestors (a restricted page's path is a prefix of the
paths below it), which is exactly what `public()` excludes.

It lives in the base app, so speakers, home and events can all use it.
"""

from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef
from django.db.models.lookups import StartsWith
from wagtail.models import PageViewRestriction


def public(pages):
    """The pages of a queryset that no view restriction applies to, without an extra query."""
    listed_path = ExpressionWrapper(OuterRef("path"), output_field=CharField())
    restrictions = PageViewRestriction.objects.filter(StartsWith(listed_path, F("page__path")))
    return pages.filter(~Exists(restrictions))
