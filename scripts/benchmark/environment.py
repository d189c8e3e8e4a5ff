"""The machine and software the figures hold for, shown at the top of the report.

Timings mean little without the CPU, memory and package versions they were taken with.
"""

from __future__ import annotations

import json
import os
import platform
from importlib import metadata
from pathlib import Path

from macros.paths import ROOT
from scripts.benchmark.mermaid import MERMAID_DIR

PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "Markdown", "pymdown-extensions", "Jinja2", "pydantic", "PyYAML")


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def memory_total() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def environment() -> list[tuple[str, str]]:
    mermaid = json.loads((ROOT / "docs" / MERMAID_DIR / "MANIFEST.json").read_text()).get("version", "?")
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in PACKAGES)
    return [
        ("CPU", f"{cpu_model()}, {os.cpu_count()} cores"),
        ("Memory", memory_total()),
        ("System", platform.platform()),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("Packages", f"{versions}; Mermaid {mermaid} (vendored)"),
    ]
