"""Build the fixture site with the real `mkdocs build --strict`, once per test
session; tests/site and tests/browser share it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_ENTRIES = Path(__file__).parent / "fixtures" / "entries"

_sites: dict[str, Path] = {}


def languages() -> list[str]:
    raw = yaml.safe_load((ROOT / "directory" / "data" / "settings.yml").read_text("utf-8"))
    return list(raw["site_languages"])


def fixture_ids() -> list[str]:
    return sorted(p.stem for p in FIXTURE_ENTRIES.glob("*/*.yml"))


def active_ids() -> list[str]:
    """Fixture entries that are not archived (archived ones have a page but no search)."""
    return [p.stem for p in sorted(FIXTURE_ENTRIES.glob("*/*.yml"))
            if "\nstatus: archived" not in p.read_text(encoding="utf-8")]


def lang_root(site: Path, lang: str) -> Path:
    """Where a language's pages are: the default language at the top."""
    return site if lang == languages()[0] else site / lang


def run_build(out: Path, entries: Path = FIXTURE_ENTRIES, cwd: Path = ROOT,
              ) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DIRECTORY_ENTRIES": str(entries)}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
         "-d", str(out)],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False,
    )


def fixture_site(tmp_path_factory) -> Path:
    """The site built from tests/site/fixtures/entries (built on first use)."""
    if "fixture" not in _sites:
        out = tmp_path_factory.mktemp("site")
        done = run_build(out)
        assert done.returncode == 0, f"mkdocs build failed:\n{done.stdout}\n{done.stderr}"
        _sites["fixture"] = out
    return _sites["fixture"]
