"""Names of languages, countries, places and dates in the reader's language.

Everything comes from CLDR (via Babel), never from hand-written tables, so a
Russian page says "украинский" and an Arabic page "الأوكرانية". Lookups are
cached: the site renders thousands of pages that ask the same questions.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from functools import cache

import pycountry
from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal

from ..vocab import GLOBAL, topics

# Tags without their own CLDR name, and the CLDR key whose name fits them.
_CLDR_ALIASES = {"prs": "fa_AF", "kmr": "ku"}


@cache
def locale(lang: str) -> Locale:
    return Locale.parse(lang.replace("-", "_"))


@cache
def is_rtl(lang: str) -> bool:
    """True for right-to-left languages (ar, fa, ...), from CLDR's character order."""
    try:
        return locale(lang).character_order == "right-to-left"
    except (ValueError, UnknownLocaleError):
        return lang.split("-")[0] in {"ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv", "prs"}


def direction(lang: str) -> str:
    return "rtl" if is_rtl(lang) else "ltr"


def capitalize(text: str) -> str:
    """Upper-case the first letter only: CLDR writes "украинский", lists want "Украинский"."""
    return text[:1].upper() + text[1:]


@cache
def language_name(tag: str, lang: str) -> str:
    """Name of the language `tag` (BCP 47) in `lang`, as CLDR writes it mid-sentence."""
    names = locale(lang).languages
    key = _CLDR_ALIASES.get(tag, tag.replace("-", "_"))
    if key in names:
        return names[key]
    try:
        return locale(key).get_display_name(locale(lang)) or tag
    except (ValueError, UnknownLocaleError):
        pass
    primary = key.split("_")[0]
    if primary in names:
        return names[primary]
    english = Locale.parse("en").languages
    return english.get(key) or english.get(primary) or tag


@cache
def country_name(code: str, lang: str) -> str:
    """CLDR name of an ISO 3166-1 country in `lang`; the code itself when CLDR lacks it."""
    return locale(lang).territories.get(code) or code


@cache
def region_name(code: str, lang: str) -> str:
    """Name of a place code: `global`, a country, or an ISO 3166-2 subdivision.

    CLDR (as shipped by Babel) has no subdivision names, so those use
    pycountry's official name (usually the local one, e.g. "Berlin"),
    followed by the localized country: "Berlin (Германия)". On right-to-left
    pages the Latin name is wrapped in Unicode isolates (FSI ... PDI), or the
    bidi algorithm shows "(آلمان) Berlin" in the wrong order.
    """
    if code == GLOBAL:
        return ""  # the caller uses its UI string for "worldwide"
    if "-" not in code:
        return country_name(code, lang)
    sub = pycountry.subdivisions.get(code=code)
    own = sub.name if sub is not None else code
    if is_rtl(lang):
        own = f"\u2068{own}\u2069"
    return f"{own} ({country_name(code.split('-', 1)[0], lang)})"


@cache
def localized_date(day: date, lang: str) -> str:
    return format_date(day, format="long", locale=locale(lang))


@cache
def number(n: int, lang: str) -> str:
    return format_decimal(n, locale=locale(lang))


@cache
def _list_patterns(lang: str) -> dict[str, str]:
    return dict(locale(lang).list_patterns["standard"])


def join(items: list[str], lang: str) -> str:
    """"a, b and c" with the language's own CLDR list pattern (as Babel's
    format_list, with the patterns looked up once per language)."""
    if len(items) < 2:
        return "".join(items)
    patterns = _list_patterns(lang)
    if len(items) == 2:
        return patterns["2"].format(*items)
    result = patterns["start"].format(items[0], items[1])
    for item in items[2:-1]:
        result = patterns["middle"].format(result, item)
    return patterns["end"].format(result, items[-1])


def topic_text(key: str, lang: str, field: str = "label") -> str:
    """Topic label or description in `lang`, else English, else the key."""
    entry = topics().get(key, {})
    for option in (lang, "en"):
        if field in entry.get(option, {}):
            return entry[option][field]
    return key


@cache
def sort_key(text: str) -> str:
    """Rough alphabetical key without accents or case ("Ägypten" next to "Afghanistan").

    Python has no CLDR collation; this is close enough for short lists of names.
    """
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))
