"""Blocks for an event's key questions and programme."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks

PROGRAMME_ITEM_KINDS = [
    ("arrival", _("Arrival")),
    ("welcome", _("Welcome")),
    ("keynote", _("Keynote")),
    ("talk", _("Talk")),
    ("practice_example", _("Practice example")),
    ("discussion", _("Discussion")),
    ("workshop", _("Workshop")),
    ("break", _("Break")),
    ("closing", _("Closing")),
]


class ProgrammeItemValue(blocks.StructValue):
    @property
    def kind_label(self):
        return dict(PROGRAMME_ITEM_KINDS).get(self.get("kind"), "")


class ProgrammeItemBlock(blocks.StructBlock):
    starts_at = blocks.TimeBlock(label=_("Start time"))
    ends_at = blocks.TimeBlock(label=_("End time"), required=False)
    title = blocks.CharBlock(label=pgettext_lazy("of a programme item", "Title"), max_length=250)
    kind = blocks.ChoiceBlock(label=_("Kind"), choices=PROGRAMME_ITEM_KINDS, default="talk")
    description = blocks.TextBlock(label=_("Description"), required=False)
    speakers = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="speakers.SpeakerPage", label=_("Speaker")),
        label=_("Speakers"),
        default=[],
        min_num=0,
    )

    class Meta:
        icon = "time"
        label = _("Programme item")
        template = "events/blocks/programme_item_block.html"
        value_class = ProgrammeItemValue


class ProgrammeBlock(blocks.StreamBlock):
    item = ProgrammeItemBlock()

    class Meta:
        block_counts = {}


class KeyQuestionsBlock(blocks.StreamBlock):
    question = blocks.TextBlock(label=_("Question"), icon="help", max_length=500)
