"""The apps depend on each other one way, in code, templates and tests alike.

`pagebase` is at the bottom and knows no content app; `speakers` and `home` do not know
`events`, which adds what it has to show on their pages (pagebase.sections); no app knows
`reallabor_site`, which wires them together.
"""

import ast
import re
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
# For each app, the packages it must not import and whose template libraries it must not load.
FORBIDDEN = {
    "pagebase": {"speakers", "home", "events", "reallabor_site"},
    "speakers": {"events", "reallabor_site"},
    "home": {"events", "reallabor_site"},
    "events": {"reallabor_site"},
}
TAG_LIBRARIES = {
    "event_tags": "events",
    "site_tags": "reallabor_site",
    "language_marks": "pagebase",
    "reader_language": "pagebase",
    "page_sections": "pagebase",
}
LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")


def sources(app, pattern):
    return [
        path
        for path in (BASE_DIR / app).rglob(pattern)
        if "migrations" not in path.relative_to(BASE_DIR).parts
    ]


def imported_packages(path):
    packages = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            packages.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            packages.add(node.module.split(".")[0])
    return packages


@pytest.mark.parametrize("app", FORBIDDEN)
def test_app_imports_no_app_above_it(app):
    reaching_up = {
        str(path.relative_to(BASE_DIR)): sorted(imported_packages(path) & FORBIDDEN[app])
        for path in sources(app, "*.py")
        if imported_packages(path) & FORBIDDEN[app]
    }
    assert reaching_up == {}


@pytest.mark.parametrize("app", FORBIDDEN)
def test_app_templates_load_no_tag_library_of_an_app_above_it(app):
    reaching_up = {}
    for path in sources(app, "*.html"):
        libraries = {name for load in LOAD.findall(path.read_text()) for name in load.split()}
        owners = {TAG_LIBRARIES[name] for name in libraries if name in TAG_LIBRARIES}
        if owners & FORBIDDEN[app]:
            reaching_up[str(path.relative_to(BASE_DIR))] = sorted(owners & FORBIDDEN[app])
    assert reaching_up == {}
