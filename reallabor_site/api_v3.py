"""Our adjustments to Wagtail's API v3 (django-ninja), through ninja's own extension points.

- Reads with malformed parameters answer 400 instead of Wagtail's 422, still as
  `application/problem+json`; writes (token holders only) keep Wagtail's 422.
- Offsets deeper than MAX_OFFSET are refused with 400: SQLite cannot even express much larger
  ones, and a database error would be a 500.
- The OpenAPI schema says so: every read operation declares its 400 and 404 problem responses,
  and `limit` and `offset` their maximum, so clients and the contract test see what the API
  really returns.
"""

import json
from functools import wraps

from django.conf import settings
from django.http import JsonResponse
from ninja.responses import Response
from wagtail.api.v3.errors import PROBLEM_JSON, ProblemDetail, problem_response
from wagtail.api.v3.urls import api

# Deeper offsets than this are refused: no front-end pages that far.
MAX_OFFSET = 100_000
READ_METHODS = ("GET", "HEAD")


def problem(status, detail, errors=None):
    return problem_response(status=status, detail=detail, errors=errors)


def reads_answer_bad_request(run):
    """Wrap an operation's view: refuse deep offsets, and turn a read's 422 into a 400."""

    @wraps(run)
    def view(request, *args, **kwargs):
        if request.method in READ_METHODS:
            offset = request.GET.get("offset", "")
            if offset.isdigit() and int(offset) > MAX_OFFSET:
                return problem(
                    400,
                    "Validation failed",
                    [{"loc": ["query", "offset"], "msg": f"must not exceed {MAX_OFFSET}"}],
                )
        response = run(request, *args, **kwargs)
        if request.method in READ_METHODS and response.status_code == 422:
            body = json.loads(response.content)
            return problem(400, body.get("detail", ""), body.get("errors"))
        return response

    return view


api.add_decorator(reads_answer_bad_request, mode="view")


def problem_responses():
    reference = {"$ref": "#/components/schemas/ProblemDetail"}
    content = {PROBLEM_JSON: {"schema": reference}}
    return {
        "400": {"description": "Malformed parameters", "content": content},
        "404": {"description": "Not found", "content": content},
    }


def declare_read_errors(schema):
    """Add what the API answers besides 200 to the read operations of ninja's schema."""
    schema["components"]["schemas"]["ProblemDetail"] = ProblemDetail.model_json_schema()
    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", None)
    for operations in schema["paths"].values():
        read = operations.get("get")
        if read is None:
            continue
        for status, response in problem_responses().items():
            read["responses"].setdefault(status, response)
        for parameter in read.get("parameters", []):
            if parameter["in"] != "query":
                continue
            if parameter["name"] == "offset":
                parameter["schema"]["maximum"] = MAX_OFFSET
            elif parameter["name"] == "limit" and limit_max:
                parameter["schema"]["maximum"] = limit_max
    return schema


def openapi_schema(request):
    """/api/v3/openapi.json: ninja's schema of Wagtail's API, with our error responses added."""
    if not getattr(settings, "WAGTAILAPI_DOCS_ENABLED", True):
        return JsonResponse({"message": "not found"}, status=404)
    schema = declare_read_errors(api.get_openapi_schema(path_params={}))
    # ninja's response, whose encoder knows the lazy translations in the schema.
    return Response(schema)
