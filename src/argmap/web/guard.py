"""Which addresses may reach `argmap serve`: the Host and Origin checks, and `--public-url`.

A web page the instructor visits while serving could otherwise open a websocket to the
server (browsers let any page do that) and type into the app, and a name the attacker
controls could be pointed at the server's address (DNS rebinding). So every request must
name the served address in its `Host` header, and a request that comes from a page (it
carries `Origin`) must come from a page of that address. Clients other than browsers send
no `Origin`; they cannot be made to act for the instructor, so they only need the Host.

Nothing here imports aiohttp: the CLI checks `--public-url` before textual-serve loads.
"""

from __future__ import annotations

import html
import ipaddress
import re
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

#: A Host header or URL authority: a name, an IPv4 address or a bracketed IPv6 address,
#: then an optional port. Anything else (spaces, userinfo, control characters) is refused.
_AUTHORITY = re.compile(r"(?P<name>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)(?::(?P<port>[0-9]{1,5}))?")
DEFAULT_PORTS = {"http": 80, "https": 443}
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "[::1]"})


class BadPublicUrl(ValueError):
    """`--public-url` is not an http(s) URL with a host; the message says why."""


def split_authority(authority: str) -> tuple[str, int | None] | None:
    """The lower-cased name and the port of `host[:port]`, or None when it is malformed."""
    match = _AUTHORITY.fullmatch(authority)
    if match is None:
        return None
    name = match["name"].lower()
    if name.startswith("["):
        try:
            name = f"[{ipaddress.IPv6Address(name[1:-1]).compressed}]"
        except ValueError:
            return None
    port = int(match["port"]) if match["port"] else None
    if port is not None and not 1 <= port <= 65535:
        return None
    return name, port


def is_ip_literal(name: str) -> bool:
    """Whether `name` is an IP address (a rebinding attack needs a name, not an address)."""
    try:
        ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return False
    return True


def check_public_url(url: str) -> str:
    """`url` without a trailing slash, if it is an http(s) URL with a host and nothing else.

    It is put into the page as the address of the websocket and of the scripts, so a
    `javascript:` URL, a user name or a query would be handed to every browser.
    """
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise BadPublicUrl("--public-url has a port that is not a number from 1 to 65535") from None
    if parts.scheme not in DEFAULT_PORTS:
        raise BadPublicUrl("--public-url must start with http:// or https://")
    if not parts.hostname or split_authority(parts.netloc) is None:
        raise BadPublicUrl(
            "--public-url must name a host (and maybe a port), as in https://debates.example"
        )
    if parts.query or parts.fragment or parts.path.strip("/") or port == 0:
        raise BadPublicUrl("--public-url must be only scheme://host[:port], with no path or query")
    return f"{parts.scheme}://{parts.netloc.lower()}"


@dataclass(frozen=True, slots=True)
class Addresses:
    """The (name, port) pairs under which the server may be reached, and its origins."""

    port: int
    names: frozenset[str]
    #: Any IP address names this server (it listens on every interface).
    any_ip: bool = False
    #: `--public-url`: its scheme, name and port (the default port of the scheme if none).
    public: tuple[str, str, int] | None = None

    @classmethod
    def served(cls, host: str, port: int, public_url: str | None = None) -> Addresses:
        """What browsers may use to reach a server listening on `host:port`."""
        wildcard = host.strip("[]") in ("", "0.0.0.0", "::")
        bound = split_authority(f"[{host.strip('[]')}]" if ":" in host else host)
        names = {bound[0]} if bound is not None and not wildcard else set()
        if wildcard or bound is None or bound[0] in LOOPBACK_NAMES or _loopback(bound[0]):
            names |= LOOPBACK_NAMES
        if wildcard:
            names.add(socket.gethostname().lower())
        public = None
        if public_url is not None:
            parts = urlsplit(public_url)
            name = _bracketed(str(parts.hostname).lower())
            public = (parts.scheme, name, parts.port or DEFAULT_PORTS[parts.scheme])
        return cls(port=port, names=frozenset(names), any_ip=wildcard, public=public)

    def host_allowed(self, header: str | None) -> bool:
        """Whether a `Host` header names this server."""
        if header is None:
            return False
        found = split_authority(header)
        if found is None:
            return False
        name, port = found
        if self.public is not None and name == self.public[1]:
            default = port is None and self.public[2] in (80, 443)
            if port == self.public[2] or default:
                return True
        if name not in self.names and not (self.any_ip and is_ip_literal(name)):
            return False
        return (port or 80) == self.port

    def origin_allowed(self, origin: str | None) -> bool:
        """Whether an `Origin` header (if any) is a page of this server."""
        if origin is None:
            return True  # not sent from a web page
        try:
            parts = urlsplit(origin)
        except ValueError:
            return False
        if parts.scheme not in DEFAULT_PORTS or parts.path or parts.query:
            return False
        found = split_authority(parts.netloc)
        if found is None:
            return False
        name, port = found
        port = port or DEFAULT_PORTS[parts.scheme]
        if self.public is not None and (parts.scheme, name, port) == self.public:
            return True
        if parts.scheme != "http":
            return False
        if name not in self.names and not (self.any_ip and is_ip_literal(name)):
            return False
        return port == self.port


def _loopback(name: str) -> bool:
    try:
        return ipaddress.ip_address(name.strip("[]")).is_loopback
    except ValueError:
        return False


def _bracketed(name: str) -> str:
    return f"[{ipaddress.IPv6Address(name).compressed}]" if ":" in name else name


def page(title: str, message: str, url: str | None = None) -> str:
    """A small HTML page saying why a request was refused (every part escaped)."""
    link = (
        f'<p>Open <a href="{html.escape(url)}">{html.escape(url)}</a> instead.</p>' if url else ""
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head>\n"
        f"<body><h1>{html.escape(title)}</h1>\n<p>{html.escape(message)}</p>\n{link}</body></html>\n"
    )


REFUSED = (
    "argmap serve answers only requests made to the address it serves, from its own pages. "
    "This one named another address (Host) or came from another site's page (Origin), "
    "which is how a web page would try to drive the app behind your back."
)
