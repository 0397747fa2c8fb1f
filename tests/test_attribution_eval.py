"""Regression floor for attribution quality on the hand-labelled FA-KES set (bench/data)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "bench" / "attribution_eval.py"
CORPUS = ROOT.parent / "shared" / "corpus" / "fakes-dev.csv"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("attribution_eval", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
def test_attribution_quality_does_not_regress() -> None:
    evaluation = _load()
    labels = evaluation.load_labels()
    assert len(labels) >= 150
    scores, baseline, _ = evaluation.evaluate(labels)
    # floors just below the figures reached when this test was written (see the closing note)
    assert scores.precision >= PRECISION_FLOOR, scores
    assert scores.recall >= RECALL_FLOOR, scores
    assert scores.f1 >= F1_FLOOR, scores
    assert scores.reporter_voice_accuracy >= REPORTER_VOICE_FLOOR, scores
    assert scores.f1 > baseline.f1


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
def test_attribution_quality_on_the_held_out_set() -> None:
    # the held-out set was labelled before the rule changes it measures (bench/data/README.md)
    evaluation = _load()
    labels = evaluation.load_labels(evaluation.HELDOUT_LABELS)
    assert len(labels) >= 150
    dev_rows = {str(x["row"]) for x in evaluation.load_labels()}
    assert not dev_rows & {str(x["row"]) for x in labels}
    scores, baseline, _ = evaluation.evaluate(labels)
    assert scores.precision >= HELDOUT_PRECISION_FLOOR, scores
    assert scores.recall >= HELDOUT_RECALL_FLOOR, scores
    assert scores.f1 >= HELDOUT_F1_FLOOR, scores
    assert scores.reporter_voice_accuracy >= HELDOUT_REPORTER_VOICE_FLOOR, scores
    assert scores.f1 > baseline.f1


def test_same_source_matching_rules() -> None:
    evaluation = _load()
    from claimtrack.sources import default_registry

    registry = default_registry()
    same = evaluation.same_source
    assert same("the Observatory", "Syrian Observatory for Human Rights", registry)
    assert same("White House", "US government", registry)
    assert same("military source", "rebel military source", registry)
    assert not same("source", "source at Aleppo police command", registry)
    assert not same("US government", "Syrian government", registry)
    assert same("Russian foreign minister", "russian foreign minister", registry)  # case-blind
    assert same(None, None, registry)
    assert not same("SANA", None, registry)


# dev set: reached P 0.920, R 0.863, F1 0.890, reporter voice 1.000
PRECISION_FLOOR = 0.90
RECALL_FLOOR = 0.84
F1_FLOOR = 0.87
REPORTER_VOICE_FLOOR = 0.97
# held-out set: 0.742 / 0.590 / 0.658 / 0.956 before the FA-KES error-class fixes; reached
# P 0.877, R 0.771, F1 0.821, reporter voice 0.971 after them
HELDOUT_PRECISION_FLOOR = 0.86
HELDOUT_RECALL_FLOOR = 0.75
HELDOUT_F1_FLOOR = 0.80
HELDOUT_REPORTER_VOICE_FLOOR = 0.95
