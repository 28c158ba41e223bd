"""A stand-in for `directory.render.render_site`, used only while that module
has not landed: the smallest pages with the same shape (suffix-form paths,
raw HTML, Pagefind body and filter attributes)."""

from __future__ import annotations

from html import escape


def render_site(entries, settings) -> dict[str, str]:
    pages: dict[str, str] = {}
    for lang in settings.site_languages:
        items = "".join(
            f'<li><a href="resources/{e.id}/">{escape(e.name_in(lang))}</a></li>' for e in entries
        )
        pages[f"index.{lang}.md"] = f"<h1>Directory ({lang})</h1>\n\n<ul>{items}</ul>\n"
        for e in entries:
            _, summary = e.summary_in([lang, "en"])
            filters = [("type", e.type), ("cost", e.cost)]
            filters += [("language", x) for x in e.languages]
            filters += [("nationality", x) for x in e.nationalities]
            filters += [("region", x) for x in e.regions]
            filters += [("topic", x) for x in e.topics]
            spans = "".join(
                f'<span data-pagefind-filter="{k}:{escape(v)}" hidden></span>' for k, v in filters
            )
            pages[f"resources/{e.id}.{lang}.md"] = (
                f"---\ntitle: {e.name_in(lang)}\n---\n\n"
                f'<div data-pagefind-body>\n<h1>{escape(e.name_in(lang))}</h1>\n'
                f"<p>{escape(summary)}</p>\n{spans}\n</div>\n"
            )
    return pages
