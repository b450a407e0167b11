"""Headless preview for every page type: in the external front-end when one is configured."""

from wagtail_headless_preview import models as headless_preview
from wagtail_headless_preview.settings import headless_preview_settings


class HeadlessPreviewMixin(headless_preview.HeadlessPreviewMixin):
    """Previews a draft in the external front-end when one is configured, else as Wagtail does.

    wagtail-headless-preview's mixin always sends the preview to a front-end; without
    HEADLESS_PREVIEW_CLIENT_URL there is none, and editors keep the site's own preview.
    """

    def serve_preview(self, request, preview_mode):
        if headless_preview_settings.CLIENT_URLS:
            return super().serve_preview(request, preview_mode)
        return super(headless_preview.HeadlessPreviewMixin, self).serve_preview(
            request, preview_mode
        )
