"""Names of languages, countries and places come from CLDR, in the page's language."""

from __future__ import annotations

from datetime import date

from directory.render.names import (
    capitalize,
    country_name,
    direction,
    language_name,
    localized_date,
    region_name,
    sort_key,
    topic_text,
)


def test_language_names_in_the_page_language():
    assert language_name("uk", "ru") == "украинский"
    assert language_name("uk", "de") == "Ukrainisch"
    assert language_name("uk", "ar") == "الأوكرانية"
    assert language_name("ru", "kk") == "орыс тілі"
    assert language_name("en", "tr") == "İngilizce"


def test_languages_without_their_own_cldr_name_are_mapped():
    assert language_name("prs", "ru") == "дари"
    assert language_name("prs", "fa") == "دری"
    assert language_name("kmr", "de") == "Kurdisch"


def test_regional_and_script_variants():
    assert language_name("pt-BR", "ru") == "бразильский португальский"
    assert language_name("sr-Latn", "ru") == "сербский (латиница)"


def test_unknown_language_falls_back_to_the_tag():
    assert language_name("qqq", "ru") == "qqq"


def test_country_names():
    assert country_name("UA", "ru") == "Украина"
    assert country_name("SY", "ar") == "سوريا"
    assert country_name("AF", "fa") == "افغانستان"
    assert country_name("DE", "tr") == "Almanya"


def test_subdivisions_use_pycountry_name_and_localized_country():
    assert region_name("DE-BE", "ru") == "Berlin (Германия)"
    assert region_name("KZ-75", "kk") == "Almaty (Қазақстан)"
    assert region_name("DE", "uk") == "Німеччина"


def test_dates_are_localized():
    assert localized_date(date(2024, 5, 1), "ru") == "1 мая 2024\u202fг."
    assert localized_date(date(2024, 5, 1), "de") == "1. Mai 2024"
    assert "2024" in localized_date(date(2024, 5, 1), "ar")


def test_direction():
    assert direction("ar") == direction("fa") == "rtl"
    assert direction("ru") == direction("kk") == direction("en") == "ltr"
    assert direction("ckb") == "rtl"


def test_capitalize_only_touches_the_first_letter():
    assert capitalize("украинский") == "Украинский"
    assert capitalize("") == ""


def test_topic_text_falls_back_to_english_then_key():
    assert topic_text("work", "ru") == "Работа"
    assert topic_text("work", "xx") == "Work"
    assert topic_text("no-such-topic", "ru") == "no-such-topic"


def test_sort_key_ignores_case_and_accents():
    names = ["Österreich", "Afghanistan", "Zypern", "ägypten"]
    assert sorted(names, key=sort_key) == ["Afghanistan", "ägypten", "Österreich", "Zypern"]


def test_join_matches_babel_list_patterns():
    from babel.lists import format_list

    from directory.render.names import join

    for lang in ("en", "ru", "kk", "uk", "ar", "fa", "de", "tr"):
        for items in (["a"], ["a", "b"], ["a", "b", "c"], ["a", "b", "c", "d"]):
            assert join(items, lang) == format_list(items, locale=lang), (lang, items)


def test_place_names_are_isolated_on_right_to_left_pages():
    assert region_name("DE-BE", "fa") == "\u2068Berlin\u2069 (آلمان)"
    assert "\u2068" not in region_name("DE-BE", "de")
