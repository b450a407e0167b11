"""The admin's "Prepare for next year" on an event: a form to choose the interval, then the
checklist of what the editor still has to look at before publishing."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language_info, pgettext, pgettext_lazy
from django.views import View
from wagtail.admin.widgets import AdminDateInput

from .formatting import format_day, in_berlin
from .models import EventPage, RegistrationFormPage
from .next_year import german_version, prepare_next_year, suggested_interval
from .next_year_checklist import date_lines, mentions_of_old_dates


def may_prepare_next_year(user, event):
    """Whoever may copy the German event with its form into its parent, and submit translations."""
    german = german_version(event)
    permissions = german.permissions_for_user(user)
    return permissions.can_copy_to(german.get_parent(), recursive=True) and user.has_perm(
        "wagtail_localize.submit_translation"
    )


class IntervalForm(forms.Form):
    """The new event's first day; everything moves by as many days as that."""

    new_date = forms.DateField(
        label=pgettext_lazy("next year", "New date"),
        widget=AdminDateInput,
        help_text=pgettext_lazy(
            "next year",
            "The first day of the new event. Its times stay, and the registration period moves "
            "by as many days. Suggested: the same weekday one year later.",
        ),
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.old_start = event.start
        self.old_date = in_berlin(event.start).date()
        self.fields["new_date"].initial = self.old_date + suggested_interval(event)

    def clean_new_date(self):
        new_date = self.cleaned_data["new_date"]
        if new_date <= self.old_date:
            raise forms.ValidationError(
                pgettext("next year", "The new date must be after the event’s date (%(date)s).")
                % {"date": format_day(self.old_start)}
            )
        return new_date

    @property
    def interval(self):
        return self.cleaned_data["new_date"] - self.old_date


def _event_or_404(page_id):
    return get_object_or_404(EventPage.objects.select_related("locale"), pk=page_id)


class PrepareNextYearView(View):
    template_name = "events/admin/prepare_next_year.html"

    def dispatch(self, request, page_id):
        self.event = german_version(_event_or_404(page_id)).specific
        if not may_prepare_next_year(request.user, self.event):
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get(self, request, page_id):
        return self.render(IntervalForm(event=self.event))

    def post(self, request, page_id):
        form = IntervalForm(request.POST, event=self.event)
        if not form.is_valid():
            return self.render(form)
        copy = prepare_next_year(self.event, form.interval, user=request.user)
        messages.success(
            request,
            pgettext("next year", "“%(title)s” has been prepared as drafts in every language.")
            % {"title": copy.get_admin_display_title()},
        )
        return redirect("events_next_year_checklist", self.event.pk, copy.pk)

    def render(self, form):
        return TemplateResponse(
            self.request,
            self.template_name,
            {
                "event": self.event,
                "form": form,
                "languages": _language_names(self.event),
                "has_form": RegistrationFormPage.objects.child_of(self.event).exists(),
            },
        )


def _language_names(page):
    return [
        get_language_info(version.locale.language_code)["name_translated"]
        for version in _versions(page)
    ]


def _versions(page):
    return sorted(
        page.get_translations(inclusive=True)
        .exclude(alias_of__isnull=False)
        .select_related("locale"),
        key=lambda version: version.locale.language_code != settings.LANGUAGE_CODE,
    )


class NextYearChecklistView(View):
    template_name = "events/admin/next_year_checklist.html"

    def get(self, request, old_id, new_id):
        old = german_version(_event_or_404(old_id)).specific
        new = german_version(_event_or_404(new_id)).specific
        if not new.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        pages = []
        for version in _versions(new):
            form = RegistrationFormPage.objects.child_of(version).first()
            pages.append(
                {
                    "language": get_language_info(version.locale.language_code)["name_translated"],
                    "event": version,
                    "event_url": reverse("wagtailadmin_pages:edit", args=(version.pk,)),
                    "form": form,
                    "form_url": form and reverse("wagtailadmin_pages:edit", args=(form.pk,)),
                }
            )
        return TemplateResponse(
            request,
            self.template_name,
            {
                "old": old,
                "event": new,
                "dates": date_lines(new, request.user),
                "mentions": mentions_of_old_dates(old, new, request.user),
                "pages": pages,
            },
        )
