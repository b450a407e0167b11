"""What several browser tests look for: interface texts in a language, and visible focus."""

from django.utils import translation

# A phone's screen, as the visitor journeys and the error summary test use it.
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def interface_text(language, message, context=None):
    """An interface text as the site shows it in `language` (a msgid of ours or Django's,
    with its context if it has one)."""
    with translation.override(language):
        if context:
            return translation.pgettext(context, message)
        return translation.gettext(message)


FOCUS_STYLE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {
        tag: el.tagName, text: (el.innerText || el.name || '').trim().slice(0, 60),
        outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth),
        boxShadow: style.boxShadow,
    };
}"""


def assert_focus_is_visible(page):
    """The focused element draws an outline (or a focus ring as a box shadow) of 2px or more."""
    focus = page.evaluate(FOCUS_STYLE)
    outlined = focus["outlineStyle"] != "none" and focus["outlineWidth"] >= 2
    assert outlined or focus["boxShadow"] != "none", f"no visible focus on {focus}"
    return focus
