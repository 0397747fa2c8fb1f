"""One input that breaks in an unexpected way fails alone: the rest of the batch is stored."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import claimtrack.ingest as ingest_module
from claimtrack.ingest import ingest_inputs
from claimtrack.model import Analysis, Document
from claimtrack.store.engine import open_store

GOOD = [
    "Air strikes killed 12 people in the town of Saraqeb in Idlib on Monday, a monitor said.",
    "A car bomb exploded near a hospital in Aleppo on Tuesday, killing six people.",
    "Rebels fired rockets at a residential district of Damascus, state media said.",
    "Shelling hit a market in Douma on Wednesday, rescue workers said.",
]
BROKEN = "This article makes the analysis raise an unexpected error."


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for n, text in enumerate([GOOD[0], GOOD[1], BROKEN, GOOD[2], GOOD[3]]):
        (tmp_path / f"a{n}.txt").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("workers", [0, 2])
def test_an_unexpected_exception_fails_its_input_alone(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    real = ingest_module.analyze

    def analyze(doc: Document, registry: Any = None) -> Analysis:
        if doc.text.startswith("This article makes"):
            raise KeyError("a bug in a rule")
        return real(doc, registry)

    monkeypatch.setattr(ingest_module, "analyze", analyze)
    store = open_store(str(tmp_path / "claims.db"))
    try:
        summary = ingest_inputs(store, [str(folder)], workers=workers)
    finally:
        store.close()
    assert (summary.count("new"), summary.count("failed")) == (4, 1)
    (failure,) = summary.failed
    assert failure.error is not None
    assert failure.error.startswith(f"{folder / 'a2.txt'}: internal error: KeyError")
