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


def test_one_source_quoted_differently_by_two_outlets_on_one_day_is_a_dispute() -> None:
    # FA-KES, 5 Jun 2016: Ahram and Daily Sabah both quote the Observatory, 47 vs 82
    ahram = record(
        1,
        "Russian and Syrian regime air strikes killed 47 people in the east of the country "
        "the Syrian Observatory for Human Rights said.",
        "Syrian Observatory for Human Rights",
        article=1,
        outlet="ahram",
    )
    sabah = record(
        2,
        "Air strikes on the town killed at least 82 people the Syrian Observatory for Human "
        "Rights said.",
        "Syrian Observatory for Human Rights",
        article=2,
        outlet="dailysabah",
    )
    (conflict,) = incident_tolls({1: ahram, 2: sabah})
    assert conflict.claims == (1, 2)
    assert "(in ahram)" in conflict.reason and "(in dailysabah)" in conflict.reason
    # a day later in another outlet, or in the same outlet, it is the toll as it was updated
    later = record(2, sabah.text, sabah.source, article=2, outlet="dailysabah",
                   published=date(2016, 10, 27))  # fmt: skip
    same_outlet = record(2, sabah.text, sabah.source, article=2, outlet="ahram")
    assert tolls(ahram, later) == [] and tolls(ahram, same_outlet) == []


def test_a_toll_told_as_risen_is_a_timeline_not_a_dispute() -> None:
    early = record(
        1,
        "Syrian government shelling of a rebel-held town killed 31 people including two medics "
        "on Saturday.",
        None,
        article=1,
        outlet="ahram",
    )
    risen = record(
        2,
        "Fierce government bombardment of an opposition-controlled Syrian town has killed 43 "
        "people among them children and medical staff a monitoring group said Sunday in a new "
        "toll.",
        "Syrian Observatory for Human Rights",
        article=2,
        outlet="dailysabah",
    )
    assert tolls(early, risen) == []
    unrisen = record(2, risen.text.replace(" in a new toll", ""), risen.source, article=2,
                     outlet="dailysabah")  # fmt: skip
    assert tolls(early, unrisen) == [(1, 2)]


def test_an_updated_figure_is_the_account_and_an_increment_never_is() -> None:
    observatory = record(
        1,
        "The attack killed 32 rebels as they were entering Turkey the Britain-based Observatory "
        "said updating an earlier toll on Sunday evening of 15.",
        "Syrian Observatory for Human Rights",
        article=1,
    )
    claimed = record(
        2, "The Islamic State group said it killed nearly 50 rebels.", "Islamic State", article=2
    )
    assert tolls(observatory, claimed) == [(1, 2)]
    increment = record(
        3,
        "The monitoring group updated its earlier death toll of 15 for the strike saying three "
        "more people had died of serious injuries.",
        "Syrian Observatory for Human Rights",
        article=3,
    )
    alone = record(4, "Rescuers said 18 people were killed in the strike.", "rescuers", article=4)
    assert tolls(increment, alone) == []


def test_an_initial_report_alone_in_its_article_is_its_account() -> None:
    initial = record(
        1,
        "Initial reports indicated that over 40 civilians were killed when Russian jets fired "
        "vacuum missiles on a popular market in the town.",
        None,
        article=1,
        outlet="etilaf",
    )
    other = record(
        2, "Air strikes on the market killed 20 civilians, the monitor said.", "monitor", article=2
    )
    assert tolls(initial, other) == [(1, 2)]
    # next to the figure it became, it is history
    became = record(
        3, "The death toll later rose to 61 civilians.", None, article=1, outlet="etilaf"
    )
    assert all(1 not in claims for claims in tolls(initial, became, other))


def test_one_speaker_tells_two_attacks_tolls_in_one_article() -> None:
    # FA-KES, AFP 25 Aug 2016: the Observatory gives the barrel bomb toll and the rebel fire
    # toll; SANA's police source gives the rebel fire toll
    barrel = record(
        1,
        "Fifteen civilians among them 11 children were killed in a barrel bomb attack on the "
        "Bab al-Nayrab neighbourhood in southern Aleppo city the Observatory said.",
        "Syrian Observatory for Human Rights",
        article=1,
    )
    rebel_fire = record(
        2,
        "It also reported eight civilians including two children were killed Thursday in rebel "
        "fire on the government-held west of the city.",
        "Syrian Observatory for Human Rights",
        article=1,
    )
    police = record(
        3,
        "Six civilians were killed and 34 others injured in rocket shells fired by terrorists on "
        "neighbourhoods in the west of the city a source at Aleppo Police Command said.",
        "source at Aleppo Police Command",
        article=2,
    )
    (conflict,) = incident_tolls({r.ref: r for r in (barrel, rebel_fire, police)})
    assert conflict.claims == (2, 3)


def test_a_count_of_everyone_is_the_account_before_a_count_of_a_group() -> None:
    groups = record(
        1,
        "Among the dead were three children and three women, the Observatory said.",
        "Syrian Observatory for Human Rights",
        article=1,
    )
    everyone = record(
        2,
        "The missile killed 13 people in the besieged neighbourhood, the Observatory said.",
        "Syrian Observatory for Human Rights",
        article=1,
    )
    activists = record(
        3,
        "The missile killed 15 civilians, activists of DeirEzzor 24 said.",
        "activists",
        article=2,
    )
    (conflict,) = incident_tolls({r.ref: r for r in (groups, everyone, activists)})
    assert conflict.claims == (2, 3)


def test_air_strikes_and_shelling_of_two_outlets_are_one_attack_unless_rebels_fired() -> None:
    strikes = record(
        1,
        "Air strikes on the rebel-held town killed 20 people, rescuers said.",
        "White Helmets",
        article=1,
    )
    shelling = record(
        2, "Regime shelling of the town killed 12 people, activists said.", "activists", article=2
    )
    assert tolls(strikes, shelling) == [(1, 2)]
    rockets = record(
        2,
        "Two children were killed and five others injured in a terrorist rocket attack on the "
        "town, SANA said.",
        "SANA",
        article=2,
    )
    assert tolls(strikes, rockets) == []  # rebels fly no aircraft: two attacks
    # inside one article, two kinds are two attacks
    same_article = record(2, shelling.text, "activists", article=1)
    assert tolls(strikes, same_article) == []


def test_a_town_toll_is_a_part_of_a_toll_told_of_a_citys_outskirts() -> None:
    outskirts = record(
        1,
        "At least 22 civilians have been killed by Syrian regime airstrikes on the outskirts of "
        "Damascus on Monday, the Observatory said.",
        "Syrian Observatory for Human Rights",
        article=1,
    )
    towns = record(
        2,
        "Most of the victims - 14 - died in air strikes on an area between the opposition-held "
        "towns of Hammuriyah and Saqba.",
        None,
        article=2,
        outlet="ahram",
    )
    assert tolls(outskirts, towns) == []


def test_a_denial_in_news_without_an_attack_answers_a_claim_about_its_denier() -> None:
    # news in general: no attack, no culprit; the denial answers what was said of the denier
    records = {
        1: record(
            1,
            "Trump also said the Clinton Foundation took millions from foreign governments.",
            "Donald Trump",
            article=1,
        ),
        2: record(
            2,
            "A foundation spokesman denied that any donation influenced State Department "
            "decisions.",
            "spokesman",
            article=1,
        ),
        3: record(
            3,
            "Trump said the debate moderators were biased against him.",
            "Donald Trump",
            article=1,
        ),
    }
    (conflict,) = incident_denials(records, lambda ref, _other: records[ref].source or "?")
    assert conflict.claims == (1, 2)  # not the claim about the moderators


def test_a_countrys_denial_does_not_answer_every_sentence_naming_the_country() -> None:
    records = {
        1: record(
            1,
            "The two leaders also have emphasised the importance of the maintenance of an ongoing "
            "ceasefire in Syria.",
            "leaders",
            article=1,
        ),
        2: record(2, "Syria denies the charges.", "Syrian government", article=1),
    }
    assert incident_denials(records, lambda ref, _other: "?") == []


def test_a_toll_of_one_neighbourhood_is_a_part_of_a_toll_of_two() -> None:
    sana = record(
        1,
        "Four civilians were killed when terrorists fired rocket shells on al-Hamdaniyeh and "
        "Salah Eddin neighborhoods in Aleppo city.",
        "SANA",
        article=1,
    )
    alalam = record(
        2,
        "Two civilians were killed when terrorist rocket shells hit al-Hamdaniyeh neighborhood in "
        "Aleppo.",
        "Al-Alam",
        article=2,
    )
    assert tolls(sana, alalam) == []
    more = record(
        3,
        "Seven civilians were killed when terrorists fired rocket shells on al-Hamdaniyeh "
        "neighborhood in Aleppo city.",
        "Syrian Observatory for Human Rights",
        article=3,
    )
    assert tolls(sana, more) == [(1, 3)]  # more dead in fewer places: a dispute


def test_a_sum_of_separate_raids_and_rebel_rockets_are_no_toll_of_one_air_strike() -> None:
    # FA-KES, 1-4 Jul 2016: Tariq al-Bab air raid, AFP's day total, Al-Manar's rebel rockets
    civil_defence = record(
        1,
        "At least 16 civilians including women and children were killed Friday during an air "
        "raid by the Syrian regime army on the opposition-held neighborhood of Tareeq al-Bab in "
        "Aleppo.",
        "civil defense source",
        article=1,
    )
    day_total = record(
        2,
        "Separate air raids in northern Syria by regime aircraft and warplanes of the US-led "
        "international coalition killed at least 25 civilians on Friday a monitoring group said.",
        "Syrian Observatory for Human Rights",
        article=2,
    )
    rockets = record(
        3,
        "Eleven civilians were killed among them a child and two women while 44 others were "
        "injured in terrorist attacks with rocket shells and sniper bullets on neighborhoods in "
        "Aleppo city.",
        None,
        article=3,
        outlet="manar",
    )
    assert tolls(civil_defence, day_total, rockets) == []
    other_raid = record(
        4,
        "An air strike on Tareeq al-Bab killed 25 civilians on Friday the Observatory said.",
        "Syrian Observatory for Human Rights",
        article=4,
    )
    assert tolls(civil_defence, other_raid, rockets) == [(1, 4)]


def test_dead_told_as_also_killed_are_no_toll_of_the_incident() -> None:
    # etilaf, 22 Jul 2015, after the missile strike on Aleppo's old quarter
    missile = record(
        1,
        "A missile fired by Syrian forces killed at least 18 civilians on Tuesday in a "
        "residential neighbourhood of Aleppo the Syrian Observatory for Human Rights said.",
        "Syrian Observatory for Human Rights",
        article=1,
    )
    also = record(
        2,
        "Twenty-six civilians were also killed yesterday when Assads air force pounded the "
        "neighborhood of Al-Maghayer in Aleppo.",
        None,
        article=2,
        outlet="etilaf",
    )
    assert tolls(missile, also) == []


def test_a_car_bomb_and_air_strikes_of_one_day_are_two_attacks() -> None:
    # FA-KES, 13-14 Oct 2016, Aleppo province: a car bomb at Azaz, air strikes on Aleppo city
    car_bomb = record(
        1,
        "At least 20 people were killed in a car bomb blast on Thursday at an opposition "
        "checkpoint in Azaz local sources said.",
        "local sources",
        article=1,
    )
    strikes = record(
        2,
        "The Syrian Civil Defence reported on Thursday that 13 people had been killed in "
        "airstrikes on Aleppo.",
        "White Helmets",
        article=2,
    )
    assert tolls(car_bomb, strikes) == []
    barrels = record(
        3,
        "Barrel bombs dropped by regime helicopters killed 20 people on Thursday activists said.",
        "activists",
        article=3,
    )
    assert tolls(barrels, strikes) == [(2, 3)]


def test_a_standing_denial_in_the_present_answers_no_account_of_the_attack() -> None:
    # The New Arab, 25 Aug 2016: the Bab al-Nayrab barrel bomb and the usual line about Assad
    strike = record(
        1,
        "Eleven children were killed on Thursday in a barrel bomb attack carried out by "
        "government forces on a rebel-held neighbourhood of Aleppo the Observatory said.",
        "Syrian Observatory for Human Rights",
        article=1,
    )
    standing = record(
        2,
        "President Bashar al-Assad and his government deny using barrel bombs.",
        "Bashar al-Assad",
        article=1,
    )
    assert incident_denials({1: strike, 2: standing}, lambda ref, _o: "?") == []
    # Ghouta, 21 Aug 2013: "denied using" after the attack answers it
    gassing = record(
        3,
        "Syrias opposition accused government forces of gassing many hundreds of people in a "
        "pre-dawn attack on Wednesday.",
        "Syrian opposition",
        article=2,
    )
    denied = record(
        4,
        "The government of President Bashar al-Assad denied using chemical weapons.",
        "Syrian government",
        article=2,
    )
    (conflict,) = incident_denials({3: gassing, 4: denied}, lambda ref, _o: "?")
    assert conflict.claims == (3, 4)


def test_a_figure_its_article_tells_as_risen_is_a_timeline_wherever_it_is_repeated() -> None:
    # Sputnik, 8 Apr 2017, Khuneida: SANA's 10 in the morning, "has risen to 20" by the evening
    morning = record(
        1,
        "At least 10 civilians were killed in US-led coalitions strikes west of Raqqa Syrian "
        "state-run news agency SANA reported.",
        "SANA",
        article=1,
        outlet="sputnik",
    )
    risen = record(
        2,
        "The number of civilians killed by the US-led coalition airstrike in the Syrian northern "
        "province of Raqqa has risen to 20 with children among them.",
        "Sputnik",
        article=2,
        outlet="sputnik",
    )
    repeated = record(
        3,
        "At least 20 civilians were killed including four children.",
        None,
        article=2,
        outlet="sputnik",
    )
    assert tolls(morning, risen, repeated) == []


def test_western_aleppo_and_sheikh_maqsoud_are_two_places() -> None:
    # 15 Jun 2016: SANA on rebel shells in the west of the city, the Observatory on Sheikh
    # Maqsoud in its north (the gazetteer knows the government-held west as a region)
    west = record(
        1,
        "In western Aleppo rebel shelling killed two people and injured another three on "
        "Wednesday official news agency SANA reported.",
        "SANA",
        article=1,
    )
    north = record(
        2,
        "More than 40 people were wounded in the attack on the Sheikh Maqsoud area the "
        "Britain-based Syrian Observatory for Human Rights said.",
        "Syrian Observatory for Human Rights",
        article=2,
    )
    assert tolls(west, north) == []


def test_fewer_fighters_than_people_are_among_them() -> None:
    # AFP and Sputnik, 4 Jul 2015: the mosque bombing killed 25 Nusra fighters; social media
    # counted more than 40 people: no discrepancy, the fighters are among the dead
    people = record(
        1,
        "Opposition-based social media websites had conflicting casualty figures with some "
        "saying more than 40 people were dead.",
        None,
        article=1,
    )
    fighters = record(
        2,
        "The Idlib province saw 25 Al-Nusra fighters killed when a bomb exploded in a mosque on "
        "Friday said a monitoring group.",
        "monitoring group",
        article=2,
    )
    assert tolls(people, fighters) == []
    # ... while two counts of the fighters are compared
    more = record(
        3,
        "The Islamic State said the bombing left nearly 50 Al-Nusra fighters dead.",
        "Islamic State",
        article=3,
    )
    assert tolls(fighters, more) == [(2, 3)]


def test_a_campaigns_toll_is_no_toll_of_one_attack() -> None:
    # Reuters, 3 Nov 2016: the rebels' week-long counter-attack against one day's rockets
    day = record(
        1,
        "Death toll from terrorist attacks on Aleppo rises to 12 with over 200 injured.",
        None,
        article=1,
        outlet="sana",
    )
    campaign = record(
        2,
        "The Observatory said the rebels had killed 69 civilians including 25 children in "
        "shelling during their counter-attack.",
        "Syrian Observatory for Human Rights",
        article=2,
    )
    violations = record(
        3,
        "Over 65 people have been killed as a result of these violations.",
        None,
        article=3,
        outlet="etilaf",
    )
    assert tolls(day, campaign) == [] and tolls(day, violations) == []


def test_medics_killed_are_a_count_of_medics() -> None:
    # Etilaf, 21 Sep 2016: "15 Medics Killed" counts medics, not everyone the strikes killed
    (q,) = [q for q in frame("15 Medics Killed in Russian Airstrikes on Hospital").numbers]
    assert (q.value, q.noun) == (15, "medics")
