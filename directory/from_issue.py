"""`directory from-issue`: turn a "Suggest a resource" issue into an entry file.

GitHub renders an issue form as Markdown: one `### Label` heading per field,
then the value, `_No response_` for empty fields and `- [X] option` lines for
checkboxes. The labels below must match .github/ISSUE_TEMPLATE/suggest-resource.yml
(a test checks both ways). Problems name the form field, not the YAML key,
because the person who filled in the form never saw the YAML.
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .load import Document, display_path, load_file, load_text
from .model import FOLDERS, ON_REQUEST, TYPES
from .problems import Problem
from .settings import Settings
from .validate import check_collection, entry_files, validate_paths

NO_RESPONSE = "_No response_"

# form label -> where the value goes in the entry (a key path), for every field
# that becomes part of the entry.
FIELDS: dict[str, tuple[str, ...]] = {
    "Type": ("type",),
    "Name": ("name",),
    "Web address": ("url",),
    "Short description": ("summary",),
    "Language of the description": ("summary",),
    "Languages of the resource": ("languages",),
    "Places": ("regions",),
    "Communities": ("nationalities",),
    "Topics": ("topics",),
    "Cost": ("cost",),
    "Provider": ("provider", "name"),
    "Provider's web site": ("provider", "url"),
    "Group platform": ("group", "platform"),
    "How to join": ("group", "join"),
    "Moderated": ("group", "moderated"),
    "Group rules": ("group", "rules_url"),
    "Google Play link": ("app", "platforms", "android"),
    "App Store link": ("app", "platforms", "ios"),
    "Web version": ("app", "platforms", "web"),
    "RSS feed": ("podcast", "feed"),
    "Course format": ("course", "format"),
    "Levels": ("course", "levels"),
    "Certificate": ("course", "certificate"),
    "Identifier": ("id",),
}
CHECKBOXES = {"Topics", "Levels"}  # a list of `- [X] option` lines; none ticked = empty
IGNORED = {"Check"}  # the consent box: required by the form, not part of the entry
REQUIRED = ("Type", "Name", "Web address", "Short description", "Language of the description",
            "Languages of the resource", "Places", "Cost")
_LIST_SPLIT = re.compile(r"[\s,;]+")
_CHECKED = re.compile(r"^\s*[-*]\s*\[[xX]\]\s*(.+?)\s*$")
_KEY_IN_LABEL = re.compile(r"\(([a-z0-9-]+)\)$")


@dataclass(frozen=True, order=True)
class FieldProblem:
    field: str  # the form label
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


def parse_sections(body: str) -> dict[str, str | None]:
    """`### Label` -> the text under it (None for `_No response_` or nothing)."""
    sections: dict[str, str | None] = {}
    label = None
    lines: list[str] = []

    def close() -> None:
        if label is not None:
            text = "\n".join(lines).strip()
            sections[label] = None if text in ("", NO_RESPONSE) else text

    for line in body.replace("\r\n", "\n").split("\n"):
        heading = re.match(r"^###\s+(.+?)\s*$", line)
        if heading:
            close()
            label, lines = heading.group(1), []
        elif label is not None:
            lines.append(line)
    close()
    return sections


def _words(text: str | None) -> list[str]:
    return [w for w in _LIST_SPLIT.split(text or "") if w]


def _checked(text: str | None) -> list[str]:
    found = []
    for line in (text or "").splitlines():
        match = _CHECKED.match(line)
        if match:
            label = match.group(1)
            key = _KEY_IN_LABEL.search(label)
            found.append(key.group(1) if key else label)
    return found


def slugify(text: str) -> str:
    """`Welcome to Antwerp!` -> `welcome-to-antwerp`; empty for scripts without Latin letters."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:64].rstrip("-")


def _id_from(name: str, url: str) -> str:
    slug = slugify(name)
    if slug:
        return slug
    match = re.match(r"^https?://(?:www\.)?([^/?#]+)([^?#]*)", url)
    return slugify(f"{match.group(1)} {match.group(2)}") if match else ""


def _set(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data.setdefault(key, {})
    data[path[-1]] = value


def _yes_no(label: str, text: str, problems: list[FieldProblem]) -> bool | None:
    if text.lower() in ("yes", "true"):
        return True
    if text.lower() in ("no", "false"):
        return False
    problems.append(FieldProblem(label, f"choose yes or no, not `{text}`"))
    return None


def data_from_sections(sections: dict[str, str | None],
                       today: date) -> tuple[dict[str, Any], list[FieldProblem]]:
    """Entry data from the form's answers, with the problems found on the way."""
    problems = [FieldProblem(label, "this field is required; please fill it in")
                for label in REQUIRED if not sections.get(label)]
    problems += [FieldProblem(label, "not a field of the form; was the issue edited?")
                 for label in sections if label not in FIELDS and label not in IGNORED]
    value = {label: text for label, text in sections.items() if text and label in FIELDS
             and (label not in CHECKBOXES or _checked(text))}
    kind = (value.get("Type") or "").strip().lower()
    if kind and kind not in TYPES:
        problems.append(FieldProblem("Type", f"`{kind}` is not a type; choose one of "
                                     f"{', '.join(TYPES)}"))
    name = " ".join((value.get("Name") or "").split())
    url = (value.get("Web address") or "").strip()
    entry_id = (value.get("Identifier") or "").strip() or _id_from(name, url)
    if not entry_id and name:
        problems.append(FieldProblem("Identifier", "cannot make one from the name; "
                                     "write one, e.g. `ukrainians-in-almaty`"))
    data: dict[str, Any] = {"id": entry_id, "type": kind, "name": name}
    lang = (value.get("Language of the description") or "").strip()
    data["summary"] = {lang: " ".join((value.get("Short description") or "").split())}
    data["url"] = url
    data["languages"] = _words(value.get("Languages of the resource"))
    if value.get("Communities"):
        data["nationalities"] = [w.upper() for w in _words(value["Communities"])]
    data["regions"] = [w if w.lower() == "global" else w.upper()
                       for w in _words(value.get("Places"))]
    data["topics"] = _checked(value.get("Topics"))
    if not data["topics"]:
        problems.append(FieldProblem("Topics", "tick at least one topic"))
    data["cost"] = (value.get("Cost") or "").strip()
    if value.get("Provider"):
        data["provider"] = {"name": value["Provider"].strip()}
    if value.get("Provider's web site"):
        if "provider" not in data:
            problems.append(FieldProblem("Provider", "give the provider's name too"))
        else:
            data["provider"]["url"] = value["Provider's web site"].strip()
    data["last_reviewed"] = today.isoformat()
    for label, path in FIELDS.items():
        if path[0] not in FOLDERS or label not in value:
            continue
        if path[0] != kind:
            problems.append(FieldProblem(label, f"only for {FOLDERS[path[0]]}, but the type is "
                                         f"`{kind}`; clear it or change the type"))
            continue
        text = value[label].strip()
        if label == "Levels":
            answer: Any = _checked(text)
        elif label in ("Moderated", "Certificate"):
            answer = _yes_no(label, text, problems)
        elif label == "How to join" and text.lower().replace(" ", "-") == ON_REQUEST:
            answer = ON_REQUEST
        else:
            answer = text
        if answer not in (None, []):
            _set(data, path, answer)
    if kind == "group" and "group" not in data:
        problems.append(FieldProblem("Group platform", "groups need a platform"))
    return data, problems


class _Dumper(yaml.SafeDumper):
    """Blocks for mappings, `[a, b]` for lists of plain values, as people write entries."""

    def represent_list(self, data: list[Any]) -> yaml.Node:
        flat = all(not isinstance(item, dict | list) for item in data)
        return self.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flat)


_Dumper.add_representer(list, _Dumper.represent_list)


def render_entry(data: dict[str, Any], issue: int | None = None) -> str:
    """The entry as YAML in the project's usual layout (lists inline, blocks indented)."""
    header = "# yaml-language-server: $schema=../../schemas/entry.schema.json\n"
    if issue:
        header += f"# Suggested in issue #{issue}.\n"
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    text = re.sub(r"^last_reviewed: '(\d{4}-\d{2}-\d{2})'$", r"last_reviewed: \1", text,
                  flags=re.MULTILINE)
    return header + text


def _label_for(path: tuple[str | int, ...]) -> str:
    """The form label of the field at a key path (the longest mapped prefix)."""
    for n in range(len(path), 0, -1):
        for label, fpath in FIELDS.items():
            if tuple(fpath) == tuple(path[:n]) and label != "Language of the description":
                return label
    return "Identifier" if path and path[0] == "id" else (str(path[0]) if path else "entry")


def entry_from_issue(body: str, settings: Settings, today: date,
                     issue: int | None = None) -> tuple[Path | None, str, list[FieldProblem]]:
    """(where the entry goes, its YAML, problems by form field). Runs the project's own
    validation, including duplicates of existing entries."""
    data, problems = data_from_sections(parse_sections(body), today)
    if problems:
        return None, "", sorted(set(problems))
    text = render_entry(data, issue)
    path = settings.entries_dir / FOLDERS[data["type"]] / f"{data['id']}.yml"
    with tempfile.TemporaryDirectory() as tmp:
        candidate = Path(tmp) / "entries" / FOLDERS[data["type"]] / f"{data['id']}.yml"
        candidate.parent.mkdir(parents=True)
        candidate.write_text(text, encoding="utf-8")
        doc, _ = load_text(candidate, text.encode())
        found = [p for p in validate_paths([candidate], settings, today).problems if p.is_error]
        if doc is not None and settings.entries_dir.is_dir():
            found += _duplicates(doc, settings)
    for p in found:
        key_path = _path_at_line(doc, p.line) if doc else ()
        problems.append(FieldProblem(_label_for(key_path), p.message))
    return (None if problems else path), text, sorted(set(problems))


def _duplicates(doc: Document, settings: Settings) -> list[Problem]:
    """The suggestion against the entries we have: listed last, so the problems land on it."""
    others = []
    for path in entry_files([settings.entries_dir]):
        other, _ = load_file(path, settings.max_file_bytes)
        if other is not None and isinstance(other.data, dict):
            others.append(other)
    return [p for p in check_collection([*others, doc]) if p.path == display_path(doc.path)]


def _path_at_line(doc: Any, line: int) -> tuple[str | int, ...]:
    """The deepest key whose value starts at or before `line`."""
    best: tuple[str | int, ...] = ()
    best_line = 0
    for path, (key_line, _) in doc.key_positions.items():
        if best_line <= key_line <= line and (key_line > best_line or len(path) > len(best)):
            best, best_line = path, key_line
    return best
