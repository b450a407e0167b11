"""A text in the languages the seed content is written in, and helpers to turn nested content
into one language."""

import html

# The seed content is written in German (the source language), English and Ukrainian. The site may
# offer other languages too (settings.LANGUAGES): the loader leaves those to wagtail-localize,
# which shows the German pages there until editors translate them.
SEED_LANGUAGES = ("de", "en", "uk")


class T:
    """One piece of content, by language code: `T(german, english, ukrainian)`."""

    __slots__ = ("texts",)

    def __init__(self, *texts):
        self.texts = dict(zip(SEED_LANGUAGES, texts, strict=True))

    def __getitem__(self, language):
        return self.texts[language]

    def __repr__(self):
        return f"T({self.texts!r})"

    @classmethod
    def same(cls, text):
        """A text that stays as it is in every language, such as an address or a name."""
        return cls(*(text for _language in SEED_LANGUAGES))

    @classmethod
    def joined(cls, parts, separator=" "):
        """The texts of `parts` joined in each language, such as a name with its titles."""
        return cls(
            *(separator.join(part[language] for part in parts) for language in SEED_LANGUAGES)
        )


class Link:
    """A link to other seed content, named by that content's spec.

    The loader replaces it with the German page or snippet created from that spec, so a spec
    can say "presented by Marina Kallerhoff" without knowing any database ids.
    """

    __slots__ = ("spec",)

    def __init__(self, spec):
        self.spec = spec


def paragraphs(*texts):
    """Rich text made of plain paragraphs; each paragraph is translated on its own."""
    return Paragraphs(texts)


class Paragraphs(tuple):
    pass


def in_language(value, language):
    """Replace every T in a nested structure by its text in `language`."""
    if isinstance(value, T):
        return value[language]
    if isinstance(value, Paragraphs):
        return "".join(
            f"<p>{html.escape(in_language(p, language), quote=False)}</p>" for p in value
        )
    if isinstance(value, dict):
        return {key: in_language(item, language) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(in_language(item, language) for item in value)
    return value


def as_segment(text):
    """How wagtail-localize shows a plain text as a translatable segment."""
    return html.escape(text, quote=False).replace("\n", "<br/>")


def translation_map(value, source_language, language, into=None):
    """Map each segment in `source_language` in a nested structure to its translation in
    `language`."""
    mapping = {} if into is None else into
    if isinstance(value, T):
        source, target = as_segment(value[source_language]), as_segment(value[language])
        # Translations are matched to segments by their source text alone.
        if mapping.setdefault(source, target) != target:
            raise ValueError(f"{source!r} has two {language} translations in one spec")
        # A form field's choices are translated line by line (events.registration.fields).
        lines, translated_lines = value[source_language].splitlines(), value[language].splitlines()
        if len(lines) > 1 and len(lines) == len(translated_lines):
            for line, translated_line in zip(lines, translated_lines, strict=True):
                mapping.setdefault(as_segment(line), as_segment(translated_line))
    elif isinstance(value, dict):
        for item in value.values():
            translation_map(item, source_language, language, mapping)
    elif isinstance(value, list | tuple):
        for item in value:
            translation_map(item, source_language, language, mapping)
    return mapping
