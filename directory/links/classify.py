"""Turn what happened on the wire into a verdict. Pure: no I/O, easy to test.

A verdict is one of the statuses below; `hard` marks the failures that are
certain after one run (the page or host is gone), which fail a pull request
at once. Everything else waits for the two-run rule (see history.py).
"""

from __future__ import annotations

import errno
import socket
import ssl
from collections.abc import Mapping
from dataclasses import dataclass, field
from http import HTTPStatus

from .rules import HostRules

OK = "ok"
REDIRECTED = "redirected"
BROKEN = "broken"
FAILING = "failing"  # broken once, waiting for a second run to confirm
TRANSIENT = "transient"
BLOCKED = "blocked"
UNVERIFIABLE = "unverifiable"
STATUSES = (BROKEN, FAILING, TRANSIENT, REDIRECTED, BLOCKED, UNVERIFIABLE, OK)

# Wire errors (Outcome.error)
DNS = "dns"  # the name does not exist
DNS_TEMPORARY = "dns-temporary"
REFUSED = "refused"
TLS = "tls"
TIMEOUT = "timeout"
RESET = "reset"
CONNECT = "connect"  # other connection failures (unreachable network ...)
LOOP = "loop"
TOO_MANY_REDIRECTS = "too-many-redirects"
INVALID_URL = "invalid-url"
OTHER = "error"

RETRYABLE_ERRORS = frozenset({TIMEOUT, RESET, CONNECT, DNS_TEMPORARY})
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECTS = frozenset({301, 308})


@dataclass(frozen=True)
class Outcome:
    """The last answer for one URL (after redirects and retries)."""

    url: str
    code: int | None = None
    error: str | None = None
    detail: str = ""
    final_url: str | None = None
    permanent_url: str | None = None  # where the leading permanent redirects point
    headers: Mapping[str, str] = field(default_factory=dict)
    body: str = ""
    attempts: int = 1


@dataclass(frozen=True)
class Verdict:
    url: str
    status: str
    code: int | None = None
    reason: str = ""
    suggestion: str | None = None  # the URL to write instead (permanent redirects)
    hard: bool = False
    since: str | None = None  # ISO time of the first failure (filled from the history)


def error_kind(exc: BaseException) -> tuple[str, str]:
    """(wire error, short detail) for an exception raised while fetching."""
    chain: list[BaseException] = []
    seen: BaseException | None = exc
    while seen is not None and seen not in chain and len(chain) < 10:
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__
    names = {type(e).__name__ for e in chain}
    text = " ".join(str(e) for e in chain)
    detail = str(chain[-1]) or type(chain[-1]).__name__
    for e in chain:
        if isinstance(e, socket.gaierror):
            if e.errno in (socket.EAI_AGAIN,):
                return DNS_TEMPORARY, "DNS lookup failed temporarily"
            return DNS, "DNS: no such host"
        if isinstance(e, ssl.SSLError | ssl.CertificateError):
            return TLS, f"TLS error: {e}"
        if isinstance(e, ConnectionRefusedError):
            return REFUSED, "connection refused"
        if isinstance(e, ConnectionResetError | BrokenPipeError):
            return RESET, "connection reset"
        if isinstance(e, TimeoutError):
            return TIMEOUT, "timed out"
    if names & {"TimeoutException", "ConnectTimeout", "ReadTimeout", "WriteTimeout", "PoolTimeout"}:
        return TIMEOUT, "timed out"
    if "Name or service not known" in text or "nodename nor servname" in text or "[Errno -2]" in text:
        return DNS, "DNS: no such host"
    if "Temporary failure in name resolution" in text or "[Errno -3]" in text:
        return DNS_TEMPORARY, "DNS lookup failed temporarily"
    if "SSL" in text or "CERTIFICATE" in text.upper():
        return TLS, f"TLS error: {detail}"
    if "Connection refused" in text or f"[Errno {errno.ECONNREFUSED}]" in text:
        return REFUSED, "connection refused"
    if names & {"UnsupportedProtocol", "InvalidURL", "LocalProtocolError"}:
        return INVALID_URL, f"invalid address: {detail}"
    if names & {"ReadError", "WriteError", "RemoteProtocolError", "ConnectionResetError"}:
        return RESET, "connection closed by the server"
    if names & {"ConnectError"}:
        return CONNECT, f"cannot connect: {detail}"
    return OTHER, detail


def retryable(outcome: Outcome, rules: HostRules) -> bool:
    """Worth another try: timeouts, resets, rate limits and server errors (not bot walls)."""
    if outcome.error is not None:
        return outcome.error in RETRYABLE_ERRORS
    code = outcome.code or 0
    return (code == 429 or code >= 500) and not is_challenge(outcome, rules)


def is_challenge(outcome: Outcome, rules: HostRules) -> bool:
    headers = {k.lower(): v.lower() for k, v in outcome.headers.items()}
    if any(headers.get(k) == v for k, v in rules.challenge_headers.items()):
        return True
    if outcome.code not in (403, 429, 503) and outcome.code not in rules.blocked_codes:
        return False
    body = outcome.body.lower()
    return any(m.lower() in body for m in rules.challenge_markers)


def _http(code: int) -> str:
    try:
        return f"HTTP {code} {HTTPStatus(code).phrase}"
    except ValueError:
        return f"HTTP {code}"


def classify(outcome: Outcome, rules: HostRules) -> Verdict:
    """The verdict for one URL, from its final outcome."""
    url, code = outcome.url, outcome.code
    if outcome.error is not None:
        err, detail = outcome.error, outcome.detail
        if err in (DNS, REFUSED, TLS, LOOP, TOO_MANY_REDIRECTS, INVALID_URL):
            reason = {LOOP: "redirect loop", TOO_MANY_REDIRECTS: "too many redirects"}.get(err, detail)
            return Verdict(url, BROKEN, None, reason, hard=err == DNS)
        if err in RETRYABLE_ERRORS:
            return Verdict(url, TRANSIENT, None, f"{detail} (after {outcome.attempts} tries)")
        return Verdict(url, TRANSIENT, None, detail or err)
    assert code is not None
    if 200 <= code < 300:
        return _classify_page(outcome, rules)
    if code in (404, 410):
        return Verdict(url, BROKEN, code, _http(code), hard=True)
    if is_challenge(outcome, rules):
        return Verdict(url, BLOCKED, code, f"bot wall ({_http(code)} with a challenge page); "
                       "check it in a browser")
    if code in rules.blocked_codes:
        return Verdict(url, BLOCKED, code, f"{_http(code)}: the site refuses robots; "
                       "check it in a browser")
    if code == 429 or code >= 500:
        return Verdict(url, TRANSIENT, code, f"{_http(code)} (after {outcome.attempts} tries)")
    if code in REDIRECT_CODES:
        return Verdict(url, BROKEN, code, f"{_http(code)} without a Location header")
    if code >= 400:
        return Verdict(url, BROKEN, code, _http(code))
    return Verdict(url, TRANSIENT, code, f"unexpected {_http(code)}")


def _classify_page(outcome: Outcome, rules: HostRules) -> Verdict:
    url, code = outcome.url, outcome.code
    moved = outcome.permanent_url if outcome.permanent_url not in (None, url) else None
    kind = rules.kind_of(outcome.final_url or url) or rules.kind_of(url)
    if kind is not None:
        body = outcome.body
        expired = any(m in body for m in kind.expired_markers) or (
            kind.required_markers and not any(m in body for m in kind.required_markers))
        if expired:
            return Verdict(url, BROKEN, code, "expired invite", hard=True)
    if moved:
        return Verdict(url, REDIRECTED, code, "moved permanently", suggestion=moved)
    if kind is not None:
        if kind.alive_markers and any(m in outcome.body for m in kind.alive_markers):
            return Verdict(url, OK, code, f"{kind.name} page shows the group")
        return Verdict(url, UNVERIFIABLE, code,
                       f"{kind.name} answers every request; check the invite by hand")
    return Verdict(url, OK, code)
