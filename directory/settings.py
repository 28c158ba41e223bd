"""Site-wide settings, read from the one settings file the project ships."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parent / "data"
SETTINGS_FILE = DATA_DIR / "settings.yml"


@dataclass(frozen=True)
class Settings:
    site_languages: tuple[str, ...]
    review_interval_days: int
    repo_url: str
    entries_dir: Path
    max_file_bytes: int
    link_history: Path

    @property
    def default_language(self) -> str:
        return self.site_languages[0]


@cache
def load_settings(root: Path | None = None) -> Settings:
    """Settings with `entries_dir` resolved against `root` (default: the cwd).

    `DIRECTORY_ENTRIES` overrides the entries folder, so tests and benchmarks
    can build the site from another data set without editing files.
    """
    raw = yaml.safe_load(SETTINGS_FILE.read_text(encoding="utf-8"))
    root = Path(root) if root else Path.cwd()
    entries = Path(os.environ.get("DIRECTORY_ENTRIES") or raw["entries_dir"])
    return Settings(
        site_languages=tuple(raw["site_languages"]),
        review_interval_days=int(raw["review_interval_days"]),
        repo_url=str(raw["repo_url"]).rstrip("/"),
        entries_dir=entries if entries.is_absolute() else root / entries,
        max_file_bytes=int(raw["max_file_bytes"]),
        link_history=root / raw["link_history"],
    )
