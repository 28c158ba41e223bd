"""Schema.org description of an entry, for search engines and other machines.

The type follows the resource: apps are MobileApplication (WebApplication when
there is only a web version), podcasts PodcastSeries, courses Course, groups
Organization and websites WebSite. Organization has no `inLanguage` in
schema.org; its equivalent is `knowsLanguage`.
"""

from __future__ import annotations

from typing import Any

from ..model import Entry
from .html import clean, safe_url

_TYPES = {"podcast": "PodcastSeries", "course": "Course", "group": "Organization",
          "website": "WebSite"}


def schema_type(entry: Entry) -> str:
    if entry.type == "app":
        platforms = entry.details.get("platforms") or {}
        mobile = platforms.get("android") or platforms.get("ios")
        return "MobileApplication" if mobile or not platforms.get("web") else "WebApplication"
    return _TYPES[entry.type]


def _organization(name: str, url: str | None) -> dict[str, Any]:
    org: dict[str, Any] = {"@type": "Organization", "name": clean(name)}
    if safe_url(url):
        org["url"] = url
    return org


def json_ld(entry: Entry, lang: str) -> dict[str, Any]:
    """The JSON-LD object of an entry as shown on the `lang` page."""
    kind = schema_type(entry)
    _, summary = entry.summary_in([lang, "en"])
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": kind,
        "name": clean(entry.name_in(lang)),
        "description": clean(summary),
    }
    if safe_url(entry.url):
        data["url"] = entry.url
    languages = list(entry.languages)
    data["knowsLanguage" if kind == "Organization" else "inLanguage"] = languages
    if kind != "Organization":
        data["dateModified"] = entry.last_reviewed.isoformat()
        if entry.cost == "free":
            data["isAccessibleForFree"] = True
    if entry.provider:
        role = "parentOrganization" if kind == "Organization" else (
            "provider" if kind == "Course" else "publisher")
        data[role] = _organization(entry.provider.name, entry.provider.url)
    details = entry.details
    if kind in ("MobileApplication", "WebApplication"):
        platforms = details.get("platforms") or {}
        systems = [name for key, name in (("android", "Android"), ("ios", "iOS"))
                   if platforms.get(key)]
        data["operatingSystem"] = ", ".join(systems) if systems else "Web"
    elif kind == "PodcastSeries" and safe_url(details.get("feed")):
        data["webFeed"] = details["feed"]
    elif kind == "Course":
        if details.get("levels"):
            data["educationalLevel"] = list(details["levels"])
        if details.get("format"):
            mode = {"in-person": "onsite", "hybrid": "blended"}.get(details["format"], "online")
            data["hasCourseInstance"] = {"@type": "CourseInstance", "courseMode": mode}
    elif kind == "Organization":
        join = details.get("join")
        if safe_url(join):
            data["sameAs"] = join
    return data
