"""Browse pages, facet indexes and home pages list active entries only."""

from __future__ import annotations

from directory.render import render_site
from directory.render.home import HOME_LIST_SIZE

from .conftest import TODAY, make
from .helpers import parse, split_page


def site(entries, settings):
    return render_site(entries, settings, TODAY)


def listed(pages, path) -> list[str]:
    """Entry links (their hrefs) listed on a page."""
    doc = parse(split_page(pages[path])[1])
    return [a.attrs["href"] for item in doc.find_all("li", class_="dir-item")
            for a in item.find_all("a")]


def test_facet_pages_list_active_entries_only(group, archived, settings):
    pages = site([group, archived, make()], settings)
    assert listed(pages, "languages/ru.de.md") == ["../../resources/handbook/",
                                                  "../../resources/ua-berlin/"]
    assert listed(pages, "types/group.en.md") == ["../../resources/ua-berlin/"]
    assert listed(pages, "nationalities/ua.ar.md") == ["../../resources/ua-berlin/"]
    assert listed(pages, "topics/housing.tr.md") == ["../../resources/ua-berlin/"]
    # The archived entry keeps its page and the pages its own links point to ...
    assert "resources/old-portal.kk.md" in pages
    assert "nationalities/af.kk.md" in pages
    # ... but is listed nowhere.
    assert listed(pages, "nationalities/af.kk.md") == []
    assert "dir-empty" in pages["nationalities/af.kk.md"]
    assert all("old-portal" not in text for path, text in pages.items()
               if not path.startswith("resources/old-portal."))


def test_country_page_includes_its_places_and_place_page_links_the_country(group, settings):
    pages = site([group, make()], settings)
    assert set(listed(pages, "regions/de.ru.md")) == {"../../resources/ua-berlin/",
                                                      "../../resources/handbook/"}
    assert listed(pages, "regions/de-be.ru.md") == ["../../resources/ua-berlin/"]
    see_also = parse(pages["regions/de-be.ru.md"]).find(class_="dir-see-also")
    assert see_also.find("a").attrs["href"] == "../../regions/de/"
    assert see_also.text() == "См. также: Германия"


def test_browse_titles_are_localized(group, settings):
    pages = site([group], settings)
    assert split_page(pages["languages/uk.ru.md"])[0]["title"] == "Язык: украинский"
    assert split_page(pages["nationalities/ua.de.md"])[0]["title"] == "Staatsangehörigkeit: Ukraine"
    assert split_page(pages["topics/housing.ar.md"])[0]["title"] == "السكن"
    assert split_page(pages["types/group.en.md"])[0]["title"] == "Community groups"
    assert split_page(pages["regions/de-be.fa.md"])[0]["title"] == "مکان: \u2068Berlin\u2069 (آلمان)"


def test_list_items_mark_summaries_in_another_language(group, settings):
    pages = site([group], settings)
    summary = parse(pages["types/group.de.md"]).find(class_="dir-item__summary")
    assert summary.attrs["lang"] == "uk" and summary.attrs["dir"] == "ltr"
    summary = parse(pages["types/group.uk.md"]).find(class_="dir-item__summary")
    assert "lang" not in summary.attrs


def test_indexes_have_counts_of_active_entries(group, archived, settings):
    pages = site([group, archived, make()], settings)
    doc = parse(pages["languages/index.ru.md"])
    counts = {li.find("a").text(): li.find(class_="dir-count").text()
              for li in doc.find("ul", class_="dir-index").children if not isinstance(li, str)}
    assert counts["Русский"] == "(2)" and counts["Украинский"] == "(2)"
    assert "Казахский" not in counts  # only the archived entry has it
    types = parse(pages["types/index.en.md"]).text()
    assert "Community groups (1)" in types and "Podcasts (0)" in types
    topics = parse(pages["topics/index.en.md"]).text()
    assert "Housing (1)" in topics and "Emergency (0)" in topics


def test_region_index_nests_places_under_their_country(group, settings):
    doc = parse(site([group], settings)["regions/index.de.md"])
    country = doc.find("ul", class_="dir-index").find("li")
    assert country.find("a").text() == "Deutschland"
    assert country.find("ul").find("a").text() == "Berlin (Deutschland)"


def test_home_page(group, archived, settings):
    pages = site([group, archived, make()], settings)
    doc = parse(pages["index.ru.md"])
    assert doc.find(id="dir-search") is None  # the theme places the one search box
    assert "<noscript>" in pages["index.ru.md"]
    topic_links = [a.attrs["href"] for a in doc.find("ul", class_="dir-topics").find_all("a")]
    assert len(topic_links) == 14 and topic_links[0] == "topics/first-steps/"
    facet_links = [a.attrs["href"] for a in doc.find("ul", class_="dir-facets").find_all("a")]
    assert facet_links == ["types/", "languages/", "nationalities/", "regions/", "topics/"]
    assert listed(pages, "index.ru.md") == ["resources/handbook/", "resources/ua-berlin/"]
    assert doc.find(class_="dir-more").find("a").attrs["href"] == "languages/ru/"
    # The archived entry is in Kazakh and Russian, but not on any home page.
    assert listed(pages, "index.kk.md") == []
    assert "dir-empty" in pages["index.kk.md"]


def test_home_list_is_short_and_newest_first(settings):
    entries = [make(id=f"e{i:02d}", last_reviewed=f"2026-01-{i + 1:02d}") for i in range(30)]
    items = listed(render_site(entries, settings, TODAY), "index.en.md")
    assert len(items) == HOME_LIST_SIZE
    assert items[0] == "resources/e29/"
