"""Every package the code imports is declared in pyproject.toml, not merely installed because
another package needs it today.

Wagtail 8 brings django-tasks, Django REST framework, django-ninja and pydantic with it; code that
imports them directly must declare them, or a Wagtail release that drops or bumps one breaks the
site without pip noticing. The site's modules may import what `[project] dependencies` names;
test modules (anything under a `tests` folder) also what the `dev` and `browser` extras name.
Settings name packages by dotted path as well (INSTALLED_APPS, MIDDLEWARE, storage backends):
those count as imports.

Import names are mapped to distributions with `importlib.metadata.packages_distributions()`, so
the check reads the environment the suite runs in (`make install`: the project with both extras).
"""

import ast
import re
import sys
import tomllib
from collections import defaultdict
from importlib.metadata import packages_distributions
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SOURCES = (
    "pagebase",
    "home",
    "events",
    "speakers",
    "reallabor_site",
    "bench",
    "manage.py",
    "tests",
)
FIRST_PARTY = {Path(source).stem for source in SOURCES}
TEST_EXTRAS = ("dev", "browser")
DOTTED_PATH = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")
REQUIREMENT_NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def normalized(name):
    """A distribution's name as pip compares it (PEP 503): `Django_Tasks` is `django-tasks`."""
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(requirements):
    return {normalized(REQUIREMENT_NAME.match(requirement)[1]) for requirement in requirements}


def declared_distributions():
    """(what the site may import, what its tests may import), from pyproject.toml."""
    project = tomllib.loads((BASE_DIR / "pyproject.toml").read_text())["project"]
    site = declared(project["dependencies"])
    extras = project["optional-dependencies"]
    return site, site | declared(
        requirement for extra in TEST_EXTRAS for requirement in extras[extra]
    )


def python_files():
    for source in SOURCES:
        path = BASE_DIR / source
        yield from [path] if path.is_file() else sorted(path.rglob("*.py"))


def is_test_module(path):
    return "tests" in path.relative_to(BASE_DIR).parts


def is_settings_module(path):
    relative = path.relative_to(BASE_DIR)
    return "settings" in relative.parts or relative.stem == "settings"


def imported_names(path, installed):
    """The top-level names of the absolute imports in `path`; in a settings module also those of
    its dotted paths (an app, a middleware, a backend) that an installed package provides."""
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module.split(".")[0]
        elif (
            is_settings_module(path)
            and isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and DOTTED_PATH.fullmatch(node.value)
            and node.value.split(".")[0] in installed
        ):
            yield node.value.split(".")[0]


def undeclared_imports(paths, allowed, installed):
    """{distribution: [file, ...]} for each distribution imported in `paths` that `allowed`
    lacks. `installed` maps import names to distributions; an import name that no installed
    distribution provides is taken as the distribution's name, so an optional import of a
    missing package is still checked."""
    missing = defaultdict(set)
    for path in paths:
        for name in imported_names(path, installed):
            if name in sys.stdlib_module_names or name in FIRST_PARTY:
                continue
            distributions = {normalized(found) for found in installed.get(name, [name])}
            if not distributions & allowed:
                for distribution in distributions:
                    missing[distribution].add(str(path.relative_to(BASE_DIR)))
    return {distribution: sorted(files) for distribution, files in sorted(missing.items())}


def described(undeclared, where):
    return f"Imported but not declared in pyproject.toml's {where}:\n" + "\n".join(
        f"  {distribution} (in {', '.join(files)})" for distribution, files in undeclared.items()
    )


def test_the_site_declares_every_package_it_imports():
    site, _ = declared_distributions()
    modules = [path for path in python_files() if not is_test_module(path)]
    undeclared = undeclared_imports(modules, site, packages_distributions())
    assert not undeclared, described(undeclared, "dependencies")


def test_the_tests_declare_every_package_they_import_in_the_dev_or_browser_extras():
    _, with_extras = declared_distributions()
    modules = [path for path in python_files() if is_test_module(path)]
    undeclared = undeclared_imports(modules, with_extras, packages_distributions())
    assert not undeclared, described(undeclared, "dependencies or dev/browser extras")


def test_an_import_that_only_wagtail_brings_is_named_with_the_module_importing_it():
    # Guards the checks above against a scan that no longer finds anything: without its
    # declaration, django-tasks (`from django_tasks import task`) is reported.
    site, _ = declared_distributions()
    renditions = BASE_DIR / "reallabor_site" / "renditions.py"
    found = undeclared_imports([renditions], site - {"django-tasks"}, packages_distributions())
    assert found == {"django-tasks": ["reallabor_site/renditions.py"]}


def test_a_package_named_only_in_installed_apps_is_named():
    site, _ = declared_distributions()
    settings = BASE_DIR / "reallabor_site" / "settings" / "base.py"
    found = undeclared_imports([settings], site - {"django-taggit"}, packages_distributions())
    assert found == {"django-taggit": ["reallabor_site/settings/base.py"]}
