"""Load, validate and render the comparison dataset under ``data/``: one pipeline, in stages.

    load/     files -> parsed YAML documents (with lines) and the code examples' files
    checks/   documents -> validated entities, or located Problems (every check lives here)
    model/    the dataset's shape, its addresses, and the loaded Dataset the renderers read
    render/   Dataset -> Markdown page bodies and card pictures (no data file is read while rendering)
    pages/    what a build publishes: macro stubs, navigation, redirects, link-preview cards, JSON API
    pipeline  the stages in order (load_site / load_dataset)

Entry points: the MkDocs hooks (``hooks.py``, ``csp.py``), the mkdocs-macros functions every
page calls (``site_macros.py``), the command line (``python -m macros``) and contributor tools
(``tools/``). Each stage imports only earlier ones (tests/test_architecture.py).
"""
