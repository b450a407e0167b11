"""The container's health check: exit 0 when the local app server's /healthz answers 200.

Run as `python -m reallabor_site.healthcheck`. It uses only the standard library, so it does not
start Django. The request names the first of ALLOWED_HOSTS, as Django only answers known hosts.
"""

import os
import sys
import urllib.request


def main():
    first_host = os.environ.get("ALLOWED_HOSTS", "").split(",")[0].strip().lstrip(".")
    host = first_host if first_host and first_host != "*" else "localhost"
    url = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/healthz"
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Host": host}), timeout=4):
            return 0
    except OSError as exc:
        print(f"health check failed: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
