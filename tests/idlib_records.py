"""The Idlib acceptance article as hand-attributed claims (until attribution runs end to end).

Sources are what an editor reads in each sentence; reporter-voice sentences have source None.
"""

# ruff: noqa: E501  (article sentences kept whole, one per entry)
from __future__ import annotations

from datetime import date

PUBLISHED = date(2020, 2, 15)
OUTLET = "The National"

# (sentence, source) in article order, body only (page furniture left out)
IDLIB: list[tuple[str, str | None]] = [
    (
        "Turkey will send a delegation to Russia on Monday to discuss the military escalation in "
        "Syria’s Idlib region, where government forces killed more than a dozen Turkish soldiers in "
        "two attacks this month.",
        None,
    ),
    (
        "Announcing the talks, Turkish Foreign Minister Mevlut Cavusoglu said Ankara would prefer to "
        "resolve matters with Moscow through diplomacy.",
        "Mevlut Cavusoglu",
    ),
    (
        "“If it won’t work through diplomatic channels, we will take the necessary steps,” he said on "
        "Saturday at the Munich Security Conference.",
        "Mevlut Cavusoglu",
    ),
    (
        "Mr Cavusoglu later held talks with his Russian counterpart Sergey Lavrov on the sidelines of "
        "the German gathering and said in tweet that their meeting was positive.",
        "Mevlut Cavusoglu",
    ),
    (
        "Tension between Moscow and Ankara escalated this week as Russia-backed government forces "
        "pressed on with their campaign – despite Turkey’s warnings – and killed five soldiers in "
        "their second attack on a Turkish military position in the province.",
        None,
    ),
    (
        "A Russian delegation held two rounds of talks in Ankara without any resolution being "
        "announced.",
        None,
    ),
    (
        "Russia and Turkey, which back opposing sides in the Syrian conflict, reached a ceasefire "
        "agreement for Idlib in late 2018 under which Turkey set up a dozen military observation "
        "posts in the province, the last bastion of opposition to Mr Al Assad’s rule.",
        None,
    ),
    (
        "The pact called for the establishment of a demilitarised zone between the warring sides and "
        "for extremist groups in the area to be disarmed.",
        None,
    ),
    (
        "Idlib is held by an array of rebels including the Hayat Tahrir Al Sham group led by members "
        "of the former Al Qaeda offshoot in Syria.",
        None,
    ),
    (
        "Mr Lavrov said on Saturday that victory over terrorist groups in Idlib was inevitable.",
        "Sergey Lavrov",
    ),
    (
        "HTS “controls a major part of the Idlib security zone and that’s a problem”, Mr Lavrov said "
        "after his meeting with Mr Cavusoglu.",
        "Sergey Lavrov",
    ),
    ("He called the area “one of the last hotbeds of terrorism” in Syria.", "Sergey Lavrov"),
    (
        "The Russian foreign minister said it was difficult to distinguish “normal opposition from "
        "terrorists” because the extremists were trying to use civilians as shields.",
        "Sergey Lavrov",
    ),
    (
        "The Russian defence ministry said last week that Turkey did not separate “fighters from the "
        "moderate opposition from terrorists” as agreed to in 2018, prompting Turkish Defence "
        "Minister Hulusi Akar to say that force would be used against anyone who did not adhere to "
        "the ceasefire, including radicals.",
        "Russian Defence Ministry",
    ),
    (
        "Turkey has sent military reinforcements into Idlib to push back government forces, which "
        "have surrounded at least four of its outposts.",
        None,
    ),
    (
        "President Recep Tayyip Erdogan has week called for pro-Assad forces to pull back and warned "
        "Damascus they would pay a “heavy price” should Turkish troops come under fire again.",
        "Recep Tayyip Erdogan",
    ),
    (
        "Turkey says it wants to stop the Damascus regime’s aggression in an attempt to stop the "
        "deaths of civilians and to prevent a wave of refugees trying to reach Turkey.",
        "Turkey",
    ),
    (
        "The conflict in the assault in the province has forced 800,000 people to flee since "
        "December, the United Nations said.",
        "United Nations",
    ),
    (
        "Mr Erdogan’s office said he had discussed ways to end the bloodshed in Idlib in a phone call "
        "to US President Donald Trump on Saturday.",
        "Turkish Presidency",
    ),
    (
        "“Stressing that the regime’s most recent attacks are unacceptable, Mr Erdogan and Mr Trump "
        "exchanged views on ways to end the crisis in Idlib without further delay,” the presidency "
        "announced.",
        "Turkish Presidency",
    ),
    (
        "Mr Erdogan, who was returning from a visit to Pakistan, said he had also spoken to Russian "
        "President Vladimir Putin.",
        "Recep Tayyip Erdogan",
    ),
    (
        "The attacks on Turkish troops and Ankara’s retaliation, which its military claimed had "
        "killed scores of government fighters, have raised fears of prolonged fighting.",
        "Turkish military",
    ),
    (
        "This is despite government forces having apparently achieved their main objective of "
        "retaking control of a motorway connecting the capital Damascus with the northern city of "
        "Aleppo, the country’s main economic hub.",
        None,
    ),
    (
        "On Friday, a second Syrian government helicopter was shot down over Idlib in the space of a "
        "week.",
        None,
    ),
    (
        "Turkey’s state-owned Anadolu news agency said the helicopter was shot down by Ankara-backed "
        "rebels,",
        "Anadolu",
    ),
    (
        "The state-owned Russia Today channel said it was hit by a shoulder-fired missile launched "
        "from a Turkish military observation post near the town of Dara Azza.",
        "Russia Today",
    ),
    (
        "The Syrian Observatory for Human Rights, a UK-based war monitor, blamed the attack on "
        "Turkey.",
        "Syrian Observatory for Human Rights",
    ),
    ("It said both pilots were killed.", "Syrian Observatory for Human Rights"),
    ("There was no immediate claim of responsibility.", None),
    (
        "A rebel military source and witnesses told Reuters that Russian jets had been bombarding "
        "areas in the countryside west of Aleppo earlier on Friday but returned to the city after "
        "the helicopter was struck.",
        "a rebel military source",
    ),
    (
        "A government helicopter was shot down earlier in the week after the attack by Syrian forces "
        "on Turkish soldiers.",
        None,
    ),
    (
        "Also on Friday, Israeli air strikes on the airport area of Damsacus killed at least three "
        "Syrian soldiers and four members of Iran’s Islamic Revolutionary Guard Corps, the "
        "Observatory said.",
        "Syrian Observatory for Human Rights",
    ),
    (
        "A report by Syrian state news agency Sana said missiles were intercepted over Damascus but "
        "made no mention of casualties or the source of the attack.",
        "Sana",
    ),
    ("Israel does not usually comment on strikes in Syria.", None),
]


def idlib_records() -> list:  # list[ClaimRecord]; typed loosely to keep this a data module
    from claimtrack.frame import frame_article
    from claimtrack.model import ClaimRecord

    frames = frame_article([t for t, _ in IDLIB], PUBLISHED)
    return [
        ClaimRecord(
            ref=i + 1,
            article_ref=1,
            text=t,
            source=s,
            frame=f,
            published=PUBLISHED,
            seq=i,
            outlet=OUTLET,
        )
        for i, ((t, s), f) in enumerate(zip(IDLIB, frames, strict=True))
    ]
