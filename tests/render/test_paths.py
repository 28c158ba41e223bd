"""Relative links between generated pages, as browsers resolve them."""

from __future__ import annotations

import posixpath

import pytest

from directory.render.paths import HOME, entry_path, facet_path, href, index_path, served, slug


def test_slug():
    assert slug("pt-BR") == "pt-br"
    assert slug("DE-BE") == "de-be"
    assert slug("../../etc") == "etc"


def test_served_urls():
    assert served(HOME) == ""
    assert served(index_path("types")) == "types/"
    assert served(entry_path("x")) == "resources/x/"


@pytest.mark.parametrize("root", ["/", "/ru/", "/sub/path/ar/"])
@pytest.mark.parametrize("src,dst", [
    (entry_path("x"), facet_path("topics", "work")),
    (facet_path("types", "app"), entry_path("y")),
    (index_path("regions"), facet_path("regions", "de-be")),
    (facet_path("regions", "de-be"), index_path("regions")),
    (HOME, entry_path("y")),
    (HOME, index_path("types")),
])
def test_href_resolves_to_the_target_in_every_language_root(root, src, dst):
    page_url = root + served(src)
    assert posixpath.normpath(posixpath.join(page_url, href(src, dst))) + "/" == \
        posixpath.normpath(root + served(dst)) + "/"
