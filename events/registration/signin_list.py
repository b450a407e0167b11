"""The sign-in list (Teilnahmeliste) of an event as a PDF, for the funder's proof of attendance.

WeasyPrint turns an HTML template into the PDF: CSS paged media repeats the table's header on
every page and counts "Seite N von M" (`counter(page)`, `counter(pages)`), which reportlab's
open-source edition would have us lay out by hand, and it writes a tagged PDF. The font (DejaVu
Sans, Latin and Cyrillic) ships with the app and is embedded, so the list never depends on the
fonts of the server it is made on.
"""

import base64
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import pgettext
from wagtail.images.models import SourceImageIOError

from home.models import OrganisationDetails, SiteSettings

from ..formatting import format_period
from .models import Registration
from .organisers import event_form_for
from .registrants import FormReader

FONTS_DIR = Path(__file__).resolve().parent.parent / "static" / "events" / "fonts"
# Rows left empty at the end of the list, for people who come without a registration.
EMPTY_ROWS = 10
LOGO_RENDITION = "max-240x120"
PAGE_PLACEHOLDER, PAGES_PLACEHOLDER = "%(page)s", "%(pages)s"


def list_language(requested):
    """The language asked for with ?lang=, if the site has it; German otherwise."""
    codes = [code for code, _name in settings.LANGUAGES]
    return requested if requested in codes else settings.LANGUAGE_CODE


def event_in(owner, language):
    """The event of the German form page `owner` in `language`, German where it has no
    translation in that language."""
    german_event = owner.get_parent().specific
    for translation_ in german_event.get_translations(inclusive=True).select_related("locale"):
        if translation_.locale.language_code == language:
            return translation_.specific
    return german_event


def css_string(text):
    """`text` as a CSS string literal, for the page margins' `content`."""
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'


def page_counter_content():
    """'Seite N von M' as CSS `content`: the translated words around the two counters."""
    words = pgettext("sign-in list", "Page %(page)s of %(pages)s")
    before, _sep, rest = words.partition(PAGE_PLACEHOLDER)
    middle, _sep, after = rest.partition(PAGES_PLACEHOLDER)
    return " ".join(
        [css_string(before), "counter(page)", css_string(middle), "counter(pages)"]
        + ([css_string(after)] if after else [])
    )


def image_data_uri(image):
    """A logo as a data URI: read through the storage, so S3 media work as well as local."""
    if image is None:
        return None
    try:
        rendition = image.get_rendition(LOGO_RENDITION)
    except SourceImageIOError:
        # A logo whose file is missing leaves a gap in the header, not a list that fails.
        return None
    with rendition.file.open("rb") as file:
        content = file.read()
    mime = {"png": "image/png", "gif": "image/gif", "webp": "image/webp", "svg": "image/svg+xml"}
    extension = rendition.file.name.rsplit(".", 1)[-1].lower()
    return f"data:{mime.get(extension, 'image/jpeg')};base64,{base64.b64encode(content).decode()}"


def own_fonts_and_inline_images():
    """A WeasyPrint URL fetcher that loads nothing but the fonts shipped with the app and inline
    logos: never a URL that a registrant's text could name, nor anything on the network."""
    from weasyprint.urls import URLFetcher

    class OwnFontsAndInlineImages(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme == "file" and Path(unquote(parts.path)).resolve().parent != FONTS_DIR:
                raise ValueError("only the list's own fonts are loaded from files")
            return super().fetch(url, headers)

    return OwnFontsAndInlineImages(allowed_protocols=("file", "data"))


def site_logos(owner, language):
    site = owner.get_site()
    if site is None:
        return []
    site_settings = SiteSettings.for_site(site)
    organisation = site_settings.organisation
    if organisation is not None:
        organisation = (
            OrganisationDetails.objects.filter(
                translation_key=organisation.translation_key, locale__language_code=language
            ).first()
            or organisation
        )
    logos = []
    for image, alt in (
        (site_settings.organiser_logo, organisation.organisation_name if organisation else ""),
        (site_settings.funder_logo, organisation.funding_line if organisation else ""),
    ):
        uri = image_data_uri(image)
        if uri:
            logos.append({"src": uri, "alt": alt or image.title})
    return logos


def weasyprint_html():
    """WeasyPrint's HTML class, imported on first use: it loads Pango, and the rest of the site
    runs without. Importing it also tells Pillow, for the whole process, to accept truncated
    images (`ImageFile.LOAD_TRUNCATED_IMAGES`), which would let corrupt uploads into the image
    library once a worker has made a sign-in list; the setting is put back."""
    from PIL import ImageFile

    loads_truncated_images = ImageFile.LOAD_TRUNCATED_IMAGES
    try:
        from weasyprint import HTML
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = loads_truncated_images
    return HTML


def render_sign_in_list(owner, language):
    """The PDF (bytes) of the sign-in list of the event whose German form page is `owner`."""
    reader = FormReader(owner)
    confirmed = Registration.objects.of(owner).filter(status=Registration.Status.CONFIRMED)
    registrants = reader.by_family_name(confirmed)
    with translation.override(language):
        event = event_in(owner, language)
        venue = event.localized_venue if event.venue_id else None
        html = render_to_string(
            "events/registration/sign_in_list.html",
            {
                "language": language,
                "event": event,
                "when": format_period(event.start, event.end),
                "venue": venue,
                "logos": site_logos(owner, language),
                "registrants": registrants,
                "empty_rows": range(len(registrants) + 1, len(registrants) + EMPTY_ROWS + 1),
                "fonts_url": FONTS_DIR.as_uri(),
                "page_counter": page_counter_content(),
                "running_title": css_string(event.title),
            },
        )
    return weasyprint_html()(string=html, url_fetcher=own_fonts_and_inline_images()).write_pdf(
        pdf_variant="pdf/ua-1"
    )


def sign_in_list(request, page_id):
    owner = event_form_for(request.user, page_id)
    language = list_language(request.GET.get("lang"))
    pdf = render_sign_in_list(owner, language)
    # "Teilnahmeliste" in every language: the file name is for the German office's folders.
    filename = f"teilnahmeliste-{slugify(owner.get_parent().slug)}-{language}.pdf"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    # Names and institutions of people: never kept by a shared cache or the browser's.
    response["Cache-Control"] = "private, no-store"
    return response
