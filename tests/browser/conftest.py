"""Real headless Chromium (Debian's /usr/bin/chromium) against the fixture site
served on 127.0.0.1. Skips when Chromium is missing, except under CI=true."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import threading
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))
from sitebuild import fixture_site  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
PREFIX = "/sub/"  # the site is also served under a sub-path, as a GitHub Pages project site


def _missing() -> str | None:
    if not Path(CHROMIUM).is_file():
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    return None


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site at / and again at /sub/."""

    def translate_path(self, path: str) -> str:
        if path.startswith(PREFIX):
            path = "/" + path[len(PREFIX):]
        return super().translate_path(path)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    return fixture_site(tmp_path_factory)


@pytest.fixture(scope="session")
def base_url(site):
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def sub_path() -> str:
    return PREFIX


@pytest.fixture(scope="session")
def browser():
    reason = _missing()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests must run in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


class Recorded:
    """A page at 360 x 740 that records every request it makes."""

    def __init__(self, page):
        self.page = page
        self.requests: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        self.errors: list[str] = []
        page.on("pageerror", lambda e: self.errors.append(str(e)))


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    recorded = Recorded(context.new_page())
    yield recorded
    context.close()
    foreign = [u for u in recorded.requests
               if not u.startswith((base_url + "/", "data:", "blob:"))]
    assert not foreign, f"requests left 127.0.0.1: {foreign}"
    assert not recorded.errors, recorded.errors
