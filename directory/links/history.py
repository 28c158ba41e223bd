"""What earlier runs saw, so one bad night does not mark a link broken.

A scheduled run calls a link broken only when it failed in two runs at least
`confirm_after` apart; before that it is `failing`. Pull-request runs skip the
wait for hard failures (404, 410, no such host, expired invite).
The history is plain JSON: {"version": 1, "urls": {url: record}}.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from ..model import Entry
from .classify import BROKEN, FAILING, TRANSIENT, Verdict

VERSION = 1
KEEP_RESULTS = 5  # recent results kept per URL
FORGET_AFTER = timedelta(days=90)  # records of URLs no run has checked for this long are dropped

History = dict[str, Any]


def empty_history() -> History:
    return {"version": VERSION, "urls": {}}


def load_history(path: Path) -> tuple[History, str | None]:
    """The history at `path`; a missing file is an empty history, an unreadable one too
    (with a warning to print), since the history only ever delays verdicts."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return empty_history(), None
    except (OSError, ValueError) as exc:
        return empty_history(), f"{path}: cannot read the link history ({exc}); starting afresh"
    if not isinstance(data, dict) or data.get("version") != VERSION \
            or not isinstance(data.get("urls"), dict):
        return empty_history(), f"{path}: not a link history of version {VERSION}; starting afresh"
    return data, None


def save_history(path: Path, history: History) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(history, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    tmp.replace(path)


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _parse(text: str) -> datetime:
    """A stored time; times written without a zone (by hand) are read as UTC."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def apply_run(history: History, verdicts: Mapping[str, Verdict], now: datetime, *,
              confirm_after: timedelta = timedelta(days=1),
              hard_fails_at_once: bool = False) -> tuple[History, dict[str, Verdict]]:
    """Fold one run's raw verdicts into the history; return the new history and the final
    verdicts (broken -> failing until confirmed, each with `since`)."""
    urls: dict[str, Any] = {
        url: rec for url, rec in history.get("urls", {}).items()
        if url in verdicts or _recent(rec, now)
    }
    final: dict[str, Verdict] = {}
    for url, raw in verdicts.items():
        rec = dict(urls.get(url) or {})
        failed = raw.status in (BROKEN, TRANSIENT)
        first = _valid_time(rec.get("first_failed")) if failed else None
        first = first or (_iso(now) if failed else None)
        verdict = replace(raw, since=first)
        if raw.status == BROKEN and not (hard_fails_at_once and raw.hard):
            if now - _parse(first) < confirm_after:
                verdict = replace(verdict, status=FAILING,
                                  reason=f"{raw.reason}; first failure, will confirm on the next run")
        recent = [{"at": _iso(now), "status": verdict.status, "code": raw.code}]
        recent += list(rec.get("recent") or [])[: KEEP_RESULTS - 1]
        urls[url] = {
            "status": verdict.status, "code": raw.code, "reason": raw.reason,
            "first_failed": first, "last_checked": _iso(now), "recent": recent,
        }
        final[url] = verdict
    return {"version": VERSION, "urls": urls}, final


def _valid_time(value: Any) -> str | None:
    try:
        _parse(value)
    except (TypeError, ValueError):
        return None
    return value


def _recent(record: Mapping[str, Any], now: datetime) -> bool:
    try:
        return now - _parse(record["last_checked"]) < FORGET_AFTER
    except (KeyError, TypeError, ValueError):
        return False


def broken_since(history: History, entry: Entry) -> date | None:
    """The day the earliest confirmed-broken link of `entry` first failed, for the
    site's "link reported broken since" note; None when no link is confirmed broken."""
    urls = history.get("urls", {}) if isinstance(history, Mapping) else {}
    days = []
    for link in entry.links():
        rec = urls.get(link.url)
        if isinstance(rec, Mapping) and rec.get("status") == BROKEN and rec.get("first_failed"):
            try:
                days.append(_parse(rec["first_failed"]).date())
            except (TypeError, ValueError):
                continue
    return min(days) if days else None
