"""The committed JSON Schemas and field reference are exactly what the model gives today."""

from __future__ import annotations

import json

from macros.model.models import Rating
from macros.model.registry import COLLECTIONS
from macros.tools.schema import derived_files, schema_path, stale_derived_files


def test_derived_files_are_up_to_date() -> None:
    assert stale_derived_files() == [], "run 'python -m macros generate' and commit the result"


def test_schema_forbids_unknown_fields_and_lists_the_rating_scale() -> None:
    for collection in COLLECTIONS:
        schema = json.loads(derived_files()[schema_path(collection)])
        assert schema["additionalProperties"] is False
    criterion = json.loads(derived_files()[schema_path(COLLECTIONS[1])])
    assert criterion["$defs"]["Rating"]["enum"] == [rating.value for rating in Rating]


def test_stale_file_is_detected(tmp_path, monkeypatch) -> None:
    from macros.tools import schema

    fake = {tmp_path / "framework.schema.json": "new text\n"}
    (tmp_path / "framework.schema.json").write_text("old text\n")
    monkeypatch.setattr(schema, "derived_files", lambda: fake)
    monkeypatch.setattr(schema, "ROOT", tmp_path)
    assert schema.stale_derived_files() == ["framework.schema.json"]
