"""The site serves unmodified, pinned front-end packages with their licences."""

from __future__ import annotations

import hashlib
import json

import pytest

from macros.paths import DOCS_DIR
from scripts.vendor_assets import PACKAGES

VENDOR = DOCS_DIR / "assets" / "vendor"


@pytest.mark.parametrize("package", PACKAGES)
def test_vendored_files_match_the_manifest_of_the_pinned_release(package: str) -> None:
    folder = VENDOR / package
    manifest = json.loads((folder / "MANIFEST.json").read_text())
    assert manifest["version"] == PACKAGES[package][0]
    on_disk = {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in folder.rglob("*") if path.is_file() and path.name != "MANIFEST.json"
    }
    assert on_disk == manifest["files"], f"vendored {package} differs from its manifest: run scripts/vendor_assets.py"
    licence = next(folder.glob("LICEN[CS]E"))
    assert "MIT" in licence.read_text() or "Permission is hereby granted" in licence.read_text()
