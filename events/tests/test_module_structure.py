"""The modules of `events` import each other in one direction only, so each can be read (and
changed) knowing only those below it. Function-level imports count too: they are the same
dependency, only hidden."""

import ast
from pathlib import Path

EVENTS = Path(__file__).resolve().parent.parent


def module_name(path):
    parts = path.relative_to(EVENTS.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path, known):
    """The modules of `events` that a module imports, wherever in the file."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            candidates = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(candidate for candidate in candidates if candidate in known)
    found.discard(name)
    return found


def import_graph():
    paths = [
        path
        for path in EVENTS.rglob("*.py")
        if "tests" not in path.parts and "migrations" not in path.parts
    ]
    known = {module_name(path) for path in paths}
    return {module_name(path): imported_modules(path, known) for path in paths}


def find_cycle(graph):
    visiting, done = [], set()

    def visit(module):
        if module in visiting:
            return [*visiting[visiting.index(module) :], module]
        if module in done:
            return None
        visiting.append(module)
        for imported in sorted(graph[module]):
            # A package's __init__ importing its own modules is how packages export names.
            if imported.startswith(module + "."):
                continue
            cycle = visit(imported)
            if cycle:
                return cycle
        visiting.pop()
        done.add(module)
        return None

    for module in sorted(graph):
        cycle = visit(module)
        if cycle:
            return cycle
    return None


def test_events_modules_import_each_other_without_a_circle():
    assert find_cycle(import_graph()) is None


def test_registration_never_imports_the_event_pages_above_it():
    graph = import_graph()
    registration = {name for name in graph if name.startswith("events.registration")}
    above = {"events.models", "events.models.pages", "events.api", "events.wagtail_hooks"}
    reaching_up = {name: graph[name] & above for name in registration if graph[name] & above}
    assert reaching_up == {}


def test_the_check_finds_a_circle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
