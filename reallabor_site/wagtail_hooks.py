from wagtail import hooks

from .localize_permissions import admin_urls as checked_translation_urls
from .page_cache import remember_page

hooks.register("before_serve_page", remember_page)
# Before wagtail-localize's own URLs, so these paths reach the checked views first.
hooks.register("register_admin_urls", checked_translation_urls, order=-1)
