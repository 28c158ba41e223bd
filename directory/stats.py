"""`directory stats`: what the directory covers and where translations are missing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .model import Entry


def facet_counts(entries: Iterable[Entry]) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {k: Counter() for k in
                                       ("type", "language", "nationality", "region", "topic")}
    for e in entries:
        counts["type"][e.type] += 1
        counts["language"].update(e.languages)
        counts["nationality"].update(e.nationalities or ("(everyone)",))
        counts["region"].update(e.regions)
        counts["topic"].update(e.topics)
    return counts


def translation_coverage(entries: list[Entry], languages: Iterable[str]) -> dict[str, float]:
    """Share of entries with a summary in each site language."""
    total = len(entries) or 1
    return {lang: sum(lang in e.summary for e in entries) / total for lang in languages}


def format_stats(entries: list[Entry], site_languages: Iterable[str]) -> str:
    site_languages = list(site_languages)
    active = [e for e in entries if e.active]
    lines = [f"{len(entries)} entries ({len(active)} active, {len(entries) - len(active)} archived)"]
    for facet, counter in facet_counts(entries).items():
        lines.append(f"\nby {facet}:")
        width = max((len(k) for k in counter), default=0)
        lines += [f"  {key:<{width}}  {n:>4}" for key, n in
                  sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]
    lines.append("\nsummary translations per site language:")
    for lang, share in translation_coverage(entries, site_languages).items():
        have = sum(lang in e.summary for e in entries)
        lines.append(f"  {lang:<3} {have:>4}/{len(entries):<4} {share:6.1%}")
    return "\n".join(lines)
