"""`argmap serve`: which Host and Origin headers name the served address, and `--public-url`."""

from __future__ import annotations

import socket

import pytest
from helpers import ARGUMENTS

from argmap.cli import main
from argmap.web.guard import Addresses, BadPublicUrl, check_public_url, split_authority
from argmap.web.tabs import MAX_HEIGHT, MAX_WIDTH, MIN_HEIGHT, MIN_WIDTH, clamp_size

LOOPBACK = Addresses.served("127.0.0.1", 8000)


@pytest.mark.parametrize(
    "host", ["127.0.0.1:8000", "localhost:8000", "LOCALHOST:8000", "[::1]:8000", "[0::1]:8000"]
)
def test_a_loopback_server_answers_every_name_of_this_machine(host: str) -> None:
    assert LOOPBACK.host_allowed(host)


@pytest.mark.parametrize(
    "host",
    [
        None,
        "",
        "evil.example:8000",  # DNS rebinding: the attacker's name, our address
        "evil.example",
        "127.0.0.1:8001",
        "127.0.0.1",  # port 80
        "localhost.:8000",
        "127.0.0.1:8000.evil.example",
        "user@127.0.0.1:8000",
        "127.0.0.1:8000 ",
        "127.0.0.1:08000x",
        "127.0.0.1:99999",
        "[::1",
        "[zz::1]:8000",
        "192.168.1.20:8000",
        "127.0.0.1:8000\r\nX: y",
    ],
)
def test_any_other_host_is_refused(host: str | None) -> None:
    assert not LOOPBACK.host_allowed(host)


@pytest.mark.parametrize(
    ("origin", "allowed"),
    [
        (None, True),  # not a web page: curl, a script
        ("http://127.0.0.1:8000", True),
        ("http://localhost:8000", True),
        ("http://evil.example", False),
        ("http://evil.example:8000", False),
        ("https://127.0.0.1:8000", False),
        ("http://127.0.0.1:8001", False),
        ("null", False),  # a sandboxed frame or a file:// page
        ("file://", False),
        ("http://127.0.0.1:8000/path", False),
        ("http://127.0.0.1:8000@evil.example", False),
        ("", False),
    ],
)
def test_only_pages_of_the_served_address_may_connect(origin: str | None, allowed: bool) -> None:
    assert LOOPBACK.origin_allowed(origin) is allowed


def test_an_address_on_the_network_is_its_own_name_and_the_public_url() -> None:
    served = Addresses.served("192.168.1.20", 8000, "https://debates.example")
    assert served.host_allowed("192.168.1.20:8000")
    assert not served.host_allowed("localhost:8000")  # not reachable there: not bound
    assert not served.host_allowed("192.168.1.21:8000")
    assert served.host_allowed("debates.example")  # behind the proxy, port 443
    assert served.host_allowed("debates.example:443")
    assert not served.host_allowed("debates.example:8000")
    assert served.origin_allowed("https://debates.example")
    assert served.origin_allowed("https://debates.example:443")
    assert not served.origin_allowed("http://debates.example")
    assert not served.origin_allowed("https://evil.example")


def test_every_interface_allows_addresses_and_this_machines_name_not_other_names() -> None:
    served = Addresses.served("0.0.0.0", 8000)
    assert served.host_allowed("10.1.2.3:8000")
    assert served.host_allowed("[fe80::1]:8000")
    assert served.host_allowed(f"{socket.gethostname()}:8000")
    assert served.host_allowed("localhost:8000")
    assert served.origin_allowed("http://10.1.2.3:8000")
    assert not served.host_allowed("evil.example:8000")
    assert not served.origin_allowed("http://evil.example:8000")


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://debates.example", "https://debates.example"),
        ("https://debates.example/", "https://debates.example"),
        ("http://Debates.Example:8080", "http://debates.example:8080"),
        ("http://[::1]:8000", "http://[::1]:8000"),
    ],
)
def test_a_public_url_is_scheme_host_and_port(url: str, kept: str) -> None:
    assert check_public_url(url) == kept


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)//",
        "data:text/html,x",
        "ftp://debates.example",
        "https://",
        "https:///path",
        "debates.example",
        "https://user:pw@debates.example",
        "https://debates.example/app?x=1",
        "https://debates.example/#x",
        "https://debates.example:99999",
        "https://debates.example:0",
        "https://deb ates.example",
        'https://debates.example"><script>',
    ],
)
def test_a_public_url_that_is_not_an_http_address_is_refused(url: str) -> None:
    with pytest.raises(BadPublicUrl):
        check_public_url(url)


def test_the_cli_refuses_a_script_as_public_url(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", str(ARGUMENTS), "--public-url", "javascript:alert(1)//"]) == 2
    assert "--public-url must start with http:// or https://" in capsys.readouterr().err


@pytest.mark.parametrize("option", ["--max-tabs", "--max-tabs-per-client"])
@pytest.mark.parametrize("tabs", ["0", "-3", "100000"])
def test_max_tabs_out_of_range_is_a_usage_error(
    option: str, tabs: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", str(ARGUMENTS), option, tabs]) == 2
    assert f"{option} must be between" in capsys.readouterr().err


def test_authorities_are_split_and_normalised() -> None:
    assert split_authority("LocalHost:8000") == ("localhost", 8000)
    assert split_authority("[0:0::1]") == ("[::1]", None)
    assert split_authority("a b") is None


@pytest.mark.parametrize(
    ("asked", "got"),
    [
        ((2**31, 2**31), (MAX_WIDTH, MAX_HEIGHT)),
        ((10**100, 30), (MAX_WIDTH, 30)),
        ((-5, 0), (MIN_WIDTH, MIN_HEIGHT)),
        ((120, 40), (120, 40)),
        (("120", 40), None),
        ((1.5e9, 40), None),
        ((True, 40), None),
        ((None, 40), None),
    ],
)
def test_terminal_sizes_are_clamped_and_non_numbers_dropped(
    asked: tuple[object, object], got: tuple[int, int] | None
) -> None:
    assert clamp_size(*asked) == got
