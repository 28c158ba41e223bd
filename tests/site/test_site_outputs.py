"""What the built site carries besides pages: exports, JSON-LD, localized names,
and archived entries kept out of lists and search."""

from __future__ import annotations

import csv
import io
import json
import re

import feedparser
from sitebuild import fixture_ids, lang_root, languages

ARCHIVED = "closed-portal"


def test_exports_are_in_the_site_and_parse(site):
    data = json.loads((site / "api" / "entries.json").read_text(encoding="utf-8"))
    text = json.dumps(data, ensure_ascii=False)
    active = [i for i in fixture_ids() if i != ARCHIVED]
    for entry_id in active:
        assert f'"{entry_id}"' in text
    assert ARCHIVED not in text
    rows = list(csv.DictReader(io.StringIO((site / "api" / "entries.csv").read_text("utf-8-sig"))))
    assert sorted(r["id"] for r in rows) == sorted(active)
    for lang in languages():
        feed = feedparser.parse((lang_root(site, lang) / "feed.xml").read_bytes())
        assert not feed.bozo, (lang, feed.bozo_exception)
        assert len(feed.entries) == len(active)


def test_json_ld_parses_with_type_and_languages(site):
    kinds = {}
    for lang in languages():
        for entry_id in fixture_ids():
            html = (lang_root(site, lang) / "resources" / entry_id / "index.html").read_text("utf-8")
            blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
            assert len(blocks) == 1, (lang, entry_id)
            data = json.loads(blocks[0])
            assert data["@context"] == "https://schema.org"
            assert data.get("inLanguage") or data.get("knowsLanguage")
            kinds[entry_id] = data["@type"]
    assert kinds["berlin-calling"] == "PodcastSeries"
    assert kinds["deutsch-a1"] == "Course"
    assert kinds["newcomer-handbook"] == "WebSite"


def test_names_are_in_the_page_language(site):
    ru = (site / "ru" / "resources" / "newcomer-handbook" / "index.html").read_text("utf-8")
    assert "турецкий" in ru and "украинский" in ru
    de = (site / "de" / "resources" / "newcomer-handbook" / "index.html").read_text("utf-8")
    assert "Türkisch" in de and "Ukrainisch" in de
    ar = (site / "ar" / "resources" / "newcomer-handbook" / "index.html").read_text("utf-8")
    assert "التركية" in ar


def test_archived_entry_keeps_its_page_but_leaves_lists_and_search(site):
    for lang in languages():
        root = lang_root(site, lang)
        page = (root / "resources" / ARCHIVED / "index.html").read_text("utf-8")
        assert "dir-notice--archived" in page
        assert "data-pagefind-body" not in page
        for listing in [root / "index.html", *root.glob("topics/*/index.html"),
                        *root.glob("types/*/index.html"), *root.glob("regions/*/index.html")]:
            assert f"resources/{ARCHIVED}/" not in listing.read_text("utf-8"), listing
