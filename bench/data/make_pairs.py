"""Build bench/data/pairs.jsonl from hand-written labels (see PAIRS.md).

Each entry below was written by reading both sentences in fakes-dev.csv: the claim text (an exact
substring of the article, checked here), who speaks it (the attributed source, or the outlet for the
reporter's own voice), whether the two tell of the same event, and which conflict an editor would
flag between them ("none" when they agree or are not the same event). Nothing here comes from
claimtrack's output. Run: python bench/data/make_pairs.py
"""

# ruff: noqa: E501  (claim sentences are kept whole, one per line)
from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "fakes-dev.csv"
OUT = Path(__file__).with_name("pairs.jsonl")

# (unit_id, text, speaker)
A = tuple[str, str, str]
# (a, b, same_event, conflict, note)
PAIRS: list[tuple[A, A, bool, str, str]] = [
    # --- 19 Apr 2017, Aleppo: bomb in Salaheddin, 6 dead (wire copy republished; 30 vs 32 wounded)
    (
        (
            "1914947534",
            "A bomb blast killed six people and injured 32 in the Salah al-Din district of Aleppo Syrian state television reported on Wednesday without giving further details.",
            "Syrian state television",
        ),
        (
            "1923848124",
            "A bomb blast killed six people and injured 32 in the Salah al-Din district of Aleppo Syrian state television reported on Wednesday without giving further details.",
            "Syrian state television",
        ),
        True,
        "none",
        "wire copy republished by NNA and Al-Ahram",
    ),
    (
        (
            "1914947534",
            "A bomb blast killed six people and injured 32 in the Salah al-Din district of Aleppo Syrian state television reported on Wednesday without giving further details.",
            "Syrian state television",
        ),
        (
            "1918150028",
            "Syrian state TV said an explosive device went off in the northern city of Aleppo killing six people and wounding 30 others.",
            "Syrian state television",
        ),
        True,
        "none",
        "one source",
    ),
    (
        (
            "1926478982",
            "A bomb exploded in Aleppos Salaheddin district on Wednesday killing six and wounding 32 people Syrian state television reported.",
            "Syrian state television",
        ),
        (
            "1919191770",
            "A bomb killed six people and wounded more than 30 in Syrias second city Aleppo on Wednesday the Assad regimes official television channel reported.",
            "Syrian state television",
        ),
        True,
        "none",
        "same figures",
    ),
    (
        (
            "1918150028",
            "Six people were killed and dozens others wounded in a blast that rocked the northern Syrian city of Aleppo",
            "Asharq Al-Awsat",
        ),
        (
            "1926478982",
            "A bomb exploded in Aleppos Salaheddin district on Wednesday killing six and wounding 32 people Syrian state television reported.",
            "Syrian state television",
        ),
        True,
        "none",
        "dozens vs 32 wounded is consistent",
    ),
    (
        (
            "1918150028",
            "Meanwhile the widely criticized evacuation of thousands of Syrians from four besieged areas resumed Wednesday state media and activists said days after a bombing killed more than 120 evacuees and delayed the population transfer.",
            "state media and activists",
        ),
        (
            "1914947534",
            "A bomb blast killed six people and injured 32 in the Salah al-Din district of Aleppo Syrian state television reported on Wednesday without giving further details.",
            "Syrian state television",
        ),
        False,
        "none",
        "the earlier convoy bombing, not the Salaheddin blast",
    ),
    # --- 10 Jul 2016, Aleppo: Castello road, 29 rebels dead
    (
        (
            "1914947535",
            "At least 29 Syrian rebels were killed in clashes with regime troops overnight during a failed bid to reopen the oppositions key supply route into Aleppo city a monitor said Sunday.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1965511175",
            "Nearly 30 foreign-sponsored Takfiri terrorists have been killed in an offensive they had unsuccessfully launched to reopen a key supply route into the Syrian northern city of Aleppo",
            "Al-Manar",
        ),
        True,
        "none",
        "29 vs nearly 30",
    ),
    (
        (
            "1923102826",
            "At least 29 Syrian rebels were killed during a major counter-offensive to recapture a critical supply route into Aleppo and break regime siege of the city which threatens 300000 civilians.",
            "Al-Araby",
        ),
        (
            "1965511175",
            "It added that Syrian army soldiers launched a counter-offensive killing 29 extremists and foiling their attack.",
            "SANA",
        ),
        True,
        "none",
        "same toll",
    ),
    # --- 5 Jul 2016, Hasakeh: motorcycle suicide bomb, 16 dead
    (
        (
            "1914947536",
            "A suicide bomb blast killed at least 16 people in the mostly Kurdish-controlled city of Hasaka in northeastern Syria on Tuesday the monitoring group the Syrian Observatory for Human Rights said.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1918398793",
            "A motorcycle bomber killed at least 16 civilians outside a bakery in Syrias Hasakeh city Tuesday on the eve of the feast marking the end of Ramadan an official said.",
            "an official",
        ),
        True,
        "none",
        "16 and 16",
    ),
    (
        (
            "1923848176",
            "A motorcycle bomber killed at least 16 people and wounded 40 Tuesday in a suicide attack on a Kurdish-populated district of the northeastern Syrian city of Hasakeh an official said.",
            "an official",
        ),
        ("1923102821", "Kurdish police put the death toll at 16 earlier.", "Kurdish police"),
        True,
        "none",
        "16 and 16",
    ),
    (
        (
            "1918398793",
            "Rami Abdel Rahman head of the Syrian Observatory for Human Rights said the attack killed at least 16 people and wounded another 40.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1924058175",
            "Rami Abdel Rahman head of the Syrian Observatory for Human Rights said the attack killed at least 16 people and wounded another 40.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "none",
        "Daily Sabah published the story twice",
    ),
    # --- 5 Jul 2015, Raqqa: US raids
    (
        (
            "1914947537",
            "Six civilians including a child were among at least 22 people killed in U.S. air strikes on the Islamic State groups de facto Syrian capital on Saturday and Sunday a monitor said.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1918398782",
            "ISIS said at least 10 people were killed and many others wounded.",
            "Islamic State",
        ),
        True,
        "number",
        "22 vs 10 dead",
    ),
    (
        (
            "1965511164",
            "Six civilians including a child were among at least 22 people killed in US air strikes on the stronghold of the Takfiri group ISIL (so-called Islamic State in Iraq and Syria) on Saturday and Sunday a monitor said.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1914947537",
            "Six civilians including a child were among at least 22 people killed in U.S. air strikes on the Islamic State groups de facto Syrian capital on Saturday and Sunday a monitor said.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "none",
        "one source, republished",
    ),
    # --- 22 Feb 2015, Latakia: Qardaha hospital suicide bomb
    (
        (
            "1914947538",
            "A suicide bomber driving an ambulance killed four people on Sunday in an unprecedented attack on a hospital that took Syrias civil war to the ruling Assad clans hometown for the first time a monitoring group said.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1923848200",
            "A suicide bomber killed four people in a hospital on Sunday in an attack that took Syrias civil war to the ruling Assad clans hometown for the first time a monitoring group said.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "none",
        "one source",
    ),
    # --- 1 Feb 2015, Damascus: bus bomb
    (
        (
            "1914947539",
            "An explosion inside a bus killed six people and injured another ten in down town Damascus according to preliminary reports on Sunday.",
            "NNA",
        ),
        (
            "1965511156",
            "6 Lebanese martyrs and 22 injured were claimed in a terrorist bombing which targeted on Sunday a bus at a parking lot in the neighborhood of al-Kallaseh in Damascus.",
            "Al-Manar",
        ),
        True,
        "number",
        "10 vs 22 injured",
    ),
    (
        (
            "1914947539",
            "Syrias government run TV said the explosion took place in Al Kalassa region of the Syrian capital and that 19 people were injured and an unspecified number of others killed.",
            "Syrian state television",
        ),
        (
            "1965511156",
            "6 Lebanese martyrs and 22 injured were claimed in a terrorist bombing which targeted on Sunday a bus at a parking lot in the neighborhood of al-Kallaseh in Damascus.",
            "Al-Manar",
        ),
        True,
        "number",
        "19 vs 22 injured",
    ),
    # --- 21-24 Aug 2013, Damascus: Ghouta chemical attack
    (
        (
            "1926479363",
            "EU diplomatic chief Federica Mogherini said Tuesday the regime of Bashar al-Assad bears primary responsibility for a suspected chemical attack that killed at least 58 people in a rebel-held town in Idlib Syria including 11 children under the age of eight on Tuesday.",
            "Federica Mogherini",
        ),
        (
            "1926479179",
            "Opponents of Bashar al-Assad said the presidents forces killed 1300 people when they unleased chemical weapons east and southwest of Damascus in the attacks on Wednesday.",
            "Syrian opposition",
        ),
        False,
        "none",
        "Khan Shaykhun 2017 vs Ghouta 2013",
    ),
    (
        (
            "1926479179",
            "Opponents of Bashar al-Assad said the presidents forces killed 1300 people when they unleased chemical weapons east and southwest of Damascus in the attacks on Wednesday.",
            "Syrian opposition",
        ),
        (
            "1965495324",
            "Still the claims could muddy the debate about who was responsible for an alleged gas attack on rebel-held suburbs of the capital on Wednesday that activists say killed more than 130 people.",
            "activists",
        ),
        True,
        "number",
        "1300 vs more than 130",
    ),
    (
        (
            "1926479179",
            "Opponents of Bashar al-Assad said the presidents forces killed 1300 people when they unleased chemical weapons east and southwest of Damascus in the attacks on Wednesday.",
            "Syrian opposition",
        ),
        (
            "1926479179",
            "The Syrian government has strongly denied accusations it carried out the attacks but so far it has not said whether it will let U.N. inspectors visit the sites.",
            "Syrian government",
        ),
        True,
        "denial",
        "opposition blames, government denies",
    ),
    (
        (
            "1965495324",
            "Syrian state media accused rebels of using chemical arms on Saturday against government troops trying to storm a contested neighborhood of Damascus claiming a major army offensive in recent days had forced the opposition fighters to resort to such weapons",
            "Syrian state media",
        ),
        (
            "1926479179",
            "Opponents of Bashar al-Assad said the presidents forces killed 1300 people when they unleased chemical weapons east and southwest of Damascus in the attacks on Wednesday.",
            "Syrian opposition",
        ),
        False,
        "none",
        "Saturday's alleged attack on troops vs Wednesday's Ghouta attack",
    ),
    (
        (
            "1914947540",
            "The rocket bomb packed with heavy explosive material led to the killing of one person and the injury of 40 others",
            "Syrian state television",
        ),
        (
            "1926479179",
            "Opponents of Bashar al-Assad said the presidents forces killed 1300 people when they unleased chemical weapons east and southwest of Damascus in the attacks on Wednesday.",
            "Syrian opposition",
        ),
        False,
        "none",
        "a rocket in Damascus vs the gas attack",
    ),
    (
        (
            "1926479260",
            "Russia has been Syrian President Bashar al-Assads strongest backer during the civil war blocking a number of Western initiatives in the U.N. Security Council and blaming the August 21 gas attack on rebel forces.",
            "Russia",
        ),
        (
            "1926479219",
            "Washington blames the Syrian government for the attack which it says kills more than 1400 people.",
            "United States",
        ),
        True,
        "actor",
        "rebels vs the government",
    ),
    (
        (
            "1926479099",
            "Syrias opposition accused government forces of gassing many hundreds of people - by one report as many as 1300 - in a pre-dawn attack on Wednesday.",
            "Syrian opposition",
        ),
        (
            "1926479099",
            "The government of President Bashar al-Assad denied using chemical weapons.",
            "Syrian government",
        ),
        True,
        "denial",
        "accused vs denied",
    ),
    (
        (
            "1926479389",
            "Syrias opposition accused government forces of gassing hundreds of people on Wednesday by firing rockets that released deadly fumes over rebel-held Damascus suburbs killing men women and children as they slept.",
            "Syrian opposition",
        ),
        (
            "1926479310",
            "World leaders have responded to the claim by activists in the Syrian Revolution General Commission that at least 640 people were killed in a nerve gas attack on Syrias Ghouta region.",
            "Syrian Revolution General Commission",
        ),
        True,
        "none",
        "hundreds vs at least 640: consistent",
    ),
    (
        (
            "1926479125",
            "The draft resolution would include an explicit condemnation of an August 21 chemical weapons attack on the outskirts of Damascus which the United States says came from Assads forces and killed more than 1400 people.",
            "United States",
        ),
        (
            "1926479215",
            "The U.N. Security Council said on Wednesday that it is seeking clarity on reports suggesting that Syrian regime forces killed 1300 people using chemical weapons.",
            "UN Security Council",
        ),
        True,
        "number",
        "more than 1400 vs 1300",
    ),
    (
        (
            "1926479389",
            "Moscow urging an objective inquiry said the very presence of that team suggested government forces were not to blame.",
            "Russia",
        ),
        (
            "1926479389",
            "Syrias opposition accused government forces of gassing hundreds of people on Wednesday by firing rockets that released deadly fumes over rebel-held Damascus suburbs killing men women and children as they slept.",
            "Syrian opposition",
        ),
        True,
        "denial",
        "Moscow: the government is not to blame",
    ),
    # --- 7 Jul 2015, Aleppo: Nusra suicide bomb on an army post
    (
        (
            "1915433683",
            "A suicide bomber from Syrias al Qaeda offshoot the Nusra Front blew himself up in a Syrian army outpost in a contested neighborhood in the divided northern city of Aleppo and killed at least 25 soldiers and allied militia and injured scores a monitor said.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1965495337",
            "A suicide bomber from the Nusra Front terrorist group blew himself up at an army outpost in Syrias largest city of Aleppo Monday killing at least 25 Syrian Army soldiers and fighters loyal to President Bashar Assad and injuring many more",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "none",
        "one source",
    ),
    # --- 16 Jul 2015, al-Bab: barrel bombs
    (
        (
            "1915433687",
            "At least 11 civilians including three children were killed in regime barrel bomb attacks in the town of al-Bab held by the extremist Islamic State group a monitoring group said.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1923848186",
            "At least 11 civilians among them three children were killed Thursday in regime barrel bomb attacks on a jihadist-held town in northern Syria a monitoring group said.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "none",
        "one source",
    ),
    (
        (
            "1915433687",
            "Since Saturday at least 68 civilians have been killed in aerial attacks on the town.",
            "Al-Araby",
        ),
        (
            "1923848186",
            "In May more than 60 civilians were killed by barrel bomb attacks on the town.",
            "Al-Ahram",
        ),
        False,
        "none",
        "a week's toll vs May's toll",
    ),
    # --- 3 Aug 2015, Ariha: warplane crash
    (
        (
            "1915433694",
            "A Syrian military aircraft crashed while on a bombing run over the rebel-held northwestern town of Ariha on Monday leaving at least 27 people dead a monitoring group said.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1918398790",
            "Thirty-five people were killed on Monday-and scores of others injured-when a Syrian regime warplane crashed into a market in the opposition-held town of Ariha in Syrias northwestern Idlib province according to a local civil defense",
            "local civil defense",
        ),
        True,
        "number",
        "27 vs 35",
    ),
    (
        (
            "1915433694",
            "The LCC said 27 people were killed and many others were wounded.",
            "Local Coordination Committees",
        ),
        (
            "1918398790",
            "Rami Abdurrahman who heads the Britain-based Syrian Observatory for Human Rights said the warplane crashed in the center of the town destroying several homes and killing at least 12 people.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "number",
        "27 vs at least 12",
    ),
    # --- 2 Jul 2016, Jayrud: reprisal shelling
    (
        (
            "1915433695",
            "The Syrian regime has killed at least 43 people in the town of Jayrud near Damascus in a revenge shelling attack after a downed pilot was killed by rebels.",
            "Al-Araby",
        ),
        (
            "1918398795",
            "Two medics were among at least 31 people killed on Saturday in Syrian government shelling of an opposition-held town northeast of the capital the Syrian Observatory for Human Rights said.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "number",
        "43 vs 31",
    ),
    (
        (
            "1918150039",
            "Thirty civilians were killed on Saturday in intensive Syrian air strikes on a Damascan suburb town northeast of the city a day after the reported execution of a Syrian air force pilot a monitor and rebels said.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1923848178",
            "Syrian government shelling of a rebel-held town killed 31 people including two medics on Saturday as a two-year local truce broke down after suspected Al-Qaeda militants killed a captured regime pilot.",
            "Al-Ahram",
        ),
        True,
        "none",
        "30 vs 31: same toll within rounding",
    ),
    (
        (
            "1918398795",
            "He said at least 31 people were killed including two medics.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1923848178",
            "He said at least 31 people were killed including two medics.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "none",
        "republished",
    ),
    # --- 4-5 Apr 2017, Khan Shaykhun chemical attack
    (
        (
            "1918150026",
            "The Syrian Observatory for Human Rights said the attack believed to have been carried out by Syrian regime or Russian jets killed at least 58 people including 11 children at ages below 8.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1923848144",
            "The death toll from a suspected chemical weapons attack on a rebel-held Syrian town has risen to 86 30 of them children a monitoring group said on Wednesday.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "none",
        "one source updating its toll",
    ),
    (
        (
            "1918150026",
            "Many pointed their fingers at the Syrian regime which denied any responsibility for the attack and described the massacre as fabricated fake accusations by the armed fighters.",
            "Syrian government",
        ),
        (
            "1918150026",
            "Warplanes releasing toxic gas targeted Tuesday the town of Khan Sheikhoun in Idlib northwestern Syria massacring dozens of people and injuring hundreds.",
            "Asharq Al-Awsat",
        ),
        True,
        "denial",
        "the regime denies the massacre",
    ),
    (
        (
            "1919191759",
            "An alleged chemical attack that killed at least 58 and injured dozens in the rebel-held town of Khan Shaykhun in Idlib province has triggered global criticism.",
            "TRT",
        ),
        (
            "1926479363",
            "A Syrian military source strongly denied the army had used any such weapons.",
            "Syrian military source",
        ),
        True,
        "denial",
        "asserted vs denied",
    ),
    (
        (
            "1918150030",
            "The Britain-based Syrian Observatory for Human Rights monitoring group put the death toll at 58 saying there were 11 children among the dead.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1918150030",
            "Meanwhile the Idlib Media Center said dozens of people had been killed.",
            "Idlib Media Center",
        ),
        True,
        "none",
        "dozens is consistent with 58",
    ),
    (
        (
            "1926479363",
            "The air strikes on the town of Khan Sheikhoun in the south of rebel-held Idlib also wounded more than 60 people said the Observatory a British-based war-monitoring group.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1919191759",
            "An alleged chemical attack that killed at least 58 and injured dozens in the rebel-held town of Khan Shaykhun in Idlib province has triggered global criticism.",
            "TRT",
        ),
        True,
        "none",
        "more than 60 and dozens wounded are consistent",
    ),
    (
        (
            "1926479327",
            "He blamed the attack squarely on Syrian President Bashar Assad.",
            "Donald Trump",
        ),
        (
            "1918150026",
            "Many pointed their fingers at the Syrian regime which denied any responsibility for the attack and described the massacre as fabricated fake accusations by the armed fighters.",
            "Syrian government",
        ),
        True,
        "denial",
        "Trump blames Assad; the regime denies",
    ),
    (
        (
            "1919191759",
            "An alleged chemical attack that killed at least 58 and injured dozens in the rebel-held town of Khan Shaykhun in Idlib province has triggered global criticism.",
            "TRT",
        ),
        (
            "1923102874",
            "At least 19 civilians were killed in heavy aerial bombardment of several opposition-held towns east of the Syrian capital on Tuesday a monitoring group said.",
            "Syrian Observatory for Human Rights",
        ),
        False,
        "none",
        "same day, Idlib vs Eastern Ghouta",
    ),
    (
        (
            "1923848145",
            "At least 19 civilians were killed on Tuesday in heavy aerial bombardment of several opposition-held towns east of the Syrian capital a monitoring group said.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1923102874",
            "At least 19 civilians were killed in heavy aerial bombardment of several opposition-held towns east of the Syrian capital on Tuesday a monitoring group said.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "none",
        "republished",
    ),
    # --- 11-12 Jul 2016, Aleppo
    (
        (
            "1918398801",
            "Regime airstrikes killed 20 civilians on Monday in the Bab al-Maqam neighborhood of Aleppo Syria Live Network (SLN) reported.",
            "Syria Live Network",
        ),
        (
            "1919191745",
            "The Britain-based Syrian Observatory for Human Rights said air raids by regime forces on the opposition-held part of Aleppo killed 13 civilians on Monday.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "number",
        "20 vs 13 civilians in Monday's raids on opposition-held Aleppo",
    ),
    (
        (
            "1918150034",
            "The assault raged by the opposition was accompanied by launching tenths of missiles on the western districts dominated by the Syrian regime leading to the death of eight and the injury of 89 according to Syria TV.",
            "Syrian state television",
        ),
        (
            "1919191745",
            "The Britain-based Syrian Observatory for Human Rights said air raids by regime forces on the opposition-held part of Aleppo killed 13 civilians on Monday.",
            "Syrian Observatory for Human Rights",
        ),
        False,
        "none",
        "rebel rockets on the west vs regime raids on the east",
    ),
    # --- 10-12 Aug 2016, Aleppo
    (
        (
            "1926479098",
            "A child and a woman were killed and seven others were injured by terrorist rocket and sniper attacks that targeted Aleppo city and al-Hader town in Aleppos southern countryside on Friday.",
            "SANA",
        ),
        (
            "1923102850",
            "Airstrikes in opposition areas of Syrias northern Aleppo province struck a market a hospital and a village on Friday killing at least 18 people including children and two hospital staffers.",
            "Al-Araby",
        ),
        False,
        "none",
        "rebel fire vs air strikes, same day and province",
    ),
    (
        (
            "1918150044",
            "Three civilians were killed and more than twenty others suffered from suffocation on Wednesday night after a toxic gas believed to be chlorine gas was released by a helicopter belonging to the regime.",
            "Asharq Al-Awsat",
        ),
        (
            "1923102847",
            "A helicopter dropped toxic gas barrel over Aleppo on Wednesday killing four and leaving many more suffering from breathing problems.",
            "Al-Araby",
        ),
        True,
        "number",
        "3 vs 4 dead in the chlorine attack",
    ),
    (
        (
            "1919191753",
            "Hamza Khatib the manager of Al-Quds hospital in Aleppo told a Reuters photographer the hospital had recorded four deaths from gas poisoning and 55 injuries.",
            "Hamza Khatib",
        ),
        (
            "1919191753",
            "Syria Civil Defence a Syrian rescue service operating in rebel-held territory said it had recorded three deaths and 22 injuries after a barrel containing a gas suspected of being chlorine fell on the Zubdiya neighbourhood of rebel-held Aleppo.",
            "Syria Civil Defence",
        ),
        True,
        "number",
        "4 vs 3 dead, 55 vs 22 injured",
    ),
    (
        (
            "1923102847",
            "Those killed were believed to have inhaled chlorine gas and died from poisoning the manager of al-Quds hospital Hamza Khatib told Reuters news agency.",
            "Hamza Khatib",
        ),
        (
            "1919191753",
            "Hamza Khatib the manager of Al-Quds hospital in Aleppo told a Reuters photographer the hospital had recorded four deaths from gas poisoning and 55 injuries.",
            "Hamza Khatib",
        ),
        True,
        "none",
        "one source",
    ),
    # --- 21 Jul 2015, Aleppo: missile on Maghayir
    (
        (
            "1918398785",
            "At least 18 civilians were killed on Tuesday when a ground-to-ground missile struck a rebel-held neighborhood in the northern Syrian city of Aleppo a monitoring group said.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1923848184",
            "It killed 18 civilians including one child and wounded dozens of others",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "none",
        "one source",
    ),
    (
        (
            "1918398785",
            "Another 50 were wounded or missing in the citys central neighborhood of Maghawir the Syrian Observatory for Human Rights said blaming the attack on forces loyal to the Syrian dictator Bashar al-Assad.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1923848184",
            "A missile fired by Syrian forces killed at least 18 civilians on Tuesday in a residential neighbourhood of the old quarter of Aleppo city a monitoring group said.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "none",
        "one source",
    ),
    # --- 3-4 Jul 2015, Ariha: mosque blast
    (
        (
            "1918398791",
            "An explosion at a mosque in Syrias Idlib province on Friday killed at least 25 members of the Al Qaeda-linked Nusra Front the British-based Syrian Observatory for Human Rights monitoring group said.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1918398791",
            "Opposition-based social media websites had conflicting casualty figures with some saying more than 40 people were dead.",
            "opposition social media",
        ),
        True,
        "number",
        "25 vs more than 40",
    ),
    (
        (
            "1965495338",
            "Situated in the northern part of Syria the Idlib province saw 25 Al-Nusra fighters killed when a bomb exploded in a mosque on Friday said a monitoring group.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1918398791",
            "An explosion at a mosque in Syrias Idlib province on Friday killed at least 25 members of the Al Qaeda-linked Nusra Front the British-based Syrian Observatory for Human Rights monitoring group said.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "none",
        "one source",
    ),
    # --- 19 Jul 2016, Manbij: coalition strikes on Tokhar
    (
        (
            "1918398799",
            "Airstrikes on Daesh-held villages in northern Syria killed at least 85 civilians on Tuesday as intense fighting was underway between the militants and U.S-backed fighters Syrian opposition activists and the extremist group said.",
            "activists",
        ),
        (
            "1923848168",
            "Children were among at least 56 civilians killed in strikes by a US-led coalition early on Tuesday near a Syrian village held by the Islamic State (IS) group a monitor said.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "number",
        "85 vs 56",
    ),
    (
        (
            "1965495350",
            "Over 100 Syrian civilians have been killed in US-led coalition airstrikes against Daesh terrorist group near the city of Manbij in the Aleppo governorate a local source told Sputnik on Tuesday.",
            "local source",
        ),
        (
            "1923848168",
            "Children were among at least 56 civilians killed in strikes by a US-led coalition early on Tuesday near a Syrian village held by the Islamic State (IS) group a monitor said.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "number",
        "over 100 vs 56",
    ),
    (
        (
            "1923848168",
            "On Monday the Observatory said 21 civilians had been killed in coalition raids in the area 15 in a northern district of Manbij and another six in Al-Tukhar.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1923848168",
            "Children were among at least 56 civilians killed in strikes by a US-led coalition early on Tuesday near a Syrian village held by the Islamic State (IS) group a monitor said.",
            "Syrian Observatory for Human Rights",
        ),
        False,
        "none",
        "Monday's raids vs Tuesday's",
    ),
    (
        (
            "1918398799",
            "Residents in the area blamed the U.S.-led coalition for the strikes that targeted two villages Tokhar and Hoshariyeh which are controlled by IS activists said.",
            "residents",
        ),
        (
            "1918398799",
            "The Britain-based Syrian Observatory for Human Rights said at least 56 civilians including 11 children were killed in the strikes on the villages which also wounded dozens.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "none",
        "no disagreement",
    ),
    # --- 28-29 Jul 2016
    (
        (
            "1919191741",
            "At least 15 civilians were killed and many wounded in fresh air strikes by US-led coalition in Syria on Thursday morning.",
            "TRT",
        ),
        (
            "1923848160",
            "At least 10 civilians were killed including five children in air strikes Friday on the rebel-held town of Atareb in Aleppo province of northern Syria a monitor said.",
            "Syrian Observatory for Human Rights",
        ),
        False,
        "none",
        "different days, places and air forces",
    ),
    # --- 27 Jul 2016, Qamishli: truck bomb
    (
        (
            "1919191742",
            "A bomb blast in the Syrian city of Qamishli on Wednesday killed 48 people and left dozens more wounded.",
            "TRT",
        ),
        (
            "1923848164",
            "A double bomb attack killed 31 people in the Kurdish-majority city of Qamishli in northeastern Syria on Wednesday Syrian state television reported.",
            "Syrian state television",
        ),
        True,
        "number",
        "48 vs 31",
    ),
    (
        (
            "1923848165",
            "Syrias state TV has raised the death toll from a car bombing in a predominantly Kurdish town in the countrys north saying 22 people died and dozens were wounded.",
            "Syrian state television",
        ),
        (
            "1924058172",
            "A twin bombing struck a crowd in a predominantly Kurdish town in northern Syria on Wednesday killing 44 people and wounding dozens more Syrias state-run news agency and Kurdish media reported.",
            "SANA and Kurdish media",
        ),
        True,
        "number",
        "22 vs 44",
    ),
    (
        (
            "1965511170",
            "A terrorist car bomb attack killed at least 44 and injured 140 others on Wednesday in al-Qameshli city in Hasaka province.",
            "Al-Manar",
        ),
        (
            "1924058172",
            "A twin bombing struck a crowd in a predominantly Kurdish town in northern Syria on Wednesday killing 44 people and wounding dozens more Syrias state-run news agency and Kurdish media reported.",
            "SANA and Kurdish media",
        ),
        True,
        "none",
        "44 and 44",
    ),
    (
        (
            "1923848164",
            "In a breaking news alert it said rescue workers were still retrieving victims of the blasts and that at least 170 people had also been wounded.",
            "Syrian state television",
        ),
        (
            "1965511170",
            "A terrorist car bomb attack killed at least 44 and injured 140 others on Wednesday in al-Qameshli city in Hasaka province.",
            "Al-Manar",
        ),
        True,
        "number",
        "at least 170 vs 140 wounded",
    ),
    # --- 14-15 Aug 2016, Atmeh: IS suicide bomb on rebels
    (
        (
            "1919191752",
            "A suicide attack near the Atmeh refugee camp in Syrias border province of Idlib kills at least 15 people.",
            "TRT",
        ),
        (
            "1923848150",
            "The attack killed 32 rebels as they were entering Turkey the Britain-based Observatory said updating an earlier toll on Sunday evening of 15.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "number",
        "15 vs 32",
    ),
    (
        (
            "1923848150",
            "The Islamic State militants group (IS) on Monday claimed responsibility for a suicide bombing that killed more than 30 Syrian rebel fighters in a blast near the Turkish border.",
            "Al-Ahram",
        ),
        (
            "1962495724",
            "The Islamic State (ISIS Daesh ISIL IS) terrorist group on Monday claimed responsibility for a suicide bombing that killed more than 30 Syrian rebel fighters in a blast near the Turkish border.",
            "Al-Alam",
        ),
        True,
        "none",
        "wire copy",
    ),
    # --- 8-9 Aug 2016, Idlib
    (
        (
            "1919191754",
            "Syrian opposition-held district of Sevre in the northwestern province of Idlib was hit by a vacuum bomb attack aerially dropped by Syrian regime on Monday leaving five people dead and 12 injured.",
            "TRT",
        ),
        (
            "1923102845",
            "A hospital funded by medical charity Medcins Sans Frontieres [MSF] in a rebel-held province of northern Syria was destroyed by airstrikes over the weekend that killed 13 people MSF said on Monday.",
            "MSF",
        ),
        False,
        "none",
        "two different strikes",
    ),
    # --- 3 Apr 2017, Eastern Ghouta
    (
        (
            "1919191761",
            "Air strikes by Syrian regime on a rebel-held region near Damascus killed at least 22 civilians on Monday the Syrian Observatory for Human Rights said.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1923102873",
            "At least 22 civilians have been killed by Syrian regime airstrikes on the outskirts of Damascus on Monday the Syrian Observatory for Human Rights said.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "none",
        "one source",
    ),
    (
        (
            "1919191761",
            "The highest toll was in Douma the largest town in the Eastern Ghouta region where raids killed 16 civilians including at least one child and wounded 22 it said.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1919191761",
            "Air strikes by Syrian regime on a rebel-held region near Damascus killed at least 22 civilians on Monday the Syrian Observatory for Human Rights said.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "none",
        "a part of the same toll, one source",
    ),
    # --- 8 Apr 2017, Idlib: Urum al-Joz
    (
        (
            "1919191763",
            "The attack believed to have been carried out by Russian aircraft killed at least 18 people including five children said the Observatory.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1924058142",
            "An air strike killed 18 civilians including five children in Syrias northwestern province of Idlib on Saturday the Syrian Observatory for Human Rights monitor said.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "none",
        "one source",
    ),
    (
        (
            "1919191763",
            "The Civil Defence service said that the two air raids on the town on Saturday afternoon have killed 19 and wounded 22.",
            "Syria Civil Defence",
        ),
        (
            "1924058142",
            "An air strike killed 18 civilians including five children in Syrias northwestern province of Idlib on Saturday the Syrian Observatory for Human Rights monitor said.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "none",
        "19 vs 18: close tolls",
    ),
    (
        (
            "1924058142",
            "Earlier this week a chemical attack hit the town of Khan Sheikhun in Idlib killing at least 87 civilians including 31 children.",
            "Daily Sabah",
        ),
        (
            "1924058142",
            "An air strike killed 18 civilians including five children in Syrias northwestern province of Idlib on Saturday the Syrian Observatory for Human Rights monitor said.",
            "Syrian Observatory for Human Rights",
        ),
        False,
        "none",
        "Tuesday's gas attack vs Saturday's strike",
    ),
    # --- 25-27 Apr 2017, Idlib
    (
        (
            "1919191768",
            "Syrian regime or Russian air strikes in and around a town in opposition-held Idlib province on Tuesday killed 26 people and severely damaged a hospital a monitoring group said.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1923848121",
            "Air strikes on two hospitals in rebel-held northwestern Syria on Thursday left 10 people dead including two babies in incubators a monitor said.",
            "Syrian Observatory for Human Rights",
        ),
        False,
        "none",
        "Tuesday vs Thursday",
    ),
    # --- 13-14 Aug 2016, Aleppo
    (
        (
            "1923102851",
            "At least 51 civilians including four children were killed in air raids and shelling attacks on Saturday in Syrias battleground city Aleppo and the neighbouring countryside.",
            "Al-Araby",
        ),
        (
            "1926478929",
            "One civilian was killed and three others were injured due to terrorist attacks with rocket shells and explosive rounds on residential neighborhoods in Aleppo.",
            "SANA",
        ),
        False,
        "none",
        "government raids vs rebel rockets",
    ),
    # --- 17-19 Aug 2016, Hasakeh clashes
    (
        (
            "1923102855",
            "Clashes between the two sides have rocked the city leaving 23 civilians - including nine children - dead according to the Syrian Observatory for Human Rights.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1923848149",
            "Since Wednesday clashes between the two forces have rocked the city leaving 23 civilians - including nine children - and 16 combattants dead the Observatory said.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "none",
        "one source",
    ),
    # --- 25 Aug 2016, Aleppo
    (
        (
            "1923102859",
            "Eleven children were killed on Thursday in a barrel bomb attack carried out by government forces on a rebel-held neighbourhood of Syrias Aleppo city.",
            "Al-Araby",
        ),
        (
            "1923848148",
            "Fifteen civilians among them 11 children were killed in a barrel bomb attack on the Bab al-Nayrab neighbourhood",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "none",
        "11 children among 15 civilians",
    ),
    (
        (
            "1926479024",
            "Six civilians were killed on Thursday and 34 others were injured in terrorist rocket attacks on several neighborhoods in Aleppo city",
            "SANA",
        ),
        (
            "1923848148",
            "It also reported eight civilians including two children were killed Thursday in rebel fire on the government-held west of the city.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "number",
        "6 vs 8 civilians killed by rebel fire",
    ),
    (
        (
            "1926479024",
            "Six civilians were killed on Thursday and 34 others were injured in terrorist rocket attacks on several neighborhoods in Aleppo city",
            "SANA",
        ),
        (
            "1923102859",
            "Eleven children were killed on Thursday in a barrel bomb attack carried out by government forces on a rebel-held neighbourhood of Syrias Aleppo city.",
            "Al-Araby",
        ),
        False,
        "none",
        "same day and city: rebel rockets vs a barrel bomb",
    ),
    # --- cross-date hard negatives (same place or same kind of event)
    (
        (
            "1919191759",
            "An alleged chemical attack that killed at least 58 and injured dozens in the rebel-held town of Khan Shaykhun in Idlib province has triggered global criticism.",
            "TRT",
        ),
        (
            "1924058142",
            "An air strike killed 18 civilians including five children in Syrias northwestern province of Idlib on Saturday the Syrian Observatory for Human Rights monitor said.",
            "Syrian Observatory for Human Rights",
        ),
        False,
        "none",
        "Idlib, four days apart",
    ),
    (
        (
            "1914947534",
            "A bomb blast killed six people and injured 32 in the Salah al-Din district of Aleppo Syrian state television reported on Wednesday without giving further details.",
            "Syrian state television",
        ),
        (
            "1926478929",
            "One civilian was killed and three others were injured due to terrorist attacks with rocket shells and explosive rounds on residential neighborhoods in Aleppo.",
            "SANA",
        ),
        False,
        "none",
        "Aleppo, eight months apart",
    ),
    (
        (
            "1918398793",
            "A motorcycle bomber killed at least 16 civilians outside a bakery in Syrias Hasakeh city Tuesday on the eve of the feast marking the end of Ramadan an official said.",
            "an official",
        ),
        (
            "1919191742",
            "A bomb blast in the Syrian city of Qamishli on Wednesday killed 48 people and left dozens more wounded.",
            "TRT",
        ),
        False,
        "none",
        "Hasakeh province, three weeks apart",
    ),
    (
        (
            "1923848186",
            "At least 11 civilians among them three children were killed Thursday in regime barrel bomb attacks on a jihadist-held town in northern Syria a monitoring group said.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1923102859",
            "Eleven children were killed on Thursday in a barrel bomb attack carried out by government forces on a rebel-held neighbourhood of Syrias Aleppo city.",
            "Al-Araby",
        ),
        False,
        "none",
        "barrel bombs on Thursdays a year apart",
    ),
    (
        (
            "1914947535",
            "At least 29 Syrian rebels were killed in clashes with regime troops overnight during a failed bid to reopen the oppositions key supply route into Aleppo city a monitor said Sunday.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1918398801",
            "Regime airstrikes killed 20 civilians on Monday in the Bab al-Maqam neighborhood of Aleppo Syria Live Network (SLN) reported.",
            "Syria Live Network",
        ),
        False,
        "none",
        "Aleppo, two days apart",
    ),
    # --- hard cases added from the conflict audit (bench/conflict_audit.py): each sentence read in
    # its article and labelled by hand; kinds: same monitor under two names, a part of a toll,
    # a count of another thing, roundups and other neighbourhoods, one outlet's own updates,
    # denials that answer nothing, overlapping ranges
    (
        (
            "1962495661",
            "The so-called Syrian Observatory for Human Rights said Monday that at least 15 people were killed as the coalition carried out raids in a northern district of Manbij city.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1962495661",
            "The UK-based group which advocates the Syrian opposition said six more people lost their lives in a village near Manbij after similar attacks by coalition fighter jets.",
            "Syrian Observatory for Human Rights",
        ),
        False,
        "none",
        "15 in a Manbij district, six more in a nearby village: two places (and one monitor)",
    ),
    (
        (
            "1923102912",
            '"A suicide bomber blew himself up inside a hall in Tall Tawil village during the wedding of a member of the Syrian Democratic Forces killing at least 22 civilians" Observatory chief Rami Abdel Rahman told AFP.',
            "Rami Abdel Rahman",
        ),
        (
            "1924058196",
            "The Syrian Observatory for Human Rights said at least 14 were killed in the blast adding the number was expected to rise with many of the wounded in critical condition.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "none",
        "the Observatory's chief and the Observatory: one source updating its toll",
    ),
    (
        (
            "1923102901",
            "At least 20 people were killed in a car bomb blast at an opposition checkpoint in the northern Syrian province of Aleppo on Thursday local sources said.",
            "local sources",
        ),
        (
            "1923102901",
            "The Syrian Observatory for Human Rights said at least 14 of the dead were rebels.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "none",
        "14 of the dead were rebels: a part of the toll, not a toll",
    ),
    (
        (
            "1965511224",
            "Health director for Aleppo Mohammad Hazouri said five people died and eight others experienced breathing difficulties after artillery shells containing toxic gasses slammed into the Old City of Aleppo on Tuesday the official SANA news agency reported.",
            "SANA",
        ),
        (
            "1962495720",
            "Syrian popular defense forces have reported that terrorists have fired shells filled with a toxic gas in the Syrian city of Aleppo killing five civilians.",
            "Syrian popular defense forces",
        ),
        True,
        "none",
        "five dead in both; the eight had breathing difficulties, they are not dead",
    ),
    (
        (
            "1962495727",
            "Also Turkish Army killed 25 Kurdish YPG fighters calling them Terrorist.",
            "Al-Alam",
        ),
        (
            "1965511221",
            '"At least 20 civilians were killed and 50 others wounded by Turkish artillery fire and air strikes on Sunday morning at Jeb el-Kussa" a village south of Jarabulus said Rami Abdel Rahman of the Syrian Observatory for Human Rights.',
            "Syrian Observatory for Human Rights",
        ),
        True,
        "none",
        "fighters vs civilians: counts of different things",
    ),
    (
        (
            "1962495727",
            "In Turkish airstrikes and artilleries attacks on two villages near Jerablus 40 civilian killed and more than 110 others wounded.",
            "Al-Alam",
        ),
        (
            "1965511221",
            '"At least 20 civilians were killed and 50 others wounded by Turkish artillery fire and air strikes on Sunday morning at Jeb el-Kussa" a village south of Jarabulus said Rami Abdel Rahman of the Syrian Observatory for Human Rights.',
            "Syrian Observatory for Human Rights",
        ),
        True,
        "number",
        "40 vs at least 20 civilians dead, more than 110 vs 50 wounded",
    ),
    (
        (
            "1919191742",
            "27 Jul 2016 At least 48 people dead over 100 injured after truck bomb exploded near security headquarters in the city of Qamishli Hasaka.",
            "TRT",
        ),
        (
            "1965511170",
            "An ISIL terrorist car bomb attack killed at least 44 and injured 140 others on Wednesday in al-Qameshli city in Hasaka province.",
            "Al-Manar",
        ),
        True,
        "none",
        "at least 48 vs at least 44, over 100 vs 140: the ranges agree",
    ),
    (
        (
            "1926478986",
            "A source at Aleppo Police Command told SANAs correspondent that terrorists fired rocket shells at al-Furqan residential neighborhood in Aleppo on Sunday evening claiming the life of a girl child and injuring two people one of them a woman in addition to causing material damage to public and private properties.",
            "SANA",
        ),
        (
            "1926479084",
            "Later in the evening SANA reporter said that 4 people were killed including 3 children and 43 others were injured in rocket shells fired by the terrorist organizations on the neighborhoods of Maisaloun and al-Jabiryieh in Aleppo City",
            "SANA",
        ),
        False,
        "none",
        "al-Furqan vs Maisaloun and al-Jabiryieh: other neighbourhoods, another day, one outlet",
    ),
    (
        (
            "1965511186",
            "Local sources told SANA reporter that rocket shells fell on al-Sheikh Maqsoud neighborhood injuring three civilians.",
            "local sources",
        ),
        (
            "1965511186",
            "Meanwhile civil sources told SANA that 8 persons among them two children were wounded in terrorist rocket shells on al-Foaa and Kafrya in Idleb countryside.",
            "civil sources",
        ),
        False,
        "none",
        "Sheikh Maqsoud in Aleppo vs Foua and Kafraya in Idlib",
    ),
    (
        (
            "1926479101",
            "Earlier a source at Aleppo Police Command said that terrorists fired a number of rocket shells at al-Midan neighborhood in Aleppo city killing 3 civilians including 2 women injuring 15 others and causing material damage to public and private properties.",
            "SANA",
        ),
        (
            "1926479156",
            "Five citizens were killed and four others were injured in terrorist attacks with explosive device and shells in Aleppo Hama Damascus and its countryside on Friday.",
            "SANA",
        ),
        False,
        "none",
        "one neighbourhood vs a roundup over four governorates (and one outlet)",
    ),
    (
        (
            "1926478968",
            "A source at Aleppo Police Command told SANA reporter that terrorists targeted al-Sulaymaniyah neighborhood with rocket shells killing three persons and injuring 9 others some critically",
            "SANA",
        ),
        (
            "1962495712",
            "Two people have been killed and 10 other people have been injured in a terrorists groups shelling of the Sulaymaniyah neighborhood of the Syrian city of Aleppo on Saturday.",
            "Al-Alam",
        ),
        True,
        "number",
        "three vs two dead in the Sulaymaniyah shelling",
    ),
    (
        (
            "1918398801",
            "Regime airstrikes killed 20 civilians on Monday in the Bab al-Maqam neighborhood of Aleppo Syria Live Network (SLN) reported.",
            "Syria Live Network",
        ),
        (
            "1919191745",
            "The Britain-based Syrian Observatory for Human Rights said air raids by regime forces on the opposition-held part of Aleppo killed 13 civilians on Monday.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "number",
        "20 vs 13 civilians killed by Monday's regime raids on Aleppo",
    ),
    (
        (
            "1918398799",
            "The Daesh-linked Aamaq news agency claimed 160 civilians mostly women and children were killed in Tokhar alone in a series of purportedly American airstrikes around dawn Tuesday.",
            "Aamaq",
        ),
        (
            "1919191744",
            "The US military is investigating reports that at least 73 civilians mostly women and children were killed in air strikes early on Tuesday morning in the northern Syrian village of Tokhar part of the city of Manbij in the governorate of Aleppo.",
            "TRT",
        ),
        True,
        "number",
        "160 vs at least 73 civilians in Tokhar (a floor far below the figure)",
    ),
    (
        (
            "1923102970",
            "Meanwhile state news agency SANA said artillery fire killed two people and wounded nine others in the Bab Sharqi area of Old Damascus.",
            "SANA",
        ),
        (
            "1923848256",
            "Shelling on the central district of Old Damascus killed four civilians and wounded seven others the Britain-based Syrian Observatory for Human Rights monitor said.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "number",
        "two vs four dead, nine vs seven wounded in Old Damascus",
    ),
    (
        (
            "1924058103",
            "At least 20 people were killed and 55 wounded during a suicide bombing that struck a wedding in the northeastern Syrian city of Hasakah on Monday Syrian Observatory for Human Rights reported.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "1924058196",
            "At least 14 people were killed 25 were wounded in suicide attack on a wedding in Hasakah northern Syria late Monday.",
            "Daily Sabah",
        ),
        True,
        "number",
        "55 vs 25 wounded at the Hasakah wedding",
    ),
    (
        (
            "1923848127",
            "Syrian rescue workers of the Civil Defence said that they had taken away at least 100 bodies from the site of Saturdays blast which hit buses carrying Shiite residents as they waited to cross from rebel into government territory",
            "Syria Civil Defence",
        ),
        (
            "1926479330",
            "British-based monitor the Syrian Observatory for Human Rights counted 24 dead and dozens more wounded.",
            "Syrian Observatory for Human Rights",
        ),
        True,
        "number",
        "at least 100 bodies vs 24 dead in the Rashidin bus bombing",
    ),
    (
        (
            "1926479310",
            "World leaders have responded to the claim by activists in the Syrian Revolution General Commission that at least 640 people were killed in a nerve gas attack on Syrias Ghouta region.",
            "Syrian Revolution General Commission",
        ),
        (
            "1926479349",
            "News of the Ghoutta Massacre have surfaced on Wednesday with the opposition accusing the Syrian government of launching a Chemical attack and killing between 1000 and 1800 people.",
            "Syrian opposition",
        ),
        True,
        "number",
        "at least 640 vs between 1000 and 1800",
    ),
    (
        (
            "1926479260",
            "Russia has been Syrian President Bashar al-Assads strongest backer during the civil war blocking a number of Western initiatives in the U.N. Security Council and blaming the August 21 gas attack on rebel forces.",
            "Russia",
        ),
        (
            "1926479099",
            "The government of President Bashar al-Assad denied using chemical weapons.",
            "Syrian government",
        ),
        True,
        "none",
        "Russia blames the rebels and Damascus denies: the two accounts agree",
    ),
    (
        (
            "1919191763",
            "British Foreign Secretary Boris Johnson cancelled a visit to Moscow scheduled for April 10 after the poison gas attack in Syria.",
            "TRT",
        ),
        (
            "1926479006",
            "Syria has categorically denied carrying out the gas attack with the foreign minister stressing that an Idlib airstrike had targeted a depot where terrorists stored chemical weapons.",
            "Syrian government",
        ),
        True,
        "none",
        "a cancelled visit asserts nothing the denial answers",
    ),
    (
        (
            "1918150026",
            "Many pointed their fingers at the Syrian regime which denied any responsibility for the attack and described the massacre as fabricated fake accusations by the armed fighters.",
            "Syrian government",
        ),
        (
            "1919191763",
            "Scores of people died and many were injured on Tuesday after the regime air strike dropped chemical bombs onto the town of Khan Shaykhun.",
            "TRT",
        ),
        True,
        "denial",
        "TRT says the regime dropped chemical bombs; the regime denies",
    ),
    (
        (
            "1923102889",
            "State media says rebel forces have hit a school in government-controlled west Aleppo just a day after dozens of children were killed in airstrikes on a school in Idlib.",
            "Syrian state media",
        ),
        (
            "1923102889",
            "The strikes carried out by either Russian or Syrian warplanes according to the Syrian Observatory for Human Rights hit the village of Hass.",
            "Syrian Observatory for Human Rights",
        ),
        False,
        "none",
        "rebel shells on a west Aleppo school vs air strikes on Hass in Idlib: two attacks",
    ),
    (
        (
            "1923848300",
            '"Ten people were killed and 22 wounded in a car bomb attack on a collective taxi stand in Zahraa" a district inhabited by Alawites the Shiite sect of President Bashar al-Assad said Talal al-Barazi.',
            "Talal al-Barazi",
        ),
        (
            "1923848300",
            "Barazi had earlier reported a toll of eight while the Syrian Observatory for Human Rights gave a death toll of 12.",
            "Talal al-Barazi",
        ),
        True,
        "none",
        "the governor updating his own toll (eight, then ten)",
    ),
]

_OUTLETS = {
    "nna": "NNA", "asharqalawsat": "Asharq Al-Awsat", "trt": "TRT", "ahram": "Al-Ahram",
    "manar": "Al-Manar", "alaraby": "Al-Araby", "dailysabah": "Daily Sabah", "sputnik": "Sputnik",
    "arabiya": "Al Arabiya", "reuters": "Reuters", "sana": "SANA", "alalam": "Al-Alam",
    "tass": "TASS", "jordantimes": "Jordan Times", "etilaf": "Syrian National Coalition",
}  # fmt: skip


def main() -> None:
    rows = {r["unit_id"]: r for r in csv.DictReader(CORPUS.open(encoding="utf-8"))}
    with OUT.open("w", encoding="utf-8") as fh:
        for i, (a, b, same, conflict, note) in enumerate(PAIRS, 1):
            sides = []
            for unit, text, speaker in (a, b):
                row = rows[unit]
                assert text in row["article_content"], (unit, text[:60])
                d = datetime.strptime(row["date"], "%m/%d/%y").date()
                sides.append(
                    {
                        "unit_id": unit,
                        "outlet": _OUTLETS.get(row["source"], row["source"]),
                        "date": d.isoformat(),
                        "text": text,
                        "source": speaker,
                    }
                )
            assert conflict in {"none", "actor", "number", "denial", "omission", "event"}
            assert same or conflict == "none"
            rec = {"id": i, "a": sides[0], "b": sides[1], "same_event": same}
            rec |= {"conflict": conflict, "note": note}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(PAIRS)} pairs to {OUT}")


if __name__ == "__main__":
    main()
