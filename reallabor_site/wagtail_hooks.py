from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext, pgettext
from wagtail import hooks

from .localize_permissions import admin_urls as checked_translation_urls
from .page_cache import remember_page

hooks.register("before_serve_page", remember_page)
# Before wagtail-localize's own URLs, so these paths reach the checked views first.
hooks.register("register_admin_urls", checked_translation_urls, order=-1)


@hooks.register("insert_editor_js")
def translation_editor_heading():
    # Translators: the translation editor's heading, e.g. "Deutsch to Українська translation".
    pattern = pgettext("translation editor", "%(source)s to %(target)s translation")
    return format_html(
        '<script src="{}" data-pattern="{}" data-more-actions="{}"></script>',
        static("reallabor_site/admin/translation-editor-heading.js"),
        pattern,
        # Wagtail's own message, in Wagtail's own translation.
        gettext("More actions"),
    )
