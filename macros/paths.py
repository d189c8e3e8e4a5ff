"""Where the project's files live, so no module guesses relative paths."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
DOCS_DIR = ROOT / "docs"
TEMPLATES_DIR = DOCS_DIR / "templates"
SCHEMA_DIR = DATA_DIR / "schemas"
FIELD_REFERENCE = DOCS_DIR / "contributing" / "fields.md"
EDITOR_SETTINGS = ROOT / ".vscode" / "settings.json"
CONTRIBUTING = ROOT / "CONTRIBUTING.md"
