"""Event frames on real sentences (the Idlib article and FA-KES)."""

from __future__ import annotations

from datetime import date

from claimtrack.frame import (
    agents_compatible,
    agents_related,
    events_compatible,
    frame,
    frame_article,
    frame_from_json,
    frame_to_json,
    weapon_agents,
)
from claimtrack.model import Polarity

PUB = date(2020, 2, 15)  # a Saturday


def test_shot_down_by_ankara_backed_rebels() -> None:
    f = frame(
        "Turkey’s state-owned Anadolu news agency said the helicopter was shot down by "
        "Ankara-backed rebels,",
        PUB,
    )
    assert f.events == ("shoot_down",)
    assert f.agents == ("turkey-backed rebels",)
    assert f.roles[0][2] == "by Ankara-backed rebels"
    assert "helicopter" in f.targets


def test_launched_from_turkish_post_blames_turkey_near_dara_azza() -> None:
    f = frame(
        "The state-owned Russia Today channel said it was hit by a shoulder-fired missile launched "
        "from a Turkish military observation post near the town of Dara Azza.",
        PUB,
    )
    assert f.agents == ("turkey",)
    assert f.roles[0][0] == "strike"
    assert "dara azza" in f.places
    assert f.dates == ()  # "Russia Today" is a channel, not a date


def test_blamed_the_attack_on_turkey() -> None:
    f = frame(
        "The Syrian Observatory for Human Rights, a UK-based war monitor, blamed the attack on "
        "Turkey."
    )
    assert f.roles == (("attack", "turkey", "blamed the attack on Turkey"),)


def test_israeli_air_strikes_killed_at_least_three() -> None:
    f = frame(
        "Also on Friday, Israeli air strikes on the airport area of Damsacus killed at least three "
        "Syrian soldiers and four members of Iran’s Islamic Revolutionary Guard Corps, the "
        "Observatory said.",
        PUB,
    )
    assert f.dates == (date(2020, 2, 14),)
    assert "damascus" in f.places  # misspelt in the article
    assert ("kill", "israel") in [(r[0], r[1]) for r in f.roles]
    three, four = f.numbers
    assert (three.value, three.low, three.high, three.qualifier) == (3, 3, None, "at_least")
    assert three.role == "dead" and three.noun == "soldiers"
    assert four.value == 4 and four.role == "dead"


def test_sana_intercepted_and_silent_on_casualties() -> None:
    f = frame(
        "A report by Syrian state news agency Sana said missiles were intercepted over Damascus "
        "but made no mention of casualties or the source of the attack."
    )
    assert f.events == ("intercept",)  # "the attack" inside what it is silent about is no event
    assert f.polarity is Polarity.OMITTED
    assert f.omitted == ("casualties", "agent")
    assert f.places == ("damascus",)


def test_government_forces_killed_turkish_soldiers_are_targets() -> None:
    f = frame(
        "Turkey will send a delegation to Russia on Monday to discuss the military escalation in "
        "Syria’s Idlib region, where government forces killed more than a dozen Turkish soldiers "
        "in two attacks this month.",
        PUB,
    )
    assert f.roles[0][:2] == ("kill", "syrian government")
    assert "turkey" not in f.agents
    assert f.dates == (date(2020, 2, 17),)  # "will ... on Monday" looks forward
    (q,) = f.numbers  # "two attacks" counts no one
    assert (q.value, q.low, q.qualifier, q.role) == (12, 13, "more_than", "dead")


def test_passive_subject_is_not_the_agent() -> None:
    f = frame("On Friday, a second Syrian government helicopter was shot down over Idlib.", PUB)
    assert f.agents == ()
    assert f.places == ("idlib",)
    assert f.dates == (date(2020, 2, 14),)


def test_numbers_with_qualifiers() -> None:
    f = frame(
        "The conflict in the assault in the province has forced 800,000 people to flee since "
        "December, the United Nations said."
    )
    (q,) = f.numbers
    assert (q.value, q.qualifier, q.role) == (800000, "exact", "displaced")
    g = frame(
        "Ankaras retaliation which its military claimed had killed scores of government fighters"
    )
    assert g.numbers[0].qualifier == "vague" and g.numbers[0].low == 40


def test_fakes_text_without_commas() -> None:
    f = frame(
        "A bomb blast killed six people and injured 32 in the Salah al-Din district of Aleppo "
        "Syrian state television reported on Wednesday without giving further details.",
        date(2017, 4, 19),
    )
    assert {"bomb", "kill", "injure"} <= set(f.events)
    assert [(q.value, q.role) for q in f.numbers] == [(6, "dead"), (32, "injured")]
    assert f.places == ("salaheddin", "aleppo")
    assert f.dates == (date(2017, 4, 19),)  # the day it was reported, nothing else dates it
    assert f.polarity is Polarity.ASSERTED  # "without giving further details" omits no toll
    h = frame("Six people were killed and dozens others wounded in a blast in Aleppos Salaheddin")
    assert [(q.value, q.role) for q in h.numbers] == [(6, "dead"), (24, "injured")]
    assert "aleppo" in h.places and "salaheddin" in h.places


def test_explicit_dates_and_denial() -> None:
    f = frame("Posted on April 4 2017 58 Killed in Suspected Gas Attack in Syrias Idlib")
    assert date(2017, 4, 4) in f.dates
    assert "chemical" in f.events and "idlib" in f.places
    d = frame("A Syrian military source strongly denied the army had used any such weapons.")
    assert d.polarity is Polarity.DENIED
    # FA-KES, Oct 2016: a denial of one's own forces' part, without "that"
    belgium = frame(
        "Belgian defence ministry spokeswoman Laurence Mortier denied the countrys air force was "
        "active in the area at the time."
    )
    assert belgium.polarity is Polarity.DENIED
    assert frame("Aid convoys were denied access to the town.").polarity is Polarity.ASSERTED
    # Al-Manar: "martyrs" are the dead, whatever word stands between
    martyrs = frame("6 Lebanese martyrs and 22 injured were claimed in a terrorist bombing.")
    assert [(q.value, q.role) for q in martyrs.numbers] == [(6, "dead"), (22, "injured")]
    headline = frame("Terrorist Rocket Attacks Kill 10 Civilians Injured Dozens in Daraa")
    assert [(q.value, q.role) for q in headline.numbers] == [(10, "dead"), (24, "injured")]
    # "eight civilians were killed in rebel fire": fire of one side's guns is shelling
    fire = frame("Eight civilians were killed Thursday in rebel fire on the west of the city.")
    assert "shell" in fire.events


def test_article_context_fills_it_and_the_attack() -> None:
    texts = [
        "On Friday, a second Syrian government helicopter was shot down over Idlib.",
        "The state-owned Russia Today channel said it was hit by a shoulder-fired missile.",
        "The Syrian Observatory for Human Rights blamed the attack on Turkey.",
        "A government helicopter was shot down earlier in the week after an attack on soldiers.",
    ]
    fs = frame_article(texts, PUB)
    assert fs[1].dates == (date(2020, 2, 14),) and "helicopter" in fs[1].targets
    assert fs[2].dates == (date(2020, 2, 14),) and "idlib" in fs[2].places
    assert fs[3].dates == ()  # "earlier in the week" is another time


def test_agent_and_event_relations() -> None:
    assert not agents_compatible("turkey", "turkey-backed rebels")
    assert agents_related("turkey", "turkey-backed rebels")
    assert agents_compatible("hts", "rebels")
    assert events_compatible("shoot_down", "strike")
    assert events_compatible("intercept", "air_strike")
    assert not events_compatible("shoot_down", "air_strike")
    assert not events_compatible("flee", "kill")


def test_json_round_trip() -> None:
    f = frame(
        "Also on Friday, Israeli air strikes on the airport area of Damascus killed at least three "
        "Syrian soldiers, the Observatory said.",
        PUB,
    )
    assert frame_from_json(frame_to_json(f)) == f
    assert frame_from_json("{}") == frame("")


def test_not_denials() -> None:
    assert (
        frame(
            "An international coalition source did not deny that airstrikes had been carried out "
            "in Manbij."
        ).polarity
        is Polarity.ASSERTED
    )
    assert (
        frame(
            "The significant airstrikes tonight were executed to deny Daesh the ability to move "
            "military capabilities throughout Syria."
        ).polarity
        is Polarity.ASSERTED
    )
    assert (
        frame("The government of President Bashar al-Assad denied using chemical weapons.").polarity
        is Polarity.DENIED
    )


def test_counts_that_are_not_tolls() -> None:
    # a part of a toll given elsewhere
    q = frame(
        "The Syrian Observatory for Human Rights said at least 14 of the dead were rebels."
    ).numbers
    assert [x.role for x in q] == ["part"]
    # things, compound adjectives and page furniture count no one
    assert frame("The blast puts the four-town evacuation deal in doubt.").numbers == ()
    attack = frame("The attack on two villages killed 15 civilians.").numbers
    assert [(x.value, x.noun) for x in attack] == [(15, "civilians")]
    url = frame("20.04.2017(updated 1618 20.04.2017) Get short URL 215 The toll rose to 24 dead.")
    assert 215 not in [x.value for x in url.numbers]


def test_role_from_participle_after_the_counted_noun() -> None:
    q = frame("Girl child killed two others injured in terrorist rocket attack on Aleppo.").numbers
    assert [(x.value, x.role) for x in q] == [(2, "injured")]
    q = frame("Five people died and eight others experienced breathing difficulties.").numbers
    assert [(x.value, x.role) for x in q] == [(5, "dead"), (8, "")]


def test_holder_of_a_place_is_not_the_culprit() -> None:
    f = frame(
        "US-led coalition raids hit a town controlled by IS in Raqqa province killing 12 people."
    )
    assert "islamic state" not in f.agents
    assert "us-led coalition" in f.agents
    f = frame("Regime air strikes hit a village held by rebels near Hama.")
    assert "rebels" not in f.agents
    assert frame("The attack was claimed by DAESH.").agents == ("islamic state",)


def test_generic_terrorists_cover_any_armed_group_but_no_state() -> None:
    assert frame("A terrorist car bomb killed five people in Qamishli.").agents == ("terrorists",)
    assert agents_compatible("terrorists", "islamic state")
    assert agents_compatible("hts", "terrorists")
    assert agents_compatible("terrorists", "rebels")
    assert not agents_compatible("terrorists", "syrian government")
    assert not agents_compatible("russia", "terrorists")


def test_additions_and_dates_are_not_tolls() -> None:
    (q,) = frame(
        "Two more civilians were killed in a rocket attack on the town of Bayanoun."
    ).numbers
    assert q.role == "part"
    (q,) = frame("Another 39 were killed by airstrikes in neighbouring Idlib province.").numbers
    assert q.role == "part"
    # "another" after a first count of the sentence is the other half of one toll
    qs = frame("An explosion inside a bus killed six people and injured another ten.").numbers
    assert [(q.value, q.role) for q in qs] == [(6, "dead"), (10, "injured")]
    qs = frame(
        "27-07-2016 Syria Dozens Martyred Injured in Qamishli ISIL Terrorist Attack."
    ).numbers
    assert all(q.value != 27 for q in qs)
    (q,) = frame("Russia says kills 7 Nusra Front field commanders in Syria air strike.").numbers
    assert q.noun == "commanders"


def test_ranges_superseded_tolls_and_war_totals() -> None:
    (q,) = frame(
        "The opposition accused the Syrian government of launching a chemical attack and "
        "killing between 1000 and 1800 people."
    ).numbers
    assert (q.low, q.high, q.noun, q.role, q.qualifier) == (1000, 1800, "people", "dead", "range")
    qs = frame("The monitoring group updated its earlier death toll of 15 for the strike.").numbers
    assert [q.role for q in qs] == ["part"]
    assert frame(
        "The conflict in Syria which has lasted five years has killed 280000 people."
    ).background
    assert frame(
        "Hundreds were killed in chemical strikes carried out by government troops in August 2013."
    ).background


def test_a_number_in_a_place_name_is_not_a_toll() -> None:
    f = frame(
        "A source at Damascus Police Command told the correspondent that terrorists located in "
        "Douma area fired rocket shells and explosive rounds at the neighborhoods of al-Sheikh "
        "Saad and al-Mazzeh 86 in al-Mazzeh area injuring 7 people who were rushed to hospital."
    )
    assert [(q.value, q.role) for q in f.numbers] == [(7, "injured")]
    # commas are stripped in this corpus: a toll right after a place is still a toll
    assert [q.value for q in frame("In al-Bab 12 civilians were killed.").numbers] == [12]


def test_weapon_agents_name_who_fired() -> None:
    assert weapon_agents(
        "Syrian state news agency SANA said rebel fire on the regime-controlled district of "
        "Hamdaniyeh on Wednesday killed 13 people and wounded 25 others."
    ) == {"rebels"}
    assert weapon_agents(
        "Three civilians were killed after a toxic gas believed to be chlorine gas was released "
        "by a helicopter belonging to the regime."
    ) == {"syrian government"}
    assert weapon_agents("Airstrikes on a rebel-held village killed 12 people.") == set()


def test_a_death_toll_that_rose_to_a_figure_is_a_toll() -> None:
    f = frame(
        "Afp - The death toll in a suicide car bomb attack on buses carrying Syrians evacuated "
        "from two besieged government-held towns has risen to at least 112 a monitoring group "
        "said Sunday."
    )
    # "two besieged government-held towns" counts towns, not people
    assert [(q.value, q.role) for q in f.numbers] == [(112, "dead")]
    f = frame("The death toll from the explosion rose to 10 while 59 others were injured.")
    assert [(q.value, q.role) for q in f.numbers] == [(10, "dead"), (59, "injured")]


def test_place_spellings_with_hyphens_and_stripped_apostrophes() -> None:
    # FA-KES strips apostrophes: "Syrias" is never part of a place's name
    assert frame(
        "Shelling on the city of Deir al-Zor Syrias largest eastern city killed five."
    ).places == ("deir ezzor",)
    assert "syrias aleppo" not in frame("Air strikes hit the city of Syrias Aleppo.").places


def test_the_day_a_source_spoke_yields_to_the_day_of_the_attack() -> None:
    tuesday = date(2017, 11, 14)
    said = frame(
        "Air strikes that ripped through a market in a rebel-held Syrian town have killed at "
        "least 61 people mostly civilians a war monitor said on Tuesday.",
        tuesday,
    )
    assert said.dates == (tuesday,)  # nothing else dates it: the day of the report
    hit = frame(
        "Three strikes hit the northwestern town of Atareb on Monday the Syrian Observatory for "
        "Human Rights (SOHR) said.",
        tuesday,
    )
    assert hit.dates == (date(2017, 11, 13),)
    both = frame("The Observatory on Tuesday said 12 people were killed on Monday.", tuesday)
    assert both.dates == (date(2017, 11, 13),)
    killed = frame("Air strikes killed 13 people on Tuesday when warplanes hit Aleppo.", tuesday)
    assert killed.dates == (tuesday,)


def test_a_dateline_that_repeats_the_publication_date_does_not_date_the_attack() -> None:
    wednesday = date(2016, 9, 21)
    convoy = frame(
        "Date of publication 21 September 2016 Russian and regime warplanes were behind the "
        "attacks that targeted a UN convoy on Monday night.",
        wednesday,
    )
    assert convoy.dates == (date(2016, 9, 19),)
    # a dateline of another day than the record's is kept: the page says when it is from
    other = frame("Thursday 25 Aug 2016 Barrel bomb attack kills 11 children in Aleppo.", wednesday)
    assert date(2016, 8, 25) in other.dates


def test_a_toll_so_far_or_in_total_is_the_days_not_the_wars() -> None:
    assert not frame(
        "while the Syrian Observatory for Human Rights said that 35 people in total had died."
    ).background
    assert not frame(
        "Ibrahim Alhaj of the Syrian Civil Defense said hospitals and rescuers have documented "
        "the deaths of 43 people so far."
    ).background
    assert frame(
        "Peace talks have deadlocked and there is no end in sight to a conflict that has so far "
        "claimed 280000 lives."
    ).background
    assert frame("Russia has so far lost at least 12 soldiers in the Syrian war.").background
    assert frame("A total of 54 SARC volunteers have been killed since 2011.").background


def test_the_side_a_clause_opens_with_fired_the_weapons_it_names() -> None:
    from claimtrack.frame import weapon_agents

    # AFP, 6 Oct 2016: the groups named in apposition are of one side
    assert weapon_agents(
        "Rebel groups including the powerful Ahrar al-Sham faction and former Al-Qaeda "
        "affiliate Fateh al-Sham Front fired waves of rockets into government-held western "
        "Aleppo killing at least 15 civilians a monitor said."
    ) == {"rebels"}
    assert weapon_agents("Regime forces shelled rebel areas after rebels fired rockets") == {
        "syrian government"
    }
    # the one who speaks is not the one who fired
    assert "russia" not in weapon_agents("Russia said rebels fired rockets at the airbase")
    assert "rebels" not in weapon_agents("The Syrian army said it fired on rebel positions")


def test_coordinated_counts_share_their_noun() -> None:
    # Sputnik, 18 May 2017: the 28 killed are militants, never a civilian toll
    f = frame(
        "On Wednesday media reported citing a military source that the Syria army had killed 28 "
        "and wounded 30 Daesh militants in the city."
    )
    assert [(q.value, q.role, q.noun) for q in f.numbers] == [
        (28, "dead", "militants"),
        (30, "injured", "militants"),
    ]


def test_the_target_of_shelling_and_the_praise_of_a_deal_name_no_attacker() -> None:
    from claimtrack.frame import weapon_agents

    # "shelling of rebel town": the rebels are shelled; "Syria army shelling" is the army's
    assert weapon_agents("43 killed in Syria army shelling of rebel town Monitor") == {
        "syrian government"
    }
    assert weapon_agents("a helicopter of the regime dropped barrels") == {"syrian government"}
    # "agreements touted by the rebels" says who praised them, not who attacked
    assert (
        frame(
            "The deal to evacuate the towns was the latest in a string of such agreements touted "
            "by the rebels as the best way to end the fighting."
        ).roles
        == ()
    )


def test_a_quoted_figure_keeps_its_noun() -> None:
    # AFP, 15 Aug 2016: IS's figure is of rebels, like the Observatory's
    (q,) = frame('ISs statement said the attack left "nearly 50" rebels dead').numbers
    assert (q.value, q.qualifier, q.noun, q.text) == (50, "about", "rebels", "nearly 50 rebels")


def test_planes_believed_to_be_of_a_side_name_their_side() -> None:
    # AFP via Jordan Times, 26 Oct 2016: the activist's words blame Russia (and Moscow denied)
    f = frame(
        '"The dead children are schoolchildren and the planes are believed to be Russian" '
        "Rami Abdel-Rahman the organizations head said."
    )
    assert f.agents == ("russia",)
    assert frame("A woman believed to be a rebel fighter was killed in the raid.").agents == ()


def test_calling_an_accusation_false_is_a_denial() -> None:
    from claimtrack.model import Polarity

    for text in (
        "Clinton campaign chairman John Podesta said the accusations were false and called "
        "them a distraction.",
        "Syria described the reports its army had used chemical weapons as completely untrue.",
        "The Pentagon called the reports baseless.",
        "A Clinton campaign spokesman disputed the report, calling it a smear.",
        # Sputnik, 16 May 2017; AP, 21 Sep 2016
        "Operation Inherent Resolve spokesman Col. John Dorrian wrote on Twitter that the "
        "coalition did not carry out strikes near Abu Kamal.",
        "Assad told AP that Russia was not behind a deadly attack on an aid convoy on Monday.",
        "The White House pushed back on the allegations on Monday.",
        # Russia's answer to the aid convoy attack (The New Arab, 21 Sep 2016)
        'Igor Konashenkov said that videos recorded at the scene showed no evidence of "munitions '
        'hitting the convoy" and instead attributed the destruction to a fire.',
    ):
        assert frame(text).polarity is Polarity.DENIED, text
    # an adjective of a noun is no verdict; no evidence of targets denies no attack
    assert frame("The strike hit a school as false alarms sounded.").polarity is not (
        Polarity.DENIED
    )
    assert frame(
        "Human Rights Watch said there was no evidence of military targets in the area."
    ).polarity is not (Polarity.DENIED)
    assert frame("The two sides disputed the ceasefire terms.").polarity is not Polarity.DENIED


def test_the_verb_lives_counts_no_dead() -> None:
    # Daily Sabah, 14 Sep 2016: a resident's family is no toll
    (q,) = frame(
        "says Mustafa a 48-year-old man who lives with his two elderly parents his wife and "
        "daughter."
    ).numbers
    assert q.role == ""
    (q,) = frame("The bombing claimed the lives of 20 people.").numbers
    assert (q.value, q.role) == (20, "dead")
