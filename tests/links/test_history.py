"""The two-run rule and the history file, with a faked clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from directory.links.classify import BROKEN, FAILING, OK, TRANSIENT, Verdict
from directory.links.history import (
    apply_run,
    broken_since,
    empty_history,
    load_history,
    save_history,
)
from directory.model import entry_from_data

URL = "https://example.org/page"
T0 = datetime(2026, 3, 1, 3, 0, tzinfo=UTC)


def gone(url=URL, hard=True):
    return Verdict(url, BROKEN, 404 if hard else None, "HTTP 404 Not Found" if hard else
                   "connection refused", hard=hard)


def test_first_failure_is_failing_and_second_a_day_later_is_broken():
    history, final = apply_run(empty_history(), {URL: gone()}, T0)
    assert final[URL].status == FAILING
    assert "first failure, will confirm" in final[URL].reason
    assert final[URL].since == T0.isoformat()

    # a second run on the same day does not confirm it
    history, final = apply_run(history, {URL: gone()}, T0 + timedelta(hours=5))
    assert final[URL].status == FAILING

    history, final = apply_run(history, {URL: gone()}, T0 + timedelta(days=7))
    assert final[URL].status == BROKEN
    assert final[URL].since == T0.isoformat()  # since the first failure
    assert history["urls"][URL]["status"] == BROKEN
    assert [r["status"] for r in history["urls"][URL]["recent"]] == [BROKEN, FAILING, FAILING]


def test_a_success_in_between_starts_the_count_again():
    history, _ = apply_run(empty_history(), {URL: gone()}, T0)
    history, final = apply_run(history, {URL: Verdict(URL, OK, 200)}, T0 + timedelta(days=7))
    assert final[URL].status == OK and final[URL].since is None
    history, final = apply_run(history, {URL: gone()}, T0 + timedelta(days=14))
    assert final[URL].status == FAILING


def test_a_transient_failure_counts_as_the_first_failure():
    history, final = apply_run(empty_history(), {URL: Verdict(URL, TRANSIENT, 503)}, T0)
    assert final[URL].status == TRANSIENT and final[URL].since == T0.isoformat()
    history, final = apply_run(history, {URL: gone()}, T0 + timedelta(days=7))
    assert final[URL].status == BROKEN


def test_pull_requests_fail_at_once_on_hard_failures_only():
    refused = "https://refused.example/"
    _, final = apply_run(empty_history(), {URL: gone(), refused: gone(refused, hard=False)}, T0,
                         hard_fails_at_once=True)
    assert final[URL].status == BROKEN
    assert final[refused].status == FAILING


def test_recent_results_are_bounded_and_old_urls_forgotten():
    history = empty_history()
    for day in range(8):
        history, _ = apply_run(history, {URL: Verdict(URL, OK, 200)}, T0 + timedelta(days=day))
    assert len(history["urls"][URL]["recent"]) == 5
    other = "https://example.org/other"
    history, _ = apply_run(history, {other: Verdict(other, OK, 200)}, T0 + timedelta(days=200))
    assert list(history["urls"]) == [other]


def test_history_round_trip_and_bad_files(tmp_path):
    path = tmp_path / "cache" / "h.json"
    assert load_history(path) == (empty_history(), None)
    history, _ = apply_run(empty_history(), {URL: gone()}, T0)
    save_history(path, history)
    assert load_history(path) == (history, None)
    path.write_text("{not json")
    loaded, warning = load_history(path)
    assert loaded == empty_history() and "cannot read" in warning
    path.write_text('{"version": 99, "urls": {}}')
    assert "not a link history" in load_history(path)[1]


def _entry(**urls):
    data = {
        "id": "e", "type": "group", "name": "E", "summary": {"en": "x"},
        "url": urls.get("url", URL), "languages": ["en"], "regions": ["DE"],
        "topics": ["community"], "cost": "free", "last_reviewed": "2026-01-01",
        "group": {"platform": "telegram", "join": urls.get("join", "https://t.me/+x")},
    }
    return entry_from_data(data)


def test_broken_since_reports_the_earliest_confirmed_break():
    join = "https://t.me/+x"
    history, _ = apply_run(empty_history(), {URL: gone(), join: gone(join)}, T0)
    assert broken_since(history, _entry()) is None  # only failing so far
    history, _ = apply_run(history, {join: gone(join)}, T0 + timedelta(days=3))
    assert broken_since(history, _entry()) == date(2026, 3, 1)
    history, _ = apply_run(history, {join: Verdict(join, OK, 200)}, T0 + timedelta(days=10))
    assert broken_since(history, _entry()) is None
    assert broken_since(empty_history(), _entry()) is None
    assert broken_since({}, _entry()) is None
