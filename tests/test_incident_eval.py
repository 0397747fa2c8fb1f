"""The hand-labelled incident set is well-formed, and bench/incident_eval.py counts right."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "bench" / "data" / "incidents"
CORPUS = ROOT.parent / "shared" / "corpus" / "fakes-dev.csv"

KINDS = {"number", "actor", "denial", "omission", "event"}
NEG_TYPES = {
    "other_incident",
    "part_whole",
    "rising_toll",
    "wire_copy",
    "background",
    "claim_timing",
}


def _load_eval() -> Any:
    spec = importlib.util.spec_from_file_location(
        "incident_eval", ROOT / "bench" / "incident_eval.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ev = _load_eval()


def _labels() -> dict[str, list[dict[str, Any]]]:
    return ev.load_labels(LABELS)  # type: ignore[no-any-return]


def test_label_files_are_well_formed() -> None:
    labels = _labels()
    incs = labels["incidents"]
    ids = [i["id"] for i in incs]
    assert len(ids) == len(set(ids))
    for inc in incs:
        assert {"id", "label", "date", "governorate", "place", "kind", "split", "members"} <= set(
            inc
        )
        assert inc["split"] in {"dev", "heldout"}
        assert not set(inc["members"]) & set(inc.get("non_members", []))
        assert len(inc["date"]) == 10 and inc["date"][4] == "-"
    for group, allowed, field in (
        ("conflicts", KINDS, "kind"),
        ("negatives", NEG_TYPES, "type"),
    ):
        items = labels[group]
        assert len({c["id"] for c in items}) == len(items)
        for c in items:
            assert c["incident"] in ids, c["id"]
            assert c[field] in allowed, c["id"]
            assert len(c["accounts"]) >= 2, c["id"]
            for acc in c["accounts"]:
                assert {"unit_id", "quote", "source", "value", "side"} <= set(acc)
                assert 30 <= len(acc["quote"]) <= 300, (c["id"], acc["quote"])
            if group == "conflicts":
                assert len({a["side"] for a in c["accounts"]}) >= 2, c["id"]


def test_split_holds_out_about_a_quarter() -> None:
    incs = _labels()["incidents"]
    held = sum(i["split"] == "heldout" for i in incs)
    assert 0.2 <= held / len(incs) <= 0.3


@pytest.mark.skipif(not CORPUS.exists(), reason=f"{CORPUS} not present")
def test_quotes_are_exact_substrings_of_the_corpus() -> None:
    rows = ev.load_rows(CORPUS)
    labels = _labels()
    for inc in labels["incidents"]:
        for uid in inc["members"] + inc.get("non_members", []):
            assert uid in rows, (inc["id"], uid)
    for c in labels["conflicts"] + labels["negatives"]:
        for acc in c["accounts"]:
            assert acc["quote"] in rows[acc["unit_id"]]["article_content"], (c["id"], acc)


# ---------------------------------------------------------------- arithmetic on a tiny example

A1 = "Monitor says 10 killed in the town of X on Monday. The army denied any strike on town X."
A2 = "State media said 4 people were killed in the town of X on Monday by rebel rockets fired."
A3 = "In another town Y a car bomb killed 7 people on Monday morning near the market there."


def _claim(cid: int, aid: int, text: str, article: str) -> dict[str, Any]:
    start = article.index(text)
    return {"id": cid, "article_id": aid, "start": start, "end": start + len(text), "text": text}


def _tiny() -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    rows = {
        u: {"unit_id": u, "article_content": t} for u, t in (("u1", A1), ("u2", A2), ("u3", A3))
    }
    # stored texts carry a title line before the content, as real ingests may
    arts: list[dict[str, Any]] = [
        {"id": i, "text": f"Title {i}\n{t}"} for i, t in ((1, A1), (2, A2), (3, A3))
    ]
    s1, s2 = A1.split(". ")
    claims = [
        _claim(11, 1, s1 + ".", arts[0]["text"]),
        _claim(12, 1, s2, arts[0]["text"]),
        _claim(21, 2, A2, arts[1]["text"]),
        _claim(31, 3, A3, arts[2]["text"]),
    ]
    q1 = "Monitor says 10 killed in the town of X on Monday"
    q2 = "The army denied any strike on town X."
    q3 = "State media said 4 people were killed in the town of X on Monday"
    q4 = "a car bomb killed 7 people on Monday morning"

    def acc(u: str, q: str, side: str) -> dict[str, Any]:
        return {"unit_id": u, "quote": q, "source": "s", "value": "v", "side": side}

    def item(cid: str, field: str, value: str, accounts: list[dict[str, Any]]) -> dict[str, Any]:
        return {"id": cid, "incident": "I1", field: value, "accounts": accounts}

    labels = {
        "incidents": [
            {"id": "I1", "split": "dev", "members": ["u1", "u2"], "non_members": ["u3"]},
            {"id": "I2", "split": "heldout", "members": ["u3"], "non_members": []},
        ],
        "conflicts": [
            item("C1", "kind", "number", [acc("u1", q1, "A"), acc("u2", q3, "B")]),
            item("C2", "kind", "denial", [acc("u1", q1, "A"), acc("u1", q2, "B")]),
        ],
        "negatives": [
            item("N1", "type", "other_incident", [acc("u1", q1, "A"), acc("u3", q4, "B")]),
        ],
    }
    exports = {
        "articles": arts,
        "claims": claims,
        "conflicts": [
            {"id": 1, "kind": "actor", "claims": [{"id": 11}, {"id": 21}]},  # finds C1, wrong kind
            {"id": 2, "kind": "number", "claims": [{"id": 11}, {"id": 31}]},  # a hard negative
        ],
        # the tool puts all three articles into one incident
        "incidents": [{"id": 7, "articles": [1, 2, 3]}],
        "incident_source": "test",
    }
    return labels, rows, exports


def test_scorer_arithmetic_on_a_tiny_example() -> None:
    labels, rows, exports = _tiny()
    dev = ev.score(labels, rows, exports, "dev")
    cl = dev["clustering"]
    # labelled articles u1 u2 u3: gold pair (u1,u2); predicted pairs all three
    assert (cl["articles"], cl["gold_pairs"], cl["predicted_pairs"]) == (3, 1, 3)
    assert cl["recall"] == 1.0 and cl["precision"] == pytest.approx(0.333)
    co = dev["conflicts"]
    assert (co["labelled"], co["found"], co["found_kind_exact"]) == (2, 1, 0)
    assert co["recall"] == 0.5 and co["recall_kind_exact"] == 0.0
    assert co["missed"] == ["C2"]
    # both flags lie in labelled articles; one matches C1
    assert (co["flags_in_labelled_articles"], co["flags_matching_a_label"]) == (2, 1)
    assert co["precision"] == 0.5 and co["false_flags"] == [2]
    assert dev["negatives"]["flagged"] == 1 and dev["negatives"]["by_type"] == {
        "other_incident": "1/1"
    }

    held = ev.score(labels, rows, exports, "heldout")
    assert held["conflicts"]["labelled"] == 0 and held["conflicts"]["recall"] is None
    # only u3 is labelled in heldout: no pair, and no flag lies wholly in it
    assert held["clustering"]["gold_pairs"] == 0
    assert held["conflicts"]["flags_in_labelled_articles"] == 0

    table = ev.format_table([dev, held])
    assert "conflict recall" in table and "0.500" in table
    json.dumps([dev, held])


def test_a_claim_must_overlap_the_quote_in_the_same_article() -> None:
    labels, rows, exports = _tiny()
    # the same wording in another article does not count
    exports["conflicts"] = [{"id": 3, "kind": "number", "claims": [{"id": 21}, {"id": 31}]}]
    dev = ev.score(labels, rows, exports, "dev")
    assert dev["conflicts"]["found"] == 0
    assert dev["negatives"]["flagged"] == 0
