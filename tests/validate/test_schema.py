"""The schema is the contract editors use: it must be valid and self-explaining."""

from __future__ import annotations

from jsonschema import Draft202012Validator

from directory import vocab
from directory.model import TYPES
from directory.schema import schema


def _properties(node, path=""):
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            yield f"{path}.{name}", sub
            yield from _properties(sub, f"{path}.{name}")


def test_schema_is_valid_draft_2020_12():
    Draft202012Validator.check_schema(schema())
    assert schema()["$schema"].endswith("2020-12/schema")


def test_every_property_has_title_description_and_example():
    props = list(_properties(schema()))
    assert len(props) > 20
    for path, sub in props:
        assert sub.get("title"), path
        assert sub.get("description"), path
        resolved = schema()["$defs"].get(sub.get("$ref", "").split("/")[-1], {})
        assert sub.get("examples") or resolved.get("examples"), path


def test_closed_vocabularies_are_enums():
    p = schema()["properties"]
    assert p["type"]["enum"] == list(TYPES)
    assert p["topics"]["items"]["enum"] == list(vocab.topics())
    assert p["cost"]["enum"] == ["free", "freemium", "paid"]
    assert p["group"]["properties"]["platform"]["enum"][0] == "telegram"
    assert p["course"]["properties"]["levels"]["items"]["enum"] == ["A1", "A2", "B1", "B2", "C1", "C2"]
