"""Workaround: wagtail-localize 1.14.5 lets anyone with "submit translation" translate any page.

Its views to translate a page or snippet and to update (and publish) its translations check only
that global permission, not the user's permission on the object: an editor whose group may edit
one event can open another event's translation form (which shows its unpublished draft title) and
create or publish its translations in trees they may not edit. Wagtail's own
`simple_translation` refuses this (its view checks `can_edit()` on the page, and the change
permission on a snippet); here wagtail-localize's views additionally require the same.

Registered in wagtail_hooks.py at the same paths, before wagtail-localize's own URLs. Remove it
when reallabor_site/tests/test_admin_permissions.py::
WagtailLocalizeUpstreamTests::test_wagtail_localize_alone_still_opens_any_page fails.
"""

from django.core.exceptions import PermissionDenied
from django.urls import path
from wagtail_localize.models import TranslationSource
from wagtail_localize.views.edit_translation import user_can_edit_instance
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView


class SourcePermissionRequired:
    """Refuses the view unless the user may edit the page or snippet being translated."""

    def get_object(self):
        translated = super().get_object()
        source = (
            translated.get_source_instance()
            if isinstance(translated, TranslationSource)
            else translated
        )
        if not user_can_edit_instance(self.request.user, source):
            raise PermissionDenied
        return translated


class CheckedSubmitPageTranslationView(SourcePermissionRequired, SubmitPageTranslationView):
    pass


class CheckedSubmitSnippetTranslationView(SourcePermissionRequired, SubmitSnippetTranslationView):
    pass


class CheckedUpdateTranslationsView(SourcePermissionRequired, UpdateTranslationsView):
    pass


def admin_urls():
    """The same paths as wagtail-localize's, so its URL names lead to these views."""
    return [
        path("localize/submit/page/<int:page_id>/", CheckedSubmitPageTranslationView.as_view()),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            CheckedSubmitSnippetTranslationView.as_view(),
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            CheckedUpdateTranslationsView.as_view(),
        ),
    ]
