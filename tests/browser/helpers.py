"""What several browser tests look for: interface texts in a language, and visible focus."""

from django.utils import translation


def interface_text(language, message):
    """An interface text as the site shows it in `language` (a msgid of ours or Django's)."""
    with translation.override(language):
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
