"""Filters of the pages listing, declared once by the app that owns them, read by API v2 and v3.

An app declares each filter as a `PageFilter` (its name in the query, the type of its value as a
pydantic annotation, a description for the OpenAPI schema, the page type it narrows and how) and,
where its page type is listed in an order of its own, a `ListingOrder`. It hands them to the API
through the Wagtail hook `register_api_page_filters`, in its wagtail_hooks.py:

    @hooks.register("register_api_page_filters")
    def api_page_filters():
        return [PageFilter(...), ...]

The site's APIs read `declared_filters()`, validate each value by its declared type (a 400 in
either API when it does not fit) and apply them with `narrow()`, so that adding a filter is one
edit in the app that owns it. A filter naming a page or snippet that does not exist raises
`NotFound` (a 404, as any unknown id).

How a listing is narrowed (see `narrow()`):
- a listing of one page type applies that type's declaration of each filter asked for, and is
  ordered as a `ListingOrder` of that type says;
- a filter its type does not declare narrows it to the pages that match another type's
  declaration (none, unless they are of both types), so `?type=home.StandardPage&year=2023` is
  empty rather than everything;
- a listing of several or all page types keeps, for each filter asked for, the pages of any
  type that declares it and matches it (`kreis=` keeps both practice examples and events).
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import reduce
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q
from wagtail import hooks

HOOK = "register_api_page_filters"


class NotFound(Exception):
    """A filter names a page or snippet that does not exist (or is not public)."""


@dataclass(frozen=True)
class FilterContext:
    """What a filter may ask of the API that applies it.

    `pages(model)` gives the pages of `model` that this API serves (live, public, of the site
    asked for); `locale_given` says whether the request chose a language with ?locale=.
    """

    pages: Callable[[type], Any]
    locale_given: bool


@dataclass(frozen=True)
class PageFilter:
    """One filter of the pages listing, for one page type.

    `apply(queryset, value, context)` narrows a queryset of `model` to the pages that match the
    validated `value`. `type` is a pydantic annotation (`str`, `PositiveInt`,
    `Literal["upcoming", "past"]`, `Annotated[int, Field(ge=1900)]`): both APIs validate the
    value by it, v3's OpenAPI schema declares it.
    """

    name: str
    type: Any
    description: str
    model: type
    apply: Callable[[Any, Any, FilterContext], Any]


@dataclass(frozen=True)
class ListingOrder:
    """How a listing of `model` alone is ordered, unless the request asks for its own ?order=.

    `order(values)` gets the validated values of every filter asked for, by name, and gives the
    fields to order by, or nothing to leave the order to the next declaration (or to Wagtail).
    """

    model: type
    order: Callable[[Mapping[str, Any]], Sequence[str]]


def field_equals(field):
    """How a filter by a field's value applies: the pages whose `field` is the value."""

    def apply(queryset, value, context):
        return queryset.filter(**{field: value})

    return apply


def declarations():
    """Everything the apps declare through the hook, in the order of INSTALLED_APPS."""
    found = []
    for hook in hooks.get_hooks(HOOK):
        found.extend(hook())
    return found


def declared_filters():
    """{filter name: its declarations}, one per page type that offers it."""
    filters = {}
    for declaration in declarations():
        if isinstance(declaration, PageFilter):
            filters.setdefault(declaration.name, []).append(declaration)
    for name, same_name in filters.items():
        if len({repr(declaration.type) for declaration in same_name}) > 1:
            raise ImproperlyConfigured(
                f"The API filter {name!r} is declared with different types: a value cannot be "
                "read two ways."
            )
        if len({declaration.model for declaration in same_name}) < len(same_name):
            raise ImproperlyConfigured(
                f"The API filter {name!r} is declared twice for the same page type."
            )
    return filters


def listing_orders(model):
    return [
        declaration
        for declaration in declarations()
        if isinstance(declaration, ListingOrder) and declaration.model is model
    ]


def filter_type(name):
    """The type of the values of the filter `name` (the same in each of its declarations)."""
    return declared_filters()[name][0].type


def filter_description(name):
    """The descriptions of each page type's filter `name`, as one text."""
    return " ".join(declaration.description for declaration in declared_filters()[name])


def narrow(queryset, values, context):
    """The pages of `queryset` that match every filter in `values` ({name: validated value}),
    in the listing order their page type declares (see the module's docstring).

    Each filter narrows by page id (`pk__in`), a condition Wagtail's search accepts beside any
    query, whichever fields the filter compares.
    """
    filters = declared_filters()
    for name, value in values.items():
        same_name = filters[name]
        own = [declaration for declaration in same_name if declaration.model is queryset.model]
        matching = [matching_pages(declaration, value, context) for declaration in own or same_name]
        queryset = queryset.filter(reduce(lambda either, other: either | other, matching))
    for order in listing_orders(queryset.model):
        fields = order.order(values)
        if fields:
            return queryset.order_by(*fields)
    return queryset


def matching_pages(declaration, value, context):
    """A condition that keeps the pages of the declaration's type that match `value`."""
    pages = declaration.apply(declaration.model.objects.all(), value, context)
    return Q(pk__in=pages.values("pk"))
