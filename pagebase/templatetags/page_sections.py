"""`{% page_sections page "place" %}`: what other apps contribute to a page (see pagebase.sections)."""

from django import template

from pagebase.sections import render_sections

register = template.Library()


@register.simple_tag(takes_context=True)
def page_sections(context, page, place):
    return render_sections(context, page, place)
