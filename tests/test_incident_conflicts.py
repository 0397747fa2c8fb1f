"""Conflicts inside one incident: tolls account by account, denials against accusations."""

from __future__ import annotations

from datetime import date

from claimtrack.conflicts import find_conflicts, incident_denials, incident_tolls
from claimtrack.frame import frame
from claimtrack.model import ClaimRecord, ConflictKind

DAY = date(2016, 10, 26)
INCIDENT = 7


def record(
    ref: int,
    text: str,
    source: str | None,
    *,
    article: int,
    outlet: str = "Reuters",
    published: date = DAY,
    incident: int = INCIDENT,
) -> ClaimRecord:
    return ClaimRecord(
        ref, article, text, source, frame(text, published), published, ref, outlet, incident
    )


def tolls(*records: ClaimRecord) -> list[tuple[int, ...]]:
    return [c.claims for c in incident_tolls({r.ref: r for r in records})]


def test_two_outlets_tolls_of_one_attack_are_one_conflict_naming_its_incident() -> None:
    sohr = record(
        1,
        "Air strikes on a school in the village of Hass killed 22 children and six teachers, "
        "the Syrian Observatory said.",
        "Syrian Observatory for Human Rights",
        article=1,
    )
    unicef = record(
        2,
        "UNICEF said 22 children and six teachers were killed in the strikes on the school.",
        "UNICEF",
        article=2,
    )
    rescuers = record(
        3,
        "Rescue workers said 35 people were killed in the strikes on the school in Hass.",
        "White Helmets",
        article=3,
    )
    (conflict,) = incident_tolls({r.ref: r for r in (sohr, unicef, rescuers)})
    assert conflict.kind is ConflictKind.NUMBER and conflict.incident == INCIDENT
    assert 3 in conflict.claims and "35" in conflict.reason


def test_one_source_quoted_by_two_outlets_is_one_account() -> None:
    a = record(
        1,
        "At least 58 people were killed in the attack, the Syrian Observatory said.",
        "Syrian Observatory for Human Rights",
        article=1,
    )
    b = record(
        2,
        "The toll rose to 72 dead, the Observatory said.",
        "Observatory",
        article=2,
    )
    assert tolls(a, b) == []


def test_a_higher_toll_days_later_is_a_timeline_a_lower_one_a_dispute() -> None:
    early = record(
        1, "Rescuers said 12 people were killed in the air strikes.", "rescuers", article=1
    )
    later = record(
        2,
        "Activists said 31 people were killed in the air strikes.",
        "activists",
        article=2,
        published=date(2016, 10, 29),
    )
    assert tolls(early, later) == []
    lower = record(
        3,
        "Activists said 5 people were killed in the air strikes.",
        "activists",
        article=3,
        published=date(2016, 10, 29),
    )
    assert tolls(early, lower) == [(1, 3)]


def test_part_and_whole_are_no_dispute() -> None:
    town = record(
        1,
        "An air strike on the hospital in Kafr Takharim killed 14 people, a doctor said.",
        "doctor",
        article=1,
    )
    province = record(
        2,
        "Air strikes across rebel-held Idlib province killed 19 people on Thursday, the "
        "Syrian Observatory said.",
        "Syrian Observatory for Human Rights",
        article=2,
    )
    assert tolls(town, province) == []


def test_another_sides_attack_in_one_incident_is_not_compared() -> None:
    regime = record(
        1,
        "Fifteen civilians were killed in a barrel bomb attack on the Bab al-Nayrab "
        "neighbourhood, the Observatory said.",
        "Syrian Observatory for Human Rights",
        article=1,
    )
    rebels = record(
        2,
        "Eight civilians were killed in terrorist rocket attacks on the neighbourhood, a police "
        "source said.",
        "source at Aleppo Police Command",
        article=2,
    )
    assert tolls(regime, rebels) == []


def test_a_denial_meets_every_accusation_of_its_incident_whatever_the_wording() -> None:
    records = {
        1: record(
            1,
            "US officials concluded that Russian warplanes bombed the aid convoy.",
            "US government",
            article=1,
        ),
        2: record(
            2,
            "The Syrian Civil Defence said Russian and regime warplanes were behind the attacks.",
            "White Helmets",
            article=2,
        ),
        3: record(3, "Russia has denied any responsibility.", "Russian government", article=3),
    }
    (conflict,) = incident_denials(records, lambda ref, _other: records[ref].source or "?")
    assert conflict.kind is ConflictKind.DENIAL and conflict.claims == (1, 2, 3)
    assert conflict.values == ("asserts", "asserts", "denies")
    # the same claims in two incidents: nothing to answer
    apart = {**records, 3: record(3, records[3].text, "Russian government", article=3, incident=8)}
    assert incident_denials(apart, lambda ref, _other: "?") == []


def test_find_conflicts_adds_incident_conflicts_without_links() -> None:
    a = record(
        1,
        "Air strikes on a market in Atareb killed 29 civilians, the Syrian Observatory said.",
        "Syrian Observatory for Human Rights",
        article=1,
    )
    b = record(
        2,
        "Air strikes on the market in Atareb killed 61 people, rescue workers said.",
        "White Helmets",
        article=2,
    )
    conflicts, _ = find_conflicts({1: a, 2: b}, [])
    assert [(c.kind, c.claims, c.incident) for c in conflicts] == [
        (ConflictKind.NUMBER, (1, 2), INCIDENT)
    ]
