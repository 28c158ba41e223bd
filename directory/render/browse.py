"""Browse pages that work without JavaScript: one page per facet value listing
its active entries, and one index per facet with counts."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from ..i18n import html, text
from ..model import Entry
from ..vocab import GLOBAL
from .facets import label
from .html import front_matter, internal_link, shorten, tag
from .names import country_name, direction, language_name, number, sort_key, topic_text
from .paths import entry_path, facet_path, href, index_path

ListItem = Callable[[Entry], Markup]


def list_item(entry: Entry, lang: str, from_path: str) -> Markup:
    """One line of a list: linked name, type, and a short summary (marked with
    its language when it is not the page's)."""
    name = entry.name_in(lang)
    summary_lang, summary = entry.summary_in([lang, "en"])
    other = summary_lang != lang
    link = internal_link(href(from_path, entry_path(entry.id)), tag("bdi", name))
    kind = tag("span", text(lang, f"type_{entry.type}"), class_="dir-item__type")
    blurb = tag("span", shorten(summary), class_="dir-item__summary",
                lang=summary_lang if other else None,
                dir=direction(summary_lang) if other else None)
    return Markup(f'<li class="dir-item">{link} {kind}<br>{blurb}</li>')


def sorted_entries(entries: list[Entry], lang: str) -> list[Entry]:
    return sorted(entries, key=lambda e: (sort_key(e.name_in(lang)), e.id))


def entry_list(entries: list[Entry], lang: str, item: ListItem) -> Markup:
    if not entries:
        return Markup(f'<p class="dir-empty">{html(lang, "list_empty")}</p>')
    items = "\n".join(item(e) for e in sorted_entries(entries, lang))
    return Markup(f'<ul class="dir-list">\n{items}\n</ul>')


def facet_title(facet: str, key: str, lang: str) -> str:
    if facet == "languages":
        return text(lang, "title_language", language=language_name(key, lang))
    if facet == "nationalities":
        return text(lang, "title_nationality", country=country_name(key, lang))
    if facet == "regions":
        return text(lang, "title_region", place=label(facet, key, lang))
    return label(facet, key, lang)


def page(title: str, body: list[Markup], css: str) -> str:
    return (front_matter(title=title) + f'<div class="{css}">\n'
            + "\n".join(body) + "\n</div>\n")


def render_facet_page(facet: str, key: str, entries: list[Entry], lang: str,
                      item: ListItem) -> str:
    """The page of one facet value, e.g. languages/uk: its active entries."""
    path = facet_path(facet, key)
    title = facet_title(facet, key, lang)
    body = [tag("h1", title)]
    if facet == "topics":
        body.append(tag("p", topic_text(key, lang, "description"), class_="dir-intro"))
    if facet == "regions" and "-" in key:
        country = key.split("-", 1)[0]
        link = internal_link(href(path, facet_path(facet, country)), country_name(country, lang))
        body.append(tag("p", html(lang, "see_also", link=link), class_="dir-see-also"))
    body.append(entry_list(entries, lang, item))
    body.append(tag("p", internal_link(href(path, index_path(facet)), text(lang, f"back_{facet}")),
                    class_="dir-back"))
    return page(title, body, f"dir-browse dir-browse--{facet}")


def _index_item(facet: str, key: str, count: int, lang: str, from_path: str) -> Markup:
    link = internal_link(href(from_path, facet_path(facet, key)), tag("bdi", label(facet, key, lang)))
    line = Markup(f'{link} <span class="dir-count">({number(count, lang)})</span>')
    if facet == "topics":
        line += Markup("<br>") + tag("span", topic_text(key, lang, "description"),
                                     class_="dir-item__summary")
    return line


def render_facet_index(facet: str, keys: list[str], counts: dict[str, int], lang: str) -> str:
    """Index of a facet with counts. Types and topics keep their fixed order and
    show every value; the others list values that have active entries,
    alphabetically, with places nested under their country."""
    path = index_path(facet)
    title = text(lang, f"index_{facet}")
    shown = [k for k in keys if counts.get(k)] if facet not in ("types", "topics") else keys
    if facet not in ("types", "topics"):
        shown.sort(key=lambda k: (k != GLOBAL, sort_key(label(facet, k, lang))))

    def li(key: str, nested: str = "") -> str:
        return f"<li>{_index_item(facet, key, counts.get(key, 0), lang, path)}{nested}</li>"

    if facet == "regions":
        subs: dict[str, list[str]] = {}
        for key in shown:
            if "-" in key:
                subs.setdefault(key.split("-", 1)[0], []).append(key)
        items = []
        for key in shown:
            if "-" in key and key.split("-", 1)[0] in shown:
                continue  # listed under its country
            nested = "".join(li(s) for s in subs.get(key, []))
            items.append(li(key, f"<ul>{nested}</ul>" if nested else ""))
    else:
        items = [li(k) for k in shown]
    body = [tag("h1", title), tag("p", text(lang, f"intro_{facet}"), class_="dir-intro")]
    body.append(Markup(f'<ul class="dir-index">\n{chr(10).join(items)}\n</ul>') if items
                else Markup(f'<p class="dir-empty">{html(lang, "list_empty")}</p>'))
    return page(title, body, f"dir-browse dir-browse--{facet}-index")

