"""Benchmark: `directory validate` on a synthetic set of N entries (default 10,000).

Run: python benchmarks/validate_10k.py [N]
Prints the wall time of the full CLI run (a fresh process, as a user runs it).
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TYPES = ["app", "podcast", "course", "group", "website"]
LANGS = ["de", "en", "ar", "fa", "prs", "ru", "uk", "kk", "tr", "so", "ti", "ckb"]
REGIONS = ["DE", "DE-BE", "AT", "FI", "NO", "SE", "BE-VAN", "KZ-75", "KZ-71", "KZ-79", "global"]
TOPICS = ["first-steps", "language", "work", "education", "housing", "health", "legal", "community"]
BLOCKS = {
    "app": "app:\n  platforms:\n    web: https://app.example.org/{i}\n",
    "podcast": "podcast:\n  feed: https://pod.example.org/{i}/feed.xml\n",
    "course": "course:\n  format: online\n  levels: [A1, A2]\n  certificate: true\n",
    "group": "group:\n  platform: telegram\n  join: https://t.me/example{i}\n  moderated: true\n",
    "website": "",
}


def write_entries(root: Path, n: int, seed: int = 1) -> None:
    rnd = random.Random(seed)
    for i in range(n):
        kind = TYPES[i % len(TYPES)]
        folder = root / f"{kind}s"
        folder.mkdir(parents=True, exist_ok=True)
        langs = rnd.sample(LANGS, 3)
        (folder / f"entry-{i}.yml").write_text(
            "# yaml-language-server: $schema=../../schemas/entry.schema.json\n"
            f"id: entry-{i}\ntype: {kind}\nname: Resource number {i}\n"
            f"summary:\n  en: Synthetic resource {i} that helps newcomers.\n"
            f"  ru: Синтетический ресурс {i} для новых жителей.\n"
            f"  de: Synthetische Ressource {i} für Neuankömmlinge.\n"
            f"url: https://example{i % 97}.org/resource/{i}\n"
            f"languages: [{', '.join(langs)}]\nnationalities: [UA, SY]\n"
            f"regions: [{rnd.choice(REGIONS)}]\ntopics: [{', '.join(rnd.sample(TOPICS, 2))}]\n"
            "cost: free\nprovider:\n  name: Example NGO\n  url: https://ngo.example.org/\n"
            "last_reviewed: 2026-01-15\n" + BLOCKS[kind].format(i=i),
            encoding="utf-8")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "entries"
        write_entries(root, n)
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "directory", "validate", str(root)],
                              capture_output=True, text=True)
        elapsed = time.perf_counter() - start
    print(f"validate {n} entries: {elapsed:.1f} s, exit {proc.returncode}; {proc.stderr.strip()}")
    if proc.returncode != 0:
        print(proc.stdout[:2000])


if __name__ == "__main__":
    main()
