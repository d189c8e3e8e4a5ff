"""Load, validate and render the comparison dataset under ``data/``.

The package is shared by three entry points: the MkDocs hooks (``macros/hooks.py``),
the mkdocs-macros functions used by hand-written pages (``macros/site_macros.py``)
and the command line (``python -m macros``).
"""
