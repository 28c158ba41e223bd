"""JSON Schema checks, with messages a non-programmer can act on.

The schema (schemas/entry.schema.json) is the contract editors use for
autocompletion; here its errors are turned into Problems at the line of the
offending value, with the schema's own examples as the fix.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from .load import Document, display_path
from .problems import ERROR, Problem
from .vocab import closest

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schemas" / "entry.schema.json"


@cache
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(schema())


def _field(path: tuple) -> str:
    return ".".join(str(p) for p in path) or "the entry"


def _example(sub: dict[str, Any]) -> str:
    examples = sub.get("examples")
    if not examples:
        return ""
    return f" Example: {json.dumps(examples[0], ensure_ascii=False)}."


def _resolve(sub: dict[str, Any]) -> dict[str, Any]:
    ref = sub.get("$ref")
    if ref and ref.startswith("#/$defs/"):
        merged = dict(schema()["$defs"][ref.split("/")[-1]])
        merged.update({k: v for k, v in sub.items() if k != "$ref"})
        return merged
    return sub


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a block of fields"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    if isinstance(value, (int, float)):
        return "a number"
    return "text"


_WANTED = {"string": "text", "array": "a list", "object": "a block of fields",
           "boolean": "true or false", "integer": "a whole number"}


def _messages(error: ValidationError) -> Iterator[tuple[tuple, bool, str, str]]:
    """(path, point at key?, code, message) for one schema error."""
    path = tuple(error.absolute_path)
    field = _field(path)
    sub = _resolve(error.schema) if isinstance(error.schema, dict) else {}
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1]
        props = sub.get("properties", {})
        hint = _example(_resolve(props.get(missing, {})))
        where = f" in `{field}`" if path else ""
        yield path, False, "missing-field", f"Required field `{missing}` is missing{where}.{hint}"
    elif kind == "additionalProperties":
        known = sorted(sub.get("properties", {}))
        extra = [k for k in error.instance if k not in sub.get("properties", {})]
        for key in extra:
            near = closest(key, known, n=1)
            hint = f" Did you mean `{near[0]}`?" if near else f" Known fields: {', '.join(known)}."
            yield path + (key,), True, "unknown-field", f"Unknown field `{key}`.{hint}"
    elif kind == "type":
        wanted = error.validator_value
        wanted = wanted if isinstance(wanted, str) else wanted[0]
        yield path, False, "wrong-type", (
            f"`{field}` must be {_WANTED.get(wanted, wanted)}, not {_type_name(error.instance)}."
            f"{_example(sub)}")
    elif kind == "enum":
        options = ", ".join(f"`{o}`" for o in error.validator_value)
        near = closest(str(error.instance), [str(o) for o in error.validator_value], n=1)
        hint = f" Did you mean `{near[0]}`?" if near else ""
        yield path, False, "not-allowed", (
            f"`{error.instance}` is not allowed in `{field}`.{hint} Choose one of: {options}.")
    elif kind == "maxLength":
        yield path, False, "too-long", (
            f"`{field}` is {len(error.instance)} characters long; at most "
            f"{error.validator_value} are allowed. Shorten it.")
    elif kind == "minLength":
        yield path, False, "empty-value", f"`{field}` is empty; write a value or remove the field."
    elif kind in ("minItems", "minProperties"):
        yield path, False, "empty-value", f"`{field}` needs at least one item.{_example(sub)}"
    elif kind == "uniqueItems":
        yield path, False, "repeated-item", f"`{field}` lists the same item twice; remove the repeat."
    elif kind == "pattern":
        yield path, False, "bad-format", (
            f"`{error.instance}` is not valid in `{field}`: {sub.get('description', '')}"
            f"{_example(sub)}")
    elif kind in ("oneOf", "anyOf"):
        yield path, False, "wrong-type", (
            f"`{field}` is not in a valid form: {sub.get('description', '')}{_example(sub)}")
    else:
        yield path, False, "schema", f"`{field}`: {error.message}"


def check_schema(doc: Document) -> list[Problem]:
    problems = []
    shown = display_path(doc.path)
    for error in _validator().iter_errors(doc.data):
        if error.validator == "propertyNames":
            continue  # language tags in maps are checked with better hints by the vocab checks
        for path, key, code, message in _messages(error):
            line, col = doc.where(path, key=key)
            problems.append(Problem(shown, line, col, ERROR, code, message))
    return problems
