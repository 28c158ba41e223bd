"""Benchmark: `directory validate` on a synthetic set of N entries (default 10,000).

Run: python benchmarks/validate_10k.py [N]
Prints the wall time of the full CLI run (a fresh process, as a user runs it).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from site_build import write_entries  # the same synthetic entries as the site benchmark


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
