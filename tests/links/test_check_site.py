"""`directory check-site` on a small hand-made site: LinkChecker over a loopback server."""

from __future__ import annotations

import shutil

import pytest

from directory.cli import main
from directory.site_check import SiteProblem, check_site, linkchecker_command, parse_report

needs_linkchecker = pytest.mark.skipif(
    linkchecker_command("http://127.0.0.1/", __import__("pathlib").Path("x")) is None,
    reason="LinkChecker is not installed")


def page(body: str, title: str = "page") -> str:
    return f"<!doctype html><html><head><title>{title}</title></head><body>{body}</body></html>"


@pytest.fixture
def site(tmp_path, server):
    """Home, two folders with index.html, one folder without it, an image, an external link."""
    external = server.route("/external")
    root = tmp_path / "site"
    (root / "guide").mkdir(parents=True)
    (root / "about").mkdir()
    (root / "empty-folder").mkdir()
    (root / "img").mkdir()
    (root / "img" / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (root / "index.html").write_text(page(
        '<a href="guide/">Guide</a> <a href="guide/#housing">Housing</a> '
        '<a href="about/#team">Team</a> <a href="#main">skip</a> <main id="main"></main>'
        f'<a href="{external}">somewhere else</a> <img src="img/logo.svg" alt="">'))
    (root / "guide" / "index.html").write_text(page(
        '<h2 id="housing">Housing</h2> <a href="../about/">About</a> '
        '<a href="../missing-page/">old link</a> <a href="../empty-folder/">listing</a>'))
    (root / "about" / "index.html").write_text(page(
        '<h2 id="mission">Mission</h2> <a href="../guide/#health">Health</a>'))
    return root


@needs_linkchecker
def test_finds_broken_links_and_missing_anchors(site, server):
    report = check_site(site)
    assert report.error is None
    assert [str(p) for p in report.problems] == [
        "about/index.html: broken link ../guide/#health -> /guide/#health "
        '(no element with id="health" on the target page)',
        "guide/index.html: broken link ../empty-folder/ -> /empty-folder/ (404 No index.html in "
        "this folder)",
        "guide/index.html: broken link ../missing-page/ -> /missing-page/ (404 File not found)",
        "index.html: broken link about/#team -> /about/#team "
        '(no element with id="team" on the target page)',
    ]
    assert server.hits == []  # external links are left to check-links


@needs_linkchecker
def test_command_prints_problems_and_exits_1(site, capsys):
    assert main(["check-site", str(site)]) == 1
    out, err = capsys.readouterr()
    assert "index.html: broken link about/#team -> /about/#team" in out
    assert "4 broken internal links on 3 pages" in err


@needs_linkchecker
def test_clean_site_exits_0(site, capsys):
    shutil.rmtree(site / "guide")
    shutil.rmtree(site / "about")
    (site / "index.html").write_text(page('<a href="#main">skip</a><main id="main"></main>'))
    assert main(["check-site", str(site)]) == 0
    assert "no broken internal links" in capsys.readouterr().err


def test_missing_site_is_a_usage_error(tmp_path, capsys):
    assert main(["check-site", str(tmp_path / "nope")]) == 2
    assert "build the site first" in capsys.readouterr().err


def test_parse_report_reads_linkchecker_csv():
    base = "http://127.0.0.1:8000/"
    text = "\n".join([
        "# created by LinkChecker",
        "urlname;parentname;base;result;warningstring;infostring;valid;url;line;column;name",
        f"{base};;;200 OK;;;True;{base};;;",
        f"#top;{base};;200 OK;Anchor `top' (decoded: `top') not found.;;True;{base}#top;3;4;top",
        f"x/;{base}a/b/;;404 File not found;;;False;{base}a/b/x/;7;1;x",
        f"https://ext.example/;{base};;filtered;;outside;True;https://ext.example/;1;1;e",
        f"y.png;{base}a/;;200 OK;Content size is zero.;;True;{base}a/y.png;2;1;",
        "# Stopped checking",
    ])
    assert parse_report(text, base) == [
        SiteProblem("a/b/index.html", 7, "x/", "/a/b/x/", "404 File not found"),
        SiteProblem("index.html", 3, "#top", "/#top", 'no element with id="top" on the target page'),
    ]
