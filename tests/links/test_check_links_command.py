"""`directory check-links` end to end: entries in a temporary project, servers on loopback."""

from __future__ import annotations

import io
import json
import subprocess
from datetime import UTC, datetime, timedelta

import pytest

from directory.cli import main
from directory.links.history import load_history, save_history

from .conftest import Reply, free_port, write_entry

FAST = ["--timeout", "1", "--retries", "1", "--backoff", "0.01", "--interval", "0"]


def run(capsys, *args):
    code = main(["check-links", *FAST, *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_table_json_and_markdown(project, server, capsys):
    write_entry(project, "fine", server.route("/fine"),
                provider_url=server.route("/old", Reply(301, headers={"Location": "/new"})))
    server.route("/new")
    write_entry(project, "gone", server.route("/gone", Reply(404)))
    code, out, err = run(capsys)
    assert code == 0  # the 404 fails once: not yet broken
    assert "failing" in out and "gone" in out and "HTTP 404 Not Found" in out
    assert f"redirected  fine   provider.url  {server.url('/old')}" in out
    assert f"-> {server.url('/new')}" in out
    assert out.strip().endswith("3 links: 1 failing, 1 redirected, 1 ok")
    assert "[" not in err  # no progress bar when stderr is not a terminal

    code, out, _ = run(capsys, "--format", "json")
    rows = json.loads(out)
    assert {(r["entry"], r["field"], r["status"]) for r in rows} == {
        ("fine", "url", "ok"), ("fine", "provider.url", "redirected"), ("gone", "url", "failing")}
    gone = next(r for r in rows if r["entry"] == "gone")
    assert gone["path"] == "entries/websites/gone.yml" and gone["since"]

    code, out, _ = run(capsys, "--format", "markdown")
    assert out.startswith("## Link check: 1 failing, 1 redirected")
    assert "### `gone` (entries/websites/gone.yml)" in out
    assert f"Replace with {server.url('/new')}" in out


def test_scheduled_runs_confirm_a_break_a_day_later(project, server, capsys):
    history = project / "h.json"
    write_entry(project, "gone", server.route("/gone", Reply(404)))
    code, out, _ = run(capsys, "--history", str(history))
    assert code == 0 and "failing" in out
    # pretend the first run was two days ago
    data, _ = load_history(history)
    record = data["urls"][server.url("/gone")]
    earlier = (datetime.now(UTC) - timedelta(days=2)).isoformat(timespec="seconds")
    record["first_failed"] = record["last_checked"] = earlier
    save_history(history, data)
    code, out, _ = run(capsys, "--history", str(history))
    assert code == 1
    assert out.startswith("STATUS") and "broken  gone" in out
    code, out, _ = run(capsys, "--history", str(history), "--format", "markdown")
    assert f"| {earlier[:10]} |" in out and "set `status: archived`" in out


def test_archived_entries_are_skipped(project, server, capsys):
    write_entry(project, "closed", server.route("/closed", Reply(404)), status="archived")
    code, out, _ = run(capsys)
    assert code == 0 and out.strip() == "0 links: none"
    assert server.hits == []
    code, out, _ = run(capsys, "--include-archived")
    assert "failing" in out


def test_default_history_location(project, server, capsys):
    write_entry(project, "fine", server.route("/fine"))
    run(capsys)
    assert (project / ".cache" / "link-history.json").exists()
    (project / ".cache" / "link-history.json").unlink()
    run(capsys, "--no-history")
    assert not (project / ".cache" / "link-history.json").exists()


def _git(root, *args):
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
                        "HOME": str(root), "PATH": "/usr/bin:/bin:/usr/local/bin"})


def test_changed_since_checks_only_changed_entries_and_fails_hard_at_once(project, server, capsys):
    _git(project, "init", "-q", "-b", "main")
    write_entry(project, "old-broken", server.route("/old-broken", Reply(404)))
    changed = write_entry(project, "changed", server.route("/v1"))
    write_entry(project, "deleted", server.route("/deleted"))
    _git(project, "add", "entries")
    _git(project, "commit", "-q", "-m", "base")
    _git(project, "checkout", "-q", "-b", "feature")
    changed.write_text(changed.read_text().replace("/v1", "/v2"))
    server.route("/v2", Reply(404))
    (project / "entries" / "websites" / "deleted.yml").unlink()
    _git(project, "commit", "-q", "-am", "edit")
    write_entry(project, "added", server.route("/added"))  # untracked
    refused = f"http://127.0.0.1:{free_port()}/"
    write_entry(project, "refused", refused)  # untracked too
    (project / "notes.txt").write_text("not an entry")

    code, out, _ = run(capsys, "--changed-since", "main", "--format", "json")
    rows = {r["entry"]: r for r in json.loads(out)}
    assert set(rows) == {"changed", "added", "refused"}
    assert rows["changed"]["status"] == "broken"  # 404: fails the pull request at once
    assert rows["refused"]["status"] == "failing"  # not a hard failure
    assert code == 1
    assert server.count("/old-broken") == 0 and server.count("/deleted") == 0


def test_changed_since_with_no_entry_changes(project, capsys):
    _git(project, "init", "-q", "-b", "main")
    (project / "README").write_text("x")
    _git(project, "add", "README")
    _git(project, "commit", "-q", "-m", "base")
    code, _, err = run(capsys, "--changed-since", "main")
    assert code == 0 and "nothing to check" in err


@pytest.mark.parametrize("args", [["--changed-since", "no-such-rev"], ["--per-host", "0"],
                                  ["no-such-folder"], ["--format", "xml"]])
def test_usage_errors_exit_2(project, capsys, args):
    if args[0] == "--changed-since":
        _git(project, "init", "-q")
    try:
        code = main(["check-links", *args])
    except SystemExit as exc:  # argparse
        code = exc.code
    assert code == 2
    assert "error" in capsys.readouterr().err


def test_paths_and_changed_since_exclude_each_other(project, capsys):
    assert main(["check-links", "--changed-since", "main", "entries"]) == 2
    assert "not both" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal():
    from directory.links.progress import Progress

    term = _Terminal()
    bar = Progress(4, term, width=8)
    bar.tick()
    bar.tick()
    assert term.getvalue().endswith("\r[####....] 2/4 links")
    bar.close()
    assert term.getvalue().endswith("\r")
    plain = io.StringIO()
    bar = Progress(4, plain)
    bar.tick()
    bar.close()
    assert plain.getvalue() == ""
