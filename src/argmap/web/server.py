"""textual-serve's server, made fit to run in a classroom.

It answers only requests for the served address from its own pages (`guard`), caps the
number of tabs, bounds what a tab may send (`tabs`), forbids other sites to frame it,
hands browsers the address they actually used, binds before saying it is serving, and stops
on the first Ctrl+C: the apps get a moment to quit, then they are killed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import shlex
import signal
import weakref
from collections import Counter
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import WSCloseCode, web
from textual_serve.server import Server

from argmap.safetext import printable
from argmap.web.guard import REFUSED, Addresses, page
from argmap.web.preload import Preloader
from argmap.web.serve import DEFAULT_MAX_TABS_PER_CLIENT
from argmap.web.tabs import MAX_MESSAGE, QUIT_GRACE, TabService, relay, size_from_query

log = logging.getLogger("argmap.serve")

#: The page's template: textual-serve's, with its web font served from here.
TEMPLATES = Path(__file__).with_name("templates")

#: Headers on every answer: no other site may frame the app (and trick the user into
#: typing into it), nor guess types, nor learn the address from a link.
HEADERS = {
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
#: Requests carry no body here; aiohttp's default allows 1 MB.
MAX_BODY = 16 * 1024
#: How long a connection may stay without a request (half a request included) before it is
#: closed: aiohttp's own default is an hour, which lets a few thousand slow connections
#: use up the server's file descriptors.
IDLE_TIMEOUT = 15.0


def client_address(request: web.Request) -> str:
    """The address the request came from (the TCP peer; behind a proxy, the proxy's)."""
    return request.remote or "unknown"


class ArgmapServer(Server):
    """Serve `command` (one app per tab) on `host:port` to at most `max_tabs` tabs."""

    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        url: str,
        public_url: str | None,
        max_tabs: int,
        banner: list[str],
        max_tabs_per_client: int = DEFAULT_MAX_TABS_PER_CLIENT,
        idle_timeout: float = IDLE_TIMEOUT,
        preload: bool = True,
        cwd: Path | None = None,
    ) -> None:
        super().__init__(command, host=host, port=port, title="argmap", public_url=url)
        #: The page, with its font served from here (textual-serve's asks the internet).
        self.templates_path = TEMPLATES
        self.addresses = Addresses.served(host, port, public_url)
        self.fixed_url = public_url
        self.max_tabs = max_tabs
        self.max_tabs_per_client = max_tabs_per_client
        #: Open tabs by client address (the TCP peer's: headers can be made up).
        self.client_tabs: Counter[str] = Counter()
        self.banner = banner
        self.idle_timeout = idle_timeout
        self.tabs: set[TabService] = set()
        self.open_tabs = 0
        self.sockets: weakref.WeakSet[web.WebSocketResponse] = weakref.WeakSet()
        self.preload = preload
        #: Where the apps start (their paths are relative to it); None: where this runs.
        self.cwd = cwd
        self.preloader: Preloader | None = None

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard], client_max_size=MAX_BODY)
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, name="static"),
            ]
        )
        app.on_response_prepare.append(self._headers)
        app.on_shutdown.append(self.on_shutdown)
        return app

    @web.middleware
    async def _guard(self, request: web.Request, handler: Any) -> web.StreamResponse:
        hosts = request.headers.getall("Host", [])
        origins = request.headers.getall("Origin", [])
        if (
            len(hosts) == 1
            and len(origins) <= 1
            and self.addresses.host_allowed(hosts[0])
            and self.addresses.origin_allowed(origins[0] if origins else None)
        ):
            response: web.StreamResponse = await handler(request)
            return response
        log.warning(
            "refused a request for %s from %s",
            printable((hosts or ["no host"])[0][:100], one_line=True),
            printable((origins or ["no page"])[0][:100], one_line=True),
        )
        text = page("Not this address", REFUSED, self.public_url)
        return web.Response(status=403, text=text, content_type="text/html")

    async def _headers(self, request: web.Request, response: web.StreamResponse) -> None:
        response.headers.update(HEADERS)
        if isinstance(response, web.WebSocketResponse):
            self.sockets.add(response)

    def base_url(self, request: web.Request) -> str:
        """Where this browser reaches the server: `--public-url`, or the Host it used.

        The Host header, which the guard checked; not `request.host`, which a request
        line in absolute form (`GET http://elsewhere/`) would set to another name.
        """
        return self.fixed_url or f"http://{request.headers['Host']}"

    def full(self) -> str:
        """What a tab beyond the limit is told."""
        tabs = "one tab" if self.max_tabs == 1 else f"{self.max_tabs} tabs"
        return (
            f"This server already runs {tabs}, the most it allows (argmap serve "
            "--max-tabs). Close a tab, or try again later."
        )

    def client_full(self) -> str:
        """What a tab beyond one address's limit is told."""
        tabs = "one tab" if self.max_tabs_per_client == 1 else f"{self.max_tabs_per_client} tabs"
        return (
            f"Your computer already has {tabs} open here, the most one address may have "
            "(argmap serve --max-tabs-per-client). Close one of them to open another."
        )

    def refusal(self, request: web.Request) -> str | None:
        """Why a new tab from this request cannot be served now, or None if it can."""
        if self.open_tabs >= self.max_tabs:
            return self.full()
        if self.client_tabs[client_address(request)] >= self.max_tabs_per_client:
            return self.client_full()
        return None

    def full_page(self, message: str) -> web.Response:
        return web.Response(
            status=503, text=page("Too many tabs", message), content_type="text/html"
        )

    async def handle_index(self, request: web.Request) -> web.Response:
        refused = self.refusal(request)
        if refused is not None:
            return self.full_page(refused)
        base = self.base_url(request)
        size = request.query.get("fontsize", "16")
        font_size = min(max(int(size), 6), 64) if size.isascii() and size.isdigit() else 16
        websocket = "wss:" if base.startswith("https:") else "ws:"
        context = {
            "font_size": font_size,
            "app_websocket_url": websocket + base.split(":", 1)[1] + "/ws",
            "config": {"static": {"url": f"{base}/static/"}},
            "application": {"name": self.title},
        }
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE)
        refused = self.refusal(request)
        if refused is not None:
            await websocket.prepare(request)
            await websocket.send_bytes(f"argmap: {refused}\r\n".encode())
            await websocket.close(code=WSCloseCode.TRY_AGAIN_LATER, message=b"too many tabs")
            return websocket
        # Counted before any wait, so tabs opened at once are counted.
        client = client_address(request)
        self.open_tabs += 1
        self.client_tabs[client] += 1
        service: TabService | None = None
        try:
            width, height = size_from_query(request.query)
            await websocket.prepare(request)
            service = TabService(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=self.debug,
                preloader=self.preloader,
                cwd=self.cwd,
            )
            self.tabs.add(service)
            await service.start(width, height)
            await relay(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception:
            log.exception("a tab failed")
        finally:
            if service is not None:
                await asyncio.shield(service.stop())
                self.tabs.discard(service)
            self.open_tabs -= 1
            self.client_tabs[client] -= 1
            if not self.client_tabs[client]:
                del self.client_tabs[client]
        return websocket

    async def on_shutdown(self, app: web.Application) -> None:
        """Ask every app to quit (they are killed soon after), then hang up on the tabs."""
        await asyncio.gather(*(service.stop() for service in list(self.tabs)))
        for socket_ in list(self.sockets):
            await socket_.close(code=WSCloseCode.GOING_AWAY, message=b"server stopped")
        if self.preloader is not None:
            await self.preloader.stop()
            self.preloader = None

    async def start_preloader(self) -> None:
        """Start the process the tabs' apps are forked from (see `web/zygote.py`)."""
        words = shlex.split(self.command)
        environment = TabService(
            self.command,
            write_bytes=_nothing,
            write_str=_nothing,
            close=_nothing,
            download_manager=self.download_manager,
            debug=self.debug,
        ).environment()
        paths = words[words.index("--") + 1 :] if "--" in words else []
        try:
            self.preloader = await Preloader.start(words[0], environment, paths, self.cwd)
        except OSError as exc:
            log.warning("cannot start the app preloader (%s); starting apps afresh", exc)

    def kill_all(self) -> None:
        for service in list(self.tabs):
            service.kill()

    def serve(self, debug: bool = False) -> None:
        """Listen until Ctrl+C or SIGTERM; the port is bound before the banner is printed."""
        self.debug = debug
        asyncio.run(self._serve())

    async def listen(self, host: str | None = None) -> web.AppRunner:
        """Start answering on `host` (the configured one by default) and this port.

        Raises OSError when the port is taken or the address is not this machine's; the
        caller cleans the returned runner up to stop.
        """
        runner = web.AppRunner(
            await self._make_app(),
            access_log=None,
            shutdown_timeout=QUIT_GRACE + 1,
            keepalive_timeout=self.idle_timeout,
        )
        await runner.setup()
        try:
            await web.TCPSite(runner, host or self.host, self.port).start()
            if self.preload and self.preloader is None:
                await self.start_preloader()
        except BaseException:
            await runner.cleanup()
            raise
        return runner

    async def _serve(self) -> None:
        runner = await self.listen()
        try:
            for line in self.banner:
                print(line, flush=True)
            await self._until_stopped()
        finally:
            await runner.cleanup()

    async def _until_stopped(self) -> None:
        """Wait for the first Ctrl+C or SIGTERM; a second one kills the apps at once."""
        loop = asyncio.get_running_loop()
        stopped = asyncio.Event()

        def on_signal() -> None:
            if stopped.is_set():
                self.kill_all()
            stopped.set()

        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, on_signal)
        await stopped.wait()


async def _nothing(*_: Any) -> None:
    """Where a tab service that never runs an app would write."""
