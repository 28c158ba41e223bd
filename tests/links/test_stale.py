"""`directory stale`: ordering, the cutoff, archived entries and the three formats."""

from __future__ import annotations

import json
from datetime import date, timedelta

from directory.cli import main
from directory.model import entry_from_data
from directory.stale import stale_entries

from .conftest import write_entry

TODAY = date(2026, 6, 1)


def entry(entry_id, reviewed, status="active", provider=None):
    data = {"id": entry_id, "type": "website", "name": entry_id.title(), "summary": {"en": "x"},
            "url": f"https://{entry_id}.example/", "languages": ["en"], "regions": ["DE"],
            "topics": ["work"], "cost": "free", "last_reviewed": reviewed, "status": status}
    if provider:
        data["provider"] = provider
    return entry_from_data(data)


def test_oldest_first_with_cutoff_and_contact():
    entries = [
        entry("recent", "2026-05-01"),
        entry("exactly-365", (TODAY - timedelta(days=365)).isoformat()),
        entry("old", "2025-01-10", provider={"name": "City of Berlin", "url": "https://berlin.de/"}),
        entry("oldest", "2023-02-01", provider={"name": "Volunteers"}),
        entry("older", "2024-07-01"),
        entry("archived", "2020-01-01", status="archived"),
    ]
    found = stale_entries(entries, TODAY, 365)
    assert [s.id for s in found] == ["oldest", "older", "old"]
    assert (found[0].contact, found[0].contact_url) == ("Volunteers", "https://oldest.example/")
    assert (found[2].contact, found[2].contact_url) == ("City of Berlin", "https://berlin.de/")
    assert found[0].age_days == (TODAY - date(2023, 2, 1)).days
    assert [s.id for s in stale_entries(entries, TODAY, 30)][-1] == "recent"


def test_command_uses_the_configured_interval_and_formats(project, capsys):
    today = date.today()
    write_entry(project, "fresh", "https://fresh.example/",
                last_reviewed=(today - timedelta(days=10)).isoformat())
    write_entry(project, "two-years", "https://two.example/",
                last_reviewed=(today - timedelta(days=730)).isoformat(),
                provider_url="https://ngo.example/")
    write_entry(project, "eighteen-months", "https://eighteen.example/",
                last_reviewed=(today - timedelta(days=540)).isoformat())

    assert main(["stale"]) == 0  # default interval: 365 days (settings)
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert "two-years" in lines[0] and "eighteen-months" in lines[1]
    assert "entries/websites/two-years.yml" in lines[0]
    assert "contact: Example NGO two-years <https://ngo.example/>" in lines[0]
    assert "fresh" not in out
    assert lines[-1] == "2 entries not reviewed for more than 365 days"

    assert main(["stale", "--days", "5", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == ["two-years", "eighteen-months", "fresh"]
    assert rows[0]["age_days"] == 730

    assert main(["stale", "--format", "markdown"]) == 0
    md = capsys.readouterr().out
    assert md.startswith("## Entries to review (2)")
    assert "| Test two-years (`two-years`) |" in md and "[Example NGO two-years](https://ngo.example/)" in md

    assert main(["stale", "--days", "1000"]) == 0
    assert capsys.readouterr().out == "no entries older than 1000 days\n"
