"""Hostile text for every text field of every entity kind, found from the model, not listed by hand.

macros.model.fields finds the plain-text and Markdown fields from the model, so new fields of either
kind are covered without touching this module.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import yaml

from macros.model.fields import FieldPath, Kind, text_fields, value_at
from macros.model.registry import BY_FOLDER

EVERY_KIND = Path(__file__).parent / "fixtures" / "every-kind"


Written = dict[tuple[str, FieldPath], tuple[Kind, str]]


def poison(data_dir: Path, text_for: Callable[[Kind, int], str]) -> Written:
    """Rewrite every text field of every file under ``data_dir`` with ``text_for(kind, n)``.

    ``n`` numbers the fields, so each value can be unique. Returns what was written, keyed by
    file (``criteria/admin``) and field path, so a test can look for each value in the built site.
    """
    written: Written = {}
    for path in sorted(data_dir.glob("*/*.yaml")):
        collection = BY_FOLDER[path.parent.name]
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for field_path, kind in text_fields(collection.model, data):
            value = text_for(kind, len(written))
            value_at(data, field_path[:-1])[field_path[-1]] = value
            written[(f"{path.parent.name}/{path.stem}", field_path)] = (kind, value)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return written


# Markup, entities, comments, attribute lists and template syntax, in both kinds of text field.
PLAIN = (
    '</title><x-fvd fvd-attr="1">T</x-fvd> &amp; &#106; <!--fvd-comment--> {: .fvd-cls fvd-attr } '
    '{{ 7*7 }} <!--{{ 8 }}--> *e* "\' \\ | #'
)
RAW_LINE = (
    '<x-fvd fvd-attr="1">raw</x-fvd> &amp; &#106; <!--fvd-comment--> {{ 7 }} <!--{{ 8 }}--> {% raw %} '
    '<img src=x onerror="window.__fvdRan=true"><script>window.__fvdRan=true</script>'
)
MARKDOWN = f"""Intro {RAW_LINE}
{{: .fvd-cls fvd-attr="1" }}

Para with attr list {{: fvd-attr="2" onclick="alert(1)" }}

[ref]: https://example.org/fvd-ref "fvd-title"

Autolink <https://example.org/auto> [use ref][ref] Footnote[^1]

[^1]: fvd-footnote

*[HTML]: fvd-abbr

!!! danger fvd-cls "x"
    body

=== "tab"
    body

```python
<x-fvd-code fvd-attr> {{{{ 1 }}}}
```
"""

def hostile(kind: Kind, number: int) -> str:
    """A unique hostile value per field, so each can be found on its own."""
    return f"{PLAIN} ({number})" if kind == "plain" else f"{MARKDOWN}\nField {number}."


def built_from(tmp_path: Path, text_for: Callable[[Kind, int], str]) -> tuple[Path, Written]:
    """A copy of the every-kind fixture with every text field rewritten by ``text_for``."""
    root = tmp_path / "every-kind"
    shutil.copytree(EVERY_KIND, root)
    return root / "data", poison(root / "data", text_for)
