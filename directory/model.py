"""Typed entries: what the renderers, exports and link checker work with.

Only entries without errors become `Entry` objects, so downstream code can
trust every field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

TYPES = ("app", "podcast", "course", "group", "website")
FOLDERS = {t: t + "s" for t in TYPES}  # entries/apps/ holds type: app
ON_REQUEST = "on-request"


@dataclass(frozen=True)
class Provider:
    name: str
    url: str | None = None


@dataclass(frozen=True)
class Link:
    """One URL of an entry, with the field it came from (e.g. `app.platforms.android`)."""

    field: str
    url: str


@dataclass(frozen=True)
class Entry:
    id: str
    type: str
    name: str
    names: Mapping[str, str]
    summary: Mapping[str, str]
    url: str
    languages: tuple[str, ...]
    regions: tuple[str, ...]
    topics: tuple[str, ...]
    cost: str
    last_reviewed: date
    nationalities: tuple[str, ...] = ()
    provider: Provider | None = None
    status: str = "active"
    details: Mapping[str, Any] = field(default_factory=dict)
    path: Path | None = None

    @property
    def active(self) -> bool:
        return self.status == "active"

    def name_in(self, lang: str) -> str:
        return self.names.get(lang) or self.name

    def summary_in(self, preferred: Iterable[str]) -> tuple[str, str]:
        """(language, text) of the best summary: the first preferred language that has
        one, else the first summary the entry gives."""
        for lang in preferred:
            if lang in self.summary:
                return lang, self.summary[lang]
        lang = next(iter(self.summary))
        return lang, self.summary[lang]

    def links(self) -> list[Link]:
        """Every URL in the entry, for link checking."""
        out = [Link("url", self.url)]
        if self.provider and self.provider.url:
            out.append(Link("provider.url", self.provider.url))
        out.extend(Link(f"{self.type}.{path}", url) for path, url in _urls(self.details))
        return [link for link in out if link.url != ON_REQUEST]


def _urls(data: Any, prefix: str = "") -> list[tuple[str, str]]:
    found = []
    if isinstance(data, Mapping):
        for key, value in data.items():
            found += _urls(value, f"{prefix}{key}" if not prefix else f"{prefix}.{key}")
    elif isinstance(data, str) and data.startswith(("http://", "https://")):
        found.append((prefix, data))
    return found


def entry_from_data(data: Mapping[str, Any], path: Path | None = None) -> Entry:
    """Build an Entry from data that passed validation."""
    name = data["name"]
    names = dict(name) if isinstance(name, Mapping) else {}
    provider = data.get("provider")
    return Entry(
        id=data["id"],
        type=data["type"],
        name=name if isinstance(name, str) else next(iter(name.values())),
        names=names,
        summary=dict(data["summary"]),
        url=data["url"],
        languages=tuple(data["languages"]),
        regions=tuple(data["regions"]),
        topics=tuple(data["topics"]),
        cost=data["cost"],
        last_reviewed=date.fromisoformat(data["last_reviewed"]),
        nationalities=tuple(data.get("nationalities") or ()),
        provider=Provider(provider["name"], provider.get("url")) if provider else None,
        status=data.get("status", "active"),
        details=dict(data.get(data["type"]) or {}),
        path=path,
    )
