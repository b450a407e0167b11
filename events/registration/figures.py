"""The figures of an event for the funder's report (Verwendungsnachweis): how many registered,
got a place, waited, cancelled, came, did not come and came without registering; by kind of
institution where the form asks it, and by the language people registered in.

One table serves the organiser's page, its printout (one A4 page) and the CSV and XLSX downloads.
"""

import csv
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import pgettext_lazy
from django.views.decorators.cache import never_cache
from openpyxl import Workbook

from .admin import neutralise_formula
from .attendance import EventRegistrationsView
from .models import Registration, WalkIn, language_name
from .registrants import FormReader, InstitutionKind

Status = Registration.Status

COLUMNS = [
    ("registered", pgettext_lazy("figures", "Registered")),
    ("confirmed", pgettext_lazy("figures", "Confirmed")),
    ("waiting_list", pgettext_lazy("figures", "Waiting list")),
    ("unconfirmed", pgettext_lazy("figures", "Awaiting e-mail confirmation")),
    ("cancelled", pgettext_lazy("figures", "Cancelled")),
    ("attended", pgettext_lazy("figures", "Attended")),
    ("not_attended", pgettext_lazy("figures", "Did not attend")),
]


@dataclass
class Row:
    label: str
    counts: dict = field(default_factory=lambda: dict.fromkeys(key for key, _label in COLUMNS))

    def add(self, registration, event_has_ended):
        counts = self.counts
        for key in ("registered", registration.status):
            counts[key] = (counts[key] or 0) + 1
        if registration.checked_in_at is not None:
            counts["attended"] = (counts["attended"] or 0) + 1
        elif event_has_ended and registration.status == Status.CONFIRMED:
            counts["not_attended"] = (counts["not_attended"] or 0) + 1

    def values(self, event_has_ended):
        """The counts in column order: 0 where nobody, and nothing for who did not attend
        before the event is over."""
        return [
            None if key == "not_attended" and not event_has_ended else (self.counts[key] or 0)
            for key, _label in COLUMNS
        ]


@dataclass
class Section:
    heading: str
    rows: list


@dataclass
class Figures:
    event_has_ended: bool
    total: Row
    sections: list
    walk_ins: int
    asks_institution_kind: bool

    @property
    def present(self):
        """Everyone who was there: registrants checked in and people without registration."""
        return (self.total.counts["attended"] or 0) + self.walk_ins

    def lines(self):
        """(kind, cells) for every line of the table: "total", "section" (a heading), "row" and
        "summary" (walk-ins and everyone present, counted in the column of who attended)."""
        lines = [("total", [str(self.total.label), *self.values(self.total)])]
        for section in self.sections:
            lines.append(("section", [str(section.heading)]))
            lines += [("row", [str(row.label), *self.values(row)]) for row in section.rows]
        attended = [key for key, _label in COLUMNS].index("attended")
        for label, number in (
            (pgettext_lazy("figures", "Came without registration"), self.walk_ins),
            (pgettext_lazy("figures", "Present in total"), self.present),
        ):
            cells = [None] * len(COLUMNS)
            cells[attended] = number
            lines.append(("summary", [str(label), *cells]))
        return lines

    def table(self):
        """Heading and rows, as the CSV and the XLSX have them."""
        heading = ["", *(str(label) for _key, label in COLUMNS)]
        return heading, [cells for _kind, cells in self.lines()]

    def values(self, row):
        return row.values(self.event_has_ended)


def count(owner, now=None):
    """The figures of the event whose German form page is `owner`."""
    now = now or timezone.now()
    event_has_ended = owner.get_parent().specific.end < now
    reader = FormReader(owner)
    total = Row(pgettext_lazy("figures", "All registrations"))
    kinds = {kind: Row(kind.label) for kind in InstitutionKind}
    languages = {code: Row(language_name(code)) for code, _name in settings.LANGUAGES}
    for registration in Registration.objects.of(owner).order_by():
        total.add(registration, event_has_ended)
        if reader.asks_institution_kind:
            kinds[reader.institution_kind(registration)].add(registration, event_has_ended)
        languages.setdefault(registration.language, Row(language_name(registration.language)))
        languages[registration.language].add(registration, event_has_ended)
    sections = []
    if reader.asks_institution_kind:
        sections.append(
            Section(pgettext_lazy("figures", "By kind of institution"), [*kinds.values()])
        )
    sections.append(
        Section(pgettext_lazy("figures", "By language of registration"), [*languages.values()])
    )
    return Figures(
        event_has_ended=event_has_ended,
        total=total,
        sections=sections,
        walk_ins=WalkIn.objects.filter(page=owner).count(),
        asks_institution_kind=reader.asks_institution_kind,
    )


def csv_response(heading, rows, filename):
    out = io.StringIO()
    # The byte order mark tells Excel the file is UTF-8, as in the registrations' download.
    out.write("\ufeff")
    writer = csv.writer(out)
    for row in [heading, *rows]:
        writer.writerow(["" if value is None else neutralise_formula(value) for value in row])
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(heading, rows, filename, title):
    workbook = Workbook()
    sheet = workbook.active
    # Excel allows 31 characters and none of []:*?/\ in a sheet's name.
    sheet.title = "".join(c for c in title if c not in "[]:*?/\\")[:31] or "Sheet"
    for row in [heading, *rows]:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    out = io.BytesIO()
    workbook.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


@method_decorator(never_cache, name="dispatch")
class FiguresView(EventRegistrationsView):
    template_name = "events/registration/figures.html"
    page_title = pgettext_lazy("event day", "Figures")
    header_icon = "table"

    @cached_property
    def figures(self):
        return count(self.owner)

    def get(self, request, *args, **kwargs):
        export = request.GET.get("export")
        if export in ("csv", "xlsx"):
            heading, rows = self.figures.table()
            filename = f"zahlen-{self.event.slug}"
            if export == "csv":
                return csv_response(heading, rows, filename)
            return xlsx_response(heading, rows, filename, self.event.title)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        heading, _rows = self.figures.table()
        url = reverse("events_figures", args=(self.page_id,))
        context.update(
            event=self.event,
            figures=self.figures,
            heading=heading,
            lines=self.figures.lines(),
            csv_url=f"{url}?export=csv",
            xlsx_url=f"{url}?export=xlsx",
            printed_at=timezone.localtime(),
        )
        return context
