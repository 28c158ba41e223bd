"""Entry text comes from strangers' pull requests: nothing in it may become
markup, script, a Markdown construct or a dangerous link, on any page."""

from __future__ import annotations

import json

import markdown
import pytest
import yaml

from directory.export import export_all
from directory.render import render_site

from .conftest import TODAY, make
from .helpers import parse, split_page

NASTY = ('<script>alert(1)</script> <img src=x onerror=alert(2)> "><svg onload=alert(3)> '
         "[click](javascript:alert(4)) ![i](javascript:alert(5)) *em* __strong__ `code` "
         "<https://evil.example> {: onclick=\"alert(6)\" } </script><script>alert(7)</script> "
         "<!-- c --> &lt;b&gt; \x02wzxhzdk:0\x03 \u2028 ${{7*7}} {{ config }}")
NASTY_URL = 'https://evil.example/"><script>alert(8)</script>'
BAD_SCHEMES = ["javascript:alert(9)", "JaVaScRiPt:alert(10)", " javascript:alert(11)",
               "data:text/html,<script>alert(12)</script>", "vbscript:x", "//evil.example/x",
               "https://exa mple.org/", "https:///nohost"]


@pytest.fixture
def hostile():
    return [
        make(id="hostile-site", name=NASTY, summary={"en": NASTY, "ru": NASTY, "ar": NASTY},
             url=NASTY_URL, provider={"name": NASTY, "url": "javascript:alert(13)"},
             regions=["DE-BE", "global"], nationalities=["UA"]),
        make(id="hostile-group", type="group", name={"en": NASTY, '"><x onclick=y': NASTY},
             summary={'"><svg onload=1>': NASTY}, url="javascript:alert(14)",
             group={"platform": "other", "join": "javascript:alert(15)",
                    "rules_url": "data:text/html,x"}),
        make(id="hostile-podcast", type="podcast", name="`pod` *cast*",
             podcast={"feed": "javascript:alert(16)",
                      "platforms": {'"><b>x': "https://ok.example/", "spotify": NASTY_URL}}),
        make(id="hostile-app", type="app", name="{: onclick=alert(17) }",
             app={"platforms": {"android": "javascript:alert(18)", "web": NASTY_URL}}),
    ]


def to_html(body: str) -> str:
    """Render like MkDocs does, with the project's Markdown extensions."""
    return markdown.markdown(body, extensions=["attr_list", "md_in_html", "toc"])


FORBIDDEN_TAGS = {"svg", "img", "iframe", "object", "embed", "style", "em", "strong", "code",
                  "b", "x", "math", "form", "base", "meta", "link"}


def assert_safe(html: str, where: str) -> None:
    doc = parse(html)
    for node in doc.iter():
        assert node.tag not in FORBIDDEN_TAGS, f"{where}: <{node.tag}> injected"
        if node.tag == "script":
            assert node.attrs == {"type": "application/ld+json"}, f"{where}: script {node.attrs}"
            assert "<" not in node.text() and ">" not in node.text(), where
            json.loads(node.text())
        for name, value in node.attrs.items():
            assert not name.startswith("on"), f"{where}: <{node.tag} {name}> injected"
            assert name not in {"style", "srcdoc", "formaction"}, where
            if name in {"href", "src", "action"}:
                assert value.startswith(("https://", "http://", "../", "./")) or \
                    value[:1].isalnum(), f"{where}: {name}={value!r}"
                assert "javascript" not in value.lower() and "data:" not in value.lower(), where
    assert "alert(" not in "".join(
        n.attrs.get("href") or "" for n in doc.iter()).replace("%22", ""), where


def test_no_page_carries_injected_markup(hostile, settings):
    pages = render_site(hostile, settings, TODAY)
    for path, text in pages.items():
        meta, body = split_page(text)
        for key, value in meta.items():
            assert isinstance(value, str) and "<" not in value and '"' not in value, (path, key)
        assert "\x02" not in text and "\x03" not in text, path
        assert_safe(to_html(body), path)


def test_hostile_text_is_shown_as_text(hostile, settings):
    pages = render_site(hostile, settings, TODAY)
    doc = parse(to_html(split_page(pages["resources/hostile-site.en.md"])[1]))
    heading = doc.find("h1").text()
    assert "<script>alert(1)</script>" in heading and "[click](javascript:alert(4))" in heading
    assert "*em*" in heading and "`code`" in heading and "{: onclick=" in heading
    assert doc.find("h1").find("bdi").attrs == {}
    app = parse(to_html(split_page(pages["resources/hostile-app.de.md"])[1]))
    assert app.find("h1").text() == "{: onclick=alert(17) }"
    assert "onclick" not in app.find("h1").attrs


def test_title_in_front_matter_is_escaped_for_the_theme(hostile, settings):
    # MkDocs' Jinja does not autoescape: Material prints page.meta.title as it is.
    meta, _ = split_page(render_site(hostile, settings, TODAY)["resources/hostile-site.en.md"])
    assert meta["title"].startswith("&lt;script&gt;alert(1)&lt;/script&gt;")
    assert "&#34;&gt;&lt;svg onload=alert(3)&gt;" in meta["title"]


def test_bad_urls_are_not_links(settings):
    for url in BAD_SCHEMES:
        entry = make(url=url, provider={"name": "P", "url": url})
        body = split_page(render_site([entry], settings, TODAY)["resources/handbook.en.md"])[1]
        hrefs = [n.attrs["href"] for n in parse(to_html(body)).iter() if "href" in n.attrs]
        assert all(url.strip() not in h for h in hrefs), (url, hrefs)


def test_urls_with_characters_no_url_may_contain_are_not_links(settings):
    body = split_page(render_site([make(url=NASTY_URL)], settings, TODAY)
                      ["resources/handbook.en.md"])[1]
    doc = parse(to_html(body))
    assert doc.find(class_="dir-open").find("a") is None
    assert doc.find_all("script") == doc.find_all("script", type="application/ld+json")


def test_ampersands_and_apostrophes_in_urls_survive_escaping(settings):
    url = "https://example.org/search?q=a&lang=ru&x='y'"
    body = split_page(render_site([make(url=url)], settings, TODAY)["resources/handbook.en.md"])[1]
    assert "&amp;lang=ru&amp;x=&#39;y&#39;" in body
    assert parse(to_html(body)).find(class_="dir-open").find("a").attrs["href"] == url


def test_json_ld_cannot_close_its_script(settings):
    entry = make(name="</script><script>alert(1)</script>",
                 summary={"en": "a </SCRIPT> b <!-- c & d \u2028"})
    text = render_site([entry], settings, TODAY)["resources/handbook.en.md"]
    script = text.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script and ">" not in script and "&" not in script
    data = json.loads(script)
    assert data["name"] == "</script><script>alert(1)</script>"
    assert data["description"] == "a </SCRIPT> b <!-- c & d"


def test_exports_survive_hostile_entries(hostile, settings):
    out = export_all(hostile, settings)
    json.loads(out["api/entries.json"])
    for path, text in out.items():
        assert "\x02" not in text or path.startswith("api/"), path
    import feedparser

    feed = feedparser.parse(out["feed.xml"])
    assert not feed.bozo, feed.bozo_exception
    titles = [e.title for e in feed.entries]
    assert any("<script>alert(1)</script>" in t for t in titles)


def test_front_matter_is_plain_yaml_strings(hostile, settings):
    for text in render_site(hostile, settings, TODAY).values():
        head = text.split("\n---\n", 1)[0][4:]
        assert all(isinstance(v, str) for v in yaml.safe_load(head).values())
