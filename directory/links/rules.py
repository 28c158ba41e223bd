"""Which hosts need special treatment, read from data so tests can inject their own.

Messenger invite pages and social groups answer 200 to everyone; a few
markers in the page tell an expired invite. Bot walls hide behind 403.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import yaml

from ..settings import DATA_DIR

HOSTS_FILE = DATA_DIR / "link_hosts.yml"


@dataclass(frozen=True)
class Kind:
    """A family of hosts whose pages must be read to judge a link."""

    name: str
    expired_markers: tuple[str, ...] = ()
    required_markers: tuple[str, ...] = ()
    alive_markers: tuple[str, ...] = ()


@dataclass(frozen=True)
class HostRules:
    kinds: Mapping[str, Kind] = field(default_factory=dict)
    # "host" or "host/path-prefix" -> kind name
    hosts: Mapping[str, str] = field(default_factory=dict)
    challenge_markers: tuple[str, ...] = ()
    challenge_headers: Mapping[str, str] = field(default_factory=dict)
    blocked_codes: frozenset[int] = frozenset()

    def kind_of(self, url: str) -> Kind | None:
        """The kind of the URL's host (or host + path prefix); subdomains match their parent."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().rstrip(".")
        path = parts.path.lower()
        labels = host.split(".")
        for i in range(len(labels)):
            suffix = ".".join(labels[i:])
            for key, kind in self.hosts.items():
                key_host, _, prefix = key.partition("/")
                if key_host != suffix:
                    continue
                if prefix and not (path == "/" + prefix or path.startswith("/" + prefix + "/")):
                    continue
                return self.kinds[kind]
        return None

    def with_hosts(self, extra: Mapping[str, str]) -> HostRules:
        """A copy where `extra` hosts behave like a known kind, e.g. {"127.0.0.5": "telegram"}."""
        return HostRules(self.kinds, {**extra, **self.hosts}, self.challenge_markers,
                         self.challenge_headers, self.blocked_codes)


def rules_from_data(data: Mapping[str, Any]) -> HostRules:
    kinds: dict[str, Kind] = {}
    hosts: dict[str, str] = {}
    for name, spec in (data.get("kinds") or {}).items():
        spec = spec or {}
        kinds[name] = Kind(
            name,
            tuple(spec.get("expired_markers") or ()),
            tuple(spec.get("required_markers") or ()),
            tuple(spec.get("alive_markers") or ()),
        )
        for host in spec.get("hosts") or ():
            hosts[str(host).lower()] = name
    return HostRules(
        kinds=kinds,
        hosts=hosts,
        challenge_markers=tuple(data.get("challenge_markers") or ()),
        challenge_headers={str(k).lower(): str(v).lower()
                           for k, v in (data.get("challenge_headers") or {}).items()},
        blocked_codes=frozenset(int(c) for c in data.get("blocked_codes") or ()),
    )


@cache
def default_rules() -> HostRules:
    return rules_from_data(yaml.safe_load(HOSTS_FILE.read_text(encoding="utf-8")))
