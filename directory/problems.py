"""Problems are values: every check returns them, only the edge prints them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    severity: str
    code: str
    message: str

    def __str__(self) -> str:
        return _printable(f"{self.path}:{self.line}:{self.col}: {self.severity} [{self.code}] {self.message}")

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _printable(text: str) -> str:
    """Control characters from strangers' YAML must not reach a terminal or CI log raw
    (ANSI escapes could hide or fake output)."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def has_errors(problems: Iterable[Problem], strict: bool = False) -> bool:
    return any(p.is_error or strict for p in problems)


def _github_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_problems(problems: list[Problem], fmt: str = "text") -> str:
    """Render problems for people (`text`), GitHub Actions (`github`) or tools (`json`)."""
    problems = sorted(problems)
    if fmt == "json":
        return json.dumps([asdict(p) for p in problems], ensure_ascii=False, indent=2)
    if fmt == "github":
        return "\n".join(
            f"::{p.severity} file={_github_escape(p.path, True)},line={p.line},col={p.col},"
            f"title={_github_escape(p.code, True)}::{_github_escape(_printable(p.message))}"
            for p in problems
        )
    return "\n".join(str(p) for p in problems)


def summary_line(problems: list[Problem], files: int) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    plural = lambda n, w: f"{n} {w}{'' if n == 1 else 's'}"  # noqa: E731
    return f"{plural(errors, 'error')}, {plural(warnings, 'warning')} in {plural(files, 'file')}"
