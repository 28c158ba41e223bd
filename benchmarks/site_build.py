"""Benchmark: the whole site build on synthetic entries, and what a phone downloads.

Run: python benchmarks/site_build.py [N] [ROUNDS]   (default 2000 entries x 8 languages, 2 rounds)

1. Build time and peak memory of `mkdocs build` with our hooks (load, validate,
   render, i18n, Pagefind), side by side in the same run with a plain
   MkDocs + Material + i18n build of the same pages written out as Markdown
   files (no hooks), followed by the same Pagefind run.
2. Bytes over the wire (gzip, as GitHub Pages serves) in headless Chromium at
   360 px: first load of an entry page and of a home page, then a first query
   and a filter-only search.

Writes benchmarks/RESULTS.md. Needs Debian's chromium for part 2.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TYPES = ["app", "podcast", "course", "group", "website"]
LANGS = ["de", "en", "ar", "fa", "prs", "ru", "uk", "kk", "tr", "so", "ti", "ckb", "ky", "uz"]
NATIONS = ["UA", "SY", "AF", "KG", "UZ", "TJ", "TR", "IR", "IQ", "ER", "SO", "RU", "KZ", "BY"]
REGIONS = ["DE", "DE-BE", "DE-HH", "DE-BY", "AT", "FI", "NO", "SE", "KZ", "KZ-75", "KZ-71",
           "TR", "TR-34", "global"]
TOPICS = ["first-steps", "language", "work", "education", "housing", "health", "mental-health",
          "legal", "family", "money", "digital-skills", "community", "culture", "emergency"]
WORDS = {
    "en": "help newcomers find housing work language course doctor insurance school children "
          "documents residence permit asylum advice free online group city community support "
          "volunteers translation jobs training rights benefits bank account women family "
          "health emergency counselling registration apartment rent neighbours".split(),
    "ru": "помощь новоприбывшим жильё работа язык курс врач страховка школа дети документы "
          "вид на жительство убежище консультация бесплатно онлайн группа город сообщество "
          "поддержка волонтёры перевод вакансии обучение права пособия банковский счёт "
          "женщины семья здоровье экстренная помощь регистрация квартира аренда соседи "
          "Берлине Германии Алматы мигрантов".split(),
    "de": "Hilfe für Neuankommende Wohnung Arbeit Sprache Kurs Arzt Versicherung Schule "
          "Kinder Dokumente Aufenthaltstitel Asyl Beratung kostenlos online Gruppe Stadt "
          "Gemeinschaft Unterstützung Ehrenamtliche Übersetzung Stellen Ausbildung Rechte "
          "Leistungen Bankkonto Frauen Familie Gesundheit Notfall Anmeldung Miete".split(),
    "ar": "مساعدة القادمين الجدد سكن عمل لغة دورة طبيب تأمين مدرسة أطفال وثائق إقامة لجوء "
          "استشارة مجاني عبر الإنترنت مجموعة مدينة مجتمع دعم متطوعون ترجمة وظائف تدريب "
          "حقوق مساعدات حساب بنكي نساء عائلة صحة طوارئ تسجيل شقة إيجار".split(),
    "uk": "допомога новоприбулим житло робота мова курс лікар страхування школа діти "
          "документи посвідка притулок консультація безкоштовно онлайн група місто громада "
          "підтримка волонтери переклад вакансії навчання права допомога рахунок".split(),
    "tr": "yeni gelenlere yardım konut iş dil kursu doktor sigorta okul çocuklar belgeler "
          "oturma izni sığınma danışmanlık ücretsiz çevrimiçi grup şehir topluluk destek "
          "gönüllüler çeviri işler eğitim haklar yardımlar banka hesabı kadınlar aile".split(),
    "fa": "کمک تازه‌واردان مسکن کار زبان دوره پزشک بیمه مدرسه کودکان مدارک اقامت پناهندگی "
          "مشاوره رایگان آنلاین گروه شهر جامعه حمایت داوطلبان ترجمه شغل آموزش حقوق".split(),
    "kk": "жаңадан келгендерге көмек баспана жұмыс тіл курс дәрігер сақтандыру мектеп "
          "балалар құжаттар ықтиярхат кеңес тегін онлайн топ қала қауымдастық қолдау "
          "еріктілер аударма бос орындар оқу құқықтар жәрдемақы".split(),
}
BLOCKS = {
    "app": "app:\n  platforms:\n    web: https://app{i}.example.org/\n",
    "podcast": "podcast:\n  feed: https://pod{i}.example.org/feed.xml\n",
    "course": "course:\n  format: online\n  levels: [A1, A2]\n  certificate: true\n",
    "group": "group:\n  platform: telegram\n  join: https://t.me/example{i}\n  moderated: true\n",
    "website": "",
}
SIZE_QUERY = "жильё"  # first query on the Russian site


def sentence(rnd: random.Random, lang: str, n: int) -> str:
    words = WORDS[lang]
    return " ".join(rnd.choice(words) for _ in range(n)).capitalize() + "."


def write_entries(root: Path, n: int, seed: int = 7) -> None:
    """N valid entries with varied text, languages, nationalities, places, topics."""
    rnd = random.Random(seed)
    for i in range(n):
        kind = TYPES[i % len(TYPES)]
        folder = root / f"{kind}s"
        folder.mkdir(parents=True, exist_ok=True)
        summary_langs = ["en"] + rnd.sample([k for k in WORDS if k != "en"], rnd.randint(1, 4))
        summary = "".join(
            f"  {lang}: \"{sentence(rnd, lang, rnd.randint(18, 40))}\"\n" for lang in summary_langs)
        nations = rnd.sample(NATIONS, rnd.randint(0, 3))
        (folder / f"entry-{i}.yml").write_text(
            f"id: entry-{i}\ntype: {kind}\nname: Resource {i} {rnd.choice(WORDS['en'])}\n"
            f"summary:\n{summary}"
            f"url: https://site{i}.example.org/\n"
            f"languages: [{', '.join(rnd.sample(LANGS, rnd.randint(1, 4)))}]\n"
            + (f"nationalities: [{', '.join(nations)}]\n" if nations else "")
            + f"regions: [{', '.join(rnd.sample(REGIONS, rnd.randint(1, 2)))}]\n"
            f"topics: [{', '.join(rnd.sample(TOPICS, rnd.randint(1, 3)))}]\n"
            f"cost: {rnd.choice(['free', 'free', 'freemium', 'paid'])}\n"
            "provider:\n  name: Example NGO\n  url: https://ngo.example.org/\n"
            f"last_reviewed: {date(2025, rnd.randint(1, 12), rnd.randint(1, 28)).isoformat()}\n"
            + BLOCKS[kind].format(i=i),
            encoding="utf-8")


# -- build time and memory ---------------------------------------------------

def measured(cmd: list[str], env: dict[str, str], cwd: Path = ROOT) -> dict[str, float]:
    """Wall and CPU seconds, and peak RSS (MiB) of the command and its children,
    in a fresh process so each run has its own RUSAGE_CHILDREN."""
    probe = (
        "import json, resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "t = time.perf_counter() - t\n"
        "if p.returncode: sys.exit(p.stdout[-3000:] + p.stderr[-3000:])\n"
        "r = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(json.dumps([t, r.ru_utime + r.ru_stime, r.ru_maxrss]))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, *cmd], env=env, cwd=cwd,
                          capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr}")
    wall, cpu, kib = json.loads(done.stdout)
    return {"wall": wall, "cpu": cpu, "mib": kib / 1024}


def best(runs: list[dict[str, float]]) -> dict[str, float]:
    """The least disturbed of several runs (other work on the machine only adds time)."""
    return {k: min(r[k] for r in runs) for k in runs[0]}


def plain_config(docs: Path, out: Path) -> Path:
    """Our mkdocs.yml without `hooks:`, reading the written-out pages."""
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    text = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", text)
    text = text.replace("docs_dir: docs", f"docs_dir: {docs}")
    text = text.replace("custom_dir: docs/overrides", f"custom_dir: {docs}/overrides")
    path = out / "mkdocs-plain.yml"
    path.write_text(text, "utf-8")
    return path


def write_pages(entries_dir: Path, docs: Path) -> float:
    """Copy docs/ and write every generated page as a file; returns seconds spent."""
    from directory.render import render_site
    from directory.settings import load_settings
    from directory.validate import validate_paths

    start = time.perf_counter()
    settings = load_settings(ROOT)
    result = validate_paths([entries_dir], settings)
    assert result.ok, "synthetic entries must be valid"
    shutil.copytree(ROOT / "docs", docs)
    for rel, text in render_site(result.entries, settings).items():
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return time.perf_counter() - start


# -- bytes over the wire -------------------------------------------------------

class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files gzip-compressed when the browser accepts it, like GitHub
    Pages, and counts the bytes it sends (headers + body) per path."""

    sent: dict[str, int] = {}

    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        self._header_bytes = sum(len(h) for h in getattr(self, "_headers_buffer", [])) + 2
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        key = self.path.split("?")[0]
        GzipHandler.sent[key] = GzipHandler.sent.get(key, 0) + self._header_bytes + len(body)
        return None


def transfer_sizes(site: Path) -> dict[str, dict]:
    """Bytes on the wire (encoded body + headers, per Chromium's CDP) per scenario."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"]
    out: dict[str, dict] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)

        def session():
            context = browser.new_context(viewport={"width": 360, "height": 740})
            page = context.new_page()
            log: dict[str, int] = {}

            def finished(request) -> None:  # page and Web Worker (Pagefind) requests
                sizes = request.sizes()
                log[request.url] = log.get(request.url, 0) + (
                    sizes["responseBodySize"] + sizes["responseHeadersSize"])

            context.on("requestfinished", finished)
            return context, page, log

        def take(log) -> dict:
            """What the server sent since the last call, and what Chromium counted."""
            files = dict(GzipHandler.sent)
            GzipHandler.sent.clear()
            chromium = sum(log.values())
            log.clear()
            return {"bytes": sum(files.values()), "chromium": chromium,
                    "requests": len(files), "files": files}

        def settle(page):
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(300)

        context, page, log = session()
        page.goto(f"{base}/ru/resources/entry-7/")
        settle(page)
        out["entry page, first load (ru)"] = take(log)
        context.close()

        context, page, log = session()
        page.goto(f"{base}/ru/")
        settle(page)
        out["home page, first load (ru)"] = take(log)
        form = page.locator(".dir-search-home form")
        form.locator("input").fill(SIZE_QUERY)
        page.wait_for_function("f => Number(f.dataset.searches || 0) > 0",
                               arg=form.element_handle(), timeout=60_000)
        settle(page)
        first = take(log)
        first["results"] = form.locator(".dir-search__status").inner_text()
        out[f"first query '{SIZE_QUERY}' (ru, code + index + 10 results)"] = first
        form.locator(".dir-search__toggle").click()
        select = form.locator("select[data-filter=nationality]")
        select.wait_for()
        settle(page)
        out["then opening Filters (every filter value with counts)"] = take(log)
        form.locator("input").fill("")
        page.wait_for_timeout(800)
        done = int(form.get_attribute("data-searches") or 0)
        option = select.locator("option").nth(1).get_attribute("value")
        select.select_option(option)
        page.wait_for_function("([f, n]) => Number(f.dataset.searches || 0) > n",
                               arg=[form.element_handle(), done], timeout=60_000)
        settle(page)
        filt = take(log)
        filt["results"] = form.locator(".dir-search__status").inner_text()
        out[f"then a filter without words (nationality = {option})"] = filt
        context.close()
        browser.close()
    server.shutdown()
    return out


# -- report ----------------------------------------------------------------------

def kib(n: float) -> str:
    return f"{n / 1024:.1f} KiB"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    langs = 8
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        entries = tmp / "entries"
        write_entries(entries, n)
        env = {**os.environ, "DIRECTORY_ENTRIES": str(entries)}
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q", "--strict"]
        write_s = write_pages(entries, tmp / "plain-docs")
        config = plain_config(tmp / "plain-docs", tmp)
        ours_runs, plain_runs, pf_runs = [], [], []
        for r in range(rounds):  # alternate, so a busy moment hits both sides
            print(f"round {r + 1}/{rounds}: {n} entries x {langs} languages", flush=True)
            ours_runs.append(measured([*mkdocs, "-d", str(tmp / "ours")], env))
            print(f"  ours  {ours_runs[-1]}", flush=True)
            plain_runs.append(measured([*mkdocs, "-f", str(config), "-d", str(tmp / "plain")], env))
            pf_runs.append(measured([sys.executable, "-m", "pagefind", "--site", str(tmp / "plain")],
                                    env))
            print(f"  plain {plain_runs[-1]} + Pagefind {pf_runs[-1]}", flush=True)
        ours, plain, pf = best(ours_runs), best(plain_runs), best(pf_runs)

        pages = sum(1 for _ in (tmp / "ours").rglob("*.html"))
        site_mib = sum(f.stat().st_size for f in (tmp / "ours").rglob("*") if f.is_file()) / 2**20
        sizes = transfer_sizes(tmp / "ours") if Path("/usr/bin/chromium").is_file() else {}

    ratio = ours["wall"] / (plain["wall"] + pf["wall"])
    cpu_ratio = ours["cpu"] / (plain["cpu"] + pf["cpu"])
    lines = [
        "# Site build benchmark",
        "",
        f"`python benchmarks/site_build.py {n} {rounds}` on {date.today().isoformat()}: "
        f"{n} synthetic entries x {langs} languages = {pages} HTML pages, {site_mib:.0f} MiB "
        f"on disk (mkdocs 1.6.1, Material 9.8.1, i18n 1.3.1, Pagefind; {os.cpu_count()} CPUs, "
        "shared with other work). Best of "
        f"{rounds} alternating runs each; CPU is user + system time of the build and its "
        "children; peak memory is the largest RSS among them.",
        "",
        "## Build",
        "",
        "| build | wall | CPU | peak memory |",
        "|---|---|---|---|",
        f"| ours: `mkdocs build` with hooks (load, validate, render once, 8 language builds, "
        f"exports, Pagefind) | {ours['wall']:.1f} s | {ours['cpu']:.1f} s | {ours['mib']:.0f} MiB |",
        f"| plain: the same pages as files, `mkdocs build` without hooks | {plain['wall']:.1f} s "
        f"| {plain['cpu']:.1f} s | {plain['mib']:.0f} MiB |",
        f"| plain: then Pagefind on its output | {pf['wall']:.1f} s | {pf['cpu']:.1f} s "
        f"| {pf['mib']:.0f} MiB |",
        f"| (validating, rendering and writing the files for plain; not counted) "
        f"| {write_s:.1f} s | | |",
        "",
        f"**Ratio ours / (plain + Pagefind): {ratio:.2f} wall, {cpu_ratio:.2f} CPU** "
        f"(goal <= 1.15). Ours also validates and renders (the 'not counted' row) and "
        f"writes the exports; without the validate/render time the wall ratio is "
        f"{(ours['wall'] - write_s) / (plain['wall'] + pf['wall']):.2f}. All runs (wall s): ours "
        + ", ".join(f"{r['wall']:.1f}" for r in ours_runs) + "; plain "
        + ", ".join(f"{r['wall']:.1f}" for r in plain_runs) + ".",
        "",
    ]
    if sizes:
        lines += [
            "## Bytes over the wire",
            "",
            "Headless Chromium at 360 px, empty cache, site served on 127.0.0.1 with gzip "
            "(level 6, as static hosts do). Bytes: headers + compressed bodies the server "
            "sent, for the page and Pagefind's Web Worker; Chromium's own count "
            "(Playwright `request.sizes()`) beside it, which misses the worker script.",
            "",
            "| what | bytes sent | Chromium counted | requests |",
            "|---|---|---|---|",
        ]
        for what, m in sizes.items():
            extra = f" ({m['results']})" if "results" in m else ""
            lines.append(f"| {what}{extra} | {kib(m['bytes'])} | {kib(m['chromium'])} "
                         f"| {m['requests']} |")
        lines += ["", "Per file:", ""]
        for what, m in sizes.items():
            lines.append(f"- {what}: " + ", ".join(
                f"`{u}` {kib(b)}" for u, b in sorted(m["files"].items(), key=lambda kv: -kv[1])))
        lines.append("")
    report = "\n".join(lines)
    (ROOT / "benchmarks" / "RESULTS.md").write_text(report, "utf-8")
    print(report)


if __name__ == "__main__":
    main()
