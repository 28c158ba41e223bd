"""Read one entry file into plain data, keeping the line and column of every value.

PyYAML's own loaders lose positions, keep the last of two duplicate keys
(silently losing data) and turn `NO` (Norway) into `False`; so we compose the
node tree with the C parser and build the data ourselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import ERROR, Problem

try:  # the C parser is ~10x faster; fall back when libyaml is missing
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

JsonPath = tuple[str | int, ...]

_ANCHOR_HINT = re.compile(r"(?:^|[\s\[\{,:-])[&*][^\s,\[\]{}]", re.MULTILINE)
_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}


@dataclass
class Document:
    """An entry file's data with the (line, col) of each value, both 1-based."""

    path: Path
    data: Any
    positions: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: JsonPath, key: bool = False) -> tuple[int, int]:
        """Position of the value at `path`, or of its nearest ancestor that exists."""
        table = self.key_positions if key else self.positions
        path = tuple(path)
        while path:
            if path in table:
                return table[path]
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))


def display_path(path: Path) -> str:
    """Paths in messages are relative to the cwd when possible, with forward slashes."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _problem(path: Path, line: int, col: int, code: str, message: str) -> Problem:
    return Problem(display_path(path), line, col, ERROR, code, message)


def _yaml_hint(problem: str, char: str) -> str:
    if char == "\t":
        return " Indent with spaces, not tabs."
    if "mapping values are not allowed" in problem:
        return ' A value that contains ": " must be put in quotes, e.g. name: "Berlin: first steps".'
    if "could not find expected ':'" in problem:
        return " Each line must look like `field: value`; check for a missing colon or quote."
    if "found character" in problem and "cannot start any token" in problem:
        return " Put the value in double quotes."
    if "expected ',' or ']'" in problem:
        return " A list in [brackets] must end with `]`; values with commas or colons need quotes."
    if "expected ',' or '}'" in problem:
        return " A block in {braces} must end with `}`; values with commas or colons need quotes."
    if "expected <block end>" in problem or "did not find expected" in problem:
        return " Check the indentation: items of one list or block must line up."
    return ""


def _check_anchors(path: Path, text: str) -> list[Problem]:
    """Anchors and aliases make one value appear in many places; entries must spell things out."""
    if not _ANCHOR_HINT.search(text):
        return []
    problems = []
    try:
        for event in yaml.parse(text, Loader=_Loader):
            mark = event.start_mark
            if isinstance(event, yaml.AliasEvent):
                problems.append(_problem(path, mark.line + 1, mark.column + 1, "yaml-alias",
                                         f"YAML alias `*{event.anchor}` is not allowed in entries; "
                                         "write the value out in full."))
            elif getattr(event, "anchor", None):
                problems.append(_problem(path, mark.line + 1, mark.column + 1, "yaml-anchor",
                                         f"YAML anchor `&{event.anchor}` is not allowed in entries; "
                                         "remove it and write values out in full."))
    except yaml.YAMLError:
        return []  # the syntax error is reported by the main parse
    return problems


class _Builder:
    """Turns a composed node tree into plain data plus positions, reporting duplicate keys."""

    def __init__(self, path: Path, loader: Any):
        self.path = path
        self.loader = loader
        self.doc = Document(path, None)
        self.problems: list[Problem] = []

    def build(self, node: yaml.Node, at: JsonPath = ()) -> Any:
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        self.doc.positions[at] = (line, col)
        if node.tag not in _PLAIN_TAGS:
            tag = node.tag.replace(_TAG, "!!")
            self.problems.append(_problem(self.path, line, col, "yaml-tag",
                                          f"YAML tag `{tag}` is not allowed; remove it."))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, at)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, at + (i,)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, at: JsonPath) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(_problem(self.path, line, col, "bad-key",
                                              "A field name must be plain text, not a list or block."))
                continue
            key = key_node.value
            if key == "<<":
                self.problems.append(_problem(self.path, line, col, "yaml-merge",
                                              "YAML merge keys (`<<`) are not allowed; write fields out."))
                continue
            if key in out:
                self.problems.append(_problem(
                    self.path, line, col, "duplicate-key",
                    f"`{key}` appears twice in the same block (first on line {first_line[key]}); "
                    "YAML would silently keep only the second. Merge them into one."))
                continue
            first_line[key] = line
            self.doc.key_positions[at + (key,)] = (line, col)
            out[key] = self.build(value_node, at + (key,))
        return out

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag, value = node.tag, node.value
        if node.style:  # quoted or block scalars are always text
            return value
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "bool":
            # YAML 1.1 reads yes/no/on/off (and Norway's code NO) as booleans.
            return {"true": True, "false": False}.get(value.lower(), value)
        if tag in (_TAG + "int", _TAG + "float"):
            try:
                return self.loader.construct_object(node)
            except (ValueError, yaml.YAMLError):
                return value
        return value  # timestamps stay text: dates are checked as YYYY-MM-DD later


def load_text(path: Path, raw: bytes, max_bytes: int = 65536) -> tuple[Document | None, list[Problem]]:
    """Parse the bytes of one entry file. Never raises for bad input."""
    if len(raw) > max_bytes:
        return None, [_problem(path, 1, 1, "file-too-large",
                               f"The file is {len(raw):,} bytes; entries may be at most "
                               f"{max_bytes:,} bytes. Shorten the summaries.")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        return None, [_problem(path, line, col, "not-utf8",
                               f"The file is not UTF-8 (byte 0x{raw[exc.start]:02x}). Save it as "
                               "UTF-8 in your editor (\"Save with encoding\" > UTF-8).")]
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        return None, [_problem(path, 1, 1, "empty-file",
                               "The file has no data. Start from `directory new TYPE ID`.")]
    problems = _check_anchors(path, text)
    if problems:
        return None, problems
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or "invalid YAML"
        lines = text.splitlines()
        char = lines[line - 1][col - 1: col] if 0 < line <= len(lines) else ""
        if exc.context and "single document" in exc.context:
            return None, [_problem(path, line, col, "multiple-documents",
                                   "The file holds more than one YAML document (a second `---`); "
                                   "put each entry in its own file.")]
        started = ""
        if exc.context_mark and exc.context_mark.line + 1 != line:
            started = f" (it started on line {exc.context_mark.line + 1})"
        return None, [_problem(path, line, col, "yaml-syntax",
                               f"YAML syntax error: {what}{started}.{_yaml_hint(str(what), char)}")]
    except yaml.YAMLError as exc:
        return None, [_problem(path, 1, 1, "yaml-syntax", f"YAML error: {exc}")]
    except RecursionError:
        return None, [_problem(path, 1, 1, "yaml-syntax", "The YAML is nested too deeply.")]
    finally:
        loader.dispose()
    if node is None:
        return None, [_problem(path, 1, 1, "empty-file",
                               "The file has no data. Start from `directory new TYPE ID`.")]
    builder = _Builder(path, loader)
    try:
        builder.doc.data = builder.build(node)
    except RecursionError:
        return None, [_problem(path, 1, 1, "yaml-syntax", "The YAML is nested too deeply.")]
    if not isinstance(builder.doc.data, dict):
        line, col = builder.doc.positions[()]
        kind = "a list" if isinstance(builder.doc.data, list) else "a single value"
        return None, builder.problems + [_problem(
            path, line, col, "not-a-mapping",
            f"The file holds {kind}; an entry must be a block of `field: value` lines "
            "(id, type, name, ...).")]
    return builder.doc, builder.problems


def load_file(path: Path, max_bytes: int = 65536) -> tuple[Document | None, list[Problem]]:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raw = b"\0" * size  # don't read huge files; only the size matters
        else:
            raw = path.read_bytes()
    except OSError as exc:
        return None, [_problem(path, 1, 1, "unreadable", f"Cannot read the file: {exc.strerror}.")]
    return load_text(path, raw, max_bytes)
