"""The icons, robots.txt and manifest of the deployed site, as gunicorn and WhiteNoise serve them
under the production settings: icons under hashed names that browsers may keep for good."""

import http.client
import json
import re
from urllib.parse import urlsplit

from tests.site_processes import VALID_PRODUCTION_ENV, gunicorn_servers

ONE_YEAR = 60 * 60 * 24 * 365


def fetch(url):
    """(status, headers, body bytes) of a GET, redirects not followed."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=20)
    try:
        connection.request("GET", parts.path)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def max_age(headers):
    return int(re.search(r"max-age=(\d+)", headers["Cache-Control"])[1])


def test_icons_robots_and_manifest_under_gunicorn(deployed_database, collected_static, tmp_path):
    with gunicorn_servers(
        1, tmp_path, DATABASE_URL=deployed_database, STATIC_ROOT=str(collected_static)
    ) as [site]:
        status, _, page = fetch(f"{site.url}/uk/")
        assert status == 200
        page = page.decode()
        svg = re.search(r'<link rel="icon" href="(/static/favicons/icon\.\w{12}\.svg)"', page)[1]
        manifest_path = re.search(r'<link rel="manifest" href="([^"]+)"', page)[1]

        icon = fetch(site.url + svg)
        favicon = fetch(f"{site.url}/favicon.ico")
        ico = fetch(site.url + favicon[1]["Location"])
        robots = fetch(f"{site.url}/robots.txt")
        manifest = fetch(site.url + manifest_path)
        icons = [fetch(site.url + entry["src"]) for entry in json.loads(manifest[2])["icons"]]

    assert icon[0] == 200
    assert icon[1]["Content-Type"] == "image/svg+xml"
    assert "immutable" in icon[1]["Cache-Control"] and max_age(icon[1]) >= ONE_YEAR

    assert favicon[0] == 302
    assert re.fullmatch(r"/static/favicons/favicon\.\w{12}\.ico", favicon[1]["Location"])
    assert max_age(favicon[1]) == 86400
    assert ico[0] == 200
    assert ico[1]["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    assert ico[2][:4] == b"\x00\x00\x01\x00"
    assert "immutable" in ico[1]["Cache-Control"] and max_age(ico[1]) >= ONE_YEAR

    assert robots[0] == 200
    sitemap_line = f"Sitemap: {VALID_PRODUCTION_ENV['SITE_URL']}/sitemap.xml"
    assert sitemap_line in robots[2].decode().splitlines()

    assert manifest_path == "/uk/manifest.webmanifest"
    assert manifest[0] == 200
    assert [status for status, _, _ in icons] == [200, 200, 200]
    assert all("immutable" in headers["Cache-Control"] for _, headers, _ in icons)
