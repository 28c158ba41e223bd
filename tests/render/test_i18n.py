"""Every site language has every interface string and every topic text."""

from __future__ import annotations

import re
import string

import pytest
import yaml

from directory.i18n import REFERENCE, UI_DIR, html, strings, text
from directory.settings import load_settings
from directory.vocab import topics

LANGUAGES = load_settings().site_languages


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_site_language_has_a_file():
    assert sorted(p.stem for p in UI_DIR.glob("*.yml")) == sorted(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_every_key_with_the_same_placeholders(lang):
    reference = strings(REFERENCE)
    own = strings(lang)
    assert set(own) == set(reference), f"{lang}.yml: missing {set(reference) - set(own)}, " \
                                       f"extra {set(own) - set(reference)}"
    for key, template in reference.items():
        assert _placeholders(own[key]) == _placeholders(template), f"{lang}.yml: {key}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_values_are_non_empty_text_not_yaml_booleans(lang):
    raw = yaml.safe_load((UI_DIR / f"{lang}.yml").read_text(encoding="utf-8"))
    for key, value in raw.items():
        assert isinstance(value, str) and value.strip(), f"{lang}.yml: {key} is {value!r}"


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != REFERENCE])
def test_translations_are_not_left_in_english(lang):
    same = [k for k, v in strings(lang).items()
            if v == strings(REFERENCE)[k] and re.search(r"[a-z]{4}", v)
            and k not in {"app_android", "app_ios"}]
    # Brand names and loan words may match English; whole sentences may not.
    assert all(len(strings(lang)[k].split()) < 3 for k in same), same


def test_text_fills_placeholders_and_html_escapes_values():
    assert text("ru", "title_language", language="украинский") == "Язык: украинский"
    assert str(html("en", "see_also", link="<b>x</b>")) == "See also: &lt;b&gt;x&lt;/b&gt;"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_topic_has_label_and_description(lang):
    for key, by_lang in topics().items():
        texts = by_lang.get(lang, {})
        assert set(texts) == {"label", "description"}, f"topic {key}: {lang} has {texts}"
        assert all(isinstance(v, str) and v.strip() for v in texts.values()), (key, lang)
        # A comma in an unquoted YAML flow mapping silently cuts the description.
        assert texts["description"].endswith("."), (key, lang, texts["description"])


def test_topic_labels_differ_between_languages():
    for key, by_lang in topics().items():
        assert by_lang["ru"]["label"] != by_lang["en"]["label"], key
        assert by_lang["ar"]["label"] != by_lang["fa"]["label"] or key in {"culture"}, key


def test_search_ui_strings_come_from_the_ui_files():
    from directory.i18n import search_ui

    ru = search_ui("ru")
    assert ru["found"] == "Найдено: #" and ru["nationality"] == "Гражданство"
    assert set(ru) == set(search_ui("en")) >= {"search", "label", "filters", "failed", "cost"}
