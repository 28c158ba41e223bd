"""Curated, multilingual directory of resources for migrants.

Pipeline: entries (YAML) -> load -> validate -> model -> render -> site,
with link checking and exports beside it.
"""
