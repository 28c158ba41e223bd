"""Link-check results for people (table), tools (JSON) and the tracking issue (Markdown)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import datetime

from ..load import display_path
from ..model import Entry
from .classify import (
    BLOCKED,
    BROKEN,
    FAILING,
    OK,
    REDIRECTED,
    STATUSES,
    TRANSIENT,
    UNVERIFIABLE,
    Verdict,
)

NEEDS_WORK = (BROKEN, FAILING, REDIRECTED, TRANSIENT, BLOCKED)


@dataclass(frozen=True)
class Row:
    entry_id: str
    path: str
    field: str
    url: str
    verdict: Verdict


def build_rows(entries: Iterable[Entry], verdicts: Mapping[str, Verdict]) -> list[Row]:
    """One row per link of each entry (a URL shared by two entries appears twice)."""
    rows = []
    for entry in entries:
        path = display_path(entry.path) if entry.path else ""
        for link in entry.links():
            if link.url in verdicts:
                rows.append(Row(entry.id, path, link.field, link.url, verdicts[link.url]))
    return rows


def counts(rows: Iterable[Row]) -> Counter[str]:
    return Counter(r.verdict.status for r in rows)


def summary(rows: list[Row]) -> str:
    found = counts(rows)
    parts = [f"{found[s]} {s}" for s in STATUSES if found[s]]
    return f"{len(rows)} links: {', '.join(parts) or 'none'}"


def fix_for(verdict: Verdict) -> str:
    """What a maintainer should do about a verdict."""
    status, reason = verdict.status, verdict.reason
    if status == BROKEN and reason == "expired invite":
        return "Ask the group's admins for a new invite link, or set `join: on-request`."
    if status == BROKEN and reason.startswith("DNS"):
        return "The site is gone: find where the resource moved, or set `status: archived`."
    if status == BROKEN:
        return ("Find the new address (search the provider's site), or set `status: archived` "
                "if the resource closed.")
    if status == FAILING:
        return "Nothing yet: the next run confirms or clears it."
    if status == REDIRECTED:
        return f"Replace with {verdict.suggestion}"
    if status == TRANSIENT:
        return "Nothing yet; if it keeps failing for weeks, check it by hand."
    if status == BLOCKED:
        return "Open it in a browser; if the page works, nothing to do."
    if status == UNVERIFIABLE:
        return "Open the invite in the app to check that it still works."
    return ""


def _order(row: Row) -> tuple[int, str, str]:
    return (STATUSES.index(row.verdict.status), row.entry_id, row.field)


def format_table(rows: list[Row], show_ok: bool = False) -> str:
    """Aligned columns of the links that need a look, then a summary line."""
    shown = sorted((r for r in rows if show_ok or r.verdict.status != OK), key=_order)
    lines = []
    if shown:
        table = [("STATUS", "ENTRY", "FIELD", "URL", "DETAILS")]
        for r in shown:
            detail = r.verdict.reason
            if r.verdict.suggestion:
                detail = f"{detail} -> {r.verdict.suggestion}" if detail else r.verdict.suggestion
            table.append((r.verdict.status, r.entry_id, r.field, r.url, detail))
        widths = [max(len(row[i]) for row in table) for i in range(4)]
        for row in table:
            lines.append("  ".join(c.ljust(w) for c, w in zip(row[:4], widths, strict=True))
                         + "  " + row[4])
    lines.append(summary(rows))
    return "\n".join(line.rstrip() for line in lines)


def format_json(rows: list[Row]) -> str:
    return json.dumps(
        [{"entry": r.entry_id, "path": r.path, "field": r.field, **asdict(r.verdict)}
         for r in sorted(rows, key=_order)],
        ensure_ascii=False, indent=2)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _day(since: str | None) -> str:
    return since[:10] if since else ""


def format_markdown(rows: list[Row], checked_at: datetime) -> str:
    """The tracking issue's body: entries with problems, worst first, with the fix for each."""
    found = counts(rows)
    head = ", ".join(f"{found[s]} {s}" for s in NEEDS_WORK if found[s]) or "nothing to fix"
    entries = {r.entry_id for r in rows}
    out = [f"## Link check: {head}", "",
           f"_Checked {checked_at:%Y-%m-%d %H:%M} UTC: {len(rows)} links in {len(entries)} "
           f"entries. `failing` links failed once and are confirmed or cleared by the next "
           f"run._", ""]
    by_entry: dict[str, list[Row]] = {}
    for r in sorted((r for r in rows if r.verdict.status in NEEDS_WORK), key=_order):
        by_entry.setdefault(r.entry_id, []).append(r)
    for entry_id, items in by_entry.items():
        out += [f"### `{entry_id}` ({items[0].path})", "",
                "| Field | Link | Status | Since | Fix |", "|---|---|---|---|---|"]
        for r in items:
            v = r.verdict
            status = f"**{v.status}**" + (f" ({_cell(v.reason)})" if v.reason else "")
            out.append(f"| {r.field} | {_cell(r.url)} | {status} | {_day(v.since)} | "
                       f"{_cell(fix_for(v))} |")
        out.append("")
    manual = sorted((r for r in rows if r.verdict.status == UNVERIFIABLE), key=_order)
    if manual:
        out += ["<details><summary>Invite links to check by hand "
                f"({len(manual)})</summary>", ""]
        out += [f"- `{r.entry_id}` {r.field}: {r.url}" for r in manual]
        out += ["", "</details>", ""]
    return "\n".join(out).rstrip() + "\n"
