"""The page of one entry, in one site language.

Everything a reader needs to judge a resource before spending data on it:
what it is, in which languages, for whom, where, what it costs, how fresh the
information is, and how to report a problem. Active entries carry Pagefind's
body and filter markers; archived ones keep their page but stay out of search.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from urllib.parse import quote, urlencode

from markupsafe import Markup, escape

from ..i18n import html, text
from ..model import ON_REQUEST, Entry
from ..settings import Settings
from .facets import entry_keys, label
from .html import esc, external_link, front_matter, internal_link, json_for_script, shorten, tag
from .jsonld import json_ld
from .names import direction, join, language_name, localized_date
from .paths import entry_path, facet_path, href

FILTERS = (("type", "types"), ("language", "languages"), ("nationality", "nationalities"),
           ("region", "regions"), ("topic", "topics"))

PLATFORM_NAMES = {
    "telegram": "Telegram", "whatsapp": "WhatsApp", "facebook": "Facebook", "signal": "Signal",
    "viber": "Viber", "discord": "Discord", "linkedin": "LinkedIn",
    "spotify": "Spotify", "apple": "Apple Podcasts", "youtube": "YouTube",
    "google": "Google Podcasts", "amazon": "Amazon Music", "deezer": "Deezer",
    "soundcloud": "SoundCloud", "castbox": "Castbox", "pocketcasts": "Pocket Casts",
    "yandex": "Yandex Music", "podbean": "Podbean",
}


def is_stale(entry: Entry, settings: Settings, today: date) -> bool:
    return (today - entry.last_reviewed).days > settings.review_interval_days


def report_url(entry: Entry, settings: Settings) -> str:
    """New-issue link with the problem-report form and the entry filled in."""
    return _report_url(entry.id, settings.repo_url)


@cache
def _report_url(entry_id: str, repo_url: str) -> str:
    query = urlencode({"template": "report-problem.yml", "entry": entry_id,
                       "title": f"Problem with {entry_id}"}, quote_via=quote)
    return f"{repo_url}/issues/new?{query}"


@cache
def _facet_link(facet: str, key: str, lang: str) -> Markup:
    """Link from an entry page to a facet page; languages in their mid-sentence form."""
    name = language_name(key, lang) if facet == "languages" else label(facet, key, lang)
    return internal_link(href(entry_path("x"), facet_path(facet, key)), name)


def _facet_links(facet: str, keys: tuple[str, ...], lang: str) -> Markup:
    return Markup(join([_facet_link(facet, k, lang) for k in keys], lang))


@cache
def _filter_span(name: str, value: str) -> Markup:
    return tag("span", value, data_pagefind_filter=name)


def _fact(key: str, value: Markup, lang: str) -> Markup:
    return Markup(f"<dt>{html(lang, key)}</dt><dd>{value}</dd>")


def _yes_no(value: object, lang: str) -> Markup:
    return html(lang, "answer_yes" if value else "answer_no")


def _type_facts(entry: Entry, lang: str) -> list[Markup]:
    """Facts only this type has. On archived pages the resource's own links are
    shown as text: closed groups' invites and lapsed domains get taken over."""
    d = entry.details
    external_link = _link if entry.active else _dead_link
    out = []
    if entry.type == "app":
        platforms = d.get("platforms") or {}
        links = [external_link(platforms.get(k), text(lang, f"app_{k}"))
                 for k in ("android", "ios", "web") if platforms.get(k)]
        if links:
            out.append(_fact("app_get", Markup(join(links, lang)), lang))
    elif entry.type == "podcast":
        if d.get("feed"):
            out.append(_fact("podcast_feed", external_link(d["feed"], d["feed"]), lang))
        platforms = d.get("platforms") or {}
        links = [external_link(url, PLATFORM_NAMES.get(k) or k.replace("-", " ").title())
                 for k, url in platforms.items()]
        if links:
            out.append(_fact("podcast_listen", Markup(join(links, lang)), lang))
    elif entry.type == "course":
        if d.get("format") in ("online", "in-person", "hybrid"):
            out.append(_fact("course_format", html(lang, f"format_{d['format']}"), lang))
        if d.get("levels"):
            out.append(_fact("course_levels", esc(", ".join(d["levels"])), lang))
        if "certificate" in d:
            out.append(_fact("course_certificate", _yes_no(d["certificate"], lang), lang))
    elif entry.type == "group":
        platform = d.get("platform") or "other"
        name = PLATFORM_NAMES.get(platform) or text(lang, "platform_other")
        out.append(_fact("group_platform", esc(name), lang))
        if "moderated" in d:
            out.append(_fact("group_moderated", _yes_no(d["moderated"], lang), lang))
        join_value = d.get("join")
        if join_value == ON_REQUEST:
            out.append(_fact("group_join", html(lang, "join_on_request"), lang))
        elif join_value:
            out.append(_fact("group_join", external_link(join_value, text(lang, "join_link")), lang))
        if d.get("rules_url"):
            out.append(_fact("group_rules",
                             external_link(d["rules_url"], text(lang, "group_rules_link")), lang))
    return out


_link = external_link


def _dead_link(url: str | None, text: str | Markup, **_: str) -> Markup:
    """The link text only; a URL shown as its own text stays readable."""
    return text if isinstance(text, Markup) else esc(text)


def _notice(kind: str, level: str, message: Markup) -> Markup:
    """A notice box; Material's admonition classes style it without extra CSS.
    Search leaves it out: the same sentence on many pages would only add noise."""
    return Markup(f'<div class="admonition {level} dir-notice dir-notice--{kind}" role="note" '
                  f"data-pagefind-ignore><p>{message}</p></div>")


def _summary_block(entry: Entry, lang: str) -> list[Markup]:
    summary_lang, summary = entry.summary_in([lang, "en"])
    if summary_lang == lang:
        return [Markup(f'<div class="dir-summary"><p>{esc(summary)}</p></div>')]
    notice = html(lang, "notice_summary_language", language=language_name(summary_lang, lang))
    return [
        _notice("language", "info", notice),
        tag("div", Markup(f"<p>{esc(summary)}</p>"), class_="dir-summary",
            lang=summary_lang, dir=direction(summary_lang)),
    ]


def _filters(entry: Entry, lang: str) -> Markup:
    """Pagefind filter values, localized so the search UI shows readable names.
    Inside `data-pagefind-ignore` they filter but are not indexed as text."""
    spans = []
    for name, facet in FILTERS:
        values = [label(facet, k, lang) for k in entry_keys(entry, facet)]
        if facet == "nationalities" and not values:
            values = [text(lang, "audience_everyone")]
        spans += [_filter_span(name, v) for v in values]
    spans.append(_filter_span("cost", text(lang, f"cost_{entry.cost}")))
    return Markup(f'<div hidden data-pagefind-ignore>{"".join(spans)}</div>')


def render_entry(entry: Entry, lang: str, settings: Settings, today: date,
                 broken_since: date | None = None) -> str:
    """Markdown source (front matter + raw HTML) of the entry's page in `lang`."""
    path = entry_path(entry.id)
    name = entry.name_in(lang)
    name_lang = next(iter(entry.names)) if entry.names and lang not in entry.names else None
    _, summary = entry.summary_in([lang, "en"])

    body: list[Markup] = [tag("h1", tag("bdi", name, lang=name_lang))]
    if not entry.active:
        body.append(_notice("archived", "danger", html(lang, "notice_archived")))
    if is_stale(entry, settings, today):
        when = localized_date(entry.last_reviewed, lang)
        body.append(_notice("stale", "warning", html(lang, "notice_stale", date=when)))
    if broken_since and entry.active:
        when = localized_date(broken_since, lang)
        body.append(_notice("broken", "failure", html(lang, "notice_broken", date=when)))
    body += _summary_block(entry, lang)
    if entry.active:
        button = external_link(entry.url, text(lang, f"open_{entry.type}"),
                               class_="md-button md-button--primary")
        body.append(Markup(f'<p class="dir-open" data-pagefind-ignore>{button}</p>'))

    if entry.nationalities:
        countries = _facet_links("nationalities", entry.nationalities, lang)
        audience = html(lang, "audience_from", countries=countries)
    else:
        audience = html(lang, "audience_everyone")
    facts = [
        _fact("fact_type", internal_link(href(path, facet_path("types", entry.type)),
                                         text(lang, f"type_{entry.type}")), lang),
        _fact("fact_languages", _facet_links("languages", entry.languages, lang), lang),
        _fact("fact_audience", audience, lang),
        _fact("fact_regions", _facet_links("regions", entry.regions, lang), lang),
        _fact("fact_topics", _facet_links("topics", entry.topics, lang), lang),
        _fact("fact_cost", html(lang, f"cost_{entry.cost}"), lang),
        *_type_facts(entry, lang),
    ]
    if entry.provider:
        provider = external_link(entry.provider.url, tag("bdi", entry.provider.name))
        facts.append(_fact("fact_provider", provider, lang))
    reviewed = tag("time", localized_date(entry.last_reviewed, lang),
                   datetime=entry.last_reviewed.isoformat())
    facts.append(_fact("fact_reviewed", reviewed, lang))
    body.append(Markup(f'<dl class="dir-facts">{"".join(facts)}</dl>'))
    report = external_link(report_url(entry, settings), text(lang, "report_problem"))
    body.append(Markup(f'<p class="dir-report" data-pagefind-ignore>{report}</p>'))

    kind = escape(entry.type)
    if entry.active:
        body.append(_filters(entry, lang))
        opening = f'<div class="dir-entry dir-entry--{kind}" data-pagefind-body>'
    else:
        opening = f'<div class="dir-entry dir-entry--{kind} dir-entry--archived">'
    script = json_for_script(json_ld(entry, lang))
    return (front_matter(title=name, description=shorten(summary))
            + opening + "\n" + "\n".join(body) + "\n</div>\n\n"
            + f'<script type="application/ld+json">{script}</script>\n')
