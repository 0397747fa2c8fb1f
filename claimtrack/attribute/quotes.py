"""Quote passes: quoted spans of the text, speakers of quotes and of transcript turns
(``WALLACE: ...``), tweet credit lines, and first-person sentences that continue a speaker."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from claimtrack.attribute.lexicon import _COLON_STOP, _NOT_FIRST_PERSON
from claimtrack.attribute.patterns import _QUOTE_CHARS
from claimtrack.attribute.resolve import _Resolver
from claimtrack.attribute.sites import _Found
from claimtrack.model import (
    AttributionKind,
    Claim,
    Source,
    SourceKind,
)
from claimtrack.sources import (
    normalise,
)

# ------------------------------------------------------------------------------------ helpers

# a reporter does not write "we" or "I": a sentence in the first person without a cue goes on
# the speech of the speaker next to it ("This cannot be used as a maneuver to divert us said
# Fabius ... That is why we have decided to take this initiative."). Case-sensitive: "US".
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|us|[Mm]y|me)\b")
# a turn's next paragraph goes on with it when someone still speaks to someone
_SPEAKING_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|us|[Mm]y|me|[Yy]ou|[Yy]our)\b|\?")
# page furniture in the first person: "Reporting by ... Our Standards", "Follow us on
# Instagram", "Subscribe to our Youtube channel", "We wont spam you"
_CREDITS = re.compile(
    r"\b(?:[Rr]eporting|[Ee]diting|[Ww]riting) by\b|\bOur Standards\b|"
    r"\b(?:[Ff]ollow|[Jj]oin|[Cc]ontact) us\b|\b(?:[Ss]ubscribe|[Ss]ign up)\b|\bspam\b|"
    r"\bour (?:[Yy]ou[Tt]ube|Telegram|newsletter|channel|website|app|privacy)\b"
)


def _first_person_pass(
    flat: list[tuple[Claim, _Found | None]], quotes: Sequence[tuple[int, int]]
) -> list[tuple[Claim, _Found | None]]:
    out = list(flat)
    for n, (claim, found) in enumerate(out):
        if found is not None or not _FIRST_PERSON.search(claim.text):
            continue
        if _CREDITS.search(claim.text):
            continue  # "Reporting by ...; Editing by ... Our Standards: ..."
        if any(s[0] < claim.end and s[1] > claim.start for s in quotes):
            continue  # quoted text is the quotes pass's
        speaker: _Found | None = None
        if n > 0 and out[n - 1][1] is not None and claim.paragraph - out[n - 1][0].paragraph <= 1:
            speaker = out[n - 1][1]
        elif n + 1 < len(out) and out[n + 1][1] is not None:
            nxt = out[n + 1][1]
            if nxt is not None and nxt.rule in ("tail-cue", "inverted-cue"):
                speaker = nxt  # "We will not stop. ... said the commander" is his too
        if speaker is not None and speaker.source.kind not in _NOT_FIRST_PERSON:
            out[n] = (claim, replace(speaker, rule="first-person", split_at=None))
    return out


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted text (quote marks included), across sentences and paragraphs."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    scan_from = 0
    for m in _QUOTE_CHARS.finditer(text):
        ch, pos = m.group(), m.start()
        if open_at is not None and "\n" in text[max(open_at, scan_from) : pos]:
            # an unclosed quote runs to its paragraph end; a new paragraph that opens with a
            # quote mark continues it (the multi-paragraph quote convention)
            para_start = text.rfind("\n", open_at, pos) + 1
            if text[para_start:pos].strip() == "" and ch in ('"', "“"):
                scan_from = pos + 1
                continue
            para_end = text.find("\n", max(open_at, scan_from))
            spans.append((open_at, para_end))
            open_at = None
        if ch == "“":
            if open_at is None:
                open_at = pos
        elif ch == "”":
            if open_at is not None:
                spans.append((open_at, pos + 1))
                open_at = None
        else:  # straight quote: toggles
            if open_at is None:
                open_at = pos
            else:
                spans.append((open_at, pos + 1))
                open_at = None
    if open_at is not None:
        end = text.find("\n", open_at)
        end = end if end >= 0 else len(text)
        # a stray mark (publishers' quote stripping leaves some): an unclosed quote that would
        # run over several sentences ends with its first sentence
        stops = list(_SENTENCE_STOP.finditer(text, open_at, end))
        if len(stops) >= 2:
            end = stops[0].start() + 1
            cue = _INVERTED_CUE.search(text, open_at, end)
            if cue is not None:
                end = cue.start()  # '"The bombing is an outrage said X': the quote ends there
        spans.append((open_at, end))
    return spans


# a transcript's speaker label at the start of a paragraph: "WALLACE:", "SEN. HARRIS:"
# also "WALLACE (voice-over):", "CHRIS WALLACE, FOX NEWS ANCHOR:", "GOV. MIKE PENCE (R-IND.),
# VICE PRESIDENTIAL NOMINEE:", "STEVE INSKEEP, HOST:" (the name is the part before the comma)
_TURN = re.compile(
    r"^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})(?: ?\([^)\n]{1,40}\))?"
    r"(?:, ?[A-Z][A-Z .'’&/-]{1,60}(?: ?\([^)\n]{1,40}\))?)?:\s",
    re.MULTILINE,
)
# the credit line of an embedded tweet, and its picture link
_TWEET_CREDIT = re.compile(r"^[—–-]{1,2} ?([^()\n]{2,60}?) \(@\w{1,30}\) \w+ \d{1,2}, \d{4}$")
_TWEET_LINK = re.compile(r"(?:https?://)?(?:pic\.)?twitter\.com/\S+|https?://t\.co/\S+")
_NAME_CASE_TURN = re.compile(r"^([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2}):\s", re.MULTILINE)
_INVERTED_CUE = re.compile(r" (?:said|says|told|added)\b")
_SENTENCE_STOP = re.compile(r"[.!?](?= +[A-Z\"“])")


class _Quotes(_Resolver):
    # ---------------------------------------------------------------------------- transcripts

    def _speaker_turns(
        self, flat: list[tuple[Claim, _Found | None]]
    ) -> list[tuple[Claim, _Found | None]]:
        """Interview transcripts: "WALLACE: Governor, thank you ..." opens a turn; every claim of
        the turn (its paragraph) is the speaker's, questions included."""
        turn_re = _TURN
        if not _TURN.search(self.doc.text):
            # "Wallace: ...", "Pence: ..." in name case: a transcript only when a label comes
            # back (a headline "Trump: Clinton 'will destroy' ..." is one line)
            labels = [
                x for x in _NAME_CASE_TURN.findall(self.doc.text) if x.lower() not in _COLON_STOP
            ]
            if len(labels) < 3 or len(set(labels)) == len(labels):
                return flat
            turn_re = _NAME_CASE_TURN
        out = list(flat)
        turn: _Found | None = None
        paragraph = -1
        # in a transcript (three turns or more) a paragraph without a label goes on with the
        # turn before it: long answers run over paragraphs; "(CROSSTALK)" ends a turn
        transcript = len(turn_re.findall(self.doc.text)) >= 3
        for n, (claim, _) in enumerate(out):
            if claim.text.startswith(("(", "[")):
                turn = None
                continue
            m = turn_re.match(claim.text)
            if m is not None and m.group(1).lower() in _COLON_STOP:
                m = None  # "UPDATED: ...", "NOTE: ...": page furniture, not a speaker
            if m is not None and (claim.start == 0 or self.doc.text[claim.start - 1] == "\n"):
                src = self._speaker(m.group(1))
                if len(normalise(src.name).split()) > 1:
                    # "CHRIS WALLACE, FOX NEWS ANCHOR:" then "WALLACE:": the same person
                    self.memory.local.setdefault(normalise(src.name).split()[-1], src)
                turn = _Found(
                    source=src,
                    mention_start=claim.start,
                    mention_end=claim.start + len(m.group(1)),
                    cue=":",
                    rule="speaker-turn",
                    cue_start=m.end(1),
                    kind=AttributionKind.DIRECT_QUOTE,
                )
                paragraph = claim.paragraph
            elif turn is None or not (
                claim.paragraph == paragraph
                or (
                    transcript
                    and claim.paragraph == paragraph + 1
                    and _SPEAKING_PERSON.search(claim.text) is not None
                )
            ):
                turn = None  # a paragraph of narrative after the transcript is the reporter's
                continue
            paragraph = claim.paragraph
            out[n] = (claim, turn)
        return out

    def _tweet_credits(
        self, flat: list[tuple[Claim, _Found | None]]
    ) -> list[tuple[Claim, _Found | None]]:
        """An embedded tweet: its text, then "— Donald J. Trump (@realDonaldTrump) October 8,
        2016"; the lines of its paragraph before the credit are the account holder's."""
        if "(@" not in self.doc.text:
            return flat
        out = list(flat)
        for n, (claim, _) in enumerate(out):
            m = _TWEET_CREDIT.match(claim.text)
            if m is None:
                continue
            name = " ".join(w for w in m.group(1).split() if not re.fullmatch(r"[A-Z]\.", w))
            src = self.registry.resolve(name) or self._local(name)
            if src is None:
                src = Source(name=name, kind=SourceKind.OFFICIAL, is_person=True)
            found = _Found(
                source=src,
                mention_start=claim.start + m.start(1),
                mention_end=claim.start + m.end(1),
                cue="tweet",
                rule="tweet-credit",
                cue_start=m.start(1),
                kind=AttributionKind.DIRECT_QUOTE,
            )
            k = n - 1
            while k >= 0 and out[k][0].paragraph == claim.paragraph:
                if not _TWEET_LINK.fullmatch(out[k][0].text):
                    out[k] = (out[k][0], found)
                k -= 1
        return out

    # ---------------------------------------------------------------------------- quotes

    def _quotes_pass(
        self, flat: list[tuple[Claim, _Found | None]]
    ) -> list[tuple[Claim, _Found | None]]:
        """Quote sentences without a cue get the speaker of their quote, or the previous one."""
        out = list(flat)
        span_speaker: dict[tuple[int, int], _Found] = {}
        for claim, found in out:
            if found is None:
                continue
            for span in self.quotes:
                if span[0] < claim.end and span[1] > claim.start:
                    span_speaker.setdefault(span, found)
        prev: _Found | None = None
        prev_paragraph = -10
        for n, (claim, found) in enumerate(out):
            if found is not None:
                prev, prev_paragraph = found, claim.paragraph
                continue
            spans = [s for s in self.quotes if s[0] < claim.end and s[1] > claim.start]
            if not spans:
                prev = None
                continue
            stripped = claim.text.lstrip()
            starts_quoted = stripped[:1] in ('"', "“") or any(s[0] < claim.start for s in spans)
            quoted_share = sum(min(s[1], claim.end) - max(s[0], claim.start) for s in spans)
            if quoted_share < 0.6 * len(claim.text) and not starts_quoted:
                prev = None
                continue
            speaker = next((span_speaker[s] for s in spans if s in span_speaker), None)
            rule = "quote-speaker"
            if speaker is None and n + 1 < len(out):
                nxt_claim, nxt = out[n + 1]
                if nxt is not None and len(nxt_claim.text.split()) <= 8:
                    speaker = nxt  # "“...”" then "Erdogan said on Saturday."
            if speaker is None and prev is not None and claim.paragraph - prev_paragraph <= 1:
                speaker, rule = prev, "quote-continue"
            if speaker is None:
                continue
            out[n] = (
                claim,
                replace(speaker, rule=rule, kind=AttributionKind.DIRECT_QUOTE, split_at=None),
            )
        return out
