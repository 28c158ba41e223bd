"""The maintenance subcommands (check-links, check-site, stale, from-issue): argument
parsing and printing only; the work is in the modules they call."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from ..problems import summary_line
from ..settings import load_settings
from ..validate import UsageError, validate_paths
from .changed import changed_files, entry_files_among
from .check import CheckConfig, check_urls
from .classify import BROKEN
from .history import apply_run, load_history, save_history
from .progress import Progress
from .report import build_rows, format_json, format_markdown, format_table

EXIT_OK, EXIT_FAIL = 0, 1


def _number(kind: type = float, minimum: float = 0):
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"`{text}` is not a number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}")
        return value
    return parse


def user_agent(repo_url: str) -> str:
    return f"migrant-directory-linkcheck/1.0 (+{repo_url})"


def _check_links(args: argparse.Namespace) -> int:
    settings = load_settings()
    paths = [Path(p) for p in args.paths]
    if args.changed_since and paths:
        raise UsageError("give either PATHs or --changed-since, not both")
    if args.changed_since:
        changed, error = changed_files(args.changed_since)
        if error:
            raise UsageError(error)
        paths = entry_files_among(changed, settings.entries_dir)
        if not paths:
            print(f"no entry files changed since {args.changed_since}; nothing to check",
                  file=sys.stderr)
            return EXIT_OK
    result = validate_paths(paths or None, settings)
    if not result.ok:
        print(f"note: {summary_line(result.problems, result.files)}; entries with errors are "
              "not checked (run `directory validate`)", file=sys.stderr)
    entries = [e for e in result.entries if e.active or args.include_archived]
    urls = list(dict.fromkeys(link.url for e in entries for link in e.links()))
    config = CheckConfig(
        user_agent=user_agent(settings.repo_url), timeout=args.timeout, retries=args.retries,
        backoff=args.backoff, max_retry_after=args.max_retry_after, per_host=args.per_host,
        interval=args.interval)
    progress = Progress(len(urls))
    try:
        raw = check_urls(urls, config, on_done=progress.tick)
    finally:
        progress.close()
    args.history = args.history or settings.link_history  # the site reads the same file
    history, warning = load_history(args.history)
    if warning:
        print(f"warning: {warning}", file=sys.stderr)
    now = datetime.now(UTC)
    history, final = apply_run(history, raw, now, hard_fails_at_once=bool(args.changed_since))
    if not args.no_history:
        try:
            save_history(args.history, history)
        except OSError as exc:
            print(f"warning: cannot write the link history {args.history}: {exc}", file=sys.stderr)
    rows = build_rows(entries, final)
    if args.format == "json":
        print(format_json(rows))
    elif args.format == "markdown":
        print(format_markdown(rows, now), end="")
    else:
        print(format_table(rows, show_ok=args.verbose))
    return EXIT_FAIL if any(r.verdict.status == BROKEN for r in rows) else EXIT_OK


def _check_site(args: argparse.Namespace) -> int:
    from ..site_check import check_site

    report = check_site(Path(args.site_dir))
    if report.error:
        raise UsageError(report.error)
    for problem in report.problems:
        print(problem)
    pages = len({p.page for p in report.problems})
    print(f"{len(report.problems)} broken internal links on {pages} pages" if report.problems
          else "no broken internal links", file=sys.stderr)
    return EXIT_FAIL if report.problems else EXIT_OK


def _stale(args: argparse.Namespace) -> int:
    from datetime import date

    from ..stale import format_stale, stale_entries

    settings = load_settings()
    days = settings.review_interval_days if args.days is None else args.days
    result = validate_paths([Path(p) for p in args.paths] or None, settings)
    if not result.ok:
        print(f"note: {summary_line(result.problems, result.files)}; entries with errors are "
              "not listed (run `directory validate`)", file=sys.stderr)
    items = stale_entries(result.entries, date.today(), days)
    print(format_stale(items, days, args.format), end="" if args.format != "json" else "\n")
    return EXIT_OK


def _from_issue(args: argparse.Namespace) -> int:
    from datetime import date

    from ..from_issue import entry_from_issue
    from ..load import display_path

    try:
        body = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {args.file}: {exc}") from None
    path, text, problems = entry_from_issue(body, load_settings(), date.today(), args.issue)
    if problems:
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problems: the suggestion cannot become an entry yet",
              file=sys.stderr)
        return EXIT_FAIL
    assert path is not None
    if args.stdout:
        print(text, end="")
        return EXIT_OK
    if path.exists():
        print(f"{display_path(path)}: already exists; not overwriting it", file=sys.stderr)
        return EXIT_FAIL
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(display_path(path))
    return EXIT_OK


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register the maintenance subcommands on the `directory` parser."""
    p = sub.add_parser("check-links", help="check every URL in the entries (polite, with retries)",
                       description="Check the URLs of entries. Exit 1 when a link is broken.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="entry files or folders (default: entries/)")
    p.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    p.add_argument("--changed-since", metavar="REV",
                   help="only entries changed since git REV (pull requests); hard failures "
                        "(404, 410, no such host, expired invite) fail at once")
    p.add_argument("--history", type=Path, default=None,
                   help="results of earlier runs (default: link_history in settings.yml, "
                        ".cache/link-history.json)")
    p.add_argument("--no-history", action="store_true", help="do not write the history file")
    p.add_argument("--include-archived", action="store_true", help="check archived entries too")
    p.add_argument("--verbose", "-v", action="store_true", help="list working links too")
    p.add_argument("--timeout", type=_number(), default=15.0, help="seconds per request")
    p.add_argument("--retries", type=_number(int), default=2, help="extra tries (default 2)")
    p.add_argument("--backoff", type=_number(), default=2.0,
                   help="seconds before the first retry, doubled each time")
    p.add_argument("--max-retry-after", type=_number(), default=60.0,
                   help="longest wait a server's Retry-After can ask for")
    p.add_argument("--per-host", type=_number(int, 1), default=2,
                   help="requests in flight to one host")
    p.add_argument("--interval", type=_number(), default=0.5,
                   help="seconds between requests to one host")
    p.set_defaults(func=_check_links)

    p = sub.add_parser("check-site", help="find broken internal links and #anchors in the built site",
                       description="Crawl the built site with LinkChecker (served on 127.0.0.1). "
                                   "Exit 1 when a link or anchor is broken.")
    p.add_argument("site_dir", nargs="?", default="site", metavar="SITE_DIR",
                   help="the built site (default: site/)")
    p.set_defaults(func=_check_site)

    p = sub.add_parser("stale", help="list active entries not reviewed for too long, oldest first")
    p.add_argument("paths", nargs="*", metavar="PATH", help="entry files or folders (default: entries/)")
    p.add_argument("--days", type=_number(int), default=None,
                   help="older than this many days (default: review_interval_days in settings)")
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    p.set_defaults(func=_stale)

    p = sub.add_parser("from-issue", help="turn a 'Suggest a resource' issue into an entry file",
                       description="Read the Markdown body of an issue made with the "
                                   "suggest-resource form; write entries/<type>s/<id>.yml and "
                                   "print its path, or print each problem by form field (exit 1).")
    p.add_argument("file", nargs="?", default="-", metavar="FILE",
                   help="the issue body (default or `-`: standard input)")
    p.add_argument("--stdout", action="store_true", help="print the entry instead of writing it")
    p.add_argument("--issue", type=_number(int, 1), metavar="N",
                   help="the issue number, noted in the file")
    p.set_defaults(func=_from_issue)
