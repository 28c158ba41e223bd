"""The checker against real HTTP servers on loopback: every verdict, retries, politeness."""

from __future__ import annotations

import socket
import time
from dataclasses import replace

import httpx
import pytest

from directory.links.check import check_urls, retry_after_seconds
from directory.links.classify import (
    BLOCKED,
    BROKEN,
    OK,
    REDIRECTED,
    TRANSIENT,
    UNVERIFIABLE,
)
from directory.links.rules import default_rules

from .conftest import RESET, Reply, free_port


def one(url, config, **kw):
    return check_urls([url], config, **kw)[url]


def test_ok_with_head_and_a_clear_user_agent(server, fast):
    url = server.route("/page")
    v = one(url, fast)
    assert (v.status, v.code) == (OK, 200)
    assert [h.method for h in server.hits] == ["HEAD"]
    assert server.hits[0].headers["User-Agent"] == "test-agent (+https://example.test/repo)"


@pytest.mark.parametrize("code", [405, 403, 501])
def test_head_refused_falls_back_to_get(server, fast, code):
    server.route("/h", Reply(code), Reply(200))
    v = one(server.url("/h"), fast)
    assert v.status == OK
    assert [h.method for h in server.hits] == ["HEAD", "GET"]


@pytest.mark.parametrize("code", [404, 410])
def test_gone_pages_are_hard_failures(server, fast, code):
    v = one(server.route("/gone", Reply(code)), fast)
    assert (v.status, v.code, v.hard) == (BROKEN, code, True)
    assert server.count("/gone") == 2  # HEAD, then GET to confirm; no retries


def test_flaky_host_fails_once_then_succeeds(server, fast):
    server.route("/flaky", Reply(503), Reply(503), Reply(200))
    v = one(server.url("/flaky"), fast)
    assert v.status == OK
    assert [h.method for h in server.hits] == ["HEAD", "GET", "HEAD"]


def test_connection_reset_is_retried(server, fast):
    server.route("/reset", RESET, Reply(200))
    assert one(server.url("/reset"), fast).status == OK
    assert server.count("/reset") == 2


def test_persistent_server_error_is_transient_after_retries(server, fast):
    v = one(server.route("/down", Reply(502)), fast)
    assert (v.status, v.code) == (TRANSIENT, 502)
    assert server.count("/down", "GET") == fast.retries + 1
    assert "3 tries" in v.reason


def test_429_waits_as_long_as_retry_after_says(server, fast):
    server.route("/busy", Reply(429, headers={"Retry-After": "1"}), Reply(200))
    v = one(server.url("/busy"), fast)
    assert v.status == OK
    first, second = server.hits
    assert second.start - first.start >= 0.95


def test_retry_after_is_capped(server, fast):
    config = replace(fast, max_retry_after=0.2, retries=1)
    server.route("/busy", Reply(429, headers={"Retry-After": "3600"}))
    started = time.monotonic()
    v = one(server.url("/busy"), config)
    assert (v.status, v.code) == (TRANSIENT, 429)
    assert time.monotonic() - started < 2
    first, second = server.hits
    assert second.start - first.start >= 0.19


def test_retry_after_http_date():
    from datetime import UTC, datetime
    now = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert retry_after_seconds("Thu, 01 Jan 2026 12:00:30 GMT", now) == 30
    assert retry_after_seconds("7", now) == 7
    assert retry_after_seconds("soon", now) is None


def test_redirect_loop_is_broken(server, fast):
    server.route("/a", Reply(302, headers={"Location": "/b"}))
    server.route("/b", Reply(302, headers={"Location": "/a"}))
    v = one(server.url("/a"), fast)
    assert v.status == BROKEN and "loop" in v.reason


def test_permanent_redirect_suggests_the_new_address(server, fast):
    server.route("/old", Reply(301, headers={"Location": "/new"}))
    server.route("/new")
    v = one(server.url("/old"), fast)
    assert (v.status, v.suggestion) == (REDIRECTED, server.url("/new"))


def test_suggestion_stops_at_the_first_temporary_redirect(server, fast):
    server.route("/old", Reply(308, headers={"Location": "/moved"}))
    server.route("/moved", Reply(302, headers={"Location": "/login?next=/moved"}))
    server.route("/login?next=/moved")
    v = one(server.url("/old"), fast)
    assert (v.status, v.suggestion) == (REDIRECTED, server.url("/moved"))


def test_temporary_redirect_is_ok(server, fast):
    server.route("/tmp", Reply(302, headers={"Location": "/here"}))
    server.route("/here")
    assert one(server.url("/tmp"), fast).status == OK


def test_redirect_to_a_missing_page_is_broken(server, fast):
    server.route("/old", Reply(301, headers={"Location": "/nowhere"}))
    v = one(server.url("/old"), fast)
    assert (v.status, v.code) == (BROKEN, 404)


def test_slow_host_past_the_timeout_is_transient(server, fast):
    config = replace(fast, timeout=0.2, retries=1)
    server.route("/slow", Reply(delay=1.5))
    started = time.monotonic()
    v = one(server.url("/slow"), config)
    assert v.status == TRANSIENT and "timed out" in v.reason
    assert time.monotonic() - started < 1.4
    assert server.count("/slow") == 2


def test_refused_port_is_broken(fast):
    url = f"http://127.0.0.1:{free_port()}/x"
    v = one(url, replace(fast, retries=0))
    assert v.status == BROKEN and v.reason == "connection refused"
    assert not v.hard  # a server may be restarting: wait for a second run


def test_tls_error_is_broken(server, fast):
    url = server.route("/secure").replace("http://", "https://")
    v = one(url, fast)
    assert v.status == BROKEN and v.reason.startswith("TLS error")


def _dns_transport(errno: int) -> httpx.AsyncBaseTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        try:
            raise socket.gaierror(errno, "Name or service not known")
        except socket.gaierror as exc:
            raise httpx.ConnectError(str(exc), request=request) from exc
    return httpx.MockTransport(handler)


def test_dns_failure_is_a_hard_failure(fast):
    url = "http://no-such-host.invalid/"
    v = one(url, fast, transport=_dns_transport(socket.EAI_NONAME))
    assert (v.status, v.hard, v.reason) == (BROKEN, True, "DNS: no such host")


def test_temporary_dns_failure_is_transient(fast):
    url = "http://flaky-dns.invalid/"
    v = one(url, fast, transport=_dns_transport(socket.EAI_AGAIN))
    assert v.status == TRANSIENT


CHALLENGE = ("<html><head><title>Just a moment...</title></head><body>"
             "<script src='/cdn-cgi/challenge-platform/h/b/orchestrate'></script></body></html>")


def test_403_challenge_page_is_blocked(server, fast):
    v = one(server.route("/wall", Reply(403, CHALLENGE)), fast)
    assert v.status == BLOCKED and "bot wall" in v.reason
    assert server.count("/wall") == 2  # HEAD, GET for the page; no retries


def test_503_challenge_is_blocked_not_retried(server, fast):
    v = one(server.route("/wall", Reply(503, CHALLENGE)), fast)
    assert v.status == BLOCKED
    assert server.count("/wall") == 2  # HEAD, GET for the page; no retries


def test_linkedin_999_is_blocked(server, fast):
    assert one(server.route("/in", Reply(999, "")), fast).status == BLOCKED


TELEGRAM_EXPIRED = ("<html><head><meta property='og:title' content='Telegram: Contact @x'>"
                    "</head><body><div class='tgme_page_description'>If you have "
                    "<strong>Telegram</strong>, you can contact <a>@x</a> right away.</div>"
                    "</body></html>")
TELEGRAM_LIVE = ("<html><body><div class='tgme_page_title'><span>Ukrainians in Berlin</span>"
                 "</div><div class='tgme_page_extra'>12 345 members</div></body></html>")


def test_messenger_hosts_are_injectable_and_expired_invites_detected(servers, fast):
    tg = servers("127.0.0.5")
    rules = default_rules().with_hosts({"127.0.0.5": "telegram", "127.0.0.6": "whatsapp"})
    wa = servers("127.0.0.6")
    expired = tg.route("/+abcdef", Reply(200, TELEGRAM_EXPIRED))
    live = tg.route("/ukrainians_berlin", Reply(200, TELEGRAM_LIVE))
    reset = wa.route("/Inv1", Reply(200, "<h3>This invite link was reset</h3>"))
    neutral = wa.route("/Inv2", Reply(200, "<h3>Follow this link to join my WhatsApp group</h3>"))
    got = check_urls([expired, live, reset, neutral], fast, rules=rules)
    assert (got[expired].status, got[expired].reason, got[expired].hard) == \
        (BROKEN, "expired invite", True)
    assert got[live].status == OK
    assert (got[reset].status, got[reset].reason) == (BROKEN, "expired invite")
    assert got[neutral].status == UNVERIFIABLE
    assert all(h.method == "GET" for h in tg.hits + wa.hits)  # content is needed: no HEAD


def test_messenger_rules_come_from_data():
    rules = default_rules()
    assert rules.kind_of("https://t.me/+abc").name == "telegram"
    assert rules.kind_of("https://chat.whatsapp.com/Abc").name == "whatsapp"
    assert rules.kind_of("https://www.facebook.com/groups/123/").name == "facebook"
    assert rules.kind_of("https://www.facebook.com/handbookgermany") is None
    assert rules.kind_of("https://discord.com/invite/xyz").name == "discord"
    assert rules.kind_of("https://example.org/t.me") is None


def test_body_read_is_capped(server, fast):
    big = "<html>" + "x" * 200_000 + "tgme_page_title</html>"
    rules = default_rules().with_hosts({"127.0.0.1": "telegram"})
    v = one(server.route("/big", Reply(200, big)), replace(fast, max_bytes=4096), rules=rules)
    assert (v.status, v.reason) == (BROKEN, "expired invite")  # the marker was past the cap


def test_per_host_limit_and_polite_interval(servers, fast):
    a, b = servers("127.0.0.2"), servers("127.0.0.3")
    config = replace(fast, per_host=1, interval=0.1)
    urls = [a.route(f"/{i}", Reply(delay=0.05)) for i in range(5)]
    urls += [b.route(f"/{i}", Reply(delay=0.05)) for i in range(5)]
    started = time.monotonic()
    got = check_urls(urls, config)
    elapsed = time.monotonic() - started
    assert all(v.status == OK for v in got.values())
    for s in (a, b):
        hits = sorted(s.hits, key=lambda h: h.start)
        for before, after in zip(hits, hits[1:], strict=False):
            # (the server notes `end` just after the client got the answer: allow a little)
            assert after.start >= before.end - 0.02, "two requests in flight to one host"
            assert after.start - before.start >= 0.07, "requests closer than the interval"
    assert elapsed < 0.9, "hosts were not checked in parallel"


def test_each_url_is_fetched_once(server, fast):
    url = server.route("/dup")
    got = check_urls([url, url, url], fast)
    assert list(got) == [url]
    assert server.count("/dup") == 1


def test_works_where_an_event_loop_already_runs(server, fast):
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    async def inside_a_loop():
        return check_urls([server.route("/x")], fast)

    # A thread of its own: the browser tests' session may hold this thread's loop.
    with ThreadPoolExecutor(1) as pool:
        result = pool.submit(asyncio.run, inside_a_loop()).result()
    assert [v.status for v in result.values()] == [OK]
