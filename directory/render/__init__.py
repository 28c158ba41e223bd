"""Render the whole site's generated pages: entries -> Markdown files for MkDocs.

`render_site` is the one entry point. It returns docs-relative paths in
mkdocs-static-i18n's suffix form ("resources/x.ru.md") mapped to Markdown
whose body is raw HTML (see `html.py` for why), for every site language:

- resources/<id>          one page per entry, archived ones included
- types|languages|nationalities|regions|topics/<value>   browse pages
- types|languages|nationalities|regions|topics/index     facet indexes with counts
- index                   the home page

Codes in paths are lowercased ("languages/pt-br", "regions/de-be").
It knows nothing of MkDocs, so a later move to another generator is small.

Front matter `title`/`description` are already HTML-escaped (MkDocs' Jinja does
not autoescape). CSS hooks for the theme: dir-entry (dir-entry--<type>,
dir-entry--archived), dir-notice (--archived/--stale/--language, also Material
`admonition` classes), dir-summary, dir-open, dir-facts (a <dl>), dir-report,
dir-browse, dir-home, dir-intro, dir-list > dir-item (dir-item__type,
dir-item__summary), dir-index, dir-count, dir-topics, dir-facets, dir-empty,
dir-more, dir-see-also, dir-back. The theme (docs/overrides/main.html) puts the
search box on home pages, under the h1.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from markupsafe import Markup

from ..model import TYPES, Entry
from ..settings import Settings
from .browse import list_item, render_facet_index, render_facet_page
from .entry_page import render_entry
from .facets import all_keys, group
from .home import render_home
from .paths import FACETS, HOME, entry_path, facet_path, index_path, slug, source_file

__all__ = ["render_site"]

_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def _check(entries: list[Entry]) -> None:
    """Ids become file paths and types select templates: refuse anything the
    schema would have rejected, instead of writing outside resources/."""
    seen: set[str] = set()
    for entry in entries:
        if not _ID.fullmatch(entry.id) or entry.type not in TYPES:
            raise ValueError(f"entry {entry.id!r} has an invalid id or type; run `directory validate`")
        if entry.id in seen:
            raise ValueError(f"two entries have the id {entry.id!r}; run `directory validate`")
        seen.add(entry.id)


def render_site(entries: list[Entry], settings: Settings, today: date | None = None,
                broken: Mapping[str, date] | None = None) -> dict[str, str]:
    """docs-relative path in i18n suffix form -> Markdown content (with raw HTML blocks).

    `broken` maps entry ids to the day a link of theirs was confirmed broken
    (from the link checker's history), so readers are warned before they click."""
    broken = broken or {}
    _check(entries)
    today = today or date.today()
    active = [e for e in entries if e.active]
    keys = {facet: all_keys(entries, facet) for facet in FACETS}
    for facet, values in keys.items():
        slugs = [slug(k) for k in values]
        if "index" in slugs or len(set(slugs)) != len(slugs):
            raise ValueError(f"{facet}: two values share a page name, or one is called "
                             "'index'; run `directory validate`")
    groups = {facet: group(active, facet) for facet in FACETS}
    counts = {facet: {k: len(v) for k, v in groups[facet].items()} for facet in FACETS}
    pages: dict[str, str] = {}
    for lang in settings.site_languages:
        for entry in entries:
            pages[source_file(entry_path(entry.id), lang)] = render_entry(
                entry, lang, settings, today, broken.get(entry.id))
        items: dict[str, Markup] = {}

        def item(entry: Entry, lang: str = lang, items: dict[str, Markup] = items) -> Markup:
            # Every browse page sits two levels deep, so one rendering serves them all.
            if entry.id not in items:
                items[entry.id] = list_item(entry, lang, facet_path("types", "x"))
            return items[entry.id]

        for facet in FACETS:
            for key in keys[facet]:
                pages[source_file(facet_path(facet, key), lang)] = render_facet_page(
                    facet, key, groups[facet].get(key, []), lang, item)
            pages[source_file(index_path(facet), lang)] = render_facet_index(
                facet, keys[facet], counts[facet], lang)
        pages[source_file(HOME, lang)] = render_home(
            active, lang, keys["topics"], set(keys["languages"]))
    return pages
