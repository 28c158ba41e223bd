"""Checks the schema cannot express: vocabularies, file layout, dates, URLs, privacy."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from . import vocab
from .load import Document, JsonPath, display_path
from .model import FOLDERS, ON_REQUEST, TYPES
from .problems import ERROR, WARNING, Problem

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# International or long local numbers: +49 30 1234567, 0170-1234567, (030) 123 45 67.
_PHONE = re.compile(r"(?<![\w/.-])(?:\+|00)?\d[\d ()./-]{7,}\d(?![\w/-])")

# Where URLs live in an entry (the per-type blocks are searched for them too).
URL_FIELDS = (("url",), ("provider", "url"))


def _at(doc: Document, path: JsonPath, severity: str, code: str, message: str,
        key: bool = False) -> Problem:
    line, col = doc.where(path, key=key)
    return Problem(display_path(doc.path), line, col, severity, code, message)


def _strings(value: Any) -> Iterator[tuple[int, str]]:
    if isinstance(value, list):
        yield from ((i, v) for i, v in enumerate(value) if isinstance(v, str))


def check_layout(doc: Document) -> Iterator[Problem]:
    """The id must equal the file name and the type must match the folder."""
    data = doc.data
    stem, folder = doc.path.stem, doc.path.parent.name
    if doc.path.suffix != ".yml":
        yield _at(doc, (), ERROR, "file-name", f"Entry files end in `.yml`; rename to `{stem}.yml`.")
    entry_id = data.get("id")
    if isinstance(entry_id, str) and entry_id != stem:
        yield _at(doc, ("id",), ERROR, "id-mismatch",
                  f"The id `{entry_id}` differs from the file name `{doc.path.name}`; "
                  f"rename the file to `{entry_id}.yml` or set `id: {stem}`.")
    kind = data.get("type")
    if folder in FOLDERS.values() and isinstance(kind, str) and kind in TYPES \
            and FOLDERS[kind] != folder:
        yield _at(doc, ("type",), ERROR, "type-mismatch",
                  f"`type: {kind}` but the file is in `{folder}/`; move it to "
                  f"`entries/{FOLDERS[kind]}/` or set `type: {folder[:-1]}`.")
    elif folder not in FOLDERS.values():
        yield _at(doc, (), WARNING, "folder",
                  f"Entries live in one of {', '.join(f'`{f}/`' for f in FOLDERS.values())}; "
                  f"`{folder}/` is none of them.")
    for other in TYPES:
        if other != kind and other in data:
            yield _at(doc, (other,), ERROR, "wrong-type-block",
                      f"The `{other}:` block is only for type `{other}`, but this entry is "
                      f"`type: {kind}`. Remove the block or fix the type.", key=True)


def check_vocabularies(doc: Document) -> Iterator[Problem]:
    data = doc.data
    for i, tag in _strings(data.get("languages")):
        if msg := vocab.language_problem(tag):
            yield _at(doc, ("languages", i), ERROR, "unknown-language", f"In `languages`: {msg}")
    for field in ("summary", "name"):
        if isinstance(data.get(field), dict):
            for tag in data[field]:
                if msg := vocab.language_problem(str(tag)):
                    yield _at(doc, (field, tag), ERROR, "unknown-language",
                              f"In `{field}`: {msg}", key=True)
    for i, code in _strings(data.get("nationalities")):
        if msg := vocab.country_problem(code):
            yield _at(doc, ("nationalities", i), ERROR, "unknown-country", f"In `nationalities`: {msg}")
    regions = data.get("regions")
    for i, code in _strings(regions):
        if msg := vocab.region_problem(code):
            yield _at(doc, ("regions", i), ERROR, "unknown-region", f"In `regions`: {msg}")
    if isinstance(regions, list) and vocab.GLOBAL in regions and len(regions) > 1:
        yield _at(doc, ("regions",), WARNING, "global-and-places",
                  "`global` already covers every place; remove the other places or `global`.")
    for i, key in _strings(data.get("topics")):
        if msg := vocab.topic_problem(key):
            yield _at(doc, ("topics", i), ERROR, "unknown-topic", msg)


def check_date(doc: Document, today: date) -> Iterator[Problem]:
    value = doc.data.get("last_reviewed")
    if not isinstance(value, str):
        return
    fix = f"Write the date as YYYY-MM-DD, e.g. `last_reviewed: {today.isoformat()}`."
    if not _DATE.match(value):
        yield _at(doc, ("last_reviewed",), ERROR, "invalid-date", f"`{value}` is not a date. {fix}")
        return
    try:
        reviewed = date.fromisoformat(value)
    except ValueError:
        yield _at(doc, ("last_reviewed",), ERROR, "invalid-date",
                  f"`{value}` is not a real calendar date. {fix}")
        return
    if reviewed > today:
        yield _at(doc, ("last_reviewed",), ERROR, "future-date",
                  f"`last_reviewed` is {value}, which is in the future. Use the date you "
                  f"checked the entry, at most today ({today.isoformat()}).")


def url_paths(data: dict[str, Any]) -> Iterator[JsonPath]:
    """Paths of every URL-valued field, including those in the per-type block."""
    yield from URL_FIELDS
    kind = data.get("type")
    block = data.get(kind) if isinstance(kind, str) else None
    if isinstance(block, dict):
        for key, value in block.items():
            if key in ("join", "rules_url", "feed"):
                yield (kind, key)
            elif key == "platforms" and isinstance(value, dict):
                yield from ((kind, key, name) for name in value)


def _get(data: Any, path: JsonPath) -> Any:
    for part in path:
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


def check_urls(doc: Document) -> Iterator[Problem]:
    for path in url_paths(doc.data):
        value = _get(doc.data, path)
        if not isinstance(value, str) or (path[-1] == "join" and value == ON_REQUEST):
            continue
        field = ".".join(map(str, path))
        try:
            parts = urlsplit(value.strip())
            host = parts.hostname
        except ValueError:
            parts, host = None, None
        scheme = parts.scheme.lower() if parts else ""
        if scheme == "http":
            yield _at(doc, path, WARNING, "insecure-url",
                      f"`{field}` uses plain http://; use https:// if the site supports it.")
        elif scheme != "https":
            shown = f"`{scheme}:`" if scheme else "no scheme"
            yield _at(doc, path, ERROR, "url-scheme",
                      f"`{field}` has {shown}; only web addresses starting with https:// are "
                      "allowed" + (f", e.g. `https://{value}`." if not scheme else "."))
            continue
        if not host or "." not in host or any(c.isspace() for c in value) or parts.username:
            yield _at(doc, path, ERROR, "bad-url",
                      f"`{field}` is not a valid web address (no spaces, no user names, a real "
                      "host name), e.g. `https://www.example.org/page`.")


def check_personal_data(doc: Document) -> Iterator[Problem]:
    """Summaries are public; an e-mail address or phone number in them is usually a person's."""
    summary = doc.data.get("summary")
    if not isinstance(summary, dict):
        return
    for tag, text in summary.items():
        if not isinstance(text, str):
            continue
        if _EMAIL.search(text):
            yield _at(doc, ("summary", tag), WARNING, "personal-data",
                      f"The `{tag}` summary contains an e-mail address. Summaries are public: "
                      "remove personal contact data and link to the organisation's contact page.")
        if _PHONE.search(text):
            yield _at(doc, ("summary", tag), WARNING, "personal-data",
                      f"The `{tag}` summary contains what looks like a phone number. Summaries "
                      "are public: remove personal contact data, or keep only an official hotline.")


def check_document(doc: Document, today: date) -> list[Problem]:
    return [
        *check_layout(doc),
        *check_vocabularies(doc),
        *check_date(doc, today),
        *check_urls(doc),
        *check_personal_data(doc),
    ]
