"""`directory new` and `directory stats`."""

from __future__ import annotations

from datetime import date

import pytest

from directory.cli import main
from directory.model import TYPES
from directory.settings import load_settings


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    load_settings.cache_clear()
    yield tmp_path
    load_settings.cache_clear()


@pytest.mark.parametrize("kind", TYPES)
def test_new_writes_a_valid_skeleton(project, capsys, kind):
    assert main(["new", kind, f"my-{kind}"]) == 0
    path = project / "entries" / f"{kind}s" / f"my-{kind}.yml"
    text = path.read_text()
    assert text.startswith("# yaml-language-server: $schema=../../schemas/entry.schema.json\n")
    assert f"last_reviewed: {date.today().isoformat()}" in text
    assert "# " in text.split("id:")[0]  # explained with comments
    capsys.readouterr()
    assert main(["validate", str(path)]) == 0, capsys.readouterr().out


def test_all_skeletons_together_are_valid(project, capsys):
    for kind in TYPES:
        main(["new", kind, f"x-{kind}"])
    capsys.readouterr()
    assert main(["validate"]) == 0, capsys.readouterr().out


def test_new_refuses_to_overwrite(project, capsys):
    assert main(["new", "app", "mine"]) == 0
    path = project / "entries" / "apps" / "mine.yml"
    path.write_text("edited")
    assert main(["new", "app", "mine"]) == 1
    assert path.read_text() == "edited"
    assert "already exists" in capsys.readouterr().err


@pytest.mark.parametrize(("args", "message"), [
    (["new", "apps", "x"], "did you mean `app`"),
    (["new", "app", "Bad_ID"], "not a valid id"),
])
def test_new_usage_errors(project, capsys, args, message):
    assert main(args) == 2
    assert message in capsys.readouterr().err


def test_stats_counts_and_coverage(capsys):
    from pathlib import Path

    good = Path(__file__).parent / "fixtures" / "good"
    assert main(["stats", str(good)]) == 0
    out = capsys.readouterr().out
    assert "2 entries (2 active, 0 archived)" in out
    assert "website     2" in out
    assert "UA     2" in out
    import re
    assert re.search(r"ru\s+2/2\s+100.0%", out)
    assert re.search(r"de\s+0/2\s+0.0%", out)
