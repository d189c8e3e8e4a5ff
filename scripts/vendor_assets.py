"""Copy pinned front-end packages from the npm registry into the site, so nothing loads from a CDN.

Run ``python scripts/vendor_assets.py`` after changing a version below. For each package it
keeps only the files the site serves plus the licence, and writes MANIFEST.json with the
tarball's integrity and each file's SHA-256, which tests/test_vendored_assets.py checks.
- tablesort: sortable tables.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "docs" / "assets" / "vendor"
# package: (pinned version, files of the package tarball to keep)
PACKAGES = {
    "tablesort": ("5.6.0", ("package/dist/tablesort.min.js", "package/dist/sorts/tablesort.number.min.js", "package/LICENCE")),
}


def vendor(package: str, version: str, keep: tuple[str, ...]) -> None:
    """Unpack the kept files of ``package@version`` into docs/assets/vendor/<package>/ with a manifest."""
    target = VENDOR / package
    with tempfile.TemporaryDirectory() as scratch:
        packed = subprocess.run(
            ["npm", "pack", f"{package}@{version}", "--json", "--pack-destination", scratch],
            check=True, capture_output=True, text=True,
        )
        info = json.loads(packed.stdout)[0]
        shutil.rmtree(target, ignore_errors=True)
        with tarfile.open(Path(scratch) / info["filename"]) as archive:
            for member in archive.getmembers():
                kept = member.isfile() and member.name.startswith(keep) and not member.name.endswith(".map")
                if kept:
                    relative = member.name.removeprefix("package/").removeprefix("dist/")
                    destination = target / relative
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    destination.write_bytes(archive.extractfile(member).read())
    files = {
        path.relative_to(target).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(target.rglob("*")) if path.is_file()
    }
    manifest = {"package": package, "version": version, "integrity": info["integrity"], "files": files}
    (target / "MANIFEST.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"{package} {version}: {len(files)} files in {target.relative_to(ROOT)}")


def main() -> None:
    for package, (version, keep) in PACKAGES.items():
        vendor(package, version, keep)


if __name__ == "__main__":
    main()
