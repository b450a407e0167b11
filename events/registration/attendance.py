"""Check-in at the door: organisers mark who came, on a phone, several of them at once.

Every tap is its own POST that changes one row with one UPDATE (present, or undone), so two
organisers checking people in at the same time never overwrite each other's taps: there is no
form that saves the whole list. The page works without JavaScript (a search by GET, a form per
person); with it, `check-in.js` filters as one types, sends the taps with fetch() and fetches the
other organisers' taps every few seconds.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext, pgettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..formatting import format_time
from .models import Registration, WalkIn
from .organisers import event_form_for
from .registrants import FormReader, folded

PRESENT, UNDO = "present", "undo"


def confirmed(owner):
    return Registration.objects.of(owner).filter(status=Registration.Status.CONFIRMED)


def set_present(owner, registration_id, present):
    """Marks one confirmed registration present (keeping the first tap's time) or not present.
    Idempotent: a second tap, or a tap sent twice by a flaky connection, changes nothing."""
    registrations = confirmed(owner).filter(pk=registration_id)
    if present:
        registrations.filter(checked_in_at__isnull=True).update(checked_in_at=timezone.now())
    else:
        registrations.update(checked_in_at=None)
    return registrations.values_list("checked_in_at", flat=True).first()


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def back_to_list(request, page_id, anchor=""):
    url = reverse("events_check_in", args=(page_id,))
    query = request.POST.get("q", "").strip()
    return redirect(url + (f"?{urlencode({'q': query})}" if query else "") + anchor)


def state(owner):
    """Who is present and who came without registering: what the page shows, as data."""
    present = {
        str(pk): format_time(moment)
        for pk, moment in confirmed(owner)
        .filter(checked_in_at__isnull=False)
        .values_list("pk", "checked_in_at")
    }
    walk_ins = [
        {"id": walk_in.pk, "name": walk_in.name, "institution": walk_in.institution}
        for walk_in in WalkIn.objects.filter(page=owner)
    ]
    return {
        "present": present,
        "walk_ins": walk_ins,
        "confirmed": confirmed(owner).count(),
    }


# Wagtail's own label for its forms index, from its catalogue (ours would reword it).
WAGTAIL_FORMS = "Forms"


class WalkInForm(forms.ModelForm):
    class Meta:
        model = WalkIn
        fields = ["name", "institution"]


class EventRegistrationsView(WagtailAdminTemplateMixin, TemplateView):
    """An admin page about one event's registrations (check-in, figures): open to whoever may see
    the registrations of form `page_id`, titled with the event, below the form's submissions."""

    def dispatch(self, request, page_id):
        self.owner = event_form_for(request.user, page_id)
        self.page_id = page_id
        return super().dispatch(request, page_id)

    @cached_property
    def event(self):
        return self.owner.get_parent().specific

    def get_page_subtitle(self):
        return self.event.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailforms:index"), "label": gettext(WAGTAIL_FORMS)},
            {
                "url": reverse("wagtailforms:list_submissions", args=(self.page_id,)),
                "label": self.event.title,
            },
            {"url": "", "label": self.get_page_title()},
        ]


@method_decorator(never_cache, name="dispatch")
class CheckInView(EventRegistrationsView):
    template_name = "events/registration/check_in.html"
    page_title = pgettext_lazy("event day", "Check-in")
    header_icon = "tick"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()
        registrants = FormReader(self.owner).by_family_name(confirmed(self.owner))
        for registrant in registrants:
            registrant.search_text = folded(f"{registrant.name} {registrant.organisation}")
        if query:
            words = folded(query).split()
            registrants = [r for r in registrants if all(w in r.search_text for w in words)]
        present = sum(1 for r in registrants if r.registration.checked_in_at)
        walk_ins = list(WalkIn.objects.filter(page=self.owner))
        context.update(
            event=self.event,
            page_id=self.page_id,
            query=query,
            registrants=registrants,
            present_count=confirmed(self.owner).filter(checked_in_at__isnull=False).count(),
            confirmed_count=confirmed(self.owner).count(),
            shown_present=present,
            walk_ins=walk_ins,
            walk_in_form=kwargs.get("walk_in_form") or WalkInForm(),
            state_url=reverse("events_check_in_state", args=(self.page_id,)),
        )
        return context


@require_POST
def check_in_registration(request, page_id, registration_id):
    owner = event_form_for(request.user, page_id)
    action = request.POST.get("action")
    if action not in (PRESENT, UNDO):
        raise PermissionDenied
    if not confirmed(owner).filter(pk=registration_id).exists():
        # Not a confirmed registration of this event (any more): nothing to check in.
        return HttpResponse(status=409)
    checked_in_at = set_present(owner, registration_id, action == PRESENT)
    if wants_json(request):
        return JsonResponse(
            {
                "id": registration_id,
                "present": checked_in_at is not None,
                "time": format_time(checked_in_at) if checked_in_at else "",
            }
        )
    return back_to_list(request, page_id, f"#registration-{registration_id}")


@require_GET
@never_cache
def check_in_state(request, page_id):
    return JsonResponse(state(event_form_for(request.user, page_id)))


class AddWalkInView(CheckInView):
    """Adds someone who came without a registration; a form with errors shows the check-in page
    again, with what was typed."""

    http_method_names = ["post"]

    def post(self, request, page_id):
        form = WalkInForm(request.POST, instance=WalkIn(page=self.owner))
        if not form.is_valid():
            if wants_json(request):
                return JsonResponse({"errors": form.errors}, status=400)
            context = self.get_context_data(walk_in_form=form)
            return self.render_to_response(context, status=400)
        walk_in = form.save()
        if wants_json(request):
            return JsonResponse(
                {"id": walk_in.pk, "name": walk_in.name, "institution": walk_in.institution},
                status=201,
            )
        return back_to_list(request, page_id, "#walk-ins")


@require_POST
def delete_walk_in(request, page_id, walk_in_id):
    """Takes back a walk-in added by mistake (or twice)."""
    owner = event_form_for(request.user, page_id)
    WalkIn.objects.filter(page=owner, pk=walk_in_id).delete()
    if wants_json(request):
        return JsonResponse({"id": walk_in_id, "deleted": True})
    return back_to_list(request, page_id, "#walk-ins")
