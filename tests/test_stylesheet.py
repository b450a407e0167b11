from django.test import SimpleTestCase

from reallabor_site.settings.base import PROJECT_DIR


class StylesheetTests(SimpleTestCase):
    def test_every_block_of_the_stylesheet_is_closed(self):
        # An unclosed @media block once put every later rule into print styles only.
        css = (PROJECT_DIR / "static" / "css" / "site.css").read_text()
        depth = 0
        for character in css:
            depth += {"{": 1, "}": -1}.get(character, 0)
            self.assertGreaterEqual(depth, 0, "a } closes more than was opened")
        self.assertEqual(depth, 0, "a { is never closed")
