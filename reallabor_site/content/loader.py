"""Create the project's pages and snippets in German and translate them with wagtail-localize.

Everything here looks for what already exists before creating anything, so loading the content
again changes nothing, and content that editors changed in the admin is left alone.
"""

import uuid

from django.conf import settings
from django.core.management.base import CommandError
from django.db import transaction
from modelcluster.models import get_all_child_relations
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource

from .texts import SEED_LANGUAGES, Link, in_language, translation_map

# Seed content gets translation keys derived from what it is, so it is found again after
# editors have changed its slug or name.
SEED_NAMESPACE = uuid.UUID("5b0f3c52-8f4e-4a61-9d55-2d7c1e0a9b44")


def seed_key(model, identity):
    return uuid.uuid5(SEED_NAMESPACE, f"{model._meta.label_lower}:{identity}")


def source_language():
    """The language the content is written in first (settings.LANGUAGE_CODE)."""
    if settings.LANGUAGE_CODE not in SEED_LANGUAGES:
        raise CommandError(
            f"The seed content is written in {', '.join(SEED_LANGUAGES)}, "
            f"not in LANGUAGE_CODE {settings.LANGUAGE_CODE!r}."
        )
    return settings.LANGUAGE_CODE


def translation_languages():
    """The site's other languages (settings.LANGUAGES), by language code."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def ensure_locales():
    """A locale for each of the site's languages, by language code."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code in (source_language(), *translation_languages())
    }


def ensure_tree_synchronisation(locales):
    """Let wagtail-localize mirror new German pages into the other languages until translated.

    Done last, because creating the synchronisation copies every untranslated German page: in a
    language the seed content has no text in, every page is such a copy.
    """
    for code in translation_languages():
        LocaleSynchronization.objects.get_or_create(
            locale=locales[code], defaults={"sync_from": locales[source_language()]}
        )


def publish(page):
    page.save_revision().publish()
    return page


class MissingTranslations(CommandError):
    """Some German text has no translation among the seed texts."""


def _has_translation(instance, locale):
    translation = instance.get_translation_or_none(locale)
    # An alias only mirrors the German page; it is replaced by a real translation.
    return translation is not None and getattr(translation, "alias_of_id", None) is None


@transaction.atomic
def ensure_translations(instance, spec, locales):
    """Translate `instance` into the site's other languages that the seed texts are written in,
    through wagtail-localize.

    The translations are stored as wagtail-localize string translations, so the admin's
    translation editor shows them and editors can revise them there.
    """
    for code in translation_languages():
        if code not in SEED_LANGUAGES:
            continue
        locale = locales[code]
        if _has_translation(instance, locale):
            continue
        source, _ = TranslationSource.update_or_create_from_instance(instance)
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
        mapping = translation_map(spec, source_language(), code)
        po = translation.export_po()
        missing = []
        for entry in po:
            if entry.msgid in mapping:
                entry.msgstr = mapping[entry.msgid]
            else:
                missing.append(f"{entry.msgctxt}: {entry.msgid}")
        if missing:
            raise MissingTranslations(
                f"No {code} translation for {instance!r}: " + "; ".join(missing)
            )
        translation.import_po(po)
        if isinstance(instance, Page):
            # wagtail-localize would publish only when the surrounding transaction commits,
            # from a revision that no longer knows about child pages created meanwhile.
            translation.save_target(publish=False)
            instance.get_translation(locale).get_latest_revision().publish()
        else:
            translation.save_target(publish=True)


class SeedContent:
    """Finds or creates seed content in German and has it translated.

    Remembers what each spec became, so that later specs can link to it with `Link(spec)`.
    `warn` receives a message for content that editors changed before it was translated.
    """

    def __init__(self, locales, warn):
        self.locales = locales
        self.german = locales[source_language()]
        self.warn = warn
        self._loaded = {}

    def home_page(self, model, spec):
        """The German home page as the root of the default site, replacing Wagtail's welcome page."""
        home = model.objects.filter(depth=2, locale=self.german).first()
        created = home is None
        if created:
            root = Page.get_first_root_node()
            home = publish(root.add_child(instance=self._build(model, spec, locale=self.german)))
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
        elif site.root_page_id != home.pk:
            welcome = site.root_page
            site.root_page = home
            site.save()
            if type(welcome.specific) is Page and not welcome.get_children().exists():
                welcome.delete()
        return self._translated(home, spec, created)

    def page(self, parent, model, spec):
        """A German page below `parent`, created and published if missing, and translated."""
        slug = in_language(spec["slug"], source_language())
        key = seed_key(model, slug)
        existing = (
            model.objects.filter(locale=self.german, translation_key=key).first()
            # Pages from before seed keys existed are known by their slug.
            or parent.get_children().filter(slug=slug).specific().first()
        )
        if existing is not None:
            return self._translated(existing, spec, created=False)
        page = self._build(model, spec, locale=self.german, translation_key=key)
        return self._translated(publish(parent.add_child(instance=page)), spec, created=True)

    def german_page(self, parent, model, spec):
        """A page that exists in German only (Leichte Sprache), created and published if missing."""
        slug = spec["slug"]
        key = seed_key(model, slug)
        existing = model.objects.filter(locale=self.german, translation_key=key).first()
        if existing is None:
            page = self._build(model, spec, locale=self.german, translation_key=key)
            existing = publish(parent.add_child(instance=page))
        self._loaded[id(spec)] = existing
        return existing

    def snippet(self, model, spec, lookup):
        """A German snippet, known by the German values in `lookup`, created if missing."""
        lookup = in_language(lookup, source_language())
        key = seed_key(model, "|".join(f"{name}={lookup[name]}" for name in sorted(lookup)))
        existing = (
            model.objects.filter(locale=self.german, translation_key=key).first()
            or model.objects.filter(locale=self.german, **lookup).first()
        )
        if existing is not None:
            return self._translated(existing, spec, created=False)
        snippet = self._build(model, spec, locale=self.german, translation_key=key)
        snippet.save()
        return self._translated(snippet, spec, created=True)

    def _translated(self, instance, spec, created):
        try:
            ensure_translations(instance, spec, self.locales)
        except MissingTranslations as error:
            # Our texts no longer match what editors wrote; translating theirs is their call.
            if created:
                raise
            self.warn(f"Not translated, because it was changed in the admin: {error}")
        self._loaded[id(spec)] = instance
        return instance

    def _build(self, model, spec, **extra):
        """An unsaved German instance of `model`, with its inline children and links resolved."""
        children = {
            relation.get_accessor_name(): relation.related_model
            for relation in get_all_child_relations(model)
        }
        fields = {}
        for name, value in spec.items():
            if name in children:
                child_model = children[name]
                order = getattr(child_model, "sort_order_field", None)
                fields[name] = [
                    self._build(child_model, item, **({order: index} if order else {}))
                    for index, item in enumerate(value)
                ]
            elif isinstance(value, Link):
                fields[name] = self._resolve(value)
            else:
                fields[name] = in_language(value, source_language())
        return model(**fields, **extra)

    def _resolve(self, link):
        try:
            return self._loaded[id(link.spec)]
        except KeyError:
            raise CommandError(
                f"Load what {link.spec!r} describes before content that links to it."
            ) from None
