"""Entry pages: facts in the page's language, notices, search markers, JSON-LD."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest

from directory.render.entry_page import render_entry

from .conftest import TODAY, make
from .helpers import filters, json_ld, parse, split_page


def page(entry, lang, settings, today=TODAY):
    return render_entry(entry, lang, settings, today)


def body(entry, lang, settings, today=TODAY):
    return parse(split_page(page(entry, lang, settings, today))[1])


def test_front_matter_title_and_description(group, settings):
    meta, _ = split_page(page(group, "ru", settings))
    assert meta == {"title": "Українці в Берліні",
                    "description": "Спільнота українців у Берліні: житло, робота, документи."}


def test_heading_and_facts_are_in_the_page_language(group, settings):
    doc = body(group, "ru", settings)
    assert doc.find("h1").text() == "Українці в Берліні"
    facts = {dt.text(): dd.text() for dt, dd in zip(doc.find_all("dt"), doc.find_all("dd"),
                                                     strict=True)}
    assert facts["Языки"] == "украинский и русский"
    assert facts["Для кого"] == "Выходцы из стран: Украина"
    assert facts["Где полезно"] == "Berlin (Германия)"
    assert facts["Темы"] == "Сообщество и Жильё"
    assert facts["Стоимость"] == "Бесплатно"
    assert facts["Платформа"] == "Telegram"
    assert facts["С модерацией"] == "Да"
    assert facts["Как вступить"].startswith("По запросу")
    assert facts["Последняя проверка"] == "1 марта 2026\u202fг."


def test_arabic_page_uses_arabic_names(group, settings):
    text = body(group, "ar", settings).text()
    assert "الأوكرانية" in text and "أوكرانيا" in text and "ألمانيا" in text


def test_everyone_when_no_nationalities(settings):
    facts = body(make(), "de", settings).find("dl").text()
    assert "Für wen" in facts and "Für alle" in facts


def test_facts_link_to_browse_pages(group, settings):
    hrefs = [a.attrs["href"] for a in body(group, "ru", settings).find("dl").find_all("a")]
    assert "../../languages/uk/" in hrefs
    assert "../../nationalities/ua/" in hrefs
    assert "../../regions/de-be/" in hrefs
    assert "../../topics/housing/" in hrefs
    assert "../../types/group/" in hrefs
    assert "https://example.org/rules" in hrefs


def test_summary_in_page_language_has_no_notice(settings):
    doc = body(make(), "ru", settings)
    assert doc.find(class_="dir-notice--language") is None
    assert doc.find(class_="dir-summary").text() == "Официальный путеводитель по жизни в Германии."


def test_missing_summary_falls_back_to_english_with_a_notice(settings):
    doc = body(make(), "fa", settings)
    notice = doc.find(class_="dir-notice--language")
    assert notice is not None and "انگلیسی" in notice.text()  # "English" in Persian
    block = doc.find(class_="dir-summary")
    assert block.attrs["lang"] == "en" and block.attrs["dir"] == "ltr"
    assert block.text() == "Official guide to living in Germany."


def test_fallback_to_a_right_to_left_summary_is_marked_rtl(settings):
    entry = make(summary={"ar": "دليل رسمي للحياة في ألمانيا."})
    block = body(entry, "de", settings).find(class_="dir-summary")
    assert block.attrs["lang"] == "ar" and block.attrs["dir"] == "rtl"
    notice = body(entry, "de", settings).find(class_="dir-notice--language").text()
    assert "auf Arabisch" in notice


def test_stale_notice_only_after_the_review_interval(settings, stale):
    notice = body(stale, "ru", settings).find(class_="dir-notice--stale")
    assert notice is not None and "15 января 2023" in notice.text()
    assert body(make(), "ru", settings).find(class_="dir-notice--stale") is None
    fresh_day = date(2023, 1, 15 + 1)
    assert body(stale, "ru", settings, today=fresh_day).find(class_="dir-notice--stale") is None


def test_active_page_is_searchable_with_localized_filters(group, settings):
    text = page(group, "ru", settings)
    doc = parse(text)
    assert [n.tag for n in doc.iter() if "data-pagefind-body" in n.attrs] == ["div"]
    assert filters(text) == {
        "type": ["Группы"],
        "language": ["Украинский", "Русский"],
        "nationality": ["Украина"],
        "region": ["Berlin (Германия)", "Германия"],
        "topic": ["Сообщество", "Жильё"],
        "cost": ["Бесплатно"],
    }
    hidden = [n for n in doc.iter() if "data-pagefind-ignore" in n.attrs and "hidden" in n.attrs]
    assert len(hidden) == 1
    assert all("data-pagefind-filter" not in n.attrs for n in doc.iter() if n not in hidden[0].iter())


def test_repeated_sentences_are_left_out_of_search(settings, stale):
    doc = body(stale, "fa", settings)
    for css in ("dir-open", "dir-report", "dir-notice--stale", "dir-notice--language"):
        assert "data-pagefind-ignore" in doc.find(class_=css).attrs, css
    assert "data-pagefind-ignore" not in doc.find(class_="dir-summary").attrs
    assert "data-pagefind-ignore" not in doc.find("dl").attrs


def test_everyone_is_a_nationality_filter_value(settings):
    assert filters(page(make(), "en", settings))["nationality"] == ["Everyone"]


def test_archived_page_has_notice_and_is_not_searchable(archived, settings):
    text = page(archived, "kk", settings)
    assert "data-pagefind-body" not in text
    assert "data-pagefind-filter" not in text
    notice = parse(text).find(class_="dir-notice--archived")
    assert notice is not None and "мұрағатта" in notice.text()


def test_archived_page_does_not_link_the_resource(settings):
    entry = make(id="gone", type="group", status="archived", url="https://t.me/gone",
                 group={"platform": "telegram", "join": "https://t.me/+invite"})
    doc = body(entry, "en", settings)
    hrefs = [a.attrs["href"] for a in doc.find_all("a")]
    assert "https://t.me/gone" not in hrefs and "https://t.me/+invite" not in hrefs
    assert doc.find(class_="dir-open") is None
    assert "Join the group" in doc.find("dl").text()
    assert any("issues/new" in h for h in hrefs)  # problems can still be reported


def test_report_link_prefills_the_issue_form(group, settings):
    link = next(a for a in body(group, "uk", settings).find_all("a")
                if "issues/new" in a.attrs["href"])
    parts = urlsplit(link.attrs["href"])
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{settings.repo_url}/issues/new"
    query = parse_qs(parts.query)
    assert query == {"template": ["report-problem.yml"], "entry": ["ua-berlin"],
                     "title": ["Problem with ua-berlin"]}
    assert link.text() == "Повідомити про проблему з цим записом"


def test_type_specific_facts(mobile_app, web_app, podcast, course, settings):
    app_links = {a.text(): a.attrs["href"] for a in body(mobile_app, "en", settings).find_all("a")}
    assert app_links["Google Play"].startswith("https://play.google.com/")
    assert app_links["App Store"].startswith("https://apps.apple.com/")
    assert "Web-Version" in body(web_app, "de", settings).text()
    pod = body(podcast, "en", settings)
    assert "https://example.org/feed.rss" in pod.text() and "Spotify" in pod.text()
    facts = body(course, "tr", settings).find("dl").text()
    assert "Yüz yüze" in facts and "A1, A2, B1" in facts and "Evet" in facts
    assert "Ücretli" in facts


@pytest.mark.parametrize("fixture,schema_type", [
    ("mobile_app", "MobileApplication"), ("web_app", "WebApplication"),
    ("podcast", "PodcastSeries"), ("course", "Course"), ("group", "Organization"),
])
def test_json_ld_type_and_languages(fixture, schema_type, request, settings):
    entry = request.getfixturevalue(fixture)
    data = json_ld(page(entry, "ru", settings))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == schema_type
    languages = data["knowsLanguage"] if schema_type == "Organization" else data["inLanguage"]
    assert languages == list(entry.languages)
    assert data["name"] == entry.name and data["url"] == entry.url
    assert data["description"] == entry.summary_in(["ru", "en"])[1]


def test_json_ld_website_provider_and_type_details(podcast, course, settings):
    data = json_ld(page(make(), "de", settings))
    assert data["@type"] == "WebSite" and data["inLanguage"][0] == "de"
    assert data["publisher"] == {"@type": "Organization", "name": "Neue deutsche Medienmacher*innen",
                                 "url": "https://ndm.example.org/"}
    assert data["isAccessibleForFree"] is True
    assert json_ld(page(podcast, "en", settings))["webFeed"] == "https://example.org/feed.rss"
    course_data = json_ld(page(course, "en", settings))
    assert course_data["provider"]["name"] == "Neue deutsche Medienmacher*innen"
    assert course_data["hasCourseInstance"]["courseMode"] == "onsite"


def test_name_translations_are_used(settings):
    entry = make(name={"en": "Welcome to Antwerp", "nl": "Welkom in Antwerpen"})
    assert body(entry, "en", settings).find("h1").text() == "Welcome to Antwerp"
    # Not translated into Russian: the first name, marked with its language.
    bdi = body(entry, "ru", settings).find("h1").find("bdi")
    assert bdi.text() == "Welcome to Antwerp" and bdi.attrs["lang"] == "en"


def test_broken_link_notice_from_the_link_history(tmp_path, settings):
    """A link confirmed broken by check-links is shown on the entry page, localized."""
    import dataclasses
    import json

    from directory.site_config import broken_links

    entry = make()
    history = tmp_path / "link-history.json"
    history.write_text(json.dumps({"version": 1, "urls": {
        entry.url: {"status": "broken", "first_failed": "2026-05-20T03:00:00+00:00",
                    "last_checked": "2026-05-27T03:00:00+00:00"}}}))
    with_history = dataclasses.replace(settings, link_history=history)
    broken = broken_links([entry, make(id="other", url="https://other.example.org/")], with_history)
    assert broken == {"handbook": date(2026, 5, 20)}

    notice = parse(split_page(render_entry(entry, "ru", settings, TODAY, broken["handbook"]))[1]) \
        .find(class_="dir-notice--broken")
    assert notice is not None and "20 мая 2026" in notice.text()
    assert body(entry, "ru", settings).find(class_="dir-notice--broken") is None
    missing = dataclasses.replace(settings, link_history=tmp_path / "none.json")
    assert broken_links([entry], missing) == {}
