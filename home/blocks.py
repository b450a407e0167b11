"""StreamField blocks that editors combine into the home page and standard pages."""

from typing import Annotated, Literal

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from pydantic import Field
from wagtail import blocks
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

from pagebase.api_fields import APIObject

# Rich text in the format the request asks for (?rich_text_format=, else the site's default).
RichText = Annotated[str, Field(description="Rich text, HTML unless rich_text_format says else.")]


class HeadingValue(APIObject):
    text: str
    level: Literal["h2", "h3"]


class ImageValue(APIObject):
    image: int | None = Field(description="The image's id at /api/v3/images/.")
    alt_text: str | None
    decorative: bool | None


class FigureValue(APIObject):
    image: ImageValue
    caption: str | None


class ListValue(APIObject):
    heading: str | None
    items: list[str]


class CalloutValue(APIObject):
    heading: str
    text: RichText


class LinkButtonValue(APIObject):
    label: str
    page: int | None = Field(description="The linked page's id, or null for an external address.")
    url: str | None = Field(description="The external address, or empty for a page.")


class ContactValue(APIObject):
    heading: str
    text: RichText | None


def stream_item(name, value, stream=""):
    """A block of a StreamField as the APIs serve it: its type, its value and its id.

    `stream` names the StreamBlock when its block names repeat another's, since the schema
    names each item type once."""
    return type(
        f"{stream}{name.title().replace('_', '')}Block",
        (APIObject,),
        {"__annotations__": {"type": Literal[name], "value": value, "id": str}},
    )


# BaseStreamBlock's API representation, one item type per block, told apart by `type`.
BaseStreamItem = Annotated[
    stream_item("heading", HeadingValue)
    | stream_item("paragraph", RichText)
    | stream_item("figure", FigureValue)
    | stream_item("list", ListValue)
    | stream_item("callout", CalloutValue)
    | stream_item("link_button", LinkButtonValue)
    | stream_item("contact", ContactValue),
    Field(discriminator="type"),
]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading (h2)")), ("h3", _("Subheading (h3)"))],
        default="h2",
        help_text=_(
            "Use subheadings only below a section heading, so screen readers can navigate."
        ),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "home/blocks/heading_block.html"
        preview_value = {"text": "Kreispartnerschaften mit der Ukraine", "level": "h2"}


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(
        label=pgettext_lazy("of an image", "Caption"), required=False, max_length=300
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/figure_block.html"


class ListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    items = blocks.ListBlock(blocks.CharBlock(label=_("Item"), max_length=500), label=_("Items"))

    class Meta:
        icon = "list-ul"
        label = _("List (e.g. aims)")
        template = "home/blocks/list_block.html"
        preview_value = {
            "heading": "Unsere Ziele",
            "items": ["Partnerschaften stärken", "Wiederaufbau unterstützen"],
        }


class CalloutBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link"])

    class Meta:
        icon = "help"
        label = _("Info box")
        template = "home/blocks/callout_block.html"
        preview_value = {
            "heading": "Gefördert durch die Staatskanzlei NRW",
            "text": "<p>Das Reallabor wird von der Staatskanzlei Nordrhein-Westfalen gefördert.</p>",
        }


class LinkButtonBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Link text"), max_length=100)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)

    class Meta:
        icon = "link"
        label = _("Link button")
        template = "home/blocks/link_button_block.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"page": _("Choose either a page or an external address.")}
            )
        return value


class ContactBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    text = blocks.RichTextBlock(
        label=_("Text"),
        required=False,
        features=["bold", "italic", "link"],
        help_text=_("The contact details from the site settings are shown below this text."),
    )

    class Meta:
        icon = "mail"
        label = _("Contact")
        template = "home/blocks/contact_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks every content page offers."""

    # The shape of its API representation, for Wagtail's v3 schema (see pagebase.api_schema).
    api_schema = list[BaseStreamItem]

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        icon="pilcrow",
        features=["h3", "bold", "italic", "link", "ol", "ul", "document-link"],
        template="home/blocks/paragraph_block.html",
        preview_value="<p>Die Festigung der Städtepartnerschaften steht im Mittelpunkt.</p>",
    )
    figure = FigureBlock()
    list = ListBlock()
    callout = CalloutBlock()
    link_button = LinkButtonBlock()
    contact = ContactBlock()


# Leichte Sprache ("easy-to-read German", after the rules of the Netzwerk Leichte Sprache) has
# blocks of its own: each one makes one of the rules easy to follow, and says which in its help.


class SentenceLinesBlock(blocks.TextBlock):
    """Plain sentences, one per line; each line is shown as a line of its own."""

    def __init__(self, **kwargs):
        super().__init__(
            label=_("Sentences"),
            rows=6,
            help_text=_(
                "Rule: one statement per sentence, each sentence on its own line. Write short "
                "sentences (at most 15 words), in the active voice, without abbreviations."
            ),
            **kwargs,
        )

    class Meta:
        icon = "pilcrow"
        template = "home/blocks/sentence_lines_block.html"
        preview_value = (
            "Das Reallabor ist ein Projekt.\nKreise in Nordrhein-Westfalen arbeiten mit Gemeinden "
            "in der Ukraine zusammen."
        )


class ExplainedWordBlock(blocks.StructBlock):
    word = blocks.CharBlock(
        label=_("Hard word"),
        max_length=100,
        help_text=_("The word as it appears in the text, e.g. “Kreis-Partnerschaft”."),
    )
    explanation = blocks.TextBlock(
        label=_("Explanation"),
        rows=4,
        help_text=_("Short sentences, each on its own line."),
    )

    class Meta:
        icon = "help"
        label = _("Explained word")
        help_text = _(
            "Rule: explain hard words where they appear. Put this block right after the text "
            "that uses the word. Long words get a hyphen: Kreis-Partnerschaft."
        )
        template = "home/blocks/explained_word_block.html"
        preview_value = {
            "word": "Kreis",
            "explanation": "Ein Kreis ist ein Gebiet mit mehreren Städten und Gemeinden.\n"
            "Der Kreis hat eine eigene Verwaltung.",
        }


class PictureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Picture"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("What the picture shows, for people who cannot see it. Required."),
    )
    caption = blocks.TextBlock(
        label=pgettext_lazy("of an image", "Caption"),
        rows=2,
        help_text=_("One or two short sentences that say what the picture means."),
    )

    class Meta:
        icon = "image"
        label = _("Picture with caption")
        help_text = _(
            "Rule: use pictures that help to understand the text, next to that text. Every "
            "picture needs an alternative text and a caption."
        )
        template = "home/blocks/picture_block.html"


class StepListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    steps = blocks.ListBlock(
        blocks.TextBlock(label=_("Step"), rows=2),
        label=_("Steps"),
        help_text=_("One step per item. Short sentences, each on its own line."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Step list")
        help_text = _(
            "Rule: explain what to do step by step, in the order a reader does it. The steps "
            "are numbered with digits."
        )
        template = "home/blocks/step_list_block.html"
        preview_value = {
            "heading": "So melden Sie sich an",
            "steps": ["Sie öffnen die Seite von der Veranstaltung.", "Sie klicken auf: Anmelden."],
        }


class LeichteSpracheHeadingBlock(blocks.CharBlock):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Heading"),
            max_length=120,
            help_text=_("Rule: short headings that say what comes next."),
            **kwargs,
        )

    class Meta:
        icon = "title"
        template = "home/blocks/leichte_sprache_heading_block.html"
        preview_value = "Was ist das Reallabor?"


class ExplainedWordValue(APIObject):
    word: str
    explanation: str = Field(description="Short sentences, one per line.")


class PictureValue(APIObject):
    image: int | None = Field(description="The image's id at /api/v3/images/.")
    alt_text: str
    caption: str


class StepListValue(APIObject):
    heading: str
    steps: list[str]


# LeichteSpracheStreamBlock's API representation, one item type per block, told apart by `type`.
LeichteSpracheItem = Annotated[
    stream_item("heading", str, "LeichteSprache")
    | stream_item(
        "sentences",
        Annotated[str, Field(description="Sentences, one per line.")],
        "LeichteSprache",
    )
    | stream_item("explained_word", ExplainedWordValue, "LeichteSprache")
    | stream_item("picture", PictureValue, "LeichteSprache")
    | stream_item("steps", StepListValue, "LeichteSprache")
    | stream_item("link_button", LinkButtonValue, "LeichteSprache"),
    Field(discriminator="type"),
]


class LeichteSpracheStreamBlock(blocks.StreamBlock):
    """The blocks of a page in Leichte Sprache: few, large, one kind of content each."""

    # The shape of its API representation, for Wagtail's v3 schema (see pagebase.api_schema).
    api_schema = list[LeichteSpracheItem]

    heading = LeichteSpracheHeadingBlock()
    sentences = SentenceLinesBlock()
    explained_word = ExplainedWordBlock()
    picture = PictureBlock()
    steps = StepListBlock()
    link_button = LinkButtonBlock()
