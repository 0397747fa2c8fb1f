"""`pip install .` gives a working claimtrack: migrations, rules and templates ship in the wheel."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

from tests.conftest import ROOT


def test_wheel_carries_migrations_rules_and_templates(tmp_path: Path) -> None:
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = tmp_path.glob("claimtrack-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    migrations = sorted(p.name for p in (ROOT / "db" / "versions").glob("*.py"))
    assert migrations
    for name in migrations:
        assert f"claimtrack/_db/versions/{name}" in names
    for required in (
        "claimtrack/_db/env.py",
        "claimtrack/_db/script.py.mako",
        "claimtrack/rules/cues.toml",
        "claimtrack/rules/sources.toml",
        "claimtrack/rules/descriptors.toml",
        "claimtrack/rules/frame.toml",
        "claimtrack/export/templates/report.html.j2",
        "claimtrack/py.typed",
    ):
        assert required in names
    assert any(name.endswith("entry_points.txt") for name in names)


def _name(requirement: str) -> str:
    """Normalised project name of a requirement: "psycopg[binary]>=3.1" -> "psycopg"."""
    found = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement.strip())
    assert found, requirement
    return re.sub(r"[-_.]+", "-", found.group(0)).lower()


def _locked() -> dict[str, list[str]]:
    """requirements.lock as {name: [hash, ...]} of its pinned packages."""
    pins: dict[str, list[str]] = {}
    current = ""
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        pinned = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", line)
        if pinned:
            current = _name(pinned.group(1))
            pins[current] = []
        elif line.strip().startswith("--hash=sha256:") and current:
            pins[current].append(line.strip())
    return pins


def test_the_lock_pins_every_declared_dependency_with_hashes() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = {_name(r) for r in project["project"]["dependencies"]}
    for extra in project["project"]["optional-dependencies"].values():
        declared |= {_name(r) for r in extra if not r.startswith("claimtrack")}
    declared |= {_name(r) for r in project["build-system"]["requires"]}
    pins = _locked()
    assert {"lxml-html-clean", "trafilatura", "psycopg-binary", "hatchling"} <= set(pins)
    assert declared - set(pins) == set(), "run `make lock`"
    assert all(pins.values()), [name for name, hashes in pins.items() if not hashes]


def test_the_html_path_imports_are_declared() -> None:
    # trafilatura's jusText fallback imports lxml.html.clean: a package of its own since lxml 5.2
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "lxml-html-clean" in {_name(r) for r in project["project"]["dependencies"]}


def test_make_installs_from_the_lock_and_reinstalls_when_it_changes() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    stamp_rule = re.search(r"^\$\(STAMP\): (.*)$", makefile, re.M)
    assert stamp_rule and "$(LOCK)" in stamp_rule.group(1).split()
    assert "LOCK := requirements.lock" in makefile
    assert "--require-hashes --no-deps -r $(LOCK)" in makefile
    assert re.search(r"^lock:", makefile, re.M)
    dry = subprocess.run(
        ["make", "-n", "lock"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert dry.returncode == 0 and "pip-compile" in dry.stdout and "--generate-hashes" in dry.stdout
