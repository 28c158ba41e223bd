"""The plain functions behind the MkDocs hooks (no build needed)."""

from __future__ import annotations

import os
import shutil

import pytest
from sitebuild import FIXTURE_ENTRIES

from directory import site_config
from directory.settings import load_settings


@pytest.fixture
def entries(tmp_path, monkeypatch):
    folder = tmp_path / "entries"
    shutil.copytree(FIXTURE_ENTRIES, folder)
    monkeypatch.setenv("DIRECTORY_ENTRIES", str(folder))
    return folder


def counting_renderer():
    calls = []

    def render(entries, settings, broken):
        calls.append(len(entries))
        return {f"resources/{e.id}.en.md": e.name for e in entries}

    return render, calls


def test_pages_are_rendered_once_until_an_entry_file_changes(entries, tmp_path):
    render, calls = counting_renderer()
    first = site_config.generated_pages(tmp_path, render)
    assert site_config.generated_pages(tmp_path, render) is first  # the 7 other languages
    assert calls == [6]

    path = entries / "apps" / "wohnung-berlin.yml"
    path.write_text(path.read_text("utf-8").replace("Wohnungshelfer", "Wohnungslotse"), "utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert site_config.generated_pages(tmp_path, render)["resources/wohnung-berlin.en.md"] \
        == "Wohnungslotse Berlin"
    (entries / "websites" / "newcomer-handbook.yml").unlink()
    assert "resources/newcomer-handbook.en.md" not in site_config.generated_pages(tmp_path, render)
    assert calls == [6, 6, 5]


def test_invalid_entries_raise_what_validate_prints(entries, tmp_path):
    (entries / "apps" / "wohnung-berlin.yml").write_text("id: wohnung-berlin\n", "utf-8")
    render, calls = counting_renderer()
    with pytest.raises(site_config.InvalidEntries) as raised:
        site_config.generated_pages(tmp_path, render)
    lines = str(raised.value).splitlines()
    assert all("wohnung-berlin.yml:" in line for line in lines[:-1])
    assert "error [missing-field]" in lines[0]
    assert lines[-1].endswith("in 6 files")
    assert calls == []


def test_missing_entries_folder_is_explained(tmp_path, monkeypatch):
    monkeypatch.setenv("DIRECTORY_ENTRIES", str(tmp_path / "nowhere"))
    with pytest.raises(site_config.InvalidEntries, match="DIRECTORY_ENTRIES"):
        site_config.generated_pages(tmp_path, lambda e, s: {})


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("fa", "rtl"), ("kk", "ltr"),
                                                 ("en", "ltr")])
def test_html_dir(lang, direction):
    html = f'<!doctype html>\n<html lang="{lang}" class="no-js">\n<body dir="x"></body>'
    out = site_config.set_html_dir(html, lang)
    assert f'<html lang="{lang}" class="no-js" dir="{direction}">' in out
    assert site_config.set_html_dir(out, lang) == out


def test_placeholders_and_language_check(tmp_path):
    settings = load_settings(tmp_path)
    assert site_config.fill_placeholders("[x](%repo_url%/issues)", settings) \
        == f"[x]({settings.repo_url}/issues)"
    assert site_config.language_mismatch(["en", "ru"], ["en", "ru"]) is None
    assert "settings.yml" in site_config.language_mismatch(["en", "ru"], ["ru", "en"])
