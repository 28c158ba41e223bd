"""Programmable HTTP servers on loopback addresses (127.0.0.x): the only network the
link tests touch. Each route answers with a sequence of canned responses."""

from __future__ import annotations

import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from directory.links.check import CheckConfig

RESET = "reset"  # a response that drops the connection instead of answering


@dataclass
class Reply:
    status: int = 200
    body: str = "<html><title>fine</title></html>"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class Hit:
    method: str
    path: str
    start: float
    end: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


class Server:
    def __init__(self, host: str = "127.0.0.1"):
        self.routes: dict[str, list[Reply | str]] = {}
        self.served: dict[str, int] = {}
        self.hits: list[Hit] = []
        self.lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_HEAD(self) -> None:
                owner.answer(self, body=False)

            def do_GET(self) -> None:
                owner.answer(self, body=True)

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.host, self.port = host, self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def route(self, path: str, *replies: Reply | str) -> str:
        """Serve `replies` one per request (GET or HEAD); the last one repeats."""
        self.routes[path] = list(replies) or [Reply()]
        return self.url(path)

    def count(self, path: str, method: str | None = None) -> int:
        return sum(1 for h in self.hits if h.path == path and method in (None, h.method))

    def answer(self, handler: BaseHTTPRequestHandler, body: bool) -> None:
        hit = Hit(handler.command, handler.path, time.monotonic(), headers=dict(handler.headers))
        with self.lock:
            self.hits.append(hit)
            replies = self.routes.get(handler.path, [Reply(404, "<h1>Not Found</h1>")])
            n = self.served.get(handler.path, 0)
            self.served[handler.path] = n + 1
            reply = replies[min(n, len(replies) - 1)]
        if reply == RESET:
            handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                          struct.pack("ii", 1, 0))
            handler.close_connection = True
            handler.connection.close()
            hit.end = time.monotonic()
            return
        assert isinstance(reply, Reply)
        if reply.delay:
            time.sleep(reply.delay)
        data = reply.body.encode()
        try:
            handler.send_response(reply.status)
            for k, v in reply.headers.items():
                handler.send_header(k, v)
            handler.send_header("Content-Type", "text/html; charset=utf-8")
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            if body:
                handler.wfile.write(data)
        except OSError:
            pass
        hit.end = time.monotonic()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def servers():
    """Factory: servers("127.0.0.5") starts a server on that loopback address."""
    started: list[Server] = []

    def make(host: str = "127.0.0.1") -> Server:
        server = Server(host)
        started.append(server)
        return server

    yield make
    for server in started:
        server.close()


@pytest.fixture
def server(servers) -> Server:
    return servers("127.0.0.1")


@pytest.fixture
def fast() -> CheckConfig:
    """Short timeouts and backoffs so the whole suite stays fast."""
    return CheckConfig(user_agent="test-agent (+https://example.test/repo)", timeout=1.0,
                       retries=2, backoff=0.01, max_retry_after=2.0, per_host=4, interval=0.0)


def free_port(host: str = "127.0.0.1") -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def entry_yaml(entry_id: str, url: str, *, type_: str = "website", provider_url: str | None = None,
               last_reviewed: str = "2026-01-15", extra: str = "", status: str = "active",
               provider: str = "Example NGO") -> str:
    """A valid entry file pointing at `url` (plain http is only a warning)."""
    lines = [
        f"id: {entry_id}", f"type: {type_}", f"name: Test {entry_id}",
        "summary:", "  en: A guide to first steps in Berlin.", f"url: {url}",
        "languages: [de, en]", "regions: [DE-BE]", "topics: [first-steps]", "cost: free",
        "provider:", f"  name: {provider} {entry_id}",
    ]
    if provider_url:
        lines.append(f"  url: {provider_url}")
    lines += [f"last_reviewed: {last_reviewed}", f"status: {status}"]
    return "\n".join(lines) + "\n" + extra


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A working directory with its own entries/ folder and settings."""
    from directory.settings import load_settings

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DIRECTORY_ENTRIES", raising=False)
    load_settings.cache_clear()
    (tmp_path / "entries").mkdir()
    yield tmp_path
    load_settings.cache_clear()


def write_entry(root, entry_id: str, url: str, type_: str = "website", **kw):
    path = root / "entries" / f"{type_}s" / f"{entry_id}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(entry_yaml(entry_id, url, type_=type_, **kw), encoding="utf-8")
    return path
