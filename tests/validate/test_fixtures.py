"""One fixture file per kind of bad input: exit code, problem code and line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from directory.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
BAD = FIXTURES / "bad" / "websites"

CASES = [
    # file, code, line, severity
    ("yaml-syntax", "yaml-syntax", 10, "error"),
    ("tab-indent", "yaml-syntax", 6, "error"),
    ("duplicate-key", "duplicate-key", 18, "error"),
    ("empty-file", "empty-file", 1, "error"),
    ("not-a-mapping", "not-a-mapping", 1, "error"),
    ("not-utf8", "not-utf8", 4, "error"),
    ("yaml-alias", "yaml-alias", 12, "error"),
    ("yaml-alias", "yaml-anchor", 11, "error"),
    ("file-too-large", "file-too-large", 1, "error"),
    ("unknown-field", "unknown-field", 4, "error"),
    ("unknown-nested-field", "unknown-field", 15, "error"),
    ("id-mismatch", "id-mismatch", 2, "error"),
    ("unknown-language", "unknown-language", 9, "error"),
    ("unknown-country", "unknown-country", 10, "error"),
    ("unknown-region", "unknown-region", 11, "error"),
    ("unknown-topic", "unknown-topic", 12, "error"),
    ("invalid-date", "invalid-date", 17, "error"),
    ("impossible-date", "invalid-date", 17, "error"),
    ("future-date", "future-date", 17, "error"),
    ("url-scheme", "url-scheme", 8, "error"),
    ("insecure-url", "insecure-url", 8, "warning"),
    ("bad-url", "bad-url", 8, "error"),
    ("missing-field", "missing-field", 2, "error"),
    ("wrong-type", "wrong-type", 9, "error"),
    ("not-allowed", "not-allowed", 13, "error"),
    ("too-long", "too-long", 6, "error"),
    ("empty-summary", "empty-value", 5, "error"),
    ("personal-email", "personal-data", 6, "warning"),
    ("personal-phone", "personal-data", 6, "warning"),
    ("wrong-type-block", "wrong-type-block", 18, "error"),
    ("multiple-documents", "multiple-documents", 18, "error"),
    ("yaml-tag", "yaml-tag", 13, "error"),
]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("name", "code", "line", "severity"), CASES, ids=[c[0] + ":" + c[1] for c in CASES])
def test_bad_fixture(capsys, name, code, line, severity):
    path = BAD / f"{name}.yml"
    exit_code, out, _ = run(capsys, "validate", "--format", "json", str(path))
    problems = json.loads(out)
    assert exit_code == (1 if severity == "error" else 0)
    hits = [p for p in problems if p["code"] == code]
    assert hits, f"no [{code}] in {problems}"
    assert hits[0]["line"] == line
    assert hits[0]["severity"] == severity
    assert hits[0]["path"].endswith(f"{name}.yml")
    assert hits[0]["message"]


def test_every_bad_fixture_is_covered():
    named = {c[0] for c in CASES}
    assert {p.stem for p in BAD.glob("*.yml")} == named


def test_type_mismatch_names_the_folder(capsys):
    exit_code, out, _ = run(capsys, "validate", str(FIXTURES / "bad" / "apps"))
    assert exit_code == 1
    assert "type-mismatch.yml:3:7: error [type-mismatch]" in out
    assert "entries/websites/" in out


def test_warnings_fail_only_with_strict(capsys):
    path = str(BAD / "insecure-url.yml")
    assert run(capsys, "validate", path)[0] == 0
    assert run(capsys, "validate", "--strict", path)[0] == 1


def test_text_format_is_one_line_per_problem(capsys):
    exit_code, out, err = run(capsys, "validate", str(BAD / "unknown-topic.yml"))
    assert exit_code == 1
    line = out.strip().splitlines()[0]
    assert "bad/websites/unknown-topic.yml:12:23: error [unknown-topic] " in line
    assert "did you mean `housing`?" in line
    assert "1 error" in err


def test_github_format_annotations(capsys):
    exit_code, out, _ = run(capsys, "validate", "--format", "github", str(BAD / "unknown-topic.yml"))
    assert exit_code == 1
    assert out.startswith("::error file=")
    assert ",line=12,col=23,title=unknown-topic::" in out


def test_duplicates_name_both_places(capsys):
    exit_code, out, _ = run(capsys, "validate", str(FIXTURES / "duplicates"))
    assert exit_code == 1
    lines = out.splitlines()
    url = [ln for ln in lines if "[duplicate-url]" in ln]
    name = [ln for ln in lines if "[duplicate-name]" in ln]
    assert len(url) == 1 and "second.yml:8:6" in url[0] and "first.yml:8" in url[0]
    assert len(name) == 1 and "second.yml:4:7" in name[0] and "first.yml:4" in name[0]


def test_duplicate_id_in_two_folders(tmp_path, capsys):
    for folder in ("websites", "apps"):
        (tmp_path / folder).mkdir()
    shutil.copy(FIXTURES / "good" / "websites" / "good-one.yml", tmp_path / "websites")
    text = (FIXTURES / "good" / "websites" / "good-one.yml").read_text()
    text = text.replace("type: website", "type: app").replace("Example good-one", "Another")
    (tmp_path / "apps" / "good-one.yml").write_text(text.replace("example.org/good-one", "other.org/x"))
    exit_code, out, _ = run(capsys, "validate", str(tmp_path))
    assert exit_code == 1
    assert "[duplicate-id]" in out and "apps/good-one.yml:2" in out


def test_good_entries_pass(capsys):
    exit_code, out, err = run(capsys, "validate", str(FIXTURES / "good"))
    assert (exit_code, out) == (0, "")
    assert "0 errors, 0 warnings in 2 files" in err


def test_broken_file_does_not_stop_the_others(tmp_path):
    from directory.validate import validate_paths

    shutil.copytree(FIXTURES / "good", tmp_path / "entries")
    for name in ("yaml-syntax", "not-utf8", "unknown-topic"):
        shutil.copy(BAD / f"{name}.yml", tmp_path / "entries" / "websites")
    result = validate_paths([tmp_path / "entries"])
    assert sorted(e.id for e in result.entries) == ["good-one", "good-two"]
    assert {p.code for p in result.problems} >= {"yaml-syntax", "not-utf8", "unknown-topic"}
    assert result.files == 5 and not result.ok


def test_missing_path_is_a_usage_error(capsys):
    exit_code, _, err = run(capsys, "validate", "does/not/exist")
    assert exit_code == 2
    assert "no such file or folder" in err


def test_norway_is_not_false(tmp_path, capsys):
    """YAML 1.1 reads NO as false; our loader keeps Norway's code."""
    src = (FIXTURES / "good" / "websites" / "good-one.yml").read_text()
    (tmp_path / "websites").mkdir()
    (tmp_path / "websites" / "good-one.yml").write_text(src.replace("[DE-BE]", "[NO, SE]"))
    from directory.validate import validate_paths

    result = validate_paths([tmp_path])
    assert result.ok, result.problems
    assert result.entries[0].regions == ("NO", "SE")


def test_control_characters_are_escaped_in_output(tmp_path, capsys):
    """An ANSI escape in a stranger's YAML must not reach the terminal or the CI log."""
    src = (FIXTURES / "good" / "websites" / "good-one.yml").read_text()
    (tmp_path / "websites").mkdir()
    (tmp_path / "websites" / "good-one.yml").write_text(src.replace("[de, en, ar]", '[de, "\\e[31mred"]'))
    for fmt in ("text", "github"):
        exit_code, out, _ = run(capsys, "validate", "--format", fmt, str(tmp_path))
        assert exit_code == 1
        assert "\x1b" not in out and "\\x1b[31mred" in out
