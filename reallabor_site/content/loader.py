"""Create the project's pages and snippets in German and translate them with wagtail-localize.

Every function here looks for what already exists before creating anything, so loading the
content again changes nothing, and content that editors changed in the admin is left alone.
"""

from django.core.management.base import CommandError
from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource

from .texts import in_language, translation_map

SOURCE_LANGUAGE = "de"
TRANSLATION_LANGUAGES = ("en", "uk")


def ensure_locales():
    """The German source locale and its English and Ukrainian translations, by language code."""
    codes = (SOURCE_LANGUAGE, *TRANSLATION_LANGUAGES)
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in codes}


def ensure_tree_synchronisation(locales):
    """Let wagtail-localize mirror new German pages into the other languages until translated.

    Done last, because creating the synchronisation copies every untranslated German page.
    """
    for code in TRANSLATION_LANGUAGES:
        LocaleSynchronization.objects.get_or_create(
            locale=locales[code], defaults={"sync_from": locales[SOURCE_LANGUAGE]}
        )


def german_fields(spec):
    return {name: in_language(value, SOURCE_LANGUAGE) for name, value in spec.items()}


def publish(page):
    page.save_revision().publish()
    return page


def ensure_home_page(model, spec, locales):
    """The German home page as the root of the default site, replacing Wagtail's welcome page."""
    german = locales[SOURCE_LANGUAGE]
    home = model.objects.filter(depth=2, locale=german).first()
    if home is None:
        root = Page.get_first_root_node()
        home = publish(root.add_child(instance=model(locale=german, **german_fields(spec))))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        welcome = site.root_page
        site.root_page = home
        site.save()
        if type(welcome.specific) is Page and not welcome.get_children().exists():
            welcome.delete()
    return home


def ensure_child_page(parent, model, spec):
    """A German page below `parent`, found by its slug, created and published if missing."""
    fields = german_fields(spec)
    existing = parent.get_children().filter(slug=fields["slug"]).first()
    if existing is not None:
        return existing.specific
    return publish(parent.add_child(instance=model(locale=parent.locale, **fields)))


def ensure_snippet(model, lookup, spec, locales):
    german = locales[SOURCE_LANGUAGE]
    existing = model.objects.filter(locale=german, **lookup).first()
    if existing is not None:
        return existing
    return model.objects.create(locale=german, **german_fields(spec))


def _has_translation(instance, locale):
    translation = instance.get_translation_or_none(locale)
    # An alias only mirrors the German page; it is replaced by a real translation.
    return translation is not None and getattr(translation, "alias_of_id", None) is None


@transaction.atomic
def ensure_translations(instance, spec, locales):
    """Translate `instance` into English and Ukrainian through wagtail-localize.

    The translations are stored as wagtail-localize string translations, so the admin's
    translation editor shows them and editors can revise them there.
    """
    for code in TRANSLATION_LANGUAGES:
        locale = locales[code]
        if _has_translation(instance, locale):
            continue
        source, _ = TranslationSource.get_or_create_from_instance(instance)
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
        mapping = translation_map(spec, code)
        po = translation.export_po()
        missing = []
        for entry in po:
            if entry.msgid in mapping:
                entry.msgstr = mapping[entry.msgid]
            else:
                missing.append(f"{entry.msgctxt}: {entry.msgid}")
        if missing:
            raise CommandError(f"No {code} translation for {instance!r}: " + "; ".join(missing))
        translation.import_po(po)
        if isinstance(instance, Page):
            # wagtail-localize would publish only when the surrounding transaction commits,
            # from a revision that no longer knows about child pages created meanwhile.
            translation.save_target(publish=False)
            instance.get_translation(locale).get_latest_revision().publish()
        else:
            translation.save_target(publish=True)
