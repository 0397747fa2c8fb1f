"""Blocking keys, pair scores and links on real sentences."""

from __future__ import annotations

from datetime import date

from claimtrack.frame import frame
from claimtrack.match import (
    MatchParams,
    blocking_keys,
    expand_query_keys,
    link_claims,
    rank_candidates,
    score_pair,
    select_query_keys,
)
from claimtrack.model import ClaimRecord, LinkStatus

D = date(2017, 4, 19)


def rec(
    ref: int,
    article: int,
    text: str,
    source: str | None = None,
    seq: int | None = None,
    published: date | None = D,
) -> ClaimRecord:
    return ClaimRecord(ref, article, text, source, frame(text, published), published, seq)


NNA = (
    "A bomb blast killed six people and injured 32 in the Salah al-Din district of Aleppo "
    "Syrian state television reported on Wednesday without giving further details."
)
MANAR = (
    "A bomb exploded in Aleppos Salaheddin district on Wednesday killing six and wounding 32 "
    "people Syrian state television reported."
)
TRT = (
    "A bomb killed six people and wounded more than 30 in Syrias second city Aleppo on "
    "Wednesday the Assad regimes official television channel reported."
)
# same place, another day and event
OTHER_DAY = rec(
    9,
    5,
    "Rebel shelling killed four civilians in Aleppos Hamdaniyeh district on "
    "Sunday state media said.",
    published=date(2017, 3, 5),
)
# same day, another place
OTHER_PLACE = rec(
    10,
    6,
    "An air strike killed eleven people in the town of Saraqeb in Idlib "
    "province on Wednesday activists said.",
)


def test_blocking_keys_are_prefixed_and_combined() -> None:
    keys = blocking_keys(frame(NNA, D))
    assert {
        "p:aleppo",
        "p:salaheddin",
        "pe:aleppo|bomb",
        "pd:aleppo|2017-04-19",
        "ed:kill|2017-04-19",
    } <= keys
    assert not any(k.startswith("e:") for k in keys)  # bare event keys are too common
    assert "pd:aleppo|2017-04-18" in expand_query_keys(keys, MatchParams(date_window_days=1))


def test_select_query_keys_skips_common_keys() -> None:
    df = {"p:aleppo": 5000, "pd:aleppo|2017-04-19": 4, "w:salaheddin": 12}
    chosen = select_query_keys(df, df, MatchParams(max_key_df=100))
    assert chosen == ["pd:aleppo|2017-04-19", "w:salaheddin"]
    assert select_query_keys(["w:new"], lambda k: 0) == ["w:new"]


def test_rank_candidates_prefers_rare_combined_keys() -> None:
    postings = {"pd:aleppo|2017-04-19": [1, 2], "w:blast": [3, 4, 5, 6, 7, 1]}
    assert rank_candidates(postings, postings, limit=2)[0] == 1
    assert rank_candidates(postings, postings, limit=10, exclude=[1])[:1] == [2]


def test_same_incident_scores_above_different_incidents() -> None:
    a, b, c = rec(1, 1, NNA), rec(2, 2, MANAR), rec(3, 3, TRT)
    p = MatchParams()
    assert score_pair(a, b) >= p.high
    assert score_pair(a, c) >= p.high
    assert score_pair(a, OTHER_DAY) < p.low  # dates 45 days apart
    assert score_pair(a, OTHER_PLACE) < p.low


def test_link_claims_statuses_and_duplicates() -> None:
    ahram = rec(4, 4, NNA.replace("Wednesday", "Wednesday"))  # wire copy republished
    links = link_claims([rec(1, 1, NNA)], [ahram, rec(2, 2, MANAR), OTHER_DAY, OTHER_PLACE])
    by_pair = {(link.a, link.b): link for link in links}
    assert by_pair[(1, 4)].status is LinkStatus.DUPLICATE
    assert by_pair[(1, 2)].status is LinkStatus.MATCH
    assert (1, 9) not in by_pair and (1, 10) not in by_pair
    assert all(link.a < link.b for link in links)


def test_link_claims_links_new_claims_among_themselves_not_candidates() -> None:
    links = link_claims([rec(1, 1, NNA)], [rec(2, 2, MANAR), rec(3, 3, TRT)])
    assert (2, 3) not in {(link.a, link.b) for link in links}


def test_idlib_helicopter_accounts_are_matched() -> None:
    from tests.idlib_records import idlib_records

    recs = idlib_records()
    ref = {r.source: r.ref for r in reversed(recs)}  # first claim of each source
    links = {(link.a, link.b): link for link in link_claims(recs, [])}
    anadolu, rt = ref["Anadolu"], ref["Russia Today"]
    sohr = next(r.ref for r in recs if "blamed the attack" in r.text)
    for pair in ((anadolu, rt), (anadolu, sohr), (rt, sohr)):
        assert links[pair].status is LinkStatus.MATCH, pair


def test_candidate_ranking_does_not_depend_on_key_order() -> None:
    # a set's iteration order changes with the process's hash seed; float sums in another order
    # can break a near-tie the other way (found by search: 1 and 2 tie up to the last bit)
    postings = {
        "w:c": [6, 5, 3, 1, 2, 4], "w:b": [2], "t:bus": [1, 2, 4, 8, 9],
        "ed:k:1": [2, 1, 8, 6, 4, 5], "w:a": [1], "p:x": [9],
    }  # fmt: skip
    keys = list(postings)
    assert rank_candidates(keys, postings, 1) == rank_candidates(keys[::-1], postings, 1)
    assert rank_candidates(keys, postings, 1) == [1]  # the tie goes to the lower id
