"""The home page of one language: search box, topics, ways to browse, and the
resources available in the reader's own language."""

from __future__ import annotations

from markupsafe import Markup

from ..i18n import html, text
from ..model import Entry
from .browse import list_item, page
from .facets import label
from .html import internal_link, tag
from .names import number, topic_text
from .paths import FACETS, HOME, facet_path, href, index_path

HOME_LIST_SIZE = 20  # the rest is one click away: the home page stays light on slow data


def speaks(entry: Entry, lang: str) -> bool:
    """True when the resource is available in `lang` (any regional variant counts)."""
    return any(t.split("-")[0].lower() == lang for t in entry.languages)


def render_home(entries: list[Entry], lang: str, topic_keys: list[str],
                language_pages: set[str]) -> str:
    """`entries` are the active ones; `language_pages` the language tags that have a page."""
    title = text(lang, "home_title")
    body = [
        tag("h1", title),
        tag("p", text(lang, "home_intro"), class_="dir-intro"),
        Markup("<noscript>") + tag("p", text(lang, "search_noscript")) + Markup("</noscript>"),
        tag("h2", text(lang, "home_topics")),
    ]
    topics = [tag("li", internal_link(href(HOME, facet_path("topics", k)), label("topics", k, lang))
                  + Markup("<br>")
                  + tag("span", topic_text(k, lang, "description"), class_="dir-item__summary"))
              for k in topic_keys]
    body.append(Markup(f'<ul class="dir-topics">{"".join(topics)}</ul>'))
    body.append(tag("h2", text(lang, "home_browse")))
    facets = [tag("li", internal_link(href(HOME, index_path(f)), text(lang, f"index_{f}")))
              for f in FACETS]
    body.append(Markup(f'<ul class="dir-facets">{"".join(facets)}</ul>'))

    body.append(tag("h2", text(lang, "home_in_your_language")))
    mine = [e for e in entries if speaks(e, lang)]
    if not mine:
        body.append(tag("p", html(lang, "home_none_in_language"), class_="dir-empty"))
    else:
        recent = sorted(mine, key=lambda e: (-e.last_reviewed.toordinal(), e.id))
        items = "\n".join(list_item(e, lang, HOME) for e in recent[:HOME_LIST_SIZE])
        body.append(Markup(f'<ul class="dir-list">\n{items}\n</ul>'))
        if lang in language_pages:
            exact = sum(1 for e in entries if lang in e.languages)
            more = internal_link(href(HOME, facet_path("languages", lang)),
                                 text(lang, "home_all_in_language", count=number(exact, lang)))
            body.append(tag("p", more, class_="dir-more"))
    return page(title, body, "dir-home")
