"""Synthetic entries for tests and the render benchmark (no network, deterministic)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from directory.model import TYPES, Entry, entry_from_data
from directory.vocab import topics

LANGS = ["en", "de", "ru", "uk", "ar", "fa", "prs", "kk", "tr", "so", "ti", "pt-BR", "kmr", "ckb"]
COUNTRIES = ["UA", "SY", "AF", "IR", "TR", "KZ", "ER", "SO", "IQ", "RU"]
REGIONS = ["global", "DE", "DE-BE", "DE-HH", "AT", "KZ-75", "KZ", "SE", "FI", "NO"]
DETAILS = {
    "app": {"platforms": {"android": "https://play.google.com/store/apps/details?id=x",
                          "web": "https://app.example.org/"}},
    "podcast": {"feed": "https://example.org/feed.xml",
                "platforms": {"spotify": "https://open.spotify.com/show/x"}},
    "course": {"format": "hybrid", "levels": ["A1", "A2"], "certificate": True},
    "group": {"platform": "telegram", "join": "https://t.me/example", "moderated": True},
    "website": {},
}


def synthetic_entries(n: int, seed: int = 1) -> list[Entry]:
    rng = random.Random(seed)
    topic_keys = list(topics())
    out = []
    for i in range(n):
        kind = TYPES[i % len(TYPES)]
        langs = rng.sample(LANGS, rng.randint(1, 4))
        summary = {lang: f"Resource {i} helps with {rng.choice(topic_keys)} in {lang}. " * 3
                   for lang in rng.sample(["en", "ru", "uk", "ar", "de", "fa"], rng.randint(1, 3))}
        data = {
            "id": f"resource-{i}", "type": kind, "name": f"Resource {i} {rng.choice(LANGS)}",
            "summary": summary, "url": f"https://example.org/r/{i}",
            "languages": langs, "regions": rng.sample(REGIONS, rng.randint(1, 2)),
            "topics": rng.sample(topic_keys, rng.randint(1, 3)),
            "cost": rng.choice(["free", "freemium", "paid"]),
            "last_reviewed": (date(2026, 1, 1) - timedelta(days=rng.randint(0, 900))).isoformat(),
            "provider": {"name": f"Org {i % 50}", "url": f"https://org{i % 50}.example.org/"},
            "status": "archived" if i % 40 == 0 else "active",
            kind: DETAILS[kind],
        }
        if rng.random() < 0.4:
            data["nationalities"] = rng.sample(COUNTRIES, rng.randint(1, 2))
        out.append(entry_from_data(data))
    return out
