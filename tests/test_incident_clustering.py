"""How the located incidents of several articles are clustered (claimtrack.store.incidents)."""

from __future__ import annotations

from datetime import date

from claimtrack.incidents import Placed
from claimtrack.store.incidents import _cluster_partition, _Member

MONDAY, TUESDAY = date(2017, 11, 13), date(2017, 11, 14)


def member(article: int, index: int, placed: Placed) -> _Member:
    return _Member(article, index, placed, digest=f"{article:04d}")


def test_an_article_s_two_incidents_stay_two_and_each_finds_its_own_reports() -> None:
    # ahram's report of the Atareb market strike goes on: "Elsewhere the bodies of at least
    # three children were laid out ..." -- the article itself tells a second, vaguer incident
    atareb = member(
        218,
        0,
        Placed(
            MONDAY,
            "atareb",
            "aleppo",
            "air_strike",
            "Air raids kill 29 civilians in north Syria town Monitor Air "
            "strikes on a market killed at least 29 civilians",
        ),
    )
    elsewhere = member(
        218,
        1,
        Placed(
            MONDAY,
            "aleppo",
            "aleppo",
            "attack",
            "Elsewhere the bodies of at least three children were laid "
            "out on the ground partly covered by thick dust",
        ),
    )
    coalition = member(
        483,
        0,
        Placed(
            MONDAY,
            "atareb",
            "aleppo",
            "air_strike",
            "Syrian Coalition Condemns Horrific Massacre by Russian Air "
            "Force in Town of Atareb Aleppo Province",
        ),
    )
    trt = member(
        326,
        0,
        Placed(
            TUESDAY,
            "atareb",
            "aleppo",
            "air_strike",
            "Air strikes kill dozens inside Syria de-escalation zone Air "
            "strikes that ripped through a market in a rebel-held Syrian town",
        ),
    )
    cluster = _cluster_partition([elsewhere, trt, coalition, atareb])
    assert cluster[elsewhere.id] != cluster[atareb.id]
    assert cluster[coalition.id] == cluster[atareb.id] == cluster[trt.id] == atareb.id
