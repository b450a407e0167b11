"""The admin's lists and downloads of registrations, for editors and for organisers.

Organisers reach these views through the `filter_form_submissions_for_user` hook; what they may
do beyond reading (deleting) is decided here, by the page permissions Wagtail gives editors.
"""

import re

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language_info, pgettext, pgettext_lazy
from openpyxl import Workbook
from wagtail.admin.views.mixins import ExcelDateFormatter
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.contrib.forms.views import (
    DeleteSubmissionsView,
    SubmissionsListView,
)

from ..formatting import BERLIN
from .queue import fill_free_places

DOWNLOAD_EXCEL = pgettext_lazy("registrations action", "Download Excel")
DOWNLOAD_CSV = pgettext_lazy("registrations action", "Download CSV")

# A spreadsheet treats a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


# The admin list's first columns, by position; the others follow in the form's order.
LIST_COLUMNS_FIRST = {"submit_time": -3, "status": -2, "language": -1}


def looks_like_formula(value):
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def neutralise_formula(value):
    """A leading apostrophe makes spreadsheets show the text instead of evaluating it."""
    return f"'{value}" if looks_like_formula(value) else value


EXCEL_SHEET_TITLE_LENGTH = 31


def sheet_title(text):
    """A worksheet name Excel accepts: at most 31 characters, none of []:*?/\\, not empty and
    not starting or ending with an apostrophe."""
    title = " ".join(re.sub(r"[\[\]:*?/\\]", " ", text).split())
    if len(title) > EXCEL_SHEET_TITLE_LENGTH:
        cut = title[: EXCEL_SHEET_TITLE_LENGTH + 1]
        # At a word's end where there is one.
        title = cut.rsplit(" ", 1)[0] if " " in cut else cut[:EXCEL_SHEET_TITLE_LENGTH]
    title = title.strip("' ")
    return title or pgettext("spreadsheet", "Registrations")


def berlin_time(value):
    return timezone.localtime(value, BERLIN).replace(tzinfo=None)


def may_delete_registrations(user, form_page):
    """Only those who may edit the form page delete registrations; organisers only read them.

    Deleting a registration frees a place and destroys the record of a consent, so it stays with
    the editors; registrants cancel themselves and old registrations are purged automatically.
    """
    return form_page.permissions_for_user(user).can_edit()


class RegistrationSubmissionsListView(SubmissionsListView):
    """One list of an event's registrations in every language, as the German form shows them.

    Registrations are stored against the German form, so the English and Ukrainian forms
    redirect to it; its fields give the columns, in its order and with its labels.
    """

    results_template_name = "events/admin/registration_submissions_results.html"
    custom_field_preprocess = {
        "submit_time": {
            SubmissionsListView.FORMAT_CSV: lambda value: berlin_time(value).strftime(
                "%Y-%m-%d %H:%M:%S"
            ),
            # Naive, because Wagtail writes aware times to XLSX in UTC.
            SubmissionsListView.FORMAT_XLSX: berlin_time,
        }
    }

    def dispatch(self, request, *args, **kwargs):
        form_page = kwargs["form_page"]
        source = form_page.owning_form
        if source.pk == form_page.pk:
            return super().dispatch(request, *args, **kwargs)
        if not get_forms_for_user(request.user).filter(pk=form_page.pk).exists():
            raise PermissionDenied
        url_name = self.index_results_url_name if self.results_only else self.index_url_name
        query = request.GET.urlencode()
        return redirect(reverse(url_name, args=(source.pk,)) + (f"?{query}" if query else ""))

    def get_page_subtitle(self):
        return self.form_page.event.title

    @cached_property
    def header_buttons(self):
        """What organisers come for, in sight rather than in the "⋯" menu: the downloads (which
        keep the list's filters, as Wagtail's own do), the sign-in list to print, the check-in at
        the door and the figures for the funder's report."""
        form_id = self.form_page.pk
        return [
            HeaderButton(
                DOWNLOAD_EXCEL, url=self.xlsx_export_url, icon_name="download", priority=1
            ),
            HeaderButton(DOWNLOAD_CSV, url=self.csv_export_url, icon_name="download", priority=2),
            HeaderButton(
                pgettext_lazy("sign-in list", "Sign-in list (PDF)"),
                reverse("events_sign_in_list", args=(form_id,)),
                icon_name="doc-full",
                priority=10,
            ),
            HeaderButton(
                pgettext_lazy("event day", "Check-in"),
                reverse("events_check_in", args=(form_id,)),
                icon_name="tick",
                priority=20,
            ),
            HeaderButton(
                pgettext_lazy("event day", "Figures"),
                reverse("events_figures", args=(form_id,)),
                icon_name="table",
                priority=30,
            ),
        ]

    @cached_property
    def header_more_buttons(self):
        """The sign-in list in the event's other languages (the button gives the German one);
        Wagtail's downloads are buttons of their own above."""
        url = reverse("events_sign_in_list", args=(self.form_page.pk,))
        return [
            Button(
                pgettext_lazy("sign-in list", "Sign-in list in %(language)s (PDF)")
                % {"language": get_language_info(code)["name_translated"]},
                f"{url}?lang={code}",
                icon_name="doc-full",
                priority=10 + position,
            )
            for position, (code, _name) in enumerate(settings.LANGUAGES)
            if code != settings.LANGUAGE_CODE
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["may_delete"] = may_delete_registrations(self.request.user, self.form_page)
        if "data_headings" in context:
            # Status and language first, where a screen shows them without scrolling sideways;
            # the downloads keep the form's order, with them at the end.
            names = [heading["name"] for heading in context["data_headings"]]
            order = sorted(range(len(names)), key=lambda i: LIST_COLUMNS_FIRST.get(names[i], i))
            context["data_headings"] = [context["data_headings"][i] for i in order]
            for row in context["data_rows"]:
                row["fields"] = [row["fields"][i] for i in order]
        return context

    def stream_csv(self, queryset):
        # The byte order mark tells Excel the file is UTF-8, so umlauts and Cyrillic survive.
        yield "\ufeff"
        yield from super().stream_csv(queryset)

    def get_heading(self, queryset, field):
        return neutralise_formula(super().get_heading(queryset, field))

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return neutralise_formula(value)
        return value

    def write_xlsx(self, queryset, output):
        # Wagtail names the only sheet "Sheet1"; ours is named after the event.
        workbook = Workbook(write_only=True, iso_dates=True)
        worksheet = workbook.create_sheet(title=sheet_title(self.form_page.event.title))
        worksheet.append(self.get_heading(queryset, field) for field in self.list_export)
        date_format = ExcelDateFormatter().get()
        for item in queryset:
            worksheet.append(
                self.generate_xlsx_row(worksheet, self.to_row_dict(item), date_format=date_format)
            )
        workbook.save(output)

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        # Wagtail already stores formula-like cells as text; the quote prefix also keeps Excel
        # from turning them into a formula when someone edits the cell, without changing the
        # text people see (a phone number stays "+49 …").
        for cell in super().generate_xlsx_row(worksheet, row_dict, date_format):
            if looks_like_formula(cell.value):
                cell.data_type = "s"
                cell.quotePrefix = True
            yield cell


class RegistrationDeleteSubmissionsView(DeleteSubmissionsView):
    """Wagtail's deletion of submissions, refused to anyone who may not edit the form page.

    A translated form deletes the German form's registrations, so the German form is the one
    the user must be allowed to edit: editing the English form alone is not enough.
    """

    def dispatch(self, request, *args, **kwargs):
        forms = get_forms_for_user(request.user)
        form_page = forms.filter(pk=kwargs["page_id"]).first()
        if form_page is None:
            raise PermissionDenied
        self.owning_form = form_page.specific.owning_form
        if not may_delete_registrations(request.user, self.owning_form):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def handle_delete(self, submissions):
        super().handle_delete(submissions)
        # Deleted registrations free their places for the people on the waiting list.
        fill_free_places(self.owning_form)
