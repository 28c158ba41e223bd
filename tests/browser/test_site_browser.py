"""What a person on a small phone sees: search in their language (stemmed,
filtered, with no query too), right-to-left pages, no sideways scrolling, no
search code before search is used, and no request leaving 127.0.0.1 (checked
after every test by the `page` fixture)."""

from __future__ import annotations

import pytest

from directory.render.facets import label

WIDTH = 360


def url(base_url: str, lang: str, path: str = "") -> str:
    return f"{base_url}/{'' if lang == 'en' else lang + '/'}{path}"


def home_form(rec, base_url, lang):
    rec.page.goto(url(base_url, lang))
    form = rec.page.locator(".dir-search-home form")
    form.locator("input").focus()  # focusing loads the search code
    rec.page.wait_for_selector(".dir-search-home form[data-dir-search-ready]")
    return form


def searches(form) -> int:
    return int(form.get_attribute("data-searches") or 0)


def run(form, action) -> list[str]:
    """Do `action` (type, pick a filter) and return the result links' paths."""
    before = searches(form)
    action()
    form.page.wait_for_function(
        "([f, n]) => Number(f.dataset.searches || 0) > n", arg=[form.element_handle(), before])
    links = form.locator(".dir-search__result a")
    return sorted(link.get_attribute("href") for link in links.all())


def choose(form, filter_name, value):
    toggle = form.locator(".dir-search__toggle")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    return lambda: form.locator(f"select[data-filter={filter_name}]").select_option(value)


def test_russian_search_matches_inflected_words(page, base_url):
    form = home_form(page, base_url, "ru")
    found = run(form, lambda: form.locator("input").fill("Берлин"))  # the text says "в Берлине"
    assert found == ["/ru/resources/berlin-calling/", "/ru/resources/wohnung-berlin/"]
    found = run(form, lambda: form.locator("input").fill("жилье"))  # the text says "жильё"
    assert found == ["/ru/resources/almaty-newcomers/", "/ru/resources/wohnung-berlin/"]
    assert any("pagefind.ru_" in u for u in page.requests)
    assert not any("pagefind.en_" in u for u in page.requests)
    assert not any("/pagefind/filter/" in u for u in page.requests), "filters load when opened"


def test_filters_narrow_results_with_and_without_words(page, base_url):
    form = home_form(page, base_url, "ru")
    ukraine = label("nationalities", "UA", "ru")
    found = run(form, choose(form, "nationality", ukraine))  # no words typed
    assert found == ["/ru/resources/wohnung-berlin/"]
    shown = form.locator(".dir-search__results").inner_text()
    assert "жильё" in shown and "zzdirectoryentry" not in shown
    run(form, choose(form, "nationality", ""))
    assert run(form, lambda: form.locator("input").fill("Берлин")) == [
        "/ru/resources/berlin-calling/", "/ru/resources/wohnung-berlin/"]
    found = run(form, choose(form, "language", label("languages", "ar", "ru")))
    assert found == ["/ru/resources/berlin-calling/"]
    status = form.locator(".dir-search__status").inner_text()
    assert "1" in status


@pytest.mark.parametrize("lang", ["en", "ru", "ar"])
def test_home_page_fetches_only_its_own_small_files(page, base_url, lang):
    """Stock Material fetched /sitemap.xml (356 KiB at 2,000 entries) on home pages."""
    page.page.goto(url(base_url, lang))
    page.page.wait_for_load_state("networkidle")
    paths = sorted(u.removeprefix(base_url) for u in page.requests)
    assert not [p for p in paths if "sitemap" in p or "pagefind" in p or "dir-search" in p]
    assert len(paths) <= 4, paths  # page, 2 stylesheets, icon: no JavaScript file at all


def test_header_search_on_an_entry_page_loads_only_when_used(page, base_url):
    page.page.goto(url(base_url, "de", "resources/deutsch-a1/"))
    page.page.wait_for_load_state("networkidle")
    assert not [u for u in page.requests if "pagefind" in u or "dir-search" in u]
    assert not [u for u in page.requests if "sitemap" in u]
    page.page.click("[data-dir-search-open]")
    form = page.page.locator("#dir-search-panel form")
    assert form.locator("input").evaluate("el => el === document.activeElement")
    page.page.wait_for_selector("#dir-search-panel form[data-dir-search-ready]")
    found = run(form, lambda: form.locator("input").fill("Deutschkurs"))
    assert found == ["/de/resources/deutsch-a1/"]
    page.page.keyboard.press("Escape")
    assert page.page.locator("#dir-search-panel").is_hidden()


def test_search_works_under_a_sub_path(page, base_url, sub_path):
    """A GitHub Pages project site lives at /<repo>/: links must stay inside it."""
    form = home_form(page, base_url + sub_path.rstrip("/"), "uk")
    found = run(form, lambda: form.locator("input").fill("житло"))
    assert found == [f"{sub_path}uk/resources/almaty-newcomers/",
                     f"{sub_path}uk/resources/wohnung-berlin/"]
    assert all(u.startswith(base_url + sub_path) for u in page.requests)


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_right_to_left_home_page(page, base_url, lang):
    page.page.goto(url(base_url, lang))
    assert page.page.evaluate("document.documentElement.dir") == "rtl"
    assert page.page.evaluate("getComputedStyle(document.querySelector('article')).direction") \
        == "rtl"
    title = page.page.locator(".md-header__title").bounding_box()
    menu = page.page.locator("label.md-header__button[for=__drawer]").bounding_box()
    assert menu["x"] > title["x"], "the menu button sits on the right in RTL"


PAGES = [("en", ""), ("ru", ""), ("ar", ""), ("fa", ""), ("kk", ""), ("de", ""), ("tr", ""),
         ("uk", ""), ("de", "resources/wohnung-berlin/"), ("ar", "resources/deutsch-a1/"),
         ("ru", "nationalities/"), ("kk", "about/"), ("fa", "contribute/")]


@pytest.mark.parametrize(("lang", "path"), PAGES)
def test_no_horizontal_scroll_at_360px(page, base_url, lang, path):
    p = page.page
    p.goto(url(base_url, lang, path))
    wide = "document.documentElement.scrollWidth"
    assert p.evaluate(wide) <= WIDTH
    for header_end in ("search button", "language button"):
        # Stock Material overflows when the language button is the last one in
        # the header (30 px at 360 px): check that layout too.
        if header_end == "language button":
            p.add_style_tag(content="[data-dir-search-open] { display: none !important }")
            p.mouse.click(5, 300)
        p.wait_for_timeout(300)
        assert p.evaluate(wide) <= WIDTH, f"closed language list, {header_end} last"
        p.click(".md-select button")  # the open list must stay on screen too
        p.wait_for_timeout(300)
        box = p.locator(".md-select__inner").bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= WIDTH, header_end
        assert p.evaluate(wide) <= WIDTH
    p.evaluate("document.querySelector('style:last-of-type').remove()")
    p.click("[data-dir-search-open]")  # home pages: focuses their box; others: opens the panel
    form = p.locator("form[data-dir-search-ready]")
    form.wait_for()
    assert form.locator("input").evaluate("el => el === document.activeElement")
    form.locator(".dir-search__toggle").click()  # the filters
    assert p.evaluate(wide) <= WIDTH


def test_language_switch_keeps_the_page(page, base_url):
    page.page.goto(url(base_url, "ru", "resources/wohnung-berlin/"))
    page.page.click(".md-select button")
    page.page.click(".md-select__link[hreflang=ar]")
    page.page.wait_for_load_state()
    assert page.page.url == url(base_url, "ar", "resources/wohnung-berlin/")


def test_no_cookies_and_no_storage(page, base_url):
    """As the privacy page says: nothing is stored, even after a search."""
    form = home_form(page, base_url, "tr")
    run(form, lambda: form.locator("input").fill("belgeler"))
    assert page.page.context.cookies() == []
    assert page.page.evaluate("document.cookie") == ""
    assert page.page.evaluate("localStorage.length + sessionStorage.length") == 0
