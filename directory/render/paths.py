"""Where each generated page lives, and relative links between pages.

Paths are docs-relative without extension ("resources/x", "types/index", "index").
With `use_directory_urls`, "resources/x" is served at "<lang root>/resources/x/"
and every language tree has the same shape, so a link relative to the page's
URL ("../../topics/work/") is right in every language, the default one at `/`
included. Links are written as raw HTML, which MkDocs and i18n leave alone.
"""

from __future__ import annotations

import re

HOME = "index"
FACETS = ("types", "languages", "nationalities", "regions", "topics")

_UNSAFE = re.compile(r"[^a-z0-9-]+")


def slug(code: str) -> str:
    """File-name form of a code: "pt-BR" -> "pt-br", "DE-BE" -> "de-be"."""
    return _UNSAFE.sub("-", code.lower()).strip("-") or "-"


def entry_path(entry_id: str) -> str:
    return f"resources/{slug(entry_id)}"


def facet_path(facet: str, key: str) -> str:
    return f"{facet}/{slug(key)}"


def index_path(facet: str) -> str:
    return f"{facet}/index"


def source_file(path: str, lang: str) -> str:
    """The docs file in mkdocs-static-i18n's suffix form: "types/app.ru.md"."""
    return f"{path}.{lang}.md"


def served(path: str) -> str:
    """URL of a page relative to its language root: "resources/x/", "types/", ""."""
    if path == HOME:
        return ""
    if path.endswith("/index"):
        return path[: -len("index")]
    return path + "/"


def href(from_path: str, to_path: str) -> str:
    """Relative link from one generated page to another, as the browser resolves it."""
    up = "../" * served(from_path).count("/")
    return (up + served(to_path)) or "./"
