"""The filters practice examples bring to the pages listing of API v2 and v3 (see
pagebase.api_filters)."""

from pagebase.api_filters import PageFilter, field_equals

from .models import PracticeExamplePage

FILTERS = [
    PageFilter(
        "kreis",
        str,
        "Practice examples of this Kreis (German district), e.g. Kreis Coesfeld.",
        PracticeExamplePage,
        field_equals("kreis"),
    ),
    PageFilter(
        "partner_oblast",
        str,
        "Practice examples whose partner community lies in this oblast.",
        PracticeExamplePage,
        field_equals("partner_oblast"),
    ),
]
