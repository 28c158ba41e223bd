"""`directory export`: writes the export files, refuses data with errors."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser

from directory.cli import main

FIXTURES = Path(__file__).parents[1] / "validate" / "fixtures"


def test_export_writes_every_file(tmp_path, capsys):
    assert main(["export", str(FIXTURES / "good"), "--out", str(tmp_path)]) == 0
    data = json.loads((tmp_path / "api" / "entries.json").read_text(encoding="utf-8"))
    assert data["count"] == 2
    assert (tmp_path / "api" / "entries.csv").read_bytes().startswith(b"\xef\xbb\xbfid,type,")
    assert not feedparser.parse((tmp_path / "ru" / "feed.xml").read_bytes()).bozo
    assert (tmp_path / "feed.xml").is_file()
    assert "wrote 10 files" in capsys.readouterr().out


def test_export_refuses_entries_with_errors(tmp_path, capsys):
    assert main(["export", str(FIXTURES / "bad" / "websites" / "bad-url.yml"),
                 "--out", str(tmp_path)]) == 1
    assert not any(tmp_path.iterdir())
    assert "nothing exported" in capsys.readouterr().err
