"""`directory from-issue`: the issue form, the Markdown GitHub renders from it, and the entry."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from directory.cli import main
from directory.from_issue import CHECKBOXES, FIELDS, IGNORED, parse_sections, slugify

from .conftest import write_entry

ROOT = Path(__file__).resolve().parents[2]
FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "suggest-resource.yml"
SCHEMA = json.loads((ROOT / "schemas" / "entry.schema.json").read_text())


def form_fields() -> list[dict]:
    return [f for f in yaml.safe_load(FORM.read_text())["body"] if f["type"] != "markdown"]


def render(answers: dict[str, str | list[str] | None]) -> str:
    """The issue body GitHub writes for a filled-in form (every field, in form order)."""
    parts = []
    for field in form_fields():
        label = field["attributes"]["label"]
        answer = answers.get(field["id"])
        if field["type"] == "checkboxes":
            ticked = answer or []
            text = "\n".join(f"- [{'X' if o['label'] in ticked else ' '}] {o['label']}"
                             for o in field["attributes"]["options"])
        else:
            text = answer or "_No response_"
        parts.append(f"### {label}\n\n{text}")
    return "\n\n".join(parts) + "\n"


BASE = {
    "name": "Ukrainians in Almaty", "url": "https://t.me/ukrainians_almaty",
    "summary": "Chat of the Ukrainian community in Almaty:\nhousing, documents, schools.",
    "summary-language": "en", "languages": "uk, ru", "regions": "kz-75", "nationalities": "ua",
    "topics": ["First steps (first-steps)", "Housing (housing)"], "cost": "free",
    "consent": ["The resource is public and the description contains no personal data of people."],
}
BY_TYPE = {
    "group": {"group-platform": "telegram", "group-join": "On request", "group-moderated": "yes"},
    "app": {"app-android": "https://play.google.com/store/apps/details?id=org.example.almaty",
            "app-web": "https://app.example.org/"},
    "podcast": {"podcast-feed": "https://example.org/feed.xml"},
    "course": {"course-format": "hybrid", "course-levels": ["A1", "B2"],
               "course-certificate": "no"},
    "website": {"provider-name": "City of Almaty", "provider-url": "https://almaty.example.kz/"},
}


def test_form_and_mapping_agree():
    labels = {f["attributes"]["label"] for f in form_fields()}
    assert labels == set(FIELDS) | IGNORED
    by_id = {f["id"]: f for f in form_fields()}
    topics = {o["label"].rsplit("(", 1)[1].rstrip(")")
              for o in by_id["topics"]["attributes"]["options"]}
    assert topics == set(SCHEMA["properties"]["topics"]["items"]["enum"])
    assert set(by_id["type"]["attributes"]["options"]) == set(SCHEMA["properties"]["type"]["enum"])
    assert by_id["group-platform"]["attributes"]["options"] == \
        SCHEMA["properties"]["group"]["properties"]["platform"]["enum"]
    assert by_id["cost"]["attributes"]["options"] == SCHEMA["properties"]["cost"]["enum"]
    assert {f["attributes"]["label"] for f in form_fields() if f["type"] == "checkboxes"} == \
        CHECKBOXES | IGNORED


@pytest.mark.parametrize("kind", sorted(BY_TYPE))
def test_every_type_becomes_a_valid_entry(project, capsys, kind):
    body = render({"type": kind, **BASE, **BY_TYPE[kind]})
    (project / "issue.md").write_text(body)
    assert main(["from-issue", "issue.md", "--issue", "7"]) == 0, capsys.readouterr().out
    path = Path(capsys.readouterr().out.strip())
    assert path == Path(f"entries/{kind}s/ukrainians-in-almaty.yml")
    text = path.read_text()
    assert "# Suggested in issue #7." in text
    assert f"last_reviewed: {date.today().isoformat()}\n" in text
    assert main(["validate", str(path)]) == 0, capsys.readouterr().out  # the lead's validator
    data = yaml.safe_load(text)
    assert data["summary"] == {"en": "Chat of the Ukrainian community in Almaty: housing, "
                                     "documents, schools."}
    assert (data["regions"], data["nationalities"]) == (["KZ-75"], ["UA"])
    assert data["topics"] == ["first-steps", "housing"]
    if kind == "group":
        assert data["group"] == {"platform": "telegram", "join": "on-request", "moderated": True}
    if kind == "course":
        assert data["course"] == {"format": "hybrid", "levels": ["A1", "B2"], "certificate": False}


def test_stdin_and_stdout(project, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(render({"type": "website", **BASE})))
    assert main(["from-issue", "-", "--stdout"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# yaml-language-server") and "id: ukrainians-in-almaty" in out
    assert not (project / "entries" / "websites").exists()


def problems_for(project, capsys, answers) -> list[str]:
    (project / "issue.md").write_text(render(answers))
    assert main(["from-issue", "issue.md"]) == 1
    return capsys.readouterr().out.splitlines()


def test_problems_name_the_form_field(project, capsys):
    out = problems_for(project, capsys, {
        **BASE, "type": "website", "languages": "farsi, en", "url": "www.example.org/almaty",
        "name": None})
    assert "Name: this field is required; please fill it in" in out
    assert not list((project / "entries").rglob("*.yml"))
    out = problems_for(project, capsys, {
        **BASE, "type": "website", "languages": "farsi, en", "url": "www.example.org/almaty"})
    assert any(line.startswith("Languages of the resource: ") and "`fa`" in line for line in out)
    assert any(line.startswith("Web address: ") and "https://" in line for line in out)
    assert not list((project / "entries").rglob("*.yml"))


def test_fields_of_another_type_and_missing_topics(project, capsys):
    out = problems_for(project, capsys, {**BASE, "type": "website", "topics": [],
                                         "group-join": "https://t.me/x"})
    assert "How to join: only for groups, but the type is `website`; clear it or change the " \
           "type" in out
    assert any(line.startswith("Topics: ") for line in out), out


def test_duplicates_of_existing_entries_are_reported(project, capsys):
    write_entry(project, "almaty-ukrainians", "https://t.me/ukrainians_almaty")
    out = problems_for(project, capsys, {**BASE, "type": "website"})
    assert any(line.startswith("Web address: ") and "entries/websites/almaty-ukrainians.yml" in
               line for line in out), out


def test_ids_from_names_and_urls(project, capsys):
    assert slugify("Welcome to Antwerp!") == "welcome-to-antwerp"
    assert slugify("Café Müller – Deutsch lernen") == "cafe-muller-deutsch-lernen"
    assert slugify("Украинцы в Алматы") == ""
    (project / "issue.md").write_text(render({**BASE, "type": "website",
                                              "name": "Украинцы в Алматы"}))
    assert main(["from-issue", "issue.md", "--stdout"]) == 0
    assert "id: t-me-ukrainians-almaty\n" in capsys.readouterr().out


def test_parse_sections_handles_crlf_and_no_response():
    body = "### Name\r\n\r\nX\r\n\r\n### Provider\r\n\r\n_No response_\r\n### Empty\r\n"
    assert parse_sections(body) == {"Name": "X", "Provider": None, "Empty": None}


def test_unreadable_file_is_a_usage_error(project, capsys):
    assert main(["from-issue", "missing.md"]) == 2
    assert "cannot read missing.md" in capsys.readouterr().err
