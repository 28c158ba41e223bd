"""Time `render_site` and `export_all` on synthetic entries x every site language.

    python -m tests.render.bench_render [N]      (default N = 2000)
"""

from __future__ import annotations

import sys
import time
from datetime import date

from directory.export import export_all
from directory.render import render_site
from directory.settings import load_settings

from .synthetic import synthetic_entries


def main(n: int = 2000) -> None:
    settings = load_settings()
    entries = synthetic_entries(n)
    for run in range(3):
        start, cpu = time.perf_counter(), time.process_time()
        pages = render_site(entries, settings, date(2026, 1, 1))
        took, cpu = time.perf_counter() - start, time.process_time() - cpu
        size = sum(len(v.encode()) for v in pages.values()) / 2**20
        print(f"render_site run {run + 1}: {n} entries x {len(settings.site_languages)} languages"
              f" -> {len(pages)} pages, {size:.0f} MiB, {took:.2f} s ({cpu:.2f} s CPU)")
    start = time.perf_counter()
    files = export_all(entries, settings)
    print(f"export_all: {len(files)} files, {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
