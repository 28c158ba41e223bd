"""Safe HTML building blocks for text that comes from strangers' pull requests.

Every page body is emitted as raw HTML blocks, which Markdown leaves alone, so
entry text can never turn into Markdown links, emphasis or `{: attr_list}`
attributes. Text is escaped with markupsafe, attributes are always quoted,
and only http(s) URLs become links. Control characters are dropped: they are
invalid in XML, break YAML front matter, and `\\x02`/`\\x03` are the markers
Python-Markdown uses for its own placeholders.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from urllib.parse import urlsplit

from markupsafe import Markup, escape

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SPACE = re.compile(r"[ \t\n\r\f\v\u2028\u2029]+")  # not no-break spaces: CLDR dates use them
# Characters RFC 3986 never allows in a URL; a URL with them is a trick or a typo.
_BAD_IN_URL = re.compile(r"[\s\x00-\x1f\x7f-\x9f<>\"`{}|\\^]")

EXTERNAL_REL = "noopener noreferrer"


def clean(text: str) -> str:
    """Text without control characters, whitespace runs folded to one space."""
    return _SPACE.sub(" ", _CONTROL.sub("", str(text))).strip()


@lru_cache(maxsize=262144)
def esc(text: str) -> Markup:
    """Escaped, cleaned text; cached, since each text appears on 8 language pages."""
    return escape(clean(text))


@lru_cache(maxsize=65536)
def safe_url(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) address with a host; otherwise None."""
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    if _BAD_IN_URL.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def attrs(**values: str | bool | None) -> Markup:
    """` name="value"` pairs, escaped and quoted; `True` gives a bare attribute,
    None/False leaves it out. `data_x` is written `data-x`, `class_` `class`."""
    return Markup("".join(_attr(name, value) for name, value in values.items()
                          if value is not None and value is not False))


@lru_cache(maxsize=262144)
def _attr(name: str, value: str | bool) -> str:
    name = name.rstrip("_").replace("_", "-")
    return f" {name}" if value is True else f' {name}="{escape(clean(value))}"'


def tag(name: str, content: str | Markup = "", **attributes: str | bool | None) -> Markup:
    """`<name attrs>content</name>`; plain-string content is cleaned and escaped."""
    body = content if isinstance(content, Markup) else esc(content)
    return Markup(f"<{name}{attrs(**attributes)}>{body}</{name}>")


def external_link(url: str | None, text: str | Markup, **attributes: str | None) -> Markup:
    """A link to another site, or just the text when the URL is not http(s)."""
    href = safe_url(url)
    body = text if isinstance(text, Markup) else esc(text)
    if href is None:
        return body
    return tag("a", body, href=href, rel=EXTERNAL_REL, **attributes)


def internal_link(href: str, text: str | Markup, **attributes: str | None) -> Markup:
    body = text if isinstance(text, Markup) else esc(text)
    return tag("a", body, href=href, **attributes)


def json_for_script(data: object) -> Markup:
    """JSON that cannot end its <script> element or open a comment: `<`, `>`, `&`
    and the JavaScript line separators are written as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return Markup(text)


def front_matter(**values: str) -> str:
    """YAML front matter with HTML-escaped values.

    MkDocs' Jinja has no autoescape and Material prints `page.meta.title` and
    `page.meta.description` as they are, so they must already be safe HTML.
    JSON strings are valid YAML, which rules out YAML tricks in the values.
    """
    lines = ["---"]
    for key, value in values.items():
        lines.append(f"{key}: {json.dumps(str(esc(value)), ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def shorten(text: str, limit: int = 160) -> str:
    """First `limit` characters, cut at a word boundary, with an ellipsis."""
    text = clean(text)
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut.rstrip(" ,.;:") + "…"
