"""Run `mkdocs build` exactly as the command line does (used by the site tests
in a subprocess). Until `directory.render` provides `render_site`, the pages
come from tests/site/stub_render.py."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

try:
    from directory.render import render_site  # noqa: F401
except ImportError:
    from directory import site_config
    sys.path.insert(0, str(Path(__file__).parent))
    import stub_render

    site_config._default_render = stub_render.render_site

from mkdocs.__main__ import cli  # noqa: E402

if __name__ == "__main__":
    cli(["build", *sys.argv[1:]], prog_name="mkdocs")
