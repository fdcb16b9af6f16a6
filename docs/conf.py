"""Sphinx configuration. The glossary and the timeline are generated from the library's data."""

from __future__ import annotations

import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from _gen import write_generated_pages  # noqa: E402

import atensi  # noqa: E402

project = "atensi"
author = "The atensi developers"
copyright = "2026, the atensi developers"
release = atensi.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "README.md"]
html_theme = "furo"
html_title = f"atensi {release}"
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
napoleon_google_docstring = True
napoleon_use_ivar = True
autodoc_member_order = "bysource"
autodoc_typehints = "description"
nitpicky = False
suppress_warnings = ["myst.xref_missing"]

write_generated_pages(HERE / "_generated")
