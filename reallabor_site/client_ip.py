"""The address a request comes from, for the login lockout and anything else that counts clients.

Behind a reverse proxy every request arrives from the proxy's address, and the client's address is
in X-Forwarded-For. That header is written by whoever sends the request, so it is believed only as
far as it was written by the proxies the operator lists in TRUSTED_PROXIES: read from the right
(the hop nearest to us), the first address that is not one of those proxies is the client.
"""

import ipaddress

from django.conf import settings


def trusted_proxy_networks(entries):
    """Parse TRUSTED_PROXIES entries (addresses or networks); raises ValueError on a bad one."""
    return [ipaddress.ip_network(entry, strict=False) for entry in entries]


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _is_trusted(address, networks):
    return address is not None and any(address in network for network in networks)


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR", "")
    networks = trusted_proxy_networks(settings.TRUSTED_PROXIES)
    if not _is_trusted(_address(remote), networks):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed(forwarded):
        address = _address(hop)
        if address is None:
            # Our proxies write valid addresses; anything else came from the client itself.
            return remote
        if not _is_trusted(address, networks):
            return str(address)
    return remote
