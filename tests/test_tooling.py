"""Contributor tooling works as configured: linters pass, config files are valid, editors get schemas."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from macros.model.registry import COLLECTIONS
from macros.paths import ROOT

BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.mark.parametrize("command", [
    ["ruff", "check", "."],
    ["yamllint", "--no-warnings", "data", ".github", ".pre-commit-config.yaml", ".yamllint.yaml"],
    ["check-jsonschema", "--builtin-schema", "vendor.github-workflows", *map(str, (ROOT / ".github/workflows").glob("*.yml"))],
    ["check-jsonschema", "--builtin-schema", "vendor.github-issue-forms", ".github/ISSUE_TEMPLATE/wrong-fact.yml"],
    ["pre-commit", "validate-config", ".pre-commit-config.yaml"],
], ids=["ruff", "yamllint", "workflows", "issue-form", "pre-commit-config"])
def test_linters_and_config_checks_pass(command: list[str]) -> None:
    result = run(str(BIN / command[0]), *command[1:])
    assert result.returncode == 0, result.stdout + result.stderr


def test_yamllint_catches_a_real_mistake(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: a\nid: b\n")
    result = run(str(BIN / "yamllint"), "-c", str(ROOT / ".yamllint.yaml"), str(broken))
    assert result.returncode == 1 and "duplication of key" in result.stdout


def test_every_data_folder_is_mapped_to_its_schema_for_editors() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text())
    mapped = {glob for globs in settings["yaml.schemas"].values() for glob in globs}
    for collection in COLLECTIONS:
        assert f"data/{collection.folder}/*.yaml" in mapped
    for schema in settings["yaml.schemas"]:
        assert (ROOT / schema).is_file(), schema


def test_pre_commit_hooks_run_the_project_checks() -> None:
    config = (ROOT / ".pre-commit-config.yaml").read_text()
    for entry in ("-m macros validate", "-m macros generate --check", "yamllint", "ruff check"):
        assert entry in config


def test_ruff_leaves_generated_migrations_alone_even_when_named() -> None:
    """pre-commit passes file names to ruff; the excludes must hold then too, or --fix rewrites them."""
    migrations = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "examples").rglob("migrations/**/*.py"))
    assert migrations
    result = run(str(BIN / "ruff"), "check", *migrations)
    assert result.returncode == 0, result.stdout + result.stderr


def test_deploy_publishes_only_a_commit_that_passed_ci() -> None:
    import yaml

    folder = ROOT / ".github" / "workflows"
    workflows = {path.name: yaml.safe_load(path.read_text(encoding="utf-8")) for path in folder.glob("*.yml")}
    deploy = workflows["deploy.yml"]
    trigger = deploy[True]["workflow_run"]  # YAML 1.1 reads the key 'on' as true
    assert trigger["workflows"] == [workflows["ci.yml"]["name"]] and trigger["types"] == ["completed"]
    build = deploy["jobs"]["build"]
    assert "github.event.workflow_run.conclusion == 'success'" in build["if"]
    checkout = next(step for step in build["steps"] if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["ref"] == "${{ github.event.workflow_run.head_sha }}"


def test_each_purpose_has_its_own_lock_and_they_agree() -> None:
    """One resolution, split by purpose: a package has one version everywhere, and the site's set stands alone."""
    pins: dict[str, set[str]] = {}
    locks = {}
    for lock in sorted((ROOT / "requirements").glob("*.txt")):
        lines = [line for line in lock.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
        locks[lock.stem] = set(lines)
        for line in lines:
            name, _, version = line.partition("==")
            assert version, f"{lock.name}: {line!r} is not pinned"
            pins.setdefault(name.lower(), set()).add(version)
    assert set(locks) == {path.stem for path in (ROOT / "requirements").glob("*.in")}
    assert {name: versions for name, versions in pins.items() if len(versions) > 1} == {}
    assert locks["site"] <= locks["test"], "the tests run on the site's own pinned packages"
    site_names = {line.split("==")[0].lower() for line in locks["site"]}
    assert not site_names & {"pytest", "ruff", "django", "flask", "playwright"}, "the deploy installs only the site"
