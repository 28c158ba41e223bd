"""The five ways to browse (type, language, nationality, place, topic): which
values each entry has, and how a value is named on a page."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cache

from ..i18n import text
from ..model import TYPES, Entry
from ..vocab import GLOBAL, topics
from .names import capitalize, country_name, language_name, region_name, topic_text


def entry_keys(entry: Entry, facet: str) -> tuple[str, ...]:
    """The facet values of an entry. A place inside a country also counts for the
    country, so the Germany page lists Berlin's resources too."""
    if facet == "types":
        return (entry.type,)
    if facet == "languages":
        return entry.languages
    if facet == "nationalities":
        return entry.nationalities
    if facet == "topics":
        return entry.topics
    if facet == "regions":
        out = list(entry.regions)
        for code in entry.regions:
            country = code.split("-", 1)[0]
            if "-" in code and country not in out:
                out.append(country)
        return tuple(out)
    raise ValueError(f"unknown facet {facet!r}")


def all_keys(entries: Iterable[Entry], facet: str) -> list[str]:
    """Every value that needs a page: the fixed vocabularies (types, topics) in
    their own order, plus every value any entry uses (archived ones too, so the
    links on their pages work)."""
    fixed = {"types": list(TYPES), "topics": list(topics())}.get(facet, [])
    seen = dict.fromkeys(fixed)
    for entry in entries:
        seen.update(dict.fromkeys(entry_keys(entry, facet)))
    return list(seen)


def group(entries: Iterable[Entry], facet: str) -> dict[str, list[Entry]]:
    """Facet value -> the active entries that have it."""
    out: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.active:
            for key in entry_keys(entry, facet):
                out[key].append(entry)
    return out


@cache
def label(facet: str, key: str, lang: str) -> str:
    """How a facet value is shown on its own (headings, lists, search filters)."""
    if facet == "types":
        return text(lang, f"types_{key}")
    if facet == "languages":
        return capitalize(language_name(key, lang))
    if facet == "nationalities":
        return country_name(key, lang)
    if facet == "regions":
        return text(lang, "region_global") if key == GLOBAL else region_name(key, lang)
    if facet == "topics":
        return topic_text(key, lang)
    raise ValueError(f"unknown facet {facet!r}")
