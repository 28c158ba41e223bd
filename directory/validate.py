"""Validate entry files: load each, check it, check the collection, keep the good ones.

Every problem in every file is reported in one run; one broken file never
stops the others, and entries without errors still reach the site.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

from .checks import check_document
from .load import Document, display_path, load_file
from .model import Entry, entry_from_data
from .problems import ERROR, Problem
from .schema import check_schema
from .settings import Settings, load_settings


class UsageError(Exception):
    """A mistake in how the command was called, not in the data."""


@dataclass
class Result:
    entries: list[Entry]
    problems: list[Problem]
    files: int

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)


def entry_files(paths: Iterable[Path]) -> list[Path]:
    """Entry files under the given files and folders, in a stable order."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(p for p in path.rglob("*") if p.suffix in (".yml", ".yaml")
                         and p.is_file() and not any(s.startswith(".") for s in p.parts[-3:]))
        elif path.is_file():
            found.add(path)
        else:
            raise UsageError(f"{path}: no such file or folder")
    return sorted(found)


def normalise_url(url: str) -> str:
    """The same page written two ways (http/https, www., trailing slash, utm_*) compares equal."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower().removeprefix("www.")
    except ValueError:
        return url.strip().lower()
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not k.startswith("utm_")])
    return f"{host}{parts.path.rstrip('/')}{'?' + query if query else ''}"


def normalise_name(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold()
    return re.sub(r"[\W_]+", "", text)


def check_collection(docs: list[Document]) -> list[Problem]:
    """The same id, URL or name in two files is the most common data bug in directories."""
    problems = []
    seen: dict[tuple[str, str], tuple[Document, tuple]] = {}

    def claim(kind: str, key: str, doc: Document, at: tuple, label: str) -> None:
        if not key:
            return
        first = seen.setdefault((kind, key), (doc, at))
        if first[0] is doc:
            return
        other, other_at = first
        line, col = doc.where(at)
        oline, _ = other.where(other_at)
        problems.append(Problem(
            display_path(doc.path), line, col, ERROR, f"duplicate-{kind}",
            f"{label} is also in {display_path(other.path)}:{oline}. Each resource gets one "
            "entry: merge the two files or make them clearly different."))

    for doc in docs:
        data = doc.data
        if isinstance(data.get("id"), str):
            claim("id", data["id"], doc, ("id",), f"The id `{data['id']}`")
        if isinstance(data.get("url"), str):
            claim("url", normalise_url(data["url"]), doc, ("url",), f"The address `{data['url']}`")
        name = data.get("name")
        names = name.items() if isinstance(name, dict) else [(None, name)]
        for lang, text in names:
            if isinstance(text, str):
                at = ("name", lang) if lang else ("name",)
                claim("name", normalise_name(text), doc, at, f"The name `{text}`")
    return problems


def _one_per_place(problems: list[Problem]) -> list[Problem]:
    """Where a specific check and the schema flag the same value, keep the specific one."""
    specific = {(p.path, p.line, p.col) for p in problems if p.code not in _SCHEMA_CODES}
    return [p for p in problems
            if p.code not in _SCHEMA_CODES or p.code in _ALWAYS
            or (p.path, p.line, p.col) not in specific]


_SCHEMA_CODES = {"missing-field", "unknown-field", "wrong-type", "not-allowed", "too-long",
                 "empty-value", "repeated-item", "bad-format", "schema"}
_ALWAYS = {"missing-field", "unknown-field"}


def validate_paths(paths: Iterable[Path] | None = None, settings: Settings | None = None,
                   today: date | None = None) -> Result:
    """Load and check entry files (default: the configured entries folder)."""
    settings = settings or load_settings()
    today = today or date.today()
    files = entry_files(list(paths) if paths else [settings.entries_dir])
    problems: list[Problem] = []
    docs: list[Document] = []
    failed: set[int] = set()
    for path in files:
        doc, load_problems = load_file(path, settings.max_file_bytes)
        if path.suffix == ".yaml":
            load_problems.append(Problem(display_path(path), 1, 1, ERROR, "file-name",
                                         f"Entry files end in `.yml`; rename to `{path.stem}.yml`."))
        if doc is None:
            problems += load_problems
            continue
        found = _one_per_place(load_problems + check_schema(doc) + check_document(doc, today))
        problems += found
        if any(p.is_error for p in found):
            failed.add(id(doc))
        docs.append(doc)
    collection = check_collection(docs)
    problems += collection
    flagged = {p.path for p in collection}
    if flagged:
        failed.update(id(d) for d in docs if display_path(d.path) in flagged)
    entries = [entry_from_data(d.data, d.path) for d in docs if id(d) not in failed]
    return Result(entries=entries, problems=sorted(set(problems)), files=len(files))
