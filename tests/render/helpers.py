"""Small HTML inspection helpers for the render tests (standard library only)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser

import yaml

VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None]
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Node]:
        out = []
        for node in self.iter():
            if tag and node.tag != tag:
                continue
            if all(node.attrs.get(k.replace("_", "-")) == v or
                   (k == "class_" and v in (node.attrs.get("class") or "").split())
                   for k, v in attrs.items()):
                out.append(node)
        return out

    def find(self, tag: str | None = None, **attrs: str) -> Node | None:
        found = self.find_all(tag, **attrs)
        return found[0] if found else None


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


def split_page(markdown: str) -> tuple[dict, str]:
    """(front matter, body) of a generated page."""
    assert markdown.startswith("---\n"), markdown[:80]
    head, body = markdown[4:].split("\n---\n", 1)
    return yaml.safe_load(head), body


def json_ld(markdown: str) -> dict:
    scripts = parse(split_page(markdown)[1]).find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].text())


def filters(markdown: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for node in parse(markdown).iter():
        name = node.attrs.get("data-pagefind-filter")
        if name:
            out.setdefault(name, []).append(node.text())
    return out
