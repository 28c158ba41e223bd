"""Build the Pagefind search index over a finished site.

Pagefind (the `pagefind[bin]` package ships the binary, so this works
offline) writes one index per `<html lang>` under `<site>/pagefind/`; the
browser then fetches only the chunks a query needs.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message holds its output."""


def build_search_index(site_dir: Path, *, timeout: float = 600) -> str:
    """Index every HTML page under `site_dir`; return a one-line summary."""
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site_dir)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"could not run Pagefind ({' '.join(cmd)}): {exc}") from exc
    output = (done.stdout + done.stderr).strip()
    if done.returncode != 0:
        raise SearchIndexError(f"Pagefind failed (exit {done.returncode}):\n{output}")
    if not (Path(site_dir) / "pagefind" / "pagefind.js").is_file():
        raise SearchIndexError(f"Pagefind wrote no index under {site_dir}/pagefind:\n{output}")
    counts = [line.strip().removeprefix("Indexed ") for line in output.splitlines()
              if line.strip().startswith("Indexed ")]
    return "indexed " + ", ".join(counts) if counts else output
