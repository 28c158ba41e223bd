"""The real `mkdocs build --strict` on the fixture entries: every page in every
language, text direction, the Pagefind index, nothing loaded from other hosts,
and invalid entries stopping the build with `directory validate`'s messages."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from sitebuild import FIXTURE_ENTRIES, ROOT, active_ids, fixture_ids, lang_root, languages, run_build

RTL = {"ar", "fa"}
HAND_WRITTEN = ("about", "contribute", "privacy")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def tags(path: Path) -> list[tuple[str, dict[str, str]]]:
    parser = _Tags()
    parser.feed(path.read_text("utf-8"))
    return parser.tags


def html_attrs(path: Path, tag: str) -> dict[str, str]:
    return next(a for t, a in tags(path) if t == tag)


def loaded_urls(path: Path) -> list[str]:
    """URLs a browser fetches while loading the page (not links a person follows)."""
    out = []
    for tag, a in tags(path):
        if tag == "link" and a.get("rel", "") != "canonical":
            out.append(a.get("href", ""))
        elif tag in ("script", "img", "iframe", "source", "audio", "video", "embed", "track"):
            out.append(a.get("src", ""))
        elif tag == "object":
            out.append(a.get("data", ""))
        if a.get("srcset"):
            out += [part.split()[0] for part in a["srcset"].split(",") if part.strip()]
        if "style" in a:
            out += re.findall(r"url\(\s*['\"]?([^'\")]+)", a["style"])
    return [u for u in out if u]


def is_foreign(url: str) -> bool:
    return not url.startswith("data:") and bool(urlsplit(url).netloc or urlsplit(url).scheme)


def test_every_entry_page_exists_in_every_language(site):
    missing = [
        f"{lang}/{entry_id}"
        for lang in languages()
        for entry_id in fixture_ids()
        if not (lang_root(site, lang) / "resources" / entry_id / "index.html").is_file()
    ]
    assert not missing


def test_hand_written_pages_exist_in_every_language(site):
    for lang in languages():
        assert (ROOT / "docs").glob(f"*.{lang}.md")
        for page in HAND_WRITTEN:
            assert (ROOT / "docs" / f"{page}.{lang}.md").is_file(), f"docs/{page}.{lang}.md"
            built = lang_root(site, lang) / page / "index.html"
            assert html_attrs(built, "html")["lang"] == lang
            assert "%repo_url%" not in built.read_text("utf-8")


@pytest.mark.parametrize("lang", languages())
def test_lang_and_dir_attributes(site, lang):
    direction = "rtl" if lang in RTL else "ltr"
    pages = [lang_root(site, lang) / "index.html",
             lang_root(site, lang) / "resources" / fixture_ids()[0] / "index.html"]
    for page in pages:
        assert html_attrs(page, "html") == {**html_attrs(page, "html"), "lang": lang,
                                            "dir": direction}
        assert html_attrs(page, "body")["dir"] == direction


def test_pagefind_index_per_language(site):
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert set(entry["languages"]) == set(languages())
    for lang, info in entry["languages"].items():
        assert info["page_count"] == len(active_ids()), lang
        assert list((site / "pagefind").glob(f"pagefind.{lang}_*.pf_meta")), lang


def test_nothing_is_loaded_from_another_host(site):
    problems = []
    for page in site.rglob("*.html"):
        problems += [f"{page.relative_to(site)}: {u}" for u in loaded_urls(page) if is_foreign(u)]
    for css in site.rglob("*.css"):
        text = css.read_text("utf-8")
        refs = re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(
            r"@import\s+(?:url\()?['\"]?([^'\"); ]+)", text)
        problems += [f"{css.relative_to(site)}: {u}" for u in refs if is_foreign(u)]
    own_js = (site / "assets" / "dir-search.js").read_text("utf-8")
    problems += [f"dir-search.js: {u}" for u in re.findall(r"https?://[^\s'\"`]+", own_js)]
    assert not problems


def test_no_trigger_for_theme_requests(site):
    """Material fetches <alternate>/sitemap.xml for each <link rel=alternate>
    (356 KiB at 2,000 entries) and the GitHub API for a repository widget."""
    for page in site.rglob("*.html"):
        for tag, a in tags(page):
            assert not (tag == "link" and a.get("rel") == "alternate"), page
            assert a.get("data-md-component") != "source", page


def test_entry_page_first_load_is_small_and_has_no_search_code(site):
    page = lang_root(site, "ru") / "resources" / fixture_ids()[0] / "index.html"
    url = f"/ru/resources/{fixture_ids()[0]}/"
    total = len(gzip.compress(page.read_bytes()))
    for ref in loaded_urls(page):
        assert "pagefind" not in ref and "dir-search" not in ref
        local = site / urljoin(url, ref).lstrip("/")
        total += len(gzip.compress(local.read_bytes()))
    assert total < 100 * 1024, f"{total} bytes gzip"


def search_forms(page: Path) -> list[dict[str, str]]:
    return [a for t, a in tags(page) if t == "form" and "data-dir-search" in a]


def test_one_search_box_on_every_page(site):
    """Home pages: a box under the heading. Other pages: a panel the header button opens."""
    for lang in languages():
        home = lang_root(site, lang) / "index.html"
        assert len(search_forms(home)) == 1, lang
        assert 'id="dir-search-home-q"' in home.read_text("utf-8")
        about = lang_root(site, lang) / "about" / "index.html"
        assert len(search_forms(about)) == 1, lang
        assert 'id="dir-search-panel"' in about.read_text("utf-8")


def test_kazakh_theme_strings_are_complete_and_kazakh():
    import material

    def keys(path: Path) -> dict[str, str]:
        return dict(re.findall(r'^\s*"([\w.]+)": "(.*)",?$', path.read_text("utf-8"), re.M))

    english = keys(Path(material.__file__).parent / "templates/partials/languages/en.html")
    kazakh = keys(ROOT / "docs/overrides/partials/languages/kk.html")
    needed = {k for k in english if not k.startswith("search.config.")}
    assert needed <= set(kazakh)
    assert kazakh["language"] == "kk" and kazakh["direction"] == "ltr"
    translated = [k for k in needed - {"language", "direction", "nav"} if kazakh[k] != english[k]]
    assert len(translated) == len(needed) - 3
    assert all(re.search("[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]", kazakh[k]) for k in translated)


def test_mkdocs_languages_match_settings():
    from mkdocs.utils.yaml import yaml_load

    config = yaml_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    assert [lang["locale"] for lang in i18n["languages"]] == languages()
    assert i18n["languages"][0]["default"] is True


def test_invalid_entry_stops_the_build_with_validate_messages(tmp_path):
    entries = tmp_path / "entries"
    shutil.copytree(FIXTURE_ENTRIES, entries)
    bad = entries / "websites" / "broken.yml"
    bad.write_text(
        "id: broken\ntype: website\nname: Broken\nsummary:\n  en: Nothing.\n"
        "url: ftp://broken.example.org/\nlanguages: [xx-nope]\nregions: [global]\n"
        "topics: [housing]\ncost: free\nlast_reviewed: 2025-01-01\n",
        encoding="utf-8",
    )
    validate = subprocess.run(
        [sys.executable, "-m", "directory", "validate", str(entries)],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )
    assert validate.returncode != 0
    done = run_build(tmp_path / "site", entries=entries, cwd=tmp_path)
    assert done.returncode != 0
    output = done.stdout + done.stderr
    lines = [line for line in validate.stdout.splitlines() if line.strip()]
    assert lines and all(line in output for line in lines)
    assert validate.stderr.strip() in output  # the summary line
    assert "Traceback" not in output
    assert not (tmp_path / "site" / "pagefind").exists()


def test_every_indexed_page_carries_the_filter_only_word(site):
    """dir-search.js searches this word when only filters are chosen (one small
    index chunk instead of Pagefind's whole word index)."""
    for lang in languages():
        for entry_id in active_ids():
            text = (lang_root(site, lang) / "resources" / entry_id / "index.html").read_text()
            assert text.count("<p data-pagefind-body hidden>zzdirectoryentry</p>") == 1
        assert "zzdirectoryentry</p>" not in (lang_root(site, lang) / "index.html").read_text()
