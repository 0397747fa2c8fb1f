"""Matching and conflict flags on the hand-labelled FA-KES pairs keep their measured quality.

Floors sit just below what bench/pair_eval.py measures (see bench/data/PAIRS.md); a change that
drops under them is a regression to look at, not a number to lower quietly.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from pair_eval import CORPUS, evaluate


def test_labelled_pairs_are_at_least_60() -> None:
    result = evaluate()
    assert result.n >= 60
    assert result.matching.tp + result.matching.fn >= 40  # same-event pairs
    assert result.conflicts.tp + result.conflicts.fn >= 20  # pairs with a labelled conflict


@pytest.mark.skipif(not CORPUS.exists(), reason="needs ../shared/corpus for article context")
def test_matching_and_conflict_quality_floors() -> None:
    r = evaluate()
    assert r.matching.precision >= 0.88, r.errors
    assert r.matching.recall >= 0.80, r.errors
    assert r.conflicts.precision >= 0.90, r.errors
    assert r.conflicts.recall >= 0.64, r.errors
    assert r.conflict_kind.recall >= 0.64, r.errors
