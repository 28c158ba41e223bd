"""The `directory` command: a thin adapter that parses arguments and prints results."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

from .links.cli import add_commands as add_maintenance_commands
from .load import display_path
from .model import TYPES
from .problems import format_problems, has_errors, summary_line
from .scaffold import skeleton
from .settings import load_settings
from .stats import format_stats
from .validate import UsageError, validate_paths
from .vocab import closest

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def _validate(args: argparse.Namespace) -> int:
    result = validate_paths([Path(p) for p in args.paths] or None)
    if result.problems:
        print(format_problems(result.problems, args.format))
    elif args.format == "json":
        print("[]")
    if args.format != "json":
        print(summary_line(result.problems, result.files), file=sys.stderr)
    return EXIT_FAIL if has_errors(result.problems, args.strict) else EXIT_OK


def _new(args: argparse.Namespace) -> int:
    if args.type not in TYPES:
        near = closest(args.type.rstrip("s"), list(TYPES), n=1)
        raise UsageError(f"unknown type `{args.type}`" +
                         (f"; did you mean `{near[0]}`?" if near else f"; use one of {TYPES}"))
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", args.id) or len(args.id) > 64:
        raise UsageError(f"`{args.id}` is not a valid id: use lowercase letters, digits and "
                         "single hyphens, e.g. `handbook-germany`")
    path, text = skeleton(args.type, args.id, load_settings().entries_dir, date.today())
    if path.exists():
        print(f"{display_path(path)}: already exists; not overwriting it. Edit it, or choose another id.",
              file=sys.stderr)
        return EXIT_FAIL
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    shown = display_path(path)
    print(f"created {shown}: fill in the fields, then run `directory validate {shown}`")
    return EXIT_OK


def _stats(args: argparse.Namespace) -> int:
    result = validate_paths([Path(p) for p in args.paths] or None)
    print(format_stats(result.entries, load_settings().site_languages))
    if result.problems:
        print(f"note: {summary_line(result.problems, result.files)}; entries with errors are not "
              "counted (run `directory validate`)", file=sys.stderr)
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from .export import export_all, write_files

    result = validate_paths([Path(p) for p in args.paths] or None)
    if has_errors(result.problems):
        print(format_problems(result.problems))
        print(f"{summary_line(result.problems, result.files)}; nothing exported: fix the errors "
              "first (run `directory validate`)", file=sys.stderr)
        return EXIT_FAIL
    out = Path(args.out)
    files = export_all(result.entries, load_settings(), site_url=args.site_url)
    write_files(out, files)
    print(f"wrote {len(files)} files to {out}/ ({', '.join(sorted(files)[:3])}, ...)")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="directory", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("validate", help="check entry files and report every problem")
    p.add_argument("paths", nargs="*", metavar="PATH", help="entry files or folders (default: entries/)")
    p.add_argument("--format", choices=("text", "github", "json"), default="text")
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    p.set_defaults(func=_validate)

    p = sub.add_parser("new", help="write a commented skeleton for a new entry")
    p.add_argument("type", metavar="TYPE", help=f"one of: {', '.join(TYPES)}")
    p.add_argument("id", metavar="ID", help="lowercase-words-with-hyphens")
    p.set_defaults(func=_new)

    p = sub.add_parser("stats", help="entries per type, language, place, topic; translation coverage")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.set_defaults(func=_stats)

    p = sub.add_parser("export", help="write api/entries.json, api/entries.csv and Atom feeds")
    p.add_argument("paths", nargs="*", metavar="PATH", help="entry files or folders (default: entries/)")
    p.add_argument("--out", default="export", metavar="DIR", help="output folder (default: export/)")
    p.add_argument("--site-url", default=None, metavar="URL",
                   help="the site's address, for absolute links in the feeds")
    p.set_defaults(func=_export)

    add_maintenance_commands(sub)  # check-links, check-site, stale, from-issue
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"directory {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
