"""`directory check-site`: broken internal links and #anchors in the built site.

LinkChecker (GPL, run as a separate program) crawls the site served from a
local http.server: file:// cannot check anchors of `dir/` URLs, and the server
answers directories without index.html with 404 (no listings). Traps handled
here: LinkChecker obeys robots.txt (`--no-robots`), checks anchors only with
the AnchorCheck plugin (enabled in data/linkcheckerrc), throttles to ~3
requests/s unless the server sends a `LinkChecker` header, and as root drops to
user `nobody`, who cannot list a Python installed under /root: its plugins then
vanish silently and no anchor is checked. So it is started through a launcher
that keeps the user (it only ever reads our own site on loopback).
"""

from __future__ import annotations

import csv
import functools
import io
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .settings import DATA_DIR

CONFIG = DATA_DIR / "linkcheckerrc"

_LAUNCHER = """\
import sys
from linkcheck.command import linkchecker as lc
lc.drop_privileges = lambda: None  # see directory/site_check.py
sys.argv[0] = "linkchecker"
lc.linkchecker()
"""


@dataclass(frozen=True, order=True)
class SiteProblem:
    page: str  # the page the link is on, as a file of the site
    line: int
    link: str  # as written in the page
    target: str  # the resolved address, relative to the site root
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: broken link {self.link} -> {self.target} ({self.reason})"


class _Handler(SimpleHTTPRequestHandler):
    """Static files only: no directory listings (a folder without index.html is a broken
    link), a LinkChecker header to lift its throttle, and no request log."""

    def list_directory(self, path):  # noqa: ANN001 - the base class's signature
        self.send_error(404, "No index.html in this folder")
        return None

    def end_headers(self) -> None:
        self.send_header("LinkChecker", "local-site")
        super().end_headers()

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve `site_dir` on 127.0.0.1 (a free port) for the duration; yields the base URL."""
    handler = functools.partial(_Handler, directory=str(site_dir))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.1,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def linkchecker_command(base_url: str, config: Path) -> list[str] | None:
    """How to start LinkChecker: through the launcher when it is importable here."""
    args = ["-f", str(config), "--no-robots", "--no-status", "-o", "csv", base_url]
    try:
        import linkcheck.command.linkchecker  # noqa: F401
    except ImportError:
        exe = shutil.which("linkchecker")
        return [exe, *args] if exe else None
    return [sys.executable, "-c", _LAUNCHER, *args]


def _site_path(url: str, base_url: str) -> str:
    """`http://127.0.0.1:8000/a/b/` -> `a/b/index.html`: the file people can open."""
    if not url.startswith(base_url):
        return url
    path = unquote(urlsplit(url).path)[len(urlsplit(base_url).path):]
    return path + "index.html" if path == "" or path.endswith("/") else path


def _target(url: str, base_url: str) -> str:
    if not url.startswith(base_url):
        return url
    parts = urlsplit(url)
    shown = "/" + unquote(parts.path)[len(urlsplit(base_url).path):]
    return shown + (f"#{parts.fragment}" if parts.fragment else "")


def parse_report(csv_text: str, base_url: str) -> list[SiteProblem]:
    """Broken links and missing anchors from LinkChecker's CSV output."""
    # comments start with "# "; a row can start with "#" (a link to "#anchor")
    lines = [ln for ln in csv_text.splitlines() if ln and not ln.startswith("# ")]
    problems = set()
    for row in csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"):
        if not row.get("parentname"):
            continue  # the start page itself
        valid = row.get("valid") == "True"
        warnings = row.get("warningstring") or ""
        if valid and "Anchor `" not in warnings:
            continue
        url = row.get("url") or row.get("urlname") or ""
        if valid:
            anchor = urlsplit(url).fragment
            reason = f"no element with id=\"{unquote(anchor)}\" on the target page"
        else:
            reason = row.get("result") or "error"
        problems.add(SiteProblem(
            page=_site_path(row["parentname"], base_url),
            line=int(row["line"]) if (row.get("line") or "").isdigit() else 0,
            link=row.get("urlname") or url,
            target=_target(url, base_url),
            reason=reason,
        ))
    return sorted(problems)


@dataclass(frozen=True)
class SiteReport:
    problems: list[SiteProblem]
    error: str | None = None  # LinkChecker could not run


def check_site(site_dir: Path, config: Path = CONFIG, timeout: float = 1800) -> SiteReport:
    """Crawl the built site from its home page and collect broken internal links."""
    if not (site_dir / "index.html").is_file():
        return SiteReport([], f"{site_dir}: no index.html; build the site first (mkdocs build)")
    with serve(site_dir) as base_url:
        command = linkchecker_command(base_url, config)
        if command is None:
            return SiteReport([], "LinkChecker is not installed: pip install 'linkchecker>=10.5'")
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return SiteReport([], f"LinkChecker did not finish within {timeout:.0f} s")
    finished = "urlname;parentname" in done.stdout and "Traceback" not in done.stderr
    if done.returncode not in (0, 1) or not finished:
        tail = "\n".join(done.stderr.strip().splitlines()[-5:])
        return SiteReport([], f"LinkChecker failed (exit {done.returncode}): {tail}")
    return SiteReport(parse_report(done.stdout, base_url))
