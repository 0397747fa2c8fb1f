"""Attribution on US political news (issue 12): appositive speakers, polls, beliefs, joint
sources, two clauses with two sources, Title Case headlines, pronouns after a named person."""

from __future__ import annotations

from tests.test_attribution_entities import run, sources


def test_comma_appositives_name_the_person_not_the_role() -> None:
    assert sources(
        "Clinton's spokesman, Brian Fallon, said the report showed nothing new. "
        "Kellyanne Conway, Trump's campaign manager, said he was keeping his options open."
    ) == ["Brian Fallon", "Kellyanne Conway"]


def test_initials_and_slashed_names_are_one_name() -> None:
    out = sources(
        '"Neither candidate has closed the sale," said J. Ann Selzer, whose firm conducted '
        "the Bloomberg survey. About 41 percent of Trump supporters said they would not accept "
        "a Clinton victory, according to a Reuters/Ipsos poll."
    )
    assert out == ["J. Ann Selzer", "Reuters/Ipsos poll"]


def test_polls_speak_for_their_findings() -> None:
    out = sources(
        "Poll: Clinton holds narrow national lead\n\n"
        "Hillary Clinton leads Donald Trump by 4 points nationally, a Bloomberg Politics poll "
        "found. Fifty-six percent of respondents said the country was on the wrong track. "
        "A separate CNN/ORC poll released Tuesday found the race tied in Ohio."
    )
    assert out == ["Bloomberg Politics poll"] * 3 + ["CNN/ORC poll"]


def test_beliefs_and_intentions_are_the_believer_unless_someone_reports_them() -> None:
    assert sources("Pence thinks the race will be decided in Ohio.") == ["Mike Pence"]
    assert sources("Clinton is confident that she will carry Florida.") == ["Hillary Clinton"]
    assert sources("Trump thinks he can win union workers, according to two aides.") == ["aides"]
    # a share of a poll "thought" nothing of its own
    assert sources("Forty-eight percent thought Pence had won the debate.") == [None]


def test_joint_sources_take_the_first_named() -> None:
    out = sources(
        "The Syrian Observatory for Human Rights reported shelling in Idlib. "
        "Government forces killed 20 people in the town, a monitor and rebels said."
    )
    assert out == ["Syrian Observatory for Human Rights"] * 2
    # but one unnamed party stays whole
    assert sources("A rebel military source and witnesses told Reuters the town fell.") == [
        "rebel military source and witnesses"
    ]


def test_two_clauses_two_sources_with_exact_offsets() -> None:
    text = (
        'The Democratic National Committee called them "an attack on democracy," and Clinton '
        'said Trump was "talking down our democracy."'
    )
    out = run(text)
    assert [c.attribution.source for c in out] == [
        "Democratic National Committee",
        "Hillary Clinton",
    ]
    assert [text[c.start : c.end] == c.text for c in out] == [True, True]
    assert out[1].text.startswith("and Clinton said")


def test_a_passive_participle_is_no_cue() -> None:
    assert sources(
        "Rebels battled to break a siege by the Syrian regime accused by Washington of using "
        "starvation as a weapon of war."
    ) == [None]


def test_he_after_a_sentence_that_opens_with_a_person() -> None:
    out = sources(
        "Clinton's spokesman, Brian Fallon, said the report showed nothing new. "
        "Trump seized on the findings. "
        '"She lied to the American people," he told reporters in Albany.'
    )
    assert out == ["Brian Fallon", None, "Donald Trump"]


def test_a_group_of_people_and_the_group() -> None:
    assert (
        sources(
            "The DNC criticized the remarks. A group of Republican former "
            "national security officials said in a letter that Trump lacked the character to be "
            "president. The group said it would not vote for him."
        )[1:]
        == ["Republican former national security officials"] * 2
    )


def test_campaigns_speak_for_themselves() -> None:
    assert sources(
        "Clinton's campaign said in a statement that Trump's companies made products abroad. "
        "The Trump campaign, in a statement, called on Clinton to release the transcripts."
    ) == ["Clinton campaign", "Trump campaign"]


def test_title_case_headline_cues() -> None:
    assert sources("ISIL Claims Beheading of 18 Syrians US Aid Worker") == ["Islamic State"]
    assert sources("Trump Says He Will Accept Election Results If He Wins") == ["Donald Trump"]


def test_a_transcript_is_the_source_of_what_it_shows() -> None:
    out = run(
        "The transcript of an interview the inspector general's office conducted with one staff "
        "member shows that he warned his supervisor in writing."
    )
    assert out[0].attribution.source == "unnamed transcript"
    assert out[0].attribution.rule == "document-subject"


def test_a_ministry_without_a_country_is_the_ministry_of_the_country_named() -> None:
    assert sources(
        "Russian strikes hit Deir Ezzor on Sunday. "
        "The defence ministry in Moscow said six long-range bombers had struck. "
        "The defence ministry said the raids destroyed a training camp."
    ) == [None, "Russian Defence Ministry", "Russian Defence Ministry"]


def test_a_source_is_a_new_source_the_source_is_the_one_before() -> None:
    assert sources(
        "A source at Aleppo Police Command said terrorists fired two shells. "
        "A source said seven civilians were killed. The source added that nine were injured."
    ) == ["source at Aleppo Police Command", "unnamed source", "unnamed source"]


def test_asides_between_commas_leave_the_subject() -> None:
    assert sources(
        "Trump, speaking at a rally in Florida, said the election was rigged. "
        "Obama, asked about the comments, said they were dangerous. "
        "A spokesman for the campaign, Jason Miller, said the story was false. "
        "Trump's running mate, Indiana Gov. Mike Pence, said the ticket was strong. "
        "The report, released by the House Oversight Committee, found that the agency erred."
    ) == ["Donald Trump", "Barack Obama", "Jason Miller", "Mike Pence", "House Oversight Committee"]


def test_polls_show_and_the_report_a_source_spoke_in() -> None:
    assert sources("Polls show Clinton ahead in Pennsylvania.") == ["unnamed polls"]
    assert (
        sources(
            "The State Department's email was \"inadequate,\" the department's inspector "
            "general said in a report released Wednesday. The report found that she did not seek "
            "approval. According to the report, two staff members raised concerns."
        )
        == ["State Department inspector general"] * 3
    )
    # a video describes, it does not claim
    assert sources("A video shows deputies pushing a woman to the ground.") == [None]


def test_transcript_labels_with_roles_and_turns_over_paragraphs() -> None:
    out = sources(
        "Transcript: Pence on 'Fox News Sunday'\n\n"
        "CHRIS WALLACE, FOX NEWS ANCHOR: Governor, welcome back. Do you accept the results?\n\n"
        "GOV. MIKE PENCE (R-IND.), VICE PRESIDENTIAL NOMINEE: We will accept the results.\n\n"
        "And I think the American people know that.\n\n"
        "(CROSSTALK)\n\n"
        "WALLACE (voice-over): The campaign has been rough.\n\n"
        "UPDATED: The interview aired on Sunday.\n\n"
        "The interview was taped on Saturday."
    )
    assert out == [
        None,
        "Chris Wallace",
        "Chris Wallace",
        "Mike Pence",
        "Mike Pence",
        None,
        "Chris Wallace",
        None,
        None,
    ]


def test_a_document_compiled_by_someone_is_theirs() -> None:
    assert sources(
        "The national polling average compiled by RealClearPolitics shows Clinton ahead by 5 "
        "points. The average shows a tie in Ohio."
    ) == ["RealClearPolitics", "unnamed average"]


def test_he_and_she_keep_to_the_person_they_meant_before() -> None:
    assert sources(
        "Pence said the ticket was united. He said it twice. Clinton said Pence was wrong. "
        "She argued that the ticket was divided. He replied that she was mistaken."
    ) == ["Mike Pence", "Mike Pence", "Hillary Clinton", "Hillary Clinton", "Mike Pence"]


def test_roles_point_back_and_informed_people_keep_their_words() -> None:
    assert sources(
        "Republican nominee Donald Trump spoke in Ohio on Monday. "
        "The Republican nominee said the system was rigged. "
        "Two people familiar with the matter said the FBI had reopened the case. "
        "Pence, in an interview with CNN, said the ticket was united."
    ) == [None, "Donald Trump", "people familiar with the matter", "Mike Pence"]
    # a noun after a possessive is no cue; the tail cue governs
    assert sources("Trump's claim that he opposed the war was false, fact-checkers said.") == [
        "fact-checkers"
    ]


def test_an_embedded_tweet_is_its_account_holders() -> None:
    out = sources(
        "Trump responded on Twitter early Saturday.\n\n"
        "I never said I'm a perfect person. I've said and done things I regret. "
        "pic.twitter.com/abc123\n"
        "— Donald J. Trump (@realDonaldTrump) October 8, 2016\n\n"
        "Clinton's running mate was blunt.\n\n"
        "This is horrific. We cannot allow this man to become president.\n"
        "— Tim Kaine (@timkaine) October 7, 2016"
    )
    assert out == ["Donald Trump"] * 3 + [None, None, None, "Tim Kaine", "Tim Kaine", None]


def test_letters_lawsuits_and_a_persons_people() -> None:
    assert sources(
        "In a letter to Congress, FBI Director James Comey said the bureau had found new emails. "
        "The letter said the review would take time. "
        "Trump's lawyers argued in court filings that the case should be dismissed. "
        "The lawsuit alleges that Trump University defrauded students."
    ) == ["James Comey", "James Comey", "Trump lawyers", "unnamed lawsuit"]


def test_participle_clauses_fired_back_and_in_the_poll() -> None:
    assert sources(
        "Trump later walked back the comment, saying he was joking. "
        '"That\'s not true," Kaine shot back. '
        "Trump's campaign released a statement saying the tape was old. "
        "A Quinnipiac poll was released on Monday. "
        "Clinton leads Trump 46 percent to 42 percent in the poll."
    ) == ["Donald Trump", "Tim Kaine", "Trump campaign", None, "Quinnipiac poll"]
    # no speaker, no cue: "Russian jets bombed the town, killing 10" stays the reporter's
    assert sources("Russian jets bombed the town, saying nothing.") == [None]


def test_her_campaign_is_the_campaign_of_the_woman_named() -> None:
    assert sources(
        "Trump spoke in Ohio. He said the election was rigged. "
        "Clinton will visit Ohio on Friday, her campaign said."
    ) == [None, "Donald Trump", "Clinton campaign"]


def test_transcript_labels_in_name_case_when_they_come_back() -> None:
    assert sources(
        "Pence on Fox News Sunday\n\nWallace: Governor, welcome back. Do you accept the results?"
        "\n\nPence: We will absolutely accept the results.\n\nWallace: Thank you."
    ) == [None, "Wallace", "Wallace", "Mike Pence", "Wallace"]
    # one "Name:" line is a headline speaker, "Note:" is furniture
    assert sources("Trump: Clinton 'will destroy' the economy\n\nNote: this is it.") == [
        "Donald Trump",
        None,
    ]


def test_said_while_said_two_clauses_exact_offsets() -> None:
    text = (
        "Kaine said Trump had not paid federal income taxes for years, while Pence said the "
        'businessman had "used the tax code brilliantly."'
    )
    out = run(text)
    assert [c.attribution.source for c in out] == ["Tim Kaine", "Mike Pence"]
    assert out[0].end <= text.index("while") <= out[1].start
    assert [text[c.start : c.end] for c in out] == [c.text for c in out]
    assert out[1].text.startswith("while Pence said")


def test_two_named_people_and_a_name_before_its_description() -> None:
    assert sources(
        "Senate Majority Leader Paul Crane and Minority Leader Ellen Vance said in a joint "
        "statement that the bill was good. "
        "Taxpayers First, an advocacy group, urged senators to vote against the measure."
    ) == ["Paul Crane", "Taxpayers First"]
    # a generic head whose other words name a known source is that source
    assert sources(
        "The US-led coalition said it struck Raqqa. The main Syrian opposition group had urged "
        "the coalition to suspend its bombardments."
    ) == ["US military", "Syrian opposition"]


def test_a_senator_and_his_state() -> None:
    assert sources(
        '"It\'s not how we do things," said Senator Lindsey Graham of South Carolina. '
        "Clinton's running mate, Senator Tim Kaine, said Trump had insulted veterans. "
        "The senator from Virginia also said the ticket would win."
    ) == ["Lindsey Graham", "Tim Kaine", "Tim Kaine"]


def test_a_report_released_by_a_body_named_in_lower_case_words_is_that_body_s() -> None:
    # the report is new: not the last source's ("Republicans")
    got = sources(
        "Republicans have accused Clinton of lying to Congress about the emails. "
        "The report, released Tuesday by the State Department's inspector general, found that "
        "Clinton had not sought approval for the server."
    )
    assert got[0] == "Republicans" and got[1] not in ("Republicans", None)


def test_an_aside_naming_some_of_the_speakers_leaves_the_subject() -> None:
    assert sources(
        "Local activists, including Abu Omar of the Idlib Media Center, said the strikes hit "
        "a market."
    ) == ["local activists"]


def test_a_named_report_is_its_source_without_the_words_that_only_date_it() -> None:
    assert sources(
        "An earlier CBO report estimated that a House version would leave 23 million more "
        "people uninsured by 2026."
    ) == ["CBO report"]


def test_a_participle_clause_after_a_day_and_an_inverted_cue_with_of() -> None:
    assert sources(
        "Indiana Gov. Mike Pence on Sunday defended Donald Trump's comments about the Khan "
        'family, telling Fox News that the nominee "has expressed his sympathy."'
    ) == ["Mike Pence"]
    assert sources('"He\'s a very decent man," said Pence of Trump.') == ["Mike Pence"]


def test_a_name_that_opens_on_a_qualifier_keeps_it() -> None:
    # "new" qualifies "An earlier CBO report" and "A new Quinnipiac poll", but it is part of
    # "The New York Times"; a place of two words before "-based" is a descriptor
    assert sources(
        "The New York Times reported the strike. A new Quinnipiac poll showed Clinton ahead. "
        "The United Kingdom-based monitoring group Syrian Observatory for Human Rights said 23 "
        "people were killed."
    ) == ["New York Times", "Quinnipiac poll", "Syrian Observatory for Human Rights"]
