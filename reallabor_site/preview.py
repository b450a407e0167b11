"""The draft behind a headless preview token (wagtail-headless-preview), for API v2 and v3."""

from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature
from django.http import Http404
from wagtail_headless_preview.models import HeadlessPreviewMixin


class InvalidPreviewToken(Exception):
    """The token was not signed by this site: nothing may be shown for it."""


def draft_from_token(content_type, token):
    """The page as the editor previewed it, unsaved changes included.

    `content_type` and `token` are what the preview gave the front-end, e.g. "events.eventpage".
    A token not signed by this site raises InvalidPreviewToken; an unknown page type or a preview
    that has expired (wagtail-headless-preview keeps them for a day) raises Http404.
    """
    try:
        HeadlessPreviewMixin.get_preview_signer().unsign(token)
    except BadSignature:
        raise InvalidPreviewToken("a valid preview token is required") from None
    app_label, _, model_name = content_type.partition(".")
    try:
        model = ContentType.objects.get_by_natural_key(app_label, model_name).model_class()
    except ContentType.DoesNotExist:
        model = None
    if model is None or not issubclass(model, HeadlessPreviewMixin):
        raise Http404("no previewable page type of that name")
    page = model.get_page_from_preview_token(token)
    if page is None:
        raise Http404("no preview for this token; it may have expired")
    return page
