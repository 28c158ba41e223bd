"""render_site: every page in every language, and links that resolve."""

from __future__ import annotations

import posixpath
import re
import time

import pytest

from directory.render import render_site
from directory.render.paths import served

from .conftest import TODAY, make
from .helpers import parse, split_page
from .synthetic import synthetic_entries


def test_every_kind_of_page_in_every_language(group, archived, podcast, settings):
    pages = render_site([group, archived, podcast], settings, TODAY)
    for lang in settings.site_languages:
        for path in ["index", "resources/ua-berlin", "resources/old-portal",
                     "resources/easy-german", "types/index", "types/app", "types/group",
                     "languages/index", "languages/uk", "languages/kk",
                     "nationalities/index", "nationalities/ua", "regions/index", "regions/de",
                     "regions/de-be", "regions/kz-75", "regions/kz", "topics/index",
                     "topics/emergency"]:
            assert f"{path}.{lang}.md" in pages, (path, lang)
    assert all(re.fullmatch(r"[a-z0-9/-]+\.[a-z]{2}\.md", p) for p in pages)


def test_pages_are_in_their_own_language(group, settings):
    pages = render_site([group], settings, TODAY)
    assert "Выходцы из стран" in pages["resources/ua-berlin.ru.md"]
    assert "القادمون من" in pages["resources/ua-berlin.ar.md"]
    assert "Menschen aus" in pages["resources/ua-berlin.de.md"]


def _links(pages: dict[str, str]):
    for path, text in pages.items():
        stem, lang, _ = path.rsplit(".", 2)
        root = "/" if lang == "en" else f"/{lang}/"
        url = root + served(stem)
        for node in parse(split_page(text)[1]).iter():
            href = node.attrs.get("href") if node.tag == "a" else None
            if href and not href.startswith(("http://", "https://")):
                yield path, url, href, posixpath.normpath(posixpath.join(url, href))


def test_every_internal_link_resolves_to_a_generated_page(group, archived, podcast, settings):
    pages = render_site([group, archived, podcast, make()], settings, TODAY)
    targets = set()
    for path in pages:
        stem, lang, _ = path.rsplit(".", 2)
        root = "/" if lang == "en" else f"/{lang}/"
        targets.add(posixpath.normpath(root + served(stem)))
    checked = 0
    for path, _url, href, target in _links(pages):
        assert target in targets, f"{path}: {href} -> {target}"
        checked += 1
    assert checked > 500


def test_links_stay_in_the_page_language(group, settings):
    pages = render_site([group], settings, TODAY)
    for path, _url, _href, target in _links(pages):
        lang = path.rsplit(".", 2)[1]
        if lang != "en":
            assert target.startswith(f"/{lang}"), (path, target)


def test_invalid_ids_are_refused(settings):
    with pytest.raises(ValueError, match="invalid id"):
        render_site([make(id="../../etc/passwd")], settings, TODAY)
    with pytest.raises(ValueError, match="two entries"):
        render_site([make(), make()], settings, TODAY)


def test_facet_values_that_would_overwrite_a_page_are_refused(settings):
    with pytest.raises(ValueError, match="page name"):
        render_site([make(languages=["sr-Latn", "sr-latn"])], settings, TODAY)
    with pytest.raises(ValueError, match="page name"):
        render_site([make(languages=["index"])], settings, TODAY)


def test_only_active_entry_pages_are_searchable(group, archived, settings):
    pages = render_site([group, archived, make()], settings, TODAY)
    searchable = {p for p, text in pages.items() if "data-pagefind-body" in text}
    assert searchable == {f"resources/{i}.{lang}.md" for i in ("ua-berlin", "handbook")
                          for lang in settings.site_languages}


def test_output_is_deterministic(group, archived, settings):
    assert render_site([group, archived], settings, TODAY) == \
        render_site([group, archived], settings, TODAY)


def test_large_site_renders_quickly(settings):
    """A guard against quadratic slips, not a benchmark (see bench_render.py)."""
    entries = synthetic_entries(400)
    start = time.perf_counter()
    pages = render_site(entries, settings, TODAY)
    assert time.perf_counter() - start < 10
    assert len([p for p in pages if p.startswith("resources/")]) == 400 * 8
