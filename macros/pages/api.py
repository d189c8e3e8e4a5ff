"""The dataset as static JSON under /api/v1/, so wikis and tools can embed facts.

Version 1 is the dataset's own model: each collection as a list of records, exactly as
validated. A change that removes or renames a field needs /api/v2/; adding fields does not.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, create_model

from macros.model.dataset import Dataset
from macros.model.registry import COLLECTIONS

API_VERSION = 1
API_DIR = f"api/v{API_VERSION}"


def _document_model() -> type[BaseModel]:
    """One model for the whole document: a list per collection, keyed by the collection's folder."""
    fields: dict[str, Any] = {collection.folder.replace("-", "_"): (list[collection.model], ...) for collection in COLLECTIONS}
    return create_model(  # type: ignore[call-overload]
        "Dataset", __config__=ConfigDict(extra="forbid"), api_version=(int, ...), **fields,
    )


def api_files(dataset: Dataset) -> dict[str, str]:
    """Path under the site root to file content: the dataset and its JSON Schema."""
    document = {"api_version": API_VERSION}
    for collection in COLLECTIONS:
        key = collection.folder.replace("-", "_")
        document[key] = [entity.model_dump(mode="json") for entity in dataset.entities[collection]]
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **_document_model().model_json_schema()}
    return {
        f"{API_DIR}/dataset.json": json.dumps(document, ensure_ascii=False, indent=1) + "\n",
        f"{API_DIR}/schema.json": json.dumps(schema, ensure_ascii=False, indent=1) + "\n",
    }
