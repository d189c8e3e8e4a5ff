"""Copy a pinned Mermaid release from the npm registry into the site, so diagrams never load from a CDN.

Run ``python scripts/vendor_mermaid.py`` after changing MERMAID_VERSION. It takes the
ES-module build (the browser then fetches only the chunks a diagram needs), the licence,
and writes MANIFEST.json with the tarball's integrity and each file's SHA-256, which
tests/test_mermaid_vendor.py checks.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

MERMAID_VERSION = "12.3.0"
ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "assets" / "vendor" / "mermaid"
KEEP = ("package/dist/mermaid.esm.min.mjs", "package/dist/chunks/mermaid.esm.min/", "package/LICENSE")


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        packed = subprocess.run(
            ["npm", "pack", f"mermaid@{MERMAID_VERSION}", "--json", "--pack-destination", scratch],
            check=True, capture_output=True, text=True,
        )
        info = json.loads(packed.stdout)[0]
        shutil.rmtree(TARGET, ignore_errors=True)
        with tarfile.open(Path(scratch) / info["filename"]) as archive:
            for member in archive.getmembers():
                keep = member.isfile() and member.name.startswith(KEEP) and not member.name.endswith(".map")
                if keep:
                    relative = member.name.removeprefix("package/").removeprefix("dist/")
                    destination = TARGET / relative
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    destination.write_bytes(archive.extractfile(member).read())
    files = {
        path.relative_to(TARGET).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(TARGET.rglob("*")) if path.is_file()
    }
    manifest = {"package": "mermaid", "version": MERMAID_VERSION, "integrity": info["integrity"], "files": files}
    (TARGET / "MANIFEST.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"mermaid {MERMAID_VERSION}: {len(files)} files in {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
