"""Production settings plus a trivial view, for `make bench` only (see bench/load.py)."""

from reallabor_site.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
