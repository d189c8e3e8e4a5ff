"""The site serves an unmodified, pinned Mermaid build with its licence."""

from __future__ import annotations

import hashlib
import json

from macros.paths import DOCS_DIR

VENDOR = DOCS_DIR / "assets" / "vendor" / "mermaid"


def test_vendored_files_match_the_manifest_of_the_pinned_release() -> None:
    manifest = json.loads((VENDOR / "MANIFEST.json").read_text())
    from scripts.vendor_mermaid import MERMAID_VERSION

    assert manifest["version"] == MERMAID_VERSION
    on_disk = {
        path.relative_to(VENDOR).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in VENDOR.rglob("*") if path.is_file() and path.name != "MANIFEST.json"
    }
    assert on_disk == manifest["files"], "vendored Mermaid differs from its manifest: run scripts/vendor_mermaid.py"
    assert "MIT License" in (VENDOR / "LICENSE").read_text()
