"""`pip install .` gives a working claimtrack: migrations, rules and templates ship in the wheel."""

from __future__ import annotations

import subprocess
import sys
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
        "claimtrack/export/templates/report.html.j2",
        "claimtrack/py.typed",
    ):
        assert required in names
    assert any(name.endswith("entry_points.txt") for name in names)
