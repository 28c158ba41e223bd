"""Machine-readable copies of the directory, for other sites, apps and researchers.

`export_all(entries, settings)` returns relative path -> file content:

- `api/entries.json`: every active entry, all its translations. Shape
  (format_version 1; fields are only ever added, never renamed)::

      {"format_version": 1,
       "site_languages": ["en", ...],
       "topics": {"work": {"en": {"label": ..., "description": ...}, ...}, ...},
       "count": 123,
       "entries": [{
           "id": "handbook-germany", "type": "website",
           "name": "Handbook Germany",          # the default name
           "names": {"de": ...},                 # names by language tag; may be {}
           "summary": {"en": ..., "ru": ...},    # by language tag; at least one
           "url": "https://...",
           "languages": ["de", "en"],            # BCP 47 tags
           "nationalities": ["UA"],              # ISO 3166-1; [] means everyone
           "regions": ["DE", "DE-BE", "global"], # ISO 3166-1/-2 or "global"
           "topics": ["work"],                   # keys of "topics" above
           "cost": "free" | "freemium" | "paid",
           "provider": {"name": ..., "url": ... or null} or null,
           "last_reviewed": "YYYY-MM-DD",
           "details": {...},                     # the type's own block (app/podcast/...)
           "page": "resources/handbook-germany/" # site page, relative to a language root
       }, ...]}

  Entries are sorted by id; output is the same for the same data.
- `api/entries.csv`: one row per active entry, UTF-8 with a byte order mark
  (so spreadsheet programs read Cyrillic and Arabic right), multi-values
  joined with `;`, one `summary_<lang>` column per language used. Cells that
  a spreadsheet would run as a formula (= + - @, tab, CR) start with `'`.
- `feed.xml` (default language) and `<lang>/feed.xml`: Atom feeds of the
  most recently added or reviewed active entries, by `last_reviewed`.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

from .i18n import text
from .model import Entry
from .render.facets import label
from .render.html import clean, safe_url
from .render.paths import entry_path, served
from .settings import Settings
from .vocab import topics

FORMAT_VERSION = 1
FEED_SIZE = 50
ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _active(entries: list[Entry]) -> list[Entry]:
    return sorted((e for e in entries if e.active), key=lambda e: e.id)


def entry_record(entry: Entry) -> dict[str, Any]:
    """One entry as plain JSON data (see the module docstring for the shape)."""
    return {
        "id": entry.id,
        "type": entry.type,
        "name": entry.name,
        "names": dict(entry.names),
        "summary": dict(entry.summary),
        "url": entry.url,
        "languages": list(entry.languages),
        "nationalities": list(entry.nationalities),
        "regions": list(entry.regions),
        "topics": list(entry.topics),
        "cost": entry.cost,
        "provider": ({"name": entry.provider.name, "url": entry.provider.url}
                     if entry.provider else None),
        "last_reviewed": entry.last_reviewed.isoformat(),
        "details": json.loads(json.dumps(dict(entry.details), default=str)),
        "page": served(entry_path(entry.id)),
    }


def export_json(entries: list[Entry], settings: Settings) -> str:
    active = _active(entries)
    data = {
        "format_version": FORMAT_VERSION,
        "site_languages": list(settings.site_languages),
        "topics": topics(),
        "count": len(active),
        "entries": [entry_record(e) for e in active],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def csv_cell(value: object) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        value = ";".join(str(v) for v in value)
    cell = str(value)
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


DETAIL_COLUMNS = (
    ("app_android", "app", ("platforms", "android")), ("app_ios", "app", ("platforms", "ios")),
    ("app_web", "app", ("platforms", "web")), ("podcast_feed", "podcast", ("feed",)),
    ("podcast_platforms", "podcast", ("platforms",)), ("course_format", "course", ("format",)),
    ("course_levels", "course", ("levels",)), ("course_certificate", "course", ("certificate",)),
    ("group_platform", "group", ("platform",)), ("group_join", "group", ("join",)),
    ("group_moderated", "group", ("moderated",)), ("group_rules_url", "group", ("rules_url",)),
)


def _detail(entry: Entry, kind: str, keys: tuple[str, ...]) -> object:
    if entry.type != kind:
        return None
    value: Any = entry.details
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    if isinstance(value, dict):  # podcast platforms: "spotify=https://...;apple=..."
        return [f"{k}={v}" for k, v in value.items()]
    return value


def export_csv(entries: list[Entry], settings: Settings) -> str:
    active = _active(entries)
    used = {lang for e in active for lang in e.summary}
    summary_langs = [*settings.site_languages, *sorted(used - set(settings.site_languages))]
    header = ["id", "type", "name", "url", "languages", "nationalities", "regions", "topics",
              "cost", "provider_name", "provider_url", "last_reviewed",
              *(f"summary_{lang}" for lang in summary_langs), *(c[0] for c in DETAIL_COLUMNS)]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for e in active:
        row = [e.id, e.type, e.name, e.url, e.languages, e.nationalities, e.regions, e.topics,
               e.cost, e.provider.name if e.provider else None,
               e.provider.url if e.provider else None, e.last_reviewed.isoformat(),
               *(e.summary.get(lang) for lang in summary_langs),
               *(_detail(e, kind, keys) for _, kind, keys in DETAIL_COLUMNS)]
        writer.writerow([csv_cell(v) for v in row])
    return "\ufeff" + out.getvalue()


def feed_path(lang: str, settings: Settings) -> str:
    return "feed.xml" if lang == settings.default_language else f"{lang}/feed.xml"


def _timestamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _sub(parent: ET.Element, name: str, value: str | None = None, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, f"{{{ATOM}}}{name}", {k: clean(v) for k, v in attrs.items()})
    if value is not None:
        node.text = clean(value)
    return node


def export_feed(entries: list[Entry], settings: Settings, lang: str,
                site_url: str | None = None) -> str:
    """Atom feed in `lang`: the FEED_SIZE entries reviewed most recently.
    Links are relative to the feed (it sits at the language root) unless
    `site_url` is given."""
    recent = sorted(_active(entries), key=lambda e: e.last_reviewed, reverse=True)[:FEED_SIZE]
    root_url = None
    if safe_url(site_url):
        root_url = site_url.rstrip("/") + "/"
        if lang != settings.default_language:
            root_url += f"{lang}/"
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: lang})
    if root_url:
        feed.set(XML_BASE, root_url)
    feed_id = uuid.uuid5(uuid.NAMESPACE_URL, f"{settings.repo_url}/feed/{lang}")
    _sub(feed, "id", f"urn:uuid:{feed_id}")
    _sub(feed, "title", text(lang, "home_title"))
    _sub(feed, "subtitle", text(lang, "feed_subtitle"))
    updated = max((e.last_reviewed for e in recent), default=None)
    _sub(feed, "updated", _timestamp(updated) if updated else "1970-01-01T00:00:00Z")
    _sub(feed, "link", href="feed.xml", rel="self", type="application/atom+xml")
    _sub(feed, "link", href="./", rel="alternate", type="text/html")
    author = _sub(feed, "author")
    _sub(author, "name", text(lang, "home_title"))
    _sub(author, "uri", settings.repo_url)
    for e in recent:
        item = _sub(feed, "entry")
        entry_id = uuid.uuid5(uuid.NAMESPACE_URL, f"{settings.repo_url}/entries/{e.id}/{lang}")
        _sub(item, "id", f"urn:uuid:{entry_id}")
        _sub(item, "title", e.name_in(lang))
        _sub(item, "link", href=served(entry_path(e.id)), rel="alternate", type="text/html")
        if safe_url(e.url):
            _sub(item, "link", href=e.url, rel="related")
        _sub(item, "updated", _timestamp(e.last_reviewed))
        summary_lang, summary = e.summary_in([lang, "en"])
        node = _sub(item, "summary", summary, type="text")
        node.set(XML_LANG, summary_lang)
        for key in e.topics:
            _sub(item, "category", term=key, label=label("topics", key, lang))
    ET.register_namespace("", ATOM)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def export_all(entries: list[Entry], settings: Settings,
               site_url: str | None = None) -> dict[str, str]:
    """Every export file: relative path -> content (see the module docstring)."""
    out = {
        "api/entries.json": export_json(entries, settings),
        "api/entries.csv": export_csv(entries, settings),
    }
    for lang in settings.site_languages:
        out[feed_path(lang, settings)] = export_feed(entries, settings, lang, site_url)
    return out


def write_files(out: Path, files: dict[str, str]) -> None:
    """Write export files under `out` (newlines kept as produced: CSV needs CRLF)."""
    for name, content in files.items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8", newline="")
