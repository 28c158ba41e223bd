"""Interface strings of the generated pages, one YAML file per site language.

Translators edit `directory/data/ui/<lang>.yml`, not code. English is the
reference: a test checks that every language has exactly its keys and
placeholders. A key missing at run time falls back to English rather than
breaking the build.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

import yaml
from markupsafe import Markup, escape

from .settings import DATA_DIR

UI_DIR = DATA_DIR / "ui"
REFERENCE = "en"


@cache
def strings(lang: str) -> Mapping[str, str]:
    """Key -> text for `lang`; an empty mapping when the language has no file."""
    path = UI_DIR / f"{lang}.yml"
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(k): str(v) for k, v in data.items()}


def available() -> list[str]:
    return sorted(p.stem for p in UI_DIR.glob("*.yml"))


def text(lang: str, key: str, **values: object) -> str:
    """The string `key` in `lang` (else English), with `{placeholders}` filled in."""
    template = strings(lang).get(key) or strings(REFERENCE)[key]
    return template.format(**values) if values else template


def html(lang: str, key: str, **values: object) -> Markup:
    """Like `text`, for HTML: the string is escaped, and so are values that are
    not already Markup."""
    if not values:
        return _escaped(lang, key)
    template = strings(lang).get(key) or strings(REFERENCE)[key]
    return Markup(escape(template)).format(**values)


@cache
def _escaped(lang: str, key: str) -> Markup:
    return escape(strings(lang).get(key) or strings(REFERENCE)[key])


SEARCH_PREFIX = "search_ui_"


def search_ui(lang: str) -> dict[str, str]:
    """The search box's strings (label, filters, "Found: #", ...) for the theme and
    dir-search.js, from the same files as every other UI string."""
    keys = [k for k in strings(REFERENCE) if k.startswith(SEARCH_PREFIX)]
    return {k.removeprefix(SEARCH_PREFIX): text(lang, k) for k in keys}
