"""Random mutations of a valid entry never raise: bad input is normal input here."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from directory.load import load_text
from directory.validate import validate_paths

GOOD = Path(__file__).parent / "fixtures" / "good" / "websites" / "good-one.yml"
TEXT = GOOD.read_bytes()
DATA = yaml.safe_load(TEXT)

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                    st.text(max_size=30), st.dates().map(str))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=10)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pos=st.integers(0, len(TEXT)), junk=st.binary(max_size=12), cut=st.integers(0, 20))
def test_byte_mutations_never_raise(tmp_path, pos, junk, cut):
    raw = TEXT[:pos] + junk + TEXT[pos + cut:]
    path = tmp_path / "websites" / "good-one.yml"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(raw)
    result = validate_paths([path])
    for p in result.problems:
        assert p.line >= 1 and p.col >= 1 and p.code and p.message


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.sampled_from(sorted(DATA) + ["extra", "provider"]), value=values)
@example(key="name", value={"\x00": None})  # once crashed the language-name lookup
def test_value_mutations_never_raise(tmp_path, key, value):
    data = dict(DATA)
    data[key] = value
    path = tmp_path / "websites" / "good-one.yml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = validate_paths([path])
    assert result.ok == bool(result.entries)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200))
def test_arbitrary_text_never_raises(text):
    doc, problems = load_text(Path("x/websites/x.yml"), text.encode("utf-8", "surrogatepass"))
    assert doc is not None or problems
