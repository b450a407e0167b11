"""gunicorn settings for the container (`gunicorn -c python:reallabor_site.gunicorn_conf`).

Environment variables tune them; command-line options override them.
"""

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
timeout = 30
# Restart workers now and then, so a slow leak cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200

accesslog = "-"
# No query string (it may carry e-mail addresses) and no client address; the request id links a
# line to the application's own log lines.
access_log_format = (
    'time="%(t)s" method=%(m)s path="%(U)s" status=%(s)s bytes=%(B)s duration_ms=%(M)s '
    "request_id=%({x-request-id}o)s"
)

# gunicorn's control socket is not used, and would be shared by every server of one user.
control_socket_disable = True
