"""What the MkDocs hooks need, as plain functions that know nothing of MkDocs.

mkdocs-static-i18n runs one full MkDocs build per language, so the entries are
loaded, validated and rendered once and kept here, keyed on the entry files'
modification times: the 7 later language builds reuse the pages, and an edit
under `mkdocs serve` is picked up on the next rebuild.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .settings import Settings, load_settings

RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv"})

Renderer = Callable[[list, Settings], dict[str, str]]


class InvalidEntries(Exception):
    """The entries have errors; `str()` is exactly what `directory validate` prints."""


@dataclass(frozen=True)
class _Cached:
    key: tuple
    pages: dict[str, str]


_cache: dict[Path, _Cached] = {}


def entry_files(entries_dir: Path) -> list[Path]:
    """Every entry file, `entries/<type>/<id>.yml`, in a stable order."""
    return sorted(p for p in entries_dir.glob("*/*.y*ml") if p.is_file())


def _signature(paths: Sequence[Path]) -> tuple:
    """Changes when a file is added, removed or edited (mtime or size)."""
    out = []
    for p in paths:
        st = p.stat()
        out.append((str(p), st.st_mtime_ns, st.st_size))
    return tuple(out)


def _default_render(entries: list, settings: Settings) -> dict[str, str]:
    from .render import render_site  # imported late: the renderer is the heavy part

    return render_site(entries, settings)


def _load_valid_entries(paths: list[Path]) -> list:
    from .problems import format_problems
    from .validate import load_and_validate

    entries, problems = load_and_validate(paths)
    errors = [p for p in problems if p.is_error]
    if errors:
        raise InvalidEntries(format_problems(problems))
    return entries


def generated_pages(
    root: Path | None = None, render: Renderer | None = None
) -> dict[str, str]:
    """Docs-relative path (i18n suffix form) -> Markdown for every generated page.

    Raises InvalidEntries when any entry has an error, so the site is never
    built from data that `directory validate` rejects.
    """
    settings = load_settings(root)
    paths = entry_files(settings.entries_dir)
    key = (_signature(paths), render)
    cached = _cache.get(settings.entries_dir)
    if cached and cached.key == key:
        return cached.pages
    entries = _load_valid_entries(paths)
    pages = (render or _default_render)(entries, settings)
    _cache[settings.entries_dir] = _Cached(key, pages)
    return pages


def language_mismatch(site_languages: Sequence[str], built: Sequence[str]) -> str | None:
    """Explain how mkdocs.yml's languages differ from settings.yml's, or None."""
    if list(site_languages) == list(built):
        return None
    return (
        f"mkdocs.yml builds languages {list(built)} but directory/data/settings.yml has "
        f"site_languages {list(site_languages)}: list the same languages in the same order "
        "(the first is the default, served at /)."
    )


_HTML_TAG = re.compile(r"<html\b([^>]*)>", re.IGNORECASE)


def set_html_dir(html: str, language: str) -> str:
    """Put `dir` on <html> too (Material sets it on <body> only).

    With it, the browser's scrollbars, form controls and `:dir()` follow the
    language from the first byte, and Pagefind's excerpts read correctly.
    """
    direction = "rtl" if language.split("-")[0] in RIGHT_TO_LEFT else "ltr"

    def add(match: re.Match[str]) -> str:
        attrs = match.group(1)
        if re.search(r"\sdir=", attrs):
            return match.group(0)
        return f'<html{attrs} dir="{direction}">'

    return _HTML_TAG.sub(add, html, count=1)
