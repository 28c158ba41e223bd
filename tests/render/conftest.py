"""Fixture entries for the render and export tests, built the way the loader does."""

from __future__ import annotations

from datetime import date

import pytest

from directory.model import Entry, entry_from_data
from directory.settings import Settings, load_settings

TODAY = date(2026, 6, 1)


def make(**overrides) -> Entry:
    """A valid website entry, with fields replaced by `overrides`."""
    data = {
        "id": "handbook",
        "type": "website",
        "name": "Handbook Germany",
        "summary": {"en": "Official guide to living in Germany.",
                    "ru": "Официальный путеводитель по жизни в Германии."},
        "url": "https://handbookgermany.de/",
        "languages": ["de", "en", "ru", "uk", "ar", "fa"],
        "regions": ["DE"],
        "topics": ["first-steps", "work"],
        "cost": "free",
        "last_reviewed": "2026-03-01",
        "provider": {"name": "Neue deutsche Medienmacher*innen", "url": "https://ndm.example.org/"},
    }
    data.update(overrides)
    return entry_from_data(data)


@pytest.fixture
def settings() -> Settings:
    return load_settings()


@pytest.fixture
def group() -> Entry:
    return make(
        id="ua-berlin", type="group", name="Українці в Берліні",
        summary={"uk": "Спільнота українців у Берліні: житло, робота, документи."},
        url="https://t.me/ua_berlin", languages=["uk", "ru"], nationalities=["UA"],
        regions=["DE-BE"], topics=["community", "housing"],
        group={"platform": "telegram", "join": "on-request", "moderated": True,
               "rules_url": "https://example.org/rules"},
    )


@pytest.fixture
def web_app() -> Entry:
    return make(id="integreat", type="app", name="Integreat",
                summary={"de": "Lokale Informationen für Neuzugewanderte."},
                languages=["de", "ar", "prs"], regions=["DE"], topics=["first-steps"],
                app={"platforms": {"web": "https://integreat.app/"}})


@pytest.fixture
def mobile_app() -> Entry:
    return make(id="ankommen", type="app", name="Ankommen",
                app={"platforms": {"android": "https://play.google.com/store/apps/details?id=x",
                                   "ios": "https://apps.apple.com/app/id1"}})


@pytest.fixture
def podcast() -> Entry:
    return make(id="easy-german", type="podcast", name="Easy German", languages=["de"],
                topics=["language"], podcast={"feed": "https://example.org/feed.rss",
                                              "platforms": {"spotify": "https://open.spotify.com/x"}})


@pytest.fixture
def course() -> Entry:
    return make(id="integration-course", type="course", name="Integration course",
                languages=["de"], topics=["language"], cost="paid",
                course={"format": "in-person", "levels": ["A1", "A2", "B1"], "certificate": True})


@pytest.fixture
def archived() -> Entry:
    return make(id="old-portal", name="Old portal", status="archived", languages=["ru", "kk"],
                regions=["KZ-75"], nationalities=["AF"], topics=["legal"])


@pytest.fixture
def stale() -> Entry:
    return make(id="stale-site", name="Stale site", last_reviewed="2023-01-15")
