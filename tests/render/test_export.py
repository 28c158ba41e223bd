"""JSON, CSV and Atom exports parse, hold active entries only, and are safe to open."""

from __future__ import annotations

import csv
import io
import json

import feedparser

from directory.export import FEED_SIZE, csv_cell, export_all, export_feed

from .conftest import make


def test_export_files(group, archived, settings):
    out = export_all([group, archived], settings)
    assert set(out) == {"api/entries.json", "api/entries.csv", "feed.xml",
                        *(f"{lang}/feed.xml" for lang in settings.site_languages[1:])}


def test_json_shape(group, archived, course, settings):
    data = json.loads(export_all([group, archived, course], settings)["api/entries.json"])
    assert data["format_version"] == 1
    assert data["count"] == 2 and [e["id"] for e in data["entries"]] == ["integration-course",
                                                                          "ua-berlin"]
    assert data["site_languages"] == list(settings.site_languages)
    assert data["topics"]["work"]["ru"]["label"] == "Работа"
    record = data["entries"][1]
    assert record == {
        "id": "ua-berlin", "type": "group", "name": "Українці в Берліні", "names": {},
        "summary": {"uk": "Спільнота українців у Берліні: житло, робота, документи."},
        "url": "https://t.me/ua_berlin", "languages": ["uk", "ru"], "nationalities": ["UA"],
        "regions": ["DE-BE"], "topics": ["community", "housing"], "cost": "free",
        "provider": {"name": "Neue deutsche Medienmacher*innen", "url": "https://ndm.example.org/"},
        "last_reviewed": "2026-03-01",
        "details": {"platform": "telegram", "join": "on-request", "moderated": True,
                    "rules_url": "https://example.org/rules"},
        "page": "resources/ua-berlin/",
    }
    assert data["entries"][0]["details"]["levels"] == ["A1", "A2", "B1"]


def _rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_csv_one_row_per_active_entry(group, archived, podcast, settings):
    rows = _rows(export_all([group, archived, podcast], settings)["api/entries.csv"])
    assert [r["id"] for r in rows] == ["easy-german", "ua-berlin"]
    group_row = rows[1]
    assert group_row["languages"] == "uk;ru" and group_row["topics"] == "community;housing"
    assert group_row["summary_uk"].startswith("Спільнота") and group_row["summary_en"] == ""
    assert group_row["group_join"] == "on-request" and group_row["group_moderated"] == "yes"
    assert rows[0]["podcast_platforms"] == "spotify=https://open.spotify.com/x"
    assert rows[0]["group_platform"] == ""


def test_csv_guards_against_formulas(settings):
    entry = make(name="=HYPERLINK(\"https://evil.example\",\"click\")",
                 summary={"en": "+1 555", "ru": "-2", "de": "@SUM(A1)"},
                 provider={"name": "\t=cmd"})
    row = _rows(export_all([entry], settings)["api/entries.csv"])[0]
    assert row["name"].startswith("'=")
    assert row["summary_en"] == "'+1 555" and row["summary_ru"] == "'-2"
    assert row["summary_de"] == "'@SUM(A1)" and row["provider_name"] == "'\t=cmd"
    assert csv_cell("safe") == "safe" and csv_cell(None) == "" and csv_cell(["a", "b"]) == "a;b"


def test_csv_extra_summary_languages_get_columns(settings):
    entry = make(summary={"en": "x", "so": "Soomaali"})
    rows = _rows(export_all([entry], settings)["api/entries.csv"])
    assert rows[0]["summary_so"] == "Soomaali"


def test_feed_parses_and_is_localized(group, archived, settings):
    out = export_all([group, archived, make()], settings)
    feed = feedparser.parse(out["ru/feed.xml"])
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "Ресурсы для мигрантов"
    assert feed.feed.get("language") == "ru"
    titles = [e.title for e in feed.entries]
    assert sorted(titles) == ["Handbook Germany", "Українці в Берліні"]
    handbook = next(e for e in feed.entries if e.title == "Handbook Germany")
    assert handbook.summary == "Официальный путеводитель по жизни в Германии."
    assert handbook.link == "resources/handbook/"
    assert handbook.updated.startswith("2026-03-01")
    assert {t.label for t in handbook.tags} == {"Первые шаги", "Работа"}
    assert feedparser.parse(out["feed.xml"]).feed.title == "Resources for migrants"


def test_feed_newest_first_and_limited(settings):
    entries = [make(id=f"e{i:03d}", last_reviewed=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}")
               for i in range(FEED_SIZE + 20)]
    feed = feedparser.parse(export_feed(entries, settings, "de"))
    assert len(feed.entries) == FEED_SIZE
    dates = [e.updated for e in feed.entries]
    assert dates == sorted(dates, reverse=True)


def test_feed_with_site_url_has_absolute_links(settings):
    feed = feedparser.parse(export_feed([make()], settings, "ar",
                                        site_url="https://example.org/dir"))
    assert feed.entries[0].link == "https://example.org/dir/ar/resources/handbook/"


def test_feed_drops_characters_xml_cannot_hold(settings):
    entry = make(name="bad\x00name\x1b", summary={"en": "a\x0bb"})
    feed = feedparser.parse(export_feed([entry], settings, "en"))
    assert not feed.bozo and feed.entries[0].title == "badname"
