"""Closed vocabularies (languages, countries, places, topics) and 'did you mean' hints.

Codes come from the registries (IANA/ISO 639 via langcodes, ISO 3166 via
pycountry); names shown to people come from CLDR via Babel elsewhere.
"""

from __future__ import annotations

import difflib
import re
from functools import cache

import langcodes
import pycountry
import yaml

from .settings import DATA_DIR

GLOBAL = "global"

# Mistakes people make often enough to deserve their own hint.
_LANGUAGE_MIXUPS = {
    "ua": "uk", "gr": "el", "dk": "da", "se": "sv", "jp": "ja", "cn": "zh", "ir": "fa",
    "kz": "kk", "by": "be", "am": "hy", "ge": "ka", "cz": "cs", "farsi": "fa", "dari": "prs",
}


@cache
def topics() -> dict[str, dict[str, dict[str, str]]]:
    """Topic key -> language -> {label, description}."""
    return yaml.safe_load((DATA_DIR / "topics.yml").read_text(encoding="utf-8"))


def closest(word: str, options: list[str] | set[str], n: int = 3) -> list[str]:
    """Nearest options, comparing case-insensitively so `Name` suggests `name`."""
    lowered = {o.lower(): o for o in options}
    hits = difflib.get_close_matches(word.lower(), list(lowered), n=n, cutoff=0.6)
    return [lowered[h] for h in hits]


def _canonical_case(tag: str) -> str:
    """BCP 47 casing: `pt-br` -> `pt-BR`, `SR-LATN` -> `sr-Latn`."""
    parts = tag.replace("_", "-").split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) == 2 or (len(part) == 3 and part.isdigit()):
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


def language_problem(tag: str) -> str | None:
    """None when `tag` is a valid, canonical BCP 47 tag; otherwise what to write instead."""
    if tag in _LANGUAGE_MIXUPS:
        fix = _LANGUAGE_MIXUPS[tag]
        return f"`{tag}` is not a language tag here; did you mean `{fix}`?"
    try:
        valid = langcodes.tag_is_valid(tag)
    except (ValueError, langcodes.LanguageTagError):
        valid = False
    if valid:
        canonical = _canonical_case(tag)
        primary = canonical.split("-")[0]
        if "qaa" <= primary <= "qtz":
            return f"`{tag}` is a private-use code; use the language's real ISO 639 code."
        short = pycountry.languages.get(alpha_3=primary) if len(primary) == 3 else None
        if short is not None and getattr(short, "alpha_2", None):
            canonical = "-".join([short.alpha_2, *canonical.split("-")[1:]])
        if canonical != tag:
            return f"`{tag}` is not written in standard form; write `{canonical}`."
        return None
    try:
        # Only look up things that look like a language's name: the name index
        # (marisa-trie) crashes on control characters and empty strings.
        if not re.fullmatch(r"[^\W\d_][^\W\d_ '()-]{1,39}", tag):
            raise LookupError(tag)
        found = str(langcodes.find(tag))
        return f"`{tag}` is not a language tag; did you mean `{found}`?"
    except (LookupError, SystemError, ValueError):
        return (f"`{tag}` is not a known language tag. Use a BCP 47 tag such as `ar`, `uk`, "
                "`prs` (Dari) or `pt-BR`; look codes up at https://r12a.github.io/app-subtags/.")


@cache
def countries() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in pycountry.countries)


@cache
def subdivisions() -> frozenset[str]:
    return frozenset(s.code for s in pycountry.subdivisions)


def country_problem(code: str) -> str | None:
    if code in countries():
        return None
    if code.upper() in countries():
        return f"`{code}`: write country codes in capitals, `{code.upper()}`."
    try:
        found = pycountry.countries.lookup(code).alpha_2
        return f"`{code}` is not an ISO 3166-1 alpha-2 code; did you mean `{found}`?"
    except LookupError:
        pass
    near = closest(code, countries())
    hint = f" Did you mean {', '.join(f'`{n}`' for n in near)}?" if near else ""
    return f"`{code}` is not an ISO 3166-1 alpha-2 country code (e.g. `UA`, `SY`, `AF`).{hint}"


def region_problem(code: str) -> str | None:
    if code == GLOBAL or code in countries() or code in subdivisions():
        return None
    if code.upper() in countries() or code.upper() in subdivisions():
        return f"`{code}`: write place codes in capitals, `{code.upper()}`."
    if code.lower() == GLOBAL:
        return f"`{code}`: write `{GLOBAL}` in lowercase."
    if "-" in code:
        country = code.split("-", 1)[0].upper()
        same = sorted(s for s in subdivisions() if s.startswith(country + "-"))
        if same:
            near = closest(code, same) or same[:5]
            return (f"`{code}` is not an ISO 3166-2 code of {country}; nearest: "
                    f"{', '.join(f'`{n}`' for n in near)}. Or use `{country}` for the whole country.")
    for lookup in (pycountry.countries.lookup, pycountry.subdivisions.lookup):
        try:
            found = lookup(code)
            fix = getattr(found, "alpha_2", None) or found.code
            return f"`{code}` is not a place code; did you mean `{fix}`?"
        except LookupError:
            continue
    return (f"`{code}` is not a place code. Use `global`, a country code (`DE`) or an "
            "ISO 3166-2 code of a state or city (`DE-BE`, `KZ-75`).")


def topic_problem(key: str) -> str | None:
    known = list(topics())
    if key in known:
        return None
    near = closest(key, known)
    hint = f"did you mean {', '.join(f'`{n}`' for n in near)}? " if near else ""
    return f"`{key}` is not a topic; {hint}Topics: {', '.join(known)}."
