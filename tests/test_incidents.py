"""Incidents: where and when each account happened, and which accounts tell of one happening."""

from __future__ import annotations

from datetime import date

from claimtrack.frame import frame, frame_article
from claimtrack.gazetteer import gazetteer
from claimtrack.incidents import (
    MATCH_SCORE,
    Placed,
    dateline,
    incident_label,
    kind_of,
    locate,
    same_incident,
)

APRIL_4 = date(2017, 4, 4)


def located(title: str, texts: list[str], published: date | None = APRIL_4):  # type: ignore[no-untyped-def]
    frames = frame_article(texts, published)
    return locate(title, texts, frames, published, frame(title, published) if title else None)


def test_gazetteer_knows_spellings_and_the_hierarchy() -> None:
    gz = gazetteer()
    assert "khan sheikhoun" in gz.spellings["khan shaykhun"]
    assert gz.governorate("khan shaykhun") == "idlib"
    assert gz.governorate("idlib") == "idlib" and gz.is_governorate("idlib")
    assert gz.within("douma", "ghouta") and gz.within("douma", "damascus")
    assert not gz.within("douma", "idlib")
    assert gz.governorate("kilis") == "abroad:turkey"  # a Turkish border town, not Syria


def test_lead_incident_from_headline_and_lede() -> None:
    found = located(
        "Suspected gas attack kills dozens in Syria's Khan Sheikhoun",
        [
            "At least 58 people were killed on Tuesday in a suspected chemical attack on the "
            "town of Khan Sheikhoun in Idlib province, the Syrian Observatory said.",
            "The Observatory said 11 children were among the dead.",
            "The Syrian army denied using chemical weapons.",
        ],
    )
    lead = found.incidents[0]
    assert (lead.place, lead.governorate, lead.kind) == (
        "khan shaykhun",
        "idlib",
        "chemical_attack",
    )
    assert lead.day == APRIL_4  # "on Tuesday" in a report of Tuesday 4 April
    assert lead.label == "Khan Shaykhun, 4 Apr 2017, chemical attack"
    assert found.claim_incident == (0, 0, 0)


def test_background_and_other_times_belong_to_no_incident() -> None:
    found = located(
        "Air strikes kill 20 in Douma",
        [
            "Air strikes on the town of Douma killed 20 civilians on Tuesday, a monitor said.",
            "More than 1400 people were killed in the 2013 chemical attack on the Ghouta.",
            "A similar attack in April killed 12 people in the town.",
            "More than 300000 people have been killed since the conflict began in 2011.",
            "Rescuers said the toll could rise.",
        ],
    )
    assert found.claim_incident == (0, None, None, None, 0)


def test_a_second_incident_in_one_article_is_its_own() -> None:
    # the sample article: talks in Idlib, a helicopter downed on Friday, Israeli strikes on
    # Damascus "also on Friday"
    texts = [
        "Turkey will send a delegation to Russia on Monday to discuss the military escalation "
        "in Idlib.",
        "On Friday, a second Syrian government helicopter was shot down over Idlib.",
        "Turkey's state-owned Anadolu news agency said the helicopter was shot down by "
        "Ankara-backed rebels.",
        "It said both pilots were killed.",
        "Also on Friday, Israeli air strikes on the airport area of Damascus killed at least "
        "three Syrian soldiers, the Observatory said.",
        "A report by Syrian state news agency Sana said missiles were intercepted over Damascus.",
    ]
    found = located("Turkish officials head to Russia over Idlib", texts, date(2020, 2, 15))
    kinds = [i.kind for i in found.incidents]
    downing = found.claim_incident[1]
    assert downing is not None and found.claim_incident[2] == found.claim_incident[3] == downing
    assert kinds[downing] == "shoot_down"
    assert found.claim_incident[4] not in (None, downing)
    damascus = found.incidents[found.claim_incident[4] or 0]
    assert (damascus.place, damascus.day) == ("damascus", date(2020, 2, 14))
    assert found.claim_incident[5] == found.claim_incident[4]


def test_a_claim_of_another_governorate_without_a_town_is_no_incident() -> None:
    found = located(
        "Air strikes kill 12 in Idlib",
        [
            "Air strikes killed 12 people in the town of Saraqeb in Idlib on Monday.",
            "At least 327 people have also been killed in clashes in the neighbouring province "
            "of Aleppo.",
        ],
    )
    assert found.claim_incident == (0, None)


def test_same_incident_blocks_on_governorate_day_and_town() -> None:
    a = Placed(APRIL_4, "khan shaykhun", "idlib", "chemical_attack", "Gas attack kills 58 in Idlib")
    b = Placed(
        date(2017, 4, 5),
        "khan shaykhun",
        "idlib",
        "chemical_attack",
        "Toxic gas attack on Khan Sheikhoun kills at least 72",
    )
    assert same_incident(a, b) >= MATCH_SCORE
    # a governorate only: maybe the same place told less precisely
    c = Placed(APRIL_4, "idlib", "idlib", "chemical_attack", "Dozens killed in gas attack in Idlib")
    assert same_incident(a, c) >= MATCH_SCORE
    # another town of the governorate, another kind: another incident
    d = Placed(APRIL_4, "maarat al-numan", "idlib", "bombing", "Car bomb kills five in Maarat")
    assert same_incident(a, d) < MATCH_SCORE
    # days apart, or another governorate: never
    assert same_incident(a, Placed(date(2017, 4, 9), *_rest(a))) == 0.0
    assert (
        same_incident(a, Placed(APRIL_4, "douma", "damascus", "chemical_attack", a.signature)) == 0
    )
    # no day: only the same wire story
    assert same_incident(a, Placed(None, *_rest(a))) >= 90
    assert same_incident(a, Placed(None, *_rest(d))) == 0.0


def _rest(p: Placed) -> tuple[str | None, str | None, str, str]:
    return (p.place, p.governorate, p.kind, p.signature)


def test_a_town_and_the_region_it_lies_in_may_be_one_incident() -> None:
    douma = Placed(APRIL_4, "douma", "damascus", "air_strike", "Air strikes kill 19 in Douma")
    ghouta = Placed(
        APRIL_4, "ghouta", "damascus", "air_strike", "Shelling of Eastern Ghouta kills 19"
    )
    assert same_incident(douma, ghouta) >= MATCH_SCORE
    # two towns of one region, two kinds of attack, unlike words: two incidents (FA-KES, 3 Jul
    # 2016: an IS suicide attack in Dumayr and the regime's shelling of Jayrud)
    jayrud = Placed(
        date(2016, 7, 3),
        "jayrud",
        "damascus",
        "air_strike",
        "Fierce government bombardment of an opposition-controlled Syrian town has killed 43",
    )
    dumayr = Placed(
        date(2016, 7, 3),
        "dumayr",
        "damascus",
        "bombing",
        "ISIS fighters also claimed a suicide attack on a rival rebel group in the town of Dumeir "
        "east of Damascus on Sunday that killed 16 people.",
    )
    assert same_incident(jayrud, dumayr) < MATCH_SCORE


def test_kinds_and_labels() -> None:
    assert kind_of(("kill", "air_strike")) == "air_strike"
    assert kind_of(("kill", "chemical", "air_strike")) == "chemical_attack"
    assert kind_of(("kill",)) == "attack"
    assert kind_of(()) == "event"
    assert incident_label(None, None, "shelling") == "place unknown, date unknown, shelling"


def test_dateline_reads_the_date_an_article_opens_with() -> None:
    assert dateline("Sun 05 Jul 2015 22 dead in heavy U.S. raids") == date(2015, 7, 5)
    assert dateline("Published June 12 2016 At least 39 people") == date(2016, 6, 12)
    assert dateline("05-07-2015 US Raids on ISILs Syria Stronghold") == date(2015, 7, 5)
    assert dateline("Air strikes kill 20 in Idlib on Sunday") is None
    # no known date: the text's own dateline places the incident
    found = located("", ["Sun 05 Jul 2015 22 dead in U.S. raids on Raqqa."], None)
    assert found.incidents[0].day == date(2015, 7, 5)
    # a known date wins over a line atop a saved page (the day it was viewed)
    found = located(
        "",
        ["Abu Dhabi, UAESaturday 30 May 2020", "Air strikes hit Idlib on Friday."],
        date(2020, 2, 15),
    )
    assert found.incidents[0].day == date(2020, 2, 14)


def test_the_gazetteer_is_data() -> None:
    from importlib import resources

    import pytest

    from claimtrack.gazetteer import parse_gazetteer

    shipped = resources.files("claimtrack.rules").joinpath("gazetteer.toml").read_text("utf-8")
    assert parse_gazetteer(shipped) == gazetteer()
    added = parse_gazetteer(
        shipped + '\n[places."kafr ruma"]\nspellings = ["kafr ruma", "kafrouma"]\n'
        'governorate = "idlib"\n'
    )
    assert added.governorate("kafr ruma") == "idlib" and "kafrouma" in added.spellings["kafr ruma"]
    assert gazetteer().governorate("kafr ruma") is None
    with pytest.raises(ValueError, match="unknown governorates"):
        parse_gazetteer('[places."x"]\nspellings = ["x"]\ngovernorate = "atlantis"\n')
    with pytest.raises(ValueError, match="lower-case"):
        parse_gazetteer('[places."x"]\nspellings = ["X"]\n')


def test_the_attack_an_assault_answered_is_an_incident_of_its_own() -> None:
    # FA-KES, Reuters 5 Feb 2015: the air strikes are the lead; the rocket barrage that they
    # answered is another incident (other outlets report it as their lead), not background
    found = located(
        "Syrian air strikes kill 70 people after rebel rocket attack",
        [
            "Syrian air force strikes killed at least 70 people in an opposition district "
            "outside Damascus on Thursday, a monitoring group said.",
            "The assault came after rebels fired at least 70 rockets and mortar rounds at the "
            "capital killing seven people including a policeman.",
            "More than 200000 people have been killed since the conflict began in 2011.",
        ],
        date(2015, 2, 5),
    )
    lead, answered, background = found.claim_incident
    assert lead == 0 and background is None
    assert answered not in (None, 0)
    rockets = found.incidents[answered or 0]
    assert (rockets.governorate, rockets.kind) == ("damascus", "shelling")


def test_a_weekday_a_week_back_yields_to_a_nearer_day() -> None:
    # etilaf, dated 13 Nov 2017: its dateline's "Tuesday" read against the 13th is the 7th;
    # "on Monday November 13" is the incident's day
    found = located(
        "Syrian Coalition Condemns Horrific Massacre by Russian Air Force in Town of Atareb",
        [
            "Tuesday 14 November 2017 The Syrian Coalition strongly condemns the brutal crime "
            "which was committed by aircraft of the Russian occupation forces in the town of "
            "Atareb in western rural Aleppo on Monday November 13.",
        ],
        date(2017, 11, 13),
    )
    assert found.incidents[0].day == date(2017, 11, 13)


def test_the_kind_is_what_killed_not_its_cause() -> None:
    # FA-KES: the headline's "after rebel rocket attack" tells the cause of the air strikes
    strikes = located(
        "Syrian air strikes kill 70 people after rebel rocket attack Monitor",
        [
            "Syrian air force strikes killed at least 70 people in an opposition district "
            "outside Damascus the Syrian Observatory for Human Rights said.",
        ],
        date(2015, 2, 6),
    )
    assert strikes.incidents[0].kind == "air_strike"
    # "a revenge shelling attack after a downed pilot was killed": the shelling's toll
    revenge = located(
        "Syrian regime revenge attack kills scores in Qalamoun",
        [
            "The Syrian regime has killed at least 43 people in the town of Jayrud near Damascus "
            "in a revenge shelling attack after a downed pilot was killed.",
        ],
        date(2016, 7, 2),
    )
    assert revenge.incidents[0].kind == "shelling"


def test_air_strikes_that_dropped_gas_are_a_chemical_attack() -> None:
    found = located(
        "Chemical Massacre in Idlib Defies the World",
        [
            "At least 58 people were killed on Tuesday when warplanes struck the town of Khan "
            "Sheikhoun in Idlib province in a suspected chemical attack.",
            "Air strikes later hit a hospital where victims were being treated.",
            "Witnesses said the planes dropped bombs that released a toxic gas.",
        ],
    )
    assert found.incidents[0].kind == "chemical_attack"
    # and an air strike and a gas attack on one town a day apart may be one incident
    strike = Placed(APRIL_4, "khan shaykhun", "idlib", "air_strike", "Air strikes on Idlib town")
    gas = Placed(APRIL_4, "khan shaykhun", "idlib", "chemical_attack", "Gas attack kills 58")
    assert same_incident(strike, gas) >= MATCH_SCORE


def test_a_town_of_the_region_told_first_and_the_cause_of_a_reprisal_are_one_incident() -> None:
    # The New Arab, 2 Jul 2016: the headline names the region, the lede the town in it, and
    # the shelling was revenge "after a downed pilot was killed" (the downing is its cause)
    texts = [
        "2 July 2016 The Syrian regime has killed at least 43 people in the town of Jayrud near "
        "Damascus in a revenge shelling attack after a downed pilot was killed by rebels.",
        "The bombardment hit the town of Jayrud on Saturday where Islamist rebels killed a "
        "pilot they captured after he was forced to eject on Friday.",
    ]
    found = located(
        "Syrian regime revenge attack kills scores in Qalamoun", texts, date(2016, 7, 2)
    )
    assert found.claim_incident == (0, 0)
    assert found.incidents[0].kind == "shelling"


def test_a_dateline_repeating_the_report_date_yields_to_the_day_the_lede_tells() -> None:
    # AFP, Sunday 3 Jul 2016: the shelling the headline tells of was on Saturday
    texts = [
        "43 killed in Syria army shelling of rebel town Monitor AFP Sunday 3 Jul 2016 Fierce "
        "government bombardment of an opposition-controlled Syrian town killed at least 43 "
        "people a monitor said.",
        "Hours of air strikes and shelling on Saturday struck Jayrud 60 kilometres (35 miles) "
        "northeast of Damascus according to the Syrian Observatory for Human Rights.",
        "Observatory head Rami Abdel Rahman said two medics were among the dead.",
    ]
    found = located(None, texts, date(2016, 7, 3))  # type: ignore[arg-type]
    assert found.incidents[0].day == date(2016, 7, 2)
    assert found.incidents[0].place == "jayrud"
    # ... but not to the day of the cause the lede names ("a response to rocket attacks ...
    # on Thursday"), and a dateline with nothing else stays the incident's day
    texts = [
        "Syrian air strikes kill 70 people after rebel rocket attack Monitor Reuters Friday 6 "
        "Feb 2015 Syrian air force strikes killed at least 70 people in an opposition district "
        "outside Damascus a monitor said.",
        "The Observatory said the focused barrage was a response to rocket attacks by Islam "
        "Army insurgents on Thursday which killed 10 people.",
    ]
    assert located(None, texts, date(2015, 2, 6)).incidents[0].day == date(2015, 2, 6)  # type: ignore[arg-type]


def test_air_strikes_and_a_rebel_rocket_attack_on_one_day_are_two_incidents() -> None:
    day = date(2015, 2, 5)
    strikes = Placed(
        day,
        "ghouta",
        "damascus",
        "air_strike",
        "Syria strikes kill 45 after rebel fire on Damascus Monitor AFP Thursday 5 Feb 2015 At "
        "least 45 people were killed in Syrian government air strikes on opposition areas "
        "around Damascus",
    )
    rockets = Placed(
        day,
        "damascus",
        "damascus",
        "shelling",
        "05-02-2015 Jaysh al-Islam Fires Rocket Shells at Damascus Kills 3 Wounds 20 Militants "
        "of the so-called Jaysh al-Islam terrorist group fired rocket shells on Thursday",
    )
    assert same_incident(strikes, rockets) < MATCH_SCORE
    # government shelling and air strikes on one town are one bombardment told two ways
    shelling = Placed(
        day,
        "ghouta",
        "damascus",
        "shelling",
        "Regime shelling and air raids kill dozens in Eastern Ghouta",
    )
    assert same_incident(strikes, shelling) >= MATCH_SCORE


def test_rebel_fire_told_in_a_report_of_air_strikes_is_its_own_incident_in_passing() -> None:
    # AFP, 25 Aug 2016: the Observatory's figure for rebel fire on the government-held west is
    # no toll of the barrel bomb attack; the article then goes on with the barrel bombs
    texts = [
        "Fifteen civilians among them 11 children were killed in a barrel bomb attack on the "
        "rebel-held Bab al-Nayrab district of Aleppo on Thursday the Syrian Observatory for "
        "Human Rights said.",
        "The group also reported eight civilians including two children were killed on "
        "Thursday in rebel fire on the government-held west of the city.",
        "An AFP journalist in Bab al-Nayrab saw rescue workers and civilians digging through "
        "the rubble of collapsed buildings.",
    ]
    found = located(
        "Barrel bomb attack kills 11 children in Syria's Aleppo", texts, date(2016, 8, 25)
    )
    lead, fire, after = found.claim_incident
    assert lead == after == 0 and fire not in (None, 0)
    assert found.incidents[fire].kind == "shelling"


def test_a_turn_with_nothing_of_its_own_tells_no_new_incident() -> None:
    # Asharq Al-Awsat, 5 Apr 2017: "Meanwhile" the Coalition gives its toll of the same attack;
    # AFP, 25 Aug 2016: "Elsewhere" a worker shields a dead child: no place, day or kind of its
    # own, compared with nothing, and the article goes on with its incident
    found = located(
        "Chemical Massacre in Idlib Defies the World",
        [
            "The Syrian Observatory for Human Rights said the suspected chemical attack on Khan "
            "Sheikhoun killed at least 58 people on Tuesday.",
            "Meanwhile the National Coalition for Syrian Revolution and Opposition Forces said "
            "the attack killed more than 100 people including 25 children.",
            "Elsewhere a civil defence worker protected the face of another dead child as his "
            "colleagues scraped away the rubble.",
            "The Syrian government denied any responsibility for the attack.",
        ],
    )
    assert found.claim_incident == (0, 0, None, 0)
    assert len(found.incidents) == 1


def test_a_story_of_an_attack_that_never_says_gas_is_not_the_gas_attack() -> None:
    # Reuters: an army ambush near Adra and reports of a gas attack on the Damascus suburbs,
    # both dated by their records to one day: an article about a gas attack says so
    day = date(2013, 8, 14)
    ambush = Placed(
        day, "adra", "damascus", "attack", "Syrian army kills 62 rebels east of Damascus"
    )
    gas = Placed(
        day,
        "damascus",
        "damascus",
        "chemical_attack",
        "Saudi Arabia calls for emergency U.N. Council meeting on Syria chemical attack",
    )
    assert same_incident(ambush, gas) < MATCH_SCORE


def test_meanwhile_another_source_at_the_same_place_is_the_same_incident() -> None:
    # The New Arab, 16 Oct 2017: SANA's toll of the same shelling of Old Damascus is another
    # account of it, not another happening; a turn to another source about another city is
    # still another incident
    texts = [
        "Rebel shelling on the Syrian capital Damascus killed four civilians on Sunday a "
        "Britain-based monitor said.",
        "Four civilians were killed in the Old Damascus district after rebel shelling the "
        "Observatory said.",
        "Meanwhile state news agency SANA said artillery fire killed two people and wounded nine "
        "others in the Bab Sharqi area of Old Damascus.",
        "Meanwhile Human Rights Watch said in a report that a US air strike on a mosque in "
        "Aleppo province killed 38 people in March.",
    ]
    found = located("Rebel shelling kills four civilians in Damascus", texts, date(2017, 10, 16))
    assert found.claim_incident[:3] == (0, 0, 0)
    assert found.claim_incident[3] != 0
