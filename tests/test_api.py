"""The dataset published as JSON is valid against its own published schema, and complete."""

from __future__ import annotations

import json

import jsonschema

from macros.pages.api import API_VERSION
from macros.paths import DATA_DIR
from macros.pipeline import load_dataset
from tests.conftest import BuiltSite
from tests.support import once


def test_published_json_validates_against_the_published_schema(site: BuiltSite) -> None:
    api = site.site_dir / "api" / f"v{API_VERSION}"
    document = json.loads((api / "dataset.json").read_text())
    schema = json.loads((api / "schema.json").read_text())
    jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)
    dataset = once(load_dataset, DATA_DIR)
    assert document["api_version"] == API_VERSION
    assert [c["id"] for c in document["criteria"]] == [c.id for c in dataset.criteria]
    assert document["criteria"][0]["assessments"]["django"]["verdict"] == dataset.criteria[0].assessments["django"].verdict


def test_schema_rejects_a_broken_document(site: BuiltSite) -> None:
    api = site.site_dir / "api" / f"v{API_VERSION}"
    document = json.loads((api / "dataset.json").read_text())
    document["criteria"][0]["assessments"]["django"]["rating"] = "excellent"
    schema = json.loads((api / "schema.json").read_text())
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(document))
    assert errors and "excellent" in errors[0].message
