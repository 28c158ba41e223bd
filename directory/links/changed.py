"""Which entry files a pull request touches, so its link check stays small and fast."""

from __future__ import annotations

import subprocess
from pathlib import Path


def _git(args: list[str], cwd: Path) -> tuple[str, str | None]:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return "", f"cannot run git: {exc}"
    if done.returncode != 0:
        return "", done.stderr.strip() or f"git {' '.join(args)} failed"
    return done.stdout, None


def changed_files(rev: str, cwd: Path | None = None) -> tuple[list[Path], str | None]:
    """Files added or changed since the merge base with `rev` (`git diff REV...`), plus
    untracked ones, as absolute paths; deleted files are left out. (paths, error)."""
    cwd = cwd or Path.cwd()
    top, err = _git(["rev-parse", "--show-toplevel"], cwd)
    if err:
        return [], err
    root = Path(top.strip())
    diff, err = _git(["diff", "--name-only", "--diff-filter=d", "-z", f"{rev}...", "--"], root)
    if err:
        return [], f"cannot compare with `{rev}`: {err}"
    untracked, err = _git(["ls-files", "--others", "--exclude-standard", "-z"], root)
    if err:
        return [], err
    names = {n for n in (diff + untracked).split("\0") if n}
    return sorted(root / n for n in names), None


def entry_files_among(paths: list[Path], entries_dir: Path) -> list[Path]:
    """The entry files (`*.yml` under the entries folder) among `paths`."""
    base = entries_dir.resolve()
    return [p for p in paths
            if p.suffix == ".yml" and p.is_file() and p.resolve().is_relative_to(base)]
