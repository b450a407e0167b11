"""What "every field has a declared schema" means, checked on an OpenAPI or JSON schema."""

# Keywords that give a schema its type (a reference, a type, alternatives or fixed values).
TYPING_KEYWORDS = {"$ref", "type", "anyOf", "oneOf", "allOf", "enum", "const"}


def untyped_places(schema, root=None, path="", seen=None):
    """Where `schema` leaves a value untyped: anything, an object without declared properties, or
    an array of anything; following references within `root` (the whole document).

    Returns the JSON paths of those places, e.g. ["EventPageSchema.venue"].
    """
    root = schema if root is None else root
    seen = set() if seen is None else seen
    if "$ref" in schema:
        reference = schema["$ref"]
        if reference in seen:
            return []
        seen.add(reference)
        target = root
        for part in reference.removeprefix("#/").split("/"):
            target = target[part]
        return untyped_places(target, root, reference.rsplit("/", 1)[1], seen)
    if not TYPING_KEYWORDS & schema.keys():
        return [path]
    places = []
    for keyword in ("anyOf", "oneOf", "allOf"):
        for alternative in schema.get(keyword, []):
            places += untyped_places(alternative, root, path, seen)
    if schema.get("type") == "object":
        properties = schema.get("properties")
        if not properties:
            return [*places, path]
        for name, property_schema in properties.items():
            places += untyped_places(property_schema, root, f"{path}.{name}", seen)
    if schema.get("type") == "array":
        places += untyped_places(schema.get("items", {}), root, f"{path}[]", seen)
    return places


def page_detail_schema(openapi):
    """The schema of the pages detail response: the union of every page type."""
    responses = openapi["paths"]["/api/v3/pages/{page_id}/"]["get"]["responses"]
    # Keyed by number in ninja's own schema, by text once it is JSON.
    ok = responses["200"] if "200" in responses else responses[200]
    return ok["content"]["application/json"]["schema"]
