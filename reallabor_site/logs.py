"""Log lines as JSON, each with the id of the request it belongs to.

The request id travels in a context variable that RequestIdMiddleware sets, so any logger reached
during a request can carry it without being handed the request. Records carry only the message,
never the request itself: form data, e-mail addresses and query strings stay out of the log.
"""

import contextvars
import json
import logging
from datetime import UTC, datetime

NO_REQUEST = "-"
current_request_id = contextvars.ContextVar("current_request_id", default=NO_REQUEST)


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        # Django logs a response's status after the middleware has finished, but hands the request
        # to that record.
        request = getattr(record, "request", None)
        record.request_id = getattr(request, "id", None) or current_request_id.get()
        return True


class JsonLineFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", NO_REQUEST),
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
