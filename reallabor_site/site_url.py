"""The site's public address, SITE_URL, and the Wagtail Site that carries it into every link.

Wagtail builds every absolute link from a Site's host name and port: pages' full URLs (in
registration e-mails, the APIs' `html_url` and `detail_url`, the sitemap and its alternates,
canonical and alternate links, JSON-LD, calendar files). The `apply_site_url` command writes
SITE_URL into the default Site; deploy.md runs it at every deploy, `make run` with
http://127.0.0.1:$PORT.
"""

from urllib.parse import urlsplit

DEFAULT_PORTS = {"http": 80, "https": 443}


def parse_site_url(value):
    """(host name, port) of an http(s) origin such as https://reallabor.example.org.

    Raises ValueError, saying what is wrong, for anything a Wagtail Site cannot stand for: it
    knows only a host name and a port, and says https for port 443 alone.
    """
    parts = urlsplit(value.strip())
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname or ":" in parts.hostname:
        raise ValueError("must be an http(s) address with a host name, like https://example.org")
    if parts.path not in ("", "/") or parts.query or parts.fragment or "@" in parts.netloc:
        raise ValueError("must be the site's address only, without a path, query or user")
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError:
        raise ValueError("has a port that is not a number") from None
    if (parts.scheme == "https") != (port == 443):
        raise ValueError("must use https on port 443 and http on any other port")
    return parts.hostname, port


def site_root_url(hostname, port):
    """The address Wagtail's Site.root_url gives a host name and port."""
    scheme = "https" if port == 443 else "http"
    if port == DEFAULT_PORTS[scheme]:
        return f"{scheme}://{hostname}"
    return f"{scheme}://{hostname}:{port}"


def normalised_site_url(value):
    """SITE_URL as the Site will say it: no trailing slash, no default port, lowercase host."""
    return site_root_url(*parse_site_url(value))
