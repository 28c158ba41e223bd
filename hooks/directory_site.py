"""Thin MkDocs hooks: adapt the plain functions of `directory` to MkDocs events.

mkdocs-static-i18n runs one whole build per language; these handlers run in
each of them. The work (load, validate, render, index) lives in `directory`.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

# Work from a plain checkout too, without `pip install -e .`.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from directory import i18n, site_config  # noqa: E402
from directory.export import write_files  # noqa: E402
from directory.search_index import SearchIndexError, build_search_index  # noqa: E402
from directory.settings import load_settings  # noqa: E402

log = logging.getLogger("mkdocs.hooks.directory_site")
_pages: dict[str, str] = {}


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path or ".").resolve().parent


def _i18n(config: MkDocsConfig):
    return config.plugins.get("i18n")


@event_priority(-200)  # after i18n has set the language of this build
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    i18n = _i18n(config)
    if i18n is not None and not i18n.config.build_only_locale:
        built = [lang.locale for lang in i18n.config.languages if lang.build]
        problem = site_config.language_mismatch(load_settings(_root(config)).site_languages, built)
        if problem:
            raise PluginError(problem)
    return config


@event_priority(-50)  # before i18n (-100), which sorts files into languages
def _add_generated_files(files: Files, config: MkDocsConfig) -> Files:
    global _pages
    try:
        _pages = site_config.generated_pages(_root(config))
    except site_config.InvalidEntries as exc:
        raise PluginError(f"The entries have errors; the site was not built.\n{exc}") from None
    for uri in _pages:
        if files.get_file_from_path(uri) is not None:
            raise PluginError(f"docs/{uri} clashes with a generated page: remove one of them.")
        files.append(
            File(uri, config.docs_dir, config.site_dir, config.use_directory_urls,
                 inclusion=InclusionLevel.NOT_IN_NAV)
        )
    return files


@event_priority(-200)  # after i18n re-created the File objects of this language
def _fill_generated_files(files: Files, config: MkDocsConfig) -> Files:
    for file in files:
        content = _pages.get(file.src_uri)
        if content is not None:
            file.content_string = content
    return files


on_files = CombinedEvent(_add_generated_files, _fill_generated_files)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return site_config.fill_placeholders(markdown, load_settings(_root(config)))


def on_env(env, config: MkDocsConfig, files: Files):
    env.globals["ds_strings"] = i18n.search_ui(config.theme["language"])
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return site_config.set_html_dir(output, config.theme["language"])


@event_priority(-200)  # after i18n (-100) has built the other languages
def on_post_build(config: MkDocsConfig) -> None:
    i18n = _i18n(config)
    if getattr(i18n, "building", False):
        return  # an inner per-language build: the site is not complete yet
    write_files(Path(config.site_dir), site_config.site_exports(_root(config), config.site_url))
    try:
        output = build_search_index(Path(config.site_dir))
    except SearchIndexError as exc:
        raise PluginError(str(exc)) from None
    log.info("Pagefind: %s", output)


def on_serve(server, config: MkDocsConfig, builder):
    server.watch(str(load_settings(_root(config)).entries_dir))
    return server
