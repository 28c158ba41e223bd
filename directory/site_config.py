"""What the MkDocs hooks need, as plain functions that know nothing of MkDocs.

mkdocs-static-i18n runs one full MkDocs build per language, so the entries are
loaded, validated and rendered once and kept here, keyed on the entry files'
modification times: the 7 later language builds reuse the pages, and an edit
under `mkdocs serve` is picked up on the next rebuild.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path

from .model import Entry
from .problems import format_problems, summary_line
from .settings import Settings, load_settings
from .validate import UsageError, entry_files, validate_paths

RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv"})

Renderer = Callable[[list[Entry], Settings, Mapping[str, date]], dict[str, str]]


class InvalidEntries(Exception):
    """The entries have errors; `str()` is exactly what `directory validate` prints."""


# entries folder -> (signature of its files, renderer, pages)
_cache: dict[Path, tuple[tuple, Renderer | None, dict[str, str], list[Entry]]] = {}


def _signature(paths: Sequence[Path]) -> tuple:
    """Changes when a file is added, removed or edited (mtime or size)."""
    return tuple((str(p), (st := p.stat()).st_mtime_ns, st.st_size) for p in paths)


def _default_render(entries: list[Entry], settings: Settings,
                    broken: Mapping[str, date]) -> dict[str, str]:
    from .render import render_site  # imported late: only the site build needs it

    return render_site(entries, settings, broken=broken)


def broken_links(entries: list[Entry], settings: Settings) -> dict[str, date]:
    """Entry id -> day a link was confirmed broken, from the link checker's history
    (absent or unreadable history: nothing is marked)."""
    from .links.history import broken_since, load_history

    if not settings.link_history.is_file():
        return {}
    history, _ = load_history(settings.link_history)
    return {e.id: day for e in entries if (day := broken_since(history, e))}


def generated_pages(root: Path | None = None, render: Renderer | None = None) -> dict[str, str]:
    """Docs-relative path (i18n suffix form) -> Markdown for every generated page.

    Raises InvalidEntries when any entry has an error, so the site is never
    built from data that `directory validate` rejects.
    """
    settings = load_settings(root)
    try:
        history = [settings.link_history] if settings.link_history.is_file() else []
        signature = _signature(entry_files([settings.entries_dir]) + history)
    except UsageError as exc:
        raise InvalidEntries(f"{exc} (the entries folder; see entries_dir in settings.yml "
                             "or the DIRECTORY_ENTRIES environment variable)") from None
    cached = _cache.get(settings.entries_dir)
    if cached and cached[:2] == (signature, render):
        return cached[2]
    result = validate_paths([settings.entries_dir], settings)
    if not result.ok:
        raise InvalidEntries(
            format_problems(result.problems) + "\n" + summary_line(result.problems, result.files)
        )
    pages = (render or _default_render)(result.entries, settings, broken_links(result.entries, settings))
    _cache[settings.entries_dir] = (signature, render, pages, result.entries)
    return pages


def site_exports(root: Path | None = None, site_url: str | None = None) -> dict[str, str]:
    """The machine-readable files (api/entries.json, api/entries.csv, feeds) for the
    built site, from the same validated entries as the pages."""
    from .export import export_all

    settings = load_settings(root)
    generated_pages(root)  # validates, or reuses this build's entries
    return export_all(_cache[settings.entries_dir][3], settings, site_url or None)


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


def fill_placeholders(markdown: str, settings: Settings) -> str:
    """Hand-written pages write `%repo_url%`, so the address lives in settings.yml only."""
    return markdown.replace("%repo_url%", settings.repo_url)
