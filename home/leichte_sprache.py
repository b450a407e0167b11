"""The save-time check of texts in Leichte Sprache: it finds what breaks three of the rules of the
Netzwerk Leichte Sprache that a program can see, and leaves the decision to the editor.

It warns and never refuses: a name, a quotation or a title may have to break a rule.
"""

import re

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

LONGEST_SENTENCE = 15  # words

# A sentence ends at . ! ? or : followed by a space, or at the end of a line; not after a
# digit, which makes a date ("22. November").
SENTENCE_END = re.compile(r"(?<=[^\d][.!?:])\s+|\n+")
WORD = re.compile(r"[\w][\w\-–'’]*", re.UNICODE)

# Numbers up to twelve may be words ("zwei Kreise"); larger ones are written with digits.
SMALL_NUMBERS = "null ein eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf".split()
LARGE_NUMBER_PARTS = (
    "zwanzig dreißig dreissig vierzig fünfzig sechzig siebzig achtzig neunzig "
    "hundert tausend millionen million milliarden milliarde".split()
)
NUMBER_WORD = re.compile(
    "(?:{})+(?:ste|ster|sten|stes|te|ter|ten|tes|e|er|en|n)?".format(
        "|".join(
            sorted(
                {*SMALL_NUMBERS, *LARGE_NUMBER_PARTS, "sech", "sieb", "und"}, key=len, reverse=True
            )
        )
    )
)

# Abbreviations common in German texts; written out in Leichte Sprache.
KNOWN_ABBREVIATIONS = re.compile(
    r"(?<![\w.])(?:z\.\s?B\.|d\.\s?h\.|u\.\s?a\.|o\.\s?Ä\.|u\.\s?U\.|s\.\s?o\.|s\.\s?u\.|i\.\s?d\.\s?R\."
    r"|bzw\.|ggf\.|usw\.|etc\.|evtl\.|inkl\.|zzgl\.|bspw\.|sog\.|vgl\.|ca\.|Nr\.|Str\.|Tel\.|Dr\.)",
    re.IGNORECASE,
)
# Words in capitals such as "NRW" or "BITV" are abbreviations too.
ACRONYM = re.compile(r"(?<![\w-])[A-ZÄÖÜ]{2,6}(?![\w-])")


def sentences(text):
    return [part.strip() for part in SENTENCE_END.split(text or "") if part.strip()]


def long_sentences(text):
    return [
        sentence for sentence in sentences(text) if len(WORD.findall(sentence)) > LONGEST_SENTENCE
    ]


def _is_large_number_word(word):
    word = word.lower()
    if word in SMALL_NUMBERS or word == "und" or not NUMBER_WORD.fullmatch(word):
        return False
    # "dreizehn" to "neunzehn", or any word with a tens, hundred or thousand part.
    return any(part in word for part in LARGE_NUMBER_PARTS) or (
        word.endswith("zehn") and word != "zehn"
    )


def large_number_words(text):
    return [word for word in WORD.findall(text or "") if _is_large_number_word(word)]


def abbreviations(text):
    return [match.group(0) for match in KNOWN_ABBREVIATIONS.finditer(text or "")] + [
        match.group(0) for match in ACRONYM.finditer(text or "")
    ]


def texts_of_stream(stream):
    """Every text of a StreamField in Leichte Sprache blocks, in the order readers see them."""
    for block in stream:
        value = block.value
        if block.block_type in ("heading", "sentences"):
            yield str(value)
        elif block.block_type == "explained_word":
            yield value["word"]
            yield value["explanation"]
        elif block.block_type == "picture":
            yield value["alt_text"]
            yield value["caption"]
        elif block.block_type == "steps":
            yield value["heading"] or ""
            yield from value["steps"]
        elif block.block_type == "link_button":
            yield value["label"]


def _quoted(items):
    return ", ".join(f"„{item}“" for item in dict.fromkeys(items))


def warnings_for_texts(texts):
    """What breaks the checked rules, as messages for the editor; empty when nothing does."""
    texts = [text for text in texts if text]
    found_long = [sentence for text in texts for sentence in long_sentences(text)]
    found_numbers = [word for text in texts for word in large_number_words(text)]
    found_abbreviations = [item for text in texts for item in abbreviations(text)]
    messages = []
    if found_long:
        messages.append(
            ngettext(
                "Leichte Sprache: %(count)d sentence has more than %(limit)d words. "
                "Split it into short sentences: %(items)s",
                "Leichte Sprache: %(count)d sentences have more than %(limit)d words. "
                "Split them into short sentences: %(items)s",
                len(found_long),
            )
            % {"count": len(found_long), "limit": LONGEST_SENTENCE, "items": _quoted(found_long)}
        )
    if found_numbers:
        messages.append(
            _(
                "Leichte Sprache: write numbers above twelve with digits (20, not zwanzig): "
                "%(items)s"
            )
            % {"items": _quoted(found_numbers)}
        )
    if found_abbreviations:
        messages.append(
            _("Leichte Sprache: write out these abbreviations: %(items)s")
            % {"items": _quoted(found_abbreviations)}
        )
    return messages


def page_warnings(page):
    """The warnings for a page's texts in Leichte Sprache, if it has any."""
    texts = getattr(page, "leichte_sprache_texts", None)
    if texts is None:
        return []
    return warnings_for_texts(texts())
