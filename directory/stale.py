"""`directory stale`: active entries nobody has reviewed for too long, oldest first.

Directories rot quietly; this list tells maintainers whom to ask.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, timedelta

from .load import display_path
from .model import Entry


@dataclass(frozen=True)
class StaleEntry:
    id: str
    name: str
    path: str
    last_reviewed: date
    age_days: int
    contact: str  # who to ask: the provider, else the resource itself
    contact_url: str


def stale_entries(entries: Iterable[Entry], today: date, days: int) -> list[StaleEntry]:
    """Active entries last reviewed more than `days` days before `today`, oldest first."""
    cutoff = today - timedelta(days=days)
    found = []
    for e in entries:
        if not e.active or e.last_reviewed >= cutoff:
            continue
        provider = e.provider
        found.append(StaleEntry(
            id=e.id, name=e.name, path=display_path(e.path) if e.path else "",
            last_reviewed=e.last_reviewed, age_days=(today - e.last_reviewed).days,
            contact=provider.name if provider else e.name,
            contact_url=(provider.url if provider and provider.url else e.url)))
    return sorted(found, key=lambda s: (s.last_reviewed, s.id))


def format_stale(items: list[StaleEntry], days: int, fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps([{**asdict(s), "last_reviewed": s.last_reviewed.isoformat()}
                           for s in items], ensure_ascii=False, indent=2)
    if fmt == "markdown":
        if not items:
            return f"No entry is older than {days} days since its last review.\n"
        lines = [f"## Entries to review ({len(items)})", "",
                 f"Not reviewed for more than {days} days, oldest first. Check each with its "
                 "provider, then update `last_reviewed`.", "",
                 "| Entry | Last reviewed | Contact | File |", "|---|---|---|---|"]
        lines += [f"| {s.name.replace('|', '/')} (`{s.id}`) | {s.last_reviewed} "
                  f"({s.age_days} days) | [{s.contact.replace('|', '/')}]({s.contact_url}) "
                  f"| {s.path} |" for s in items]
        return "\n".join(lines) + "\n"
    if not items:
        return f"no entries older than {days} days\n"
    width = max(len(s.id) for s in items)
    lines = [f"{s.last_reviewed}  {s.id.ljust(width)}  {s.path}  contact: {s.contact} "
             f"<{s.contact_url}>" for s in items]
    return "\n".join(lines) + f"\n{len(items)} entries not reviewed for more than {days} days\n"
