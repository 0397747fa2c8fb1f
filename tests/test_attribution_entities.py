"""Sources are entities: generic words never name a source, places are not sources, unnamed
sources carry a kind; and recall on general news (transcripts, headlines, polls)."""

from __future__ import annotations

from claimtrack.attribute import attribute
from claimtrack.model import Claim, Document, SourceKind
from claimtrack.segment import segment
from claimtrack.sources import generic_words, unnamed_kind


def run(text: str) -> tuple[Claim, ...]:
    doc = Document(text)
    return attribute(doc, segment(doc))


def sources(text: str) -> list[str | None]:
    return [c.attribution.source for c in run(text)]


def test_the_group_is_the_group_named_before() -> None:
    out = sources(
        "Jaish al-Islam said it had shot down a government warplane over Eastern Ghouta. "
        "The pilot was captured alive, the group said."
    )
    assert out == ["Jaish al-Islam"] * 2


def test_a_generic_word_alone_is_an_unnamed_source_never_a_named_one() -> None:
    out = run("A source told Sputnik that the road was cut. The source added that two died.")
    assert [c.attribution.source for c in out] == ["unnamed source", "unnamed source"]
    assert all(c.attribution.source_kind is SourceKind.UNNAMED for c in out)
    # the words used with a qualifier stay the name: "military source"
    assert sources("A military source said the town was retaken.") == ["military source"]


def test_no_group_is_nobody() -> None:
    assert sources("No group has claimed responsibility for the attack.") == [None]


def test_the_same_source_takes_up_the_source_before() -> None:
    out = sources(
        "A source at Damascus Police Command said two mortar shells hit the old city. "
        "Several cars were damaged the same source said."
    )
    assert out == ["source at Damascus Police Command"] * 2


def test_places_are_not_sources() -> None:
    assert sources("Residents in eastern Aleppo said they feared shortages.") == ["residents"]
    assert sources(
        "An AFP correspondent in rebel-held eastern Aleppo said the strikes were intense."
    ) == ["AFP"]


def test_polls_speak_and_the_poll_is_the_poll_named() -> None:
    out = sources(
        "Delgado opens lead in Arizona, poll finds\n\n"
        "Delgado leads Harmon by 6 points, according to a Quinnipiac University poll released "
        "on Wednesday. The poll found Delgado with 49 percent support. Voters named the economy "
        "as their top concern, the survey showed."
    )
    assert out == ["Quinnipiac University poll"] * 4


def test_reports_without_article_do_not_take_up_a_named_report() -> None:
    out = sources(
        "Human Rights Watch published a report on Monday. "
        "According to reports thousands of civilians have fled the city."
    )
    assert out[1] == "unnamed reports"


def test_transcript_speaker_turns() -> None:
    text = (
        "An interview with Governor Ray Pollard of Ohio.\n\n"
        "WALLACE: Governor, thank you for joining us. Your party's nominee said this week "
        "that the election is rigged. Do you agree?\n\n"
        "POLLARD: No, I don't. I think our elections are run fairly.\n\n"
        "The interview was recorded on Friday."
    )
    out = sources(text)
    assert out == [None, "Wallace", "Wallace", "Wallace", "Ray Pollard", "Ray Pollard", None]


def test_headline_speaker_is_the_person_named_in_the_article() -> None:
    out = sources(
        "Kessler: 'We will win Pennsylvania'\n\n"
        "Republican presidential nominee Dan Kessler told a rally in Scranton that he would "
        "carry Pennsylvania."
    )
    assert out == ["Dan Kessler", "Dan Kessler"]


def test_contracted_pronoun_and_negated_speech() -> None:
    out = sources(
        "Governor Ray Pollard said the count was sound. He's saying what many people feel. "
        "He did not say whether he would run again."
    )
    assert out == ["Ray Pollard", "Ray Pollard", None]


def test_a_dateline_report_is_no_claim() -> None:
    assert sources("TRT Worlds Ahmed al Burai reports from Idlib in Syria.") == [None]


def test_unnamed_kinds_come_from_the_words() -> None:
    assert unnamed_kind("rebel military source") == "military"
    assert unnamed_kind("source at Aleppo Police Command") == "security"
    assert unnamed_kind("witnesses") == "witness"
    assert unnamed_kind("medical source") == "medical"
    assert unnamed_kind("unnamed source") is None
    g = generic_words()
    assert g.is_generic("the same source") and g.is_generic("Media reports")
    assert not g.is_generic("military source") and not g.is_generic("Human Rights Watch")


def test_role_and_body_words_alone_name_nobody_and_places_never_speak() -> None:
    # issue 12: "watchdog", "spokesman", "government" were sources of their own on FA-KES
    out = run("The spokesman said the convoy was hit. The watchdog said 20 people died.")
    assert [c.attribution.source for c in out] == ["unnamed spokesman", "unnamed watchdog"]
    assert all(c.attribution.source_kind is SourceKind.UNNAMED for c in out)
    # a monitor named before is what "the watchdog" means
    assert (
        sources("The Syrian Observatory for Human Rights reported it. The watchdog said 20 died.")
        == ["Syrian Observatory for Human Rights"] * 2
    )
    # FA-KES: places are no sources, bodies named after a place are, by their whole name
    assert sources(
        "In a new development 17 armed factions in coastal regions Aleppo Hama and Idlib "
        "announced that they agreed to form a military operations room."
    ) == [None]
    assert sources("Meanwhile the Idlib Media Center said dozens of people had been killed.") == [
        "Idlib Media Center"
    ]


def test_canonical_names_never_shrink_to_a_generic_word() -> None:
    # FA-KES: these became sources called "state", "Forces", "Observatorys Rami Abdel Rahman"
    assert sources(
        "Jordanian state TV said the jets struck Islamic State targets. "
        "Meanwhile the National Coalition for Syrian Revolution and Opposition Forces said the "
        'attack killed more than 100. "There are fierce clashes" said the Observatorys Rami '
        "Abdel Rahman."
    ) == ["Jordanian state television", "Syrian opposition", "Rami Abdel Rahman"]


def test_a_headline_run_into_the_text_is_not_part_of_a_name() -> None:
    assert sources(
        "Daesh on the Run From More Areas in Raqqa Province 30 Terrorist Killed Reports said "
        "earlier today that the army advanced."
    ) == ["unnamed reports"]


def test_the_dead_and_videos_are_no_sources() -> None:
    # FA-KES: "people" and "IS. The video" had become sources
    assert sources(
        "Meanwhile rebel fire on regime-held areas killed 1102 people said the Observatory "
        "adding that 234 of them were children."
    ) == ["Syrian Observatory for Human Rights"]
    assert sources(
        "The video which was posted Monday on an IS-linked Facebook page shows two young men."
    ) == [None]
    assert sources(
        "Sources familiar with Syrian government thinking have said the army will advance."
    ) == ["sources familiar with Syrian government thinking"]


def test_the_command_is_the_command_named_before() -> None:
    assert sources(
        "US Central Command said the strike hit a convoy. The command said no civilians were hurt."
    ) == ["US military", "US military"]


def test_page_furniture_and_headline_capitals_name_nobody() -> None:
    # FA-KES: "YouTube Opposition" became a source, and took up every "the opposition"
    out = run(
        '"Toxic gas attack" kills at least 58 in Idlib - YouTube Opposition demands UN '
        "investigation Syrias opposition National Coalition demanded a meeting."
    )
    assert out[0].attribution.source == "Syrian opposition"
    assert sources("Syrian troops shelled Aleppo. The opposition said 20 died.") == [
        None,
        "Syrian opposition",
    ]


def test_plural_groups_and_generic_descriptors_are_unnamed_with_their_kind() -> None:
    # FA-KES sentences: "rebels" and "local media" were named sources of kind military and
    # broadcaster, shared by every article that used the words
    cases = {
        "A string of bomb blasts hit mostly regime-controlled areas of Syria on Monday killing "
        "at least 42 people and wounding dozens more local media said.": ("local media", "media"),
        "The raids targeted a medical center a school and a residential area in Jayrud town "
        "rebels said.": ("rebels", "military"),
        "Residents said the shelling went on all night.": ("residents", "resident"),
        "Witnesses said the jets flew low over the town.": ("witnesses", "witness"),
        "Air strikes killed 12 people in eastern Aleppo, Aleppo residents said.": (
            "Aleppo residents",
            "resident",
        ),
        "A source at Aleppo Police Command said that terrorists fired rocket shells on the "
        "neighbourhood.": ("source at Aleppo Police Command", "security"),
    }
    for text, (name, kind) in cases.items():
        attribution = run(text)[-1].attribution
        assert (attribution.source, attribution.source_kind) == (name, SourceKind.UNNAMED), text
        assert unnamed_kind(name) == kind
    # a state body named by nationality and institution stays a named source of its kind
    named = {
        "The Syrian army said it had retaken the hill.": ("Syrian army", SourceKind.MILITARY),
        "Syrian state media said 10 people were killed.": (
            "Syrian state media",
            SourceKind.BROADCASTER,
        ),
    }
    for text, expected in named.items():
        attribution = run(text)[-1].attribution
        assert (attribution.source, attribution.source_kind) == expected, text


def test_an_unnamed_body_is_it_and_a_group_of_unnamed_people_is_the_group() -> None:
    # FA-KES: "It said" after an unnamed agency is that agency
    out = sources(
        "Two car bombs exploded in the city on Monday, a regime news agency said. It said the "
        "bombing took place near the al-Jafra area."
    )
    assert out == ["regime news agency", "regime news agency"]
    out = sources(
        "A group of Republican former national security officials said in a letter that Hale "
        "lacked the character to be president. The group said it would not vote for him."
    )
    assert out == ["Republican former national security officials"] * 2
