"""Claims -> attributions: who made each claim, by which words, relayed by whom.

A pure stage. ``attribute(doc, claims)`` returns the claims of ``segment(doc)`` with their
``Attribution`` filled in, in document order; a sentence that carries two attributions ("The
Russian defence ministry said ..., prompting Turkish Defence Minister Hulusi Akar to say ...")
comes back as two clauses, each with exact offsets into ``doc.text``.

How it works, per claim and in document order:

1. find reporting cues (``rules/cues.toml``) outside quoted text, skipping passive and
   adjectival uses ("were reported", "the said area");
2. find the source noun phrase of each cue: before it ("X said ...", "... 58 people the
   Observatory said"), after it ("..., said Rami Abdel Rahman"), after "according to", through
   appositions, relative clauses ("Mr Erdogan, who ..., said") and coordinated verbs ("X held
   talks with Y ... and said");
3. map the noun phrase to a source: pronouns and role nouns through a discourse memory ("It"
   -> the last organisation that spoke, "He" -> the last person, "the Russian foreign
   minister" -> the person named so earlier, "the presidency" -> that country's presidency),
   names through the source registry (``sources.py``), new names canonicalised;
4. relays: "told Reuters", "quoted by SANA", "reported citing a military source" set ``via``;
5. quotes: a quote's speaker also owns the other sentences of that quote, and a floating
   quote continues the previous speaker.

No cue, no source: claims in the reporter's own voice stay ``UNATTRIBUTED``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from rapidfuzz import fuzz

from claimtrack.gazetteer import gazetteer
from claimtrack.model import (
    UNATTRIBUTED,
    Attribution,
    AttributionKind,
    Claim,
    Document,
    Source,
    SourceKind,
)
from claimtrack.sources import (
    SourceRegistry,
    default_registry,
    descriptor_words,
    generic_words,
    normalise,
)

__all__ = ["attribute"]

# ------------------------------------------------------------------------------------ lexicon


@dataclass(frozen=True)
class _Lexicon:
    cue_re: re.Pattern[str]
    weak: frozenset[str]
    according_re: re.Pattern[str]
    statement_re: re.Pattern[str]
    citing: frozenset[str]
    passive_guards: frozenset[str]
    tail_only: frozenset[str]
    belief: frozenset[str]


def _alternation(forms: Sequence[str]) -> str:
    """One regex for many forms, as a trie ("add(?:ed|s)?..."): the engine tries a shared prefix
    once instead of every form in turn (the cue list has some 300 forms), and a longer form
    before a shorter one, as an alternation ordered by length would."""
    trie: dict[str, Any] = {}
    for form in {f.strip().lower() for f in forms if f.strip()}:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [
            (r"\s+" if ch == " " else re.escape(ch)) + build(node[ch]) for ch in sorted(node) if ch
        ]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data: dict[str, Any] = tomllib.loads(
        resources.files("claimtrack.rules").joinpath("cues.toml").read_text("utf-8")
    )
    strong: set[str] = set()
    weak: set[str] = set()
    tail_only: set[str] = set()
    for section in data.values():
        if not isinstance(section, dict) or "forms" not in section:
            continue
        if section.get("tail_only"):
            tail_only.update(f.lower() for f in section["forms"])
        (weak if section.get("weak") else strong).update(f.lower() for f in section["forms"])
    weak -= strong - weak  # a form listed as strong anywhere... stays weak only if weak-only
    forms = strong | weak
    nonverbal = data.get("nonverbal", {})
    return _Lexicon(
        cue_re=re.compile(r"(?<![\w\-’'])(?:" + _alternation(sorted(forms)) + r")(?![\w\-])"),
        weak=frozenset(f for f in weak if f not in strong or f in _ALWAYS_WEAK),
        according_re=re.compile(
            r"(?<![\w-])(?:" + _alternation(nonverbal.get("according_to", [])) + r")(?![\w-])",
            re.IGNORECASE,
        ),
        statement_re=re.compile(
            r"(?<![\w-])(?:" + _alternation(nonverbal.get("statement", [])) + r")(?![\w-])",
            re.IGNORECASE,
        ),
        citing=frozenset(f.lower() for f in nonverbal.get("relay_before_source", [])),
        passive_guards=frozenset(
            w.lower() for w in data.get("passive_guards", {}).get("words", [])
        ),
        tail_only=frozenset(tail_only),
        belief=frozenset(f.lower() for f in data.get("belief", {}).get("forms", [])),
    )


# verbs that report only with a speaking subject, even if also listed as strong elsewhere
_ALWAYS_WEAK = frozenset(
    {
        "called", "calls", "described", "posted", "published", "estimated", "informed", "urged",
        "showed", "shows", "found", "finds", "recorded", "counted", "observed", "broadcast",
        "aired", "carried", "documented", "monitored", "expects", "expected", "believed",
        "believes", "welcomed", "hailed", "praised", "condemned", "condemns", "denounced",
        "criticised", "criticized", "demanded", "demands", "rejected", "rejects", "dismissed",
        "suggested", "suggests", "predicted", "promised", "pledged", "vowed", "threatened",
        "responded", "replied", "briefed", "assured", "quoted", "indicated", "mentioned",
        "disputed", "maintained", "maintains", "charged",
    }
)  # fmt: skip

# Base forms that follow "to": "prompting Turkish Defence Minister Hulusi Akar to say"
_BASE_FORMS = frozenset(
    {"say", "tell", "deny", "confirm", "claim", "warn", "announce", "accuse", "blame", "insist",
     "add", "state", "declare", "stress", "argue", "reiterate"}
)  # fmt: skip

_TOKEN_PARTS = (
    r"(?:[A-Z]\.){2,}(?:-\w+)*",  # U.S., U.N., U.S.-backed
    r"(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Sgt|Capt|Brig|Sen|Rep|Gov|Prof|St|Jr|Adm)\.(?=\s)",
    r"\w+(?:[\-'’.&/]\w+)*(?:['’](?!\w))?",  # "CNN/ORC", "Reuters/Ipsos"
    r"[^\w\s]",
)
_TOKEN = re.compile("|".join(_TOKEN_PARTS))
# with an initial as one token ("J. Ann Selzer"); used only for claims that have one
_TOKEN_INITIALS = re.compile(
    "|".join((*_TOKEN_PARTS[:2], r"[A-Z]\.(?= [A-Z][a-z])", *_TOKEN_PARTS[2:]))
)
_INITIAL = re.compile(r"(?<![\w.])[A-Z]\. [A-Z][a-z]")

_DETS = frozenset({"the", "a", "an"})
_POSS_PRON = frozenset({"its", "his", "her", "their"})
_PRONOUNS = frozenset({"he", "she", "it", "they"})
# a pronoun with its verb glued on: "He's saying", "They're saying"
_CONTRACTED = {
    "he's": "he", "she's": "she", "it's": "it", "they're": "they", "they've": "they",
    "he'd": "he", "she'd": "she", "they'd": "they", "he'll": "he", "she'll": "she",
}  # fmt: skip
_PREPOSITIONS = frozenset(
    {"in", "at", "from", "to", "with", "near", "by", "on", "into", "over", "against", "of",
     "for", "about", "across", "towards", "toward", "under", "between", "inside", "outside",
     "around", "through", "via", "after", "before", "during", "since", "despite", "than", "like",
     "among", "amid", "upon", "onto", "off", "without", "within", "behind", "beyond"}
)  # fmt: skip
_CAP_STOP = frozenset(
    {"but", "and", "or", "however", "meanwhile", "on", "in", "at", "also", "earlier", "later",
     "last", "this", "that", "these", "those", "there", "here", "when", "while", "after",
     "before", "since", "as", "if", "although", "though", "despite", "during", "following",
     "according", "yet", "still", "then", "now", "separately",
     "moreover", "furthermore", "monday", "tuesday", "wednesday", "thursday", "friday",
     "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
     "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr",
     "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri",
     "sat", "sun", "i", "we", "you", "for", "with", "from", "by", "to", "of", "so",
     "what", "who", "which", "why", "how", "where", "it", "he", "she", "they", "his", "her",
     "its", "their", "our", "my", "no", "not", "an", "a", "the", "said", "updated", "photo",
     "video", "watch", "read", "related", "note", "editor", "source", "sources", "file",
     "pictured", "picture", "image", "copyright", "most", "popular", "more", "breaking",
     "exclusive", "analysis", "opinion", "update", "live", "both", "some", "all", "several",
     "many", "other", "another", "one", "two", "three", "four", "five", "six", "seven", "eight",
     "nine", "ten", "dozens", "hundreds", "thousands", "each", "every", "only", "even", "just",
     "once", "again", "early", "late", "almost", "nearly", "about", "around", "over", "under"}
)  # fmt: skip
_SOURCE_NOUNS = frozenset(
    {"source", "sources", "official", "officials", "spokesman", "spokeswoman", "spokesperson",
     "spokesmen", "minister", "ministers", "ministry", "agency", "agencies", "monitor",
     "observatory", "group", "groups", "media", "television", "tv", "channel", "radio", "army",
     "military", "forces", "rebels", "activists", "activist", "witnesses", "witness",
     "eyewitnesses", "residents", "resident", "locals", "doctors", "doctor", "medics", "medic",
     "paramedics", "commander", "commanders", "statement", "report", "network", "newspaper",
     "daily", "website", "authorities", "government", "police", "coalition", "president",
     "presidency", "office", "diplomats", "diplomat", "officer", "officers", "general",
     "journalists", "journalist", "correspondent", "council", "committee", "opposition",
     "fighters", "fighter", "militants", "insurgents", "jihadists", "regime", "leader",
     "leaders", "head", "chief", "director", "envoy", "ambassador", "aide", "aides", "adviser",
     "advisers", "analysts", "experts", "investigators", "inspectors", "workers", "volunteers",
     "rescuers", "hospital", "broadcaster", "outlet", "outlets", "organisation",
     "organization", "watchdog", "command", "staff", "troops", "militia", "militias",
     "ministries", "governor", "mayor", "counterpart", "premier", "secretary", "team",
     "tally", "toll", "figures", "data", "study", "investigation", "footage", "video",
     "communique", "statements", "press", "service", "services", "department", "rebel",
     "negotiator", "negotiators", "delegation", "parliament", "lawmakers",
     "lawmaker", "mp", "clerics", "monitors", "sheikh", "imam", "union", "kremlin",
     "pentagon", "security", "intelligence", "nations", "helmets", "crescent", "reports",
     "reporter", "reporters", "correspondents", "unit", "units", "estimates",
     "families", "relatives", "survivors", "nurses", "engineers", "teams", "letter",
     # people who speak to reporters, and bodies that speak
     # (not "women", "men": "Among the dead were nine women said Observatory director ...")
     "worker", "photographer", "photographers", "cameraman", "farmer", "observers",
     "teacher", "teachers", "student", "students", "technician", "powers", "countries",
     "governments", "arm", "faction", "factions", "brigade",
     "battalion", "movement", "party", "centre", "center", "directorate", "authority",
     "websites", "pages", "respondents", "polled", "surveyed", "campaign", "campaigns",
     "militant", "people", "fact-checkers", "pollsters", "strategists", "economists",
     "critics", "opponents", "nominee", "candidate", "senator", "lawyers", "lawyer",
     "attorneys", "attorney", "prosecutors", "prosecutor", "allies", "surrogates"}
)  # fmt: skip
# documents that speak for their makers ("the poll found", "jail records show") head a source
_SOURCE_NOUNS = _SOURCE_NOUNS | generic_words().documents
_MODIFIERS = frozenset(
    {"state", "state-run", "state-owned", "state-controlled", "state-affiliated", "official",
     "semi-official", "military", "security", "rebel", "opposition", "government",
     "pro-government", "pro-regime", "local", "medical", "senior", "news", "foreign", "defence",
     "defense", "interior", "health", "information", "monitoring", "war", "rights", "human",
     "civil", "regime", "top", "high-ranking", "informed", "unnamed", "anonymous", "diplomatic",
     "intelligence", "western", "field", "two", "three", "four", "several", "some", "many",
     "other", "multiple", "various", "press", "humanitarian", "aid", "relief", "rescue",
     "hospital", "activist", "opposition-run", "army", "police", "ministry", "presidential",
     "militant", "jihadist", "islamist", "kurdish", "arab", "syrian", "turkish", "russian",
     "iranian", "israeli", "american", "provincial", "regional", "municipal",
     "independent", "private", "pan-arab", "satellite", "television", "tv", "media", "online",
     "monitor", "group", "commander", "former", "deputy", "acting", "chief", "main",
     "leading", "prominent", "spokesman", "opposition-affiliated", "insurgent", "coalition",
     "citizen", "eyewitness", "civilian", "volunteer", "britain-based", "uk-based",
     "british-based", "medical-relief", "reconciliation", "centre", "center", "general", "latest",
     "new", "recent", "initial", "preliminary", "unit", "earlier", "first", "final", "armed",
     "election", "campaign", "federal", "party", "national", "inspector", "snap", "exit",
     "internal",
     "statewide", "nationwide"}
)  # fmt: skip
_MODIFIER_SUFFIX = re.compile(
    r"^(?:pro-\w+|anti-\w+|[\w.]+-(?:based|backed|led|run|owned|affiliated|linked|controlled|held|allied|"
    r"aligned|language|funded|sponsored|supported|appointed))$",
    re.IGNORECASE,
)
# page furniture that glues a list of capitalised tags onto the next sentence's subject:
# "Tags Idlib Russia Syria Anti-government activists say ..." -> "Anti-government activists"
_FURNITURE = frozenset(
    {"tags", "tag", "topics", "keywords", "related", "updated", "photo", "photos", "credit",
     "caption", "share", "send", "published", "posted", "youtube"}
)  # fmt: skip
# role nouns of a person named just before them, without commas: "Suleiman Youssef a writer told"
_APPOSITIVE_ROLES = frozenset(
    {"minister", "spokesman", "spokeswoman", "spokesperson", "president", "envoy", "official",
     "commander", "ambassador", "secretary", "governor", "mayor", "chief", "head", "director",
     "leader", "member", "resident", "writer", "activist", "journalist", "doctor", "researcher",
     "founder", "chairman", "coordinator", "fighter", "cleric", "negotiator", "representative",
     "officer", "correspondent", "lawyer", "engineer", "teacher", "nurse", "medic", "volunteer",
     "deputy", "adviser", "advisor", "aide", "owner", "photographer", "analyst", "general",
     "neurologist", "surgeon", "physician", "pharmacist", "paramedic", "technician", "mechanic",
     "vendor", "farmer", "student", "witness", "worker", "rescuer", "professor", "expert"}
)  # fmt: skip
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "abd", "de", "di", "da", "van",
                             "von", "der", "le", "du", "for", "of", "and", "on"})  # fmt: skip
_SKIP_BEFORE_CUE = frozenset(
    {"also", "later", "earlier", "previously", "has", "have", "had", "would", "will", "then",
     "separately", "further", "again", "recently", "repeatedly", "officially", "publicly",
     "quickly", "already", "once", "yesterday", "today", "tonight", "last", "late", "first",
     "subsequently", "finally", "similarly", "likewise", "immediately",
     "reportedly", "initially", "however", "meanwhile", "too", "themselves", "itself", "himself",
     "herself", "long", "often", "frequently", "consistently", "has also", "does", "did", "do",
     "weeks", "days", "months", "ago", "week", "month", "year"}
)  # fmt: skip
_DAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "night",
     "morning", "evening", "afternoon", "week", "month", "year", "today", "tonight"}
)  # fmt: skip
_COORD = frozenset({"and", "but", "then", "before", "after"})
# "quoted X as saying", "... as telling reporters", "... as stating"
_AS_CUES = frozenset({"saying", "telling", "stating", "adding"})
_AS_SAYING_VERBS = frozenset({"quoted", "cited", "reported", "described", "paraphrased"})
_RELATIVE = frozenset({"which", "who", "whom", "what"})
_SPLIT_MARKERS = frozenset(
    {"prompting", "while", "whereas", "but", "meanwhile", "forcing", "leading", "causing",
     "spurring", "triggering", "although", "though", "however", "yet"}
)  # fmt: skip
_DOC_NOUNS = frozenset(
    {"report", "statement", "communique", "tally", "toll", "figures", "data", "study",
     "investigation", "footage", "video", "spokesman", "spokeswoman", "spokesperson",
     "source", "sources", "official", "officials", "estimate", "estimates", "count",
     "survey", "document", "letter", "reports", "statements", "post", "tweet", "message",
     "announcement", "bulletin", "representative", "member", "members", "head", "chief",
     "director", "leader", "commander", "chairman", "chairwoman", "founder", "president",
     "secretary", "coordinator", "deputy", "envoy", "ambassador", "minister", "adviser",
     "information", "tolls", "account", "accounts"}
)  # fmt: skip
# "the <noun> said" refers back to a source that spoke before
_BACK_NOUNS = frozenset(
    {"statement", "report", "sources", "source", "letter", "correspondent", "reporter"}
)  # fmt: skip
_DOCUMENTS = frozenset(
    {"report", "statement", "communique", "tally", "toll", "figures", "data", "study",
     "investigation", "estimate", "estimates", "count", "survey", "document", "letter",
     "reports", "statements", "tweet", "bulletin", "tolls", "account", "footage", "video"}
)  # fmt: skip
_SUBORDINATORS = frozenset({"after", "before", "since", "until", "because"})
_OWNED_HEADS = frozenset(
    {"office", "presidency", "correspondent", "correspondents", "reporter", "reporters",
     "spokesman", "spokeswoman", "spokesperson", "statement", "website", "account", "channel"}
)  # fmt: skip
_RELAY_BY = frozenset({"quoted", "cited", "carried", "relayed", "published", "reported"})
_OUTLET_KINDS = frozenset({SourceKind.NEWS_AGENCY, SourceKind.BROADCASTER, SourceKind.NEWSPAPER})
_COLON_STOP = frozenset(
    {"updated", "photo", "video", "note", "read", "related", "source", "watch", "editor",
     "correction", "update", "file", "image", "caption", "credit", "breaking", "warning",
     "exclusive", "analysis", "opinion", "comment", "live", "listen", "see", "also", "more",
     "tags", "topics", "share", "published", "posted", "by", "date", "time", "location"}
)  # fmt: skip
_COUNTRY_DEMONYM = {
    "Syria": "Syrian", "Turkey": "Turkish", "Russia": "Russian", "Iran": "Iranian",
    "Israel": "Israeli", "United States": "US", "Lebanon": "Lebanese", "Jordan": "Jordanian",
    "Iraq": "Iraqi", "France": "French", "United Kingdom": "British", "Saudi Arabia": "Saudi",
    "Egypt": "Egyptian", "China": "Chinese",
}  # fmt: skip
# capitals that stand for their country's ministries: "the defence ministry in Moscow"
_CAPITALS = {
    "Moscow": "Russian", "Ankara": "Turkish", "Damascus": "Syrian", "Tehran": "Iranian",
    "Washington": "US", "Paris": "French", "London": "British", "Beijing": "Chinese",
    "Baghdad": "Iraqi", "Amman": "Jordanian", "Beirut": "Lebanese", "Cairo": "Egyptian",
    "Riyadh": "Saudi",
}  # fmt: skip
_CAPITAL_IN = re.compile(r"\bin (" + "|".join(_CAPITALS) + r")\b")
_ROLE_KINDS: dict[str, frozenset[SourceKind]] = {
    "agency": frozenset({SourceKind.NEWS_AGENCY}),
    "channel": frozenset({SourceKind.BROADCASTER}),
    "broadcaster": frozenset({SourceKind.BROADCASTER}),
    "television": frozenset({SourceKind.BROADCASTER}),
    "newspaper": frozenset({SourceKind.NEWSPAPER}),
    "daily": frozenset({SourceKind.NEWSPAPER}),
    "monitor": frozenset({SourceKind.MONITOR}),
    "observatory": frozenset({SourceKind.MONITOR}),
    "watchdog": frozenset({SourceKind.MONITOR}),
    "group": frozenset({SourceKind.MONITOR, SourceKind.MILITARY, SourceKind.OTHER}),
    "organisation": frozenset({SourceKind.MONITOR, SourceKind.INTERNATIONAL, SourceKind.OTHER}),
    "organization": frozenset({SourceKind.MONITOR, SourceKind.INTERNATIONAL, SourceKind.OTHER}),
    "ministry": frozenset({SourceKind.GOVERNMENT}),
    "government": frozenset({SourceKind.GOVERNMENT}),
    "army": frozenset({SourceKind.MILITARY}),
    "military": frozenset({SourceKind.MILITARY}),
    "command": frozenset({SourceKind.MILITARY}),  # the command named before
    "forces": frozenset({SourceKind.MILITARY}),
    "tv": frozenset({SourceKind.BROADCASTER}),
    "network": frozenset({SourceKind.BROADCASTER}),
    "statement": frozenset(
        {SourceKind.GOVERNMENT, SourceKind.MILITARY, SourceKind.MONITOR, SourceKind.INTERNATIONAL,
         SourceKind.OTHER}
    ),
}  # fmt: skip
_PERSON_ROLES = frozenset(
    {"minister", "spokesman", "spokeswoman", "spokesperson", "president", "envoy", "official",
     "commander", "ambassador", "secretary", "premier", "governor", "mayor", "chief", "head",
     "director", "leader", "general", "chancellor", "king", "emir", "prince", "sheikh",
     "nominee", "candidate", "senator", "congressman", "congresswoman", "speaker", "chairman"}
)  # fmt: skip
_LINKED = frozenset(
    {"linked", "affiliated", "close", "loyal", "allied", "belonging", "run", "attached",
     "tied", "connected", "aligned"}
)  # fmt: skip
_ORG_HEADS = frozenset(
    {"command", "police", "ministry", "directorate", "hospital", "university", "council",
     "committee", "office", "department", "headquarters", "army", "agency", "authority",
     "administration", "government", "coalition", "observatory", "network", "group", "force",
     "forces", "front", "brigade", "center", "centre", "service", "services", "branch"}
)  # fmt: skip
_MONITOR_NAMES = re.compile(
    r"Syrian Observatory|Observatory|SOHR|Syrian Network for Human Rights|SNHR|White Helmets"
)
_INVERTIBLE = frozenset(
    {"said", "says", "added", "reported", "wrote", "stated", "announced", "claimed", "insisted",
     "warned", "noted", "stressed", "explained", "confirmed"}
)  # fmt: skip
_QUOTE_CHARS = re.compile(r"[\"“”]")
_CREDIT_TAIL = re.compile(r"\s*(?:[-–—]{1,2}\s*|\()(?:[A-Z][\w.]*)(?:\s[A-Z][\w.]*){0,2}\)?\s*$")


class _Tok:
    """One token of a claim, with what the rules ask of it computed once (plain slots: the
    rules read these properties hundreds of thousands of times per corpus)."""

    __slots__ = ("bare", "end", "is_cap", "is_word", "low", "possessive", "start", "text")

    def __init__(self, text: str, low: str, start: int, end: int) -> None:
        self.text = text
        self.low = low
        self.start = start  # offset into the claim's text
        self.end = end
        first = text[0]
        self.is_word = first.isalnum()
        if first.isupper():
            self.is_cap = low not in _CAP_STOP
        else:  # "al-Homsi", "el-Dorar"
            self.is_cap = len(text) > 3 and low[:3] in ("al-", "el-") and text[3].isupper()
        if "'" in low or "’" in low:
            if low.replace("’", "'") in _CONTRACTED:
                low = self.low = _CONTRACTED[low.replace("’", "'")]  # "He's saying" -> he
            self.bare = _strip_possessive(low)
            self.possessive = low.endswith(("'s", "’s", "s'", "s’"))
        else:  # most tokens (and every one of a corpus that strips apostrophes)
            self.bare = low
            self.possessive = False

    def __repr__(self) -> str:
        return f"_Tok({self.text!r}, {self.start}, {self.end})"


def _strip_possessive(word: str) -> str:
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    if word.endswith(("s'", "s’")):
        return word[:-1]
    return word


def _tokens(text: str) -> list[_Tok]:
    pattern = _TOKEN_INITIALS if ". " in text and _INITIAL.search(text) else _TOKEN
    toks = [_Tok(m.group(), m.group().lower(), m.start(), m.end()) for m in pattern.finditer(text)]
    # a sentence-initial common noun is not a name: "Activists in Deir Ezzor said"
    for n, t in enumerate(toks[:3]):
        if t.is_word:
            if t.text[0].isupper() and not t.text.isupper() and (
                t.bare in _SOURCE_NOUNS or t.bare in _MODIFIERS
            ):  # fmt: skip
                toks[n] = _Tok(t.text[0].lower() + t.text[1:], t.low, t.start, t.end)
            break
    return toks


def _is_mod(tok: _Tok) -> bool:
    return tok.bare in _MODIFIERS or bool(_MODIFIER_SUFFIX.match(tok.low))


def _is_head(tok: _Tok) -> bool:
    return tok.is_word and (tok.is_cap or tok.bare in _SOURCE_NOUNS)


# ------------------------------------------------------------------------------------ memory


@dataclass
class _Person:
    source: Source
    roles: str  # normalised descriptors: "russian foreign minister"


# unnamed sources that "he" or "she" can take up: "a doctor", "a military source", "a witness"
_SINGULAR_HUMAN = frozenset(
    {"source", "official", "doctor", "witness", "activist", "resident", "commander", "spokesman",
     "spokeswoman", "spokesperson", "officer", "medic", "worker", "photographer", "correspondent",
     "reporter", "journalist", "diplomat", "teacher", "farmer", "technician", "eyewitness"}
)  # fmt: skip


def _singular_human(name: str) -> bool:
    words = name.lower().split()
    return bool(words) and words[-1] in _SINGULAR_HUMAN


@dataclass
class _Memory:
    """What the article has said so far, for coreference without a neural model."""

    last_person: Source | None = None
    last_org: Source | None = None
    last_plural: Source | None = None
    last_unnamed: Source | None = None  # the last singular unnamed source ("a military source")
    relays: list[str] = field(default_factory=list)  # outlets sources spoke through ("via")
    speakers: list[Source] = field(default_factory=list)
    people: list[_Person] = field(default_factory=list)  # people named, most recent last
    orgs: list[Source] = field(default_factory=list)  # organisations named, most recent last
    groups: list[Source] = field(default_factory=list)  # "a group of X": X, for "the group"
    documents: dict[str, Source] = field(default_factory=dict)  # "said in a report": its maker
    pronouns: dict[str, str] = field(default_factory=dict)  # person's name -> "he" or "she"
    heads: dict[str, Source] = field(
        default_factory=dict
    )  # "command" -> who "US Central Command" is
    local: dict[str, Source] = field(default_factory=dict)

    def spoke(self, source: Source) -> None:
        self.speakers.append(source)
        if source.is_person:
            self.last_person = source
        elif source.kind is SourceKind.UNNAMED and _singular_human(source.name):
            self.last_person = source  # "A doctor in Douma told AFP ... He said ..."
            self.last_unnamed = source
        elif source.kind is SourceKind.UNNAMED:
            self.last_plural = source
        else:
            self.last_org = source
            self.last_plural = source


@dataclass(frozen=True)
class _Found:
    """One attribution found in a claim, before it is turned into an ``Attribution``."""

    source: Source
    mention_start: int  # claim-relative
    mention_end: int
    cue: str
    rule: str
    cue_start: int
    kind: AttributionKind = AttributionKind.INDIRECT
    via: str | None = None
    descriptor: str | None = None
    split_at: int | None = None  # claim-relative start of the clause it opens, if it opens one
    clause_end: int | None = None  # claim-relative end of an embedded clause


# ------------------------------------------------------------------------------------ the stage


def attribute(
    doc: Document, claims: Sequence[Claim], registry: SourceRegistry | None = None
) -> tuple[Claim, ...]:
    """The claims with their attribution filled in, clauses split where one sentence has two."""
    return _Attributor(doc, registry if registry is not None else _default()).run(claims)


@lru_cache(maxsize=1)
def _default() -> SourceRegistry:
    return default_registry()


class _Attributor:
    def __init__(self, doc: Document, registry: SourceRegistry) -> None:
        self.doc = doc
        self.registry = registry
        self.lex = _lexicon()
        self.memory = _Memory()
        self.quotes = _quote_spans(doc.text)
        self._cur_text = ""
        self._monitor: tuple[Source | None] | None = None
        self._claims: list[Claim] = []
        self._all_people: list[_Person] | None = None
        self._documents: dict[str, Source | None] = {}

    # ---------------------------------------------------------------------------- driver

    def run(self, claims: Sequence[Claim]) -> tuple[Claim, ...]:
        out: list[Claim] = []
        found_per_claim: list[list[tuple[Claim, _Found | None]]] = []
        self._claims = sorted(claims, key=lambda c: (c.start, c.end))
        for claim in self._claims:
            pieces = self._claim(claim)
            found_per_claim.append(pieces)
        flat = [p for pieces in found_per_claim for p in pieces]
        flat = self._quotes_pass(flat)
        flat = _first_person_pass(flat, self.quotes)
        flat = self._speaker_turns(flat)
        flat = self._tweet_credits(flat)
        for claim, found in flat:
            out.append(replace(claim, attribution=self._attribution(claim, found)))
        return tuple(out)

    def _attribution(self, claim: Claim, found: _Found | None) -> Attribution:
        if found is None:
            return UNATTRIBUTED
        start, end = found.mention_start, found.mention_end
        mention = self.doc.text[start:end] if 0 <= start < end <= len(self.doc.text) else None
        kind = found.kind
        if kind is AttributionKind.INDIRECT and _QUOTE_CHARS.search(claim.text):
            kind = AttributionKind.DIRECT_QUOTE
        return Attribution(
            source=found.source.name,
            source_kind=found.source.kind,
            mention=mention,
            mention_start=start if mention is not None else None,
            mention_end=end if mention is not None else None,
            cue=found.cue,
            kind=kind,
            via=found.via,
            rule=found.rule,
            descriptor=found.descriptor,
        )

    # ---------------------------------------------------------------------------- one claim

    def _claim(self, claim: Claim) -> list[tuple[Claim, _Found | None]]:
        text = claim.text
        credit = _CREDIT_TAIL.search(text)
        if credit and credit.start() > 0 and not text[: credit.start()].rstrip().endswith(","):
            text = text[: credit.start()]
        text = _lower_title_cues(text)
        self._cur_text = text
        toks = _tokens(text)
        self._note_mentions(toks, text)
        if not toks or _CREDIT_LINE.match(text):
            return [(claim, None)]  # "--Reuters": the wire's credit line, not its claim
        found = [
            replace(
                f,
                mention_start=f.mention_start + claim.start,
                mention_end=f.mention_end + claim.start,
            )
            for f in self._find_all(claim, text, toks)
        ]
        if not found:
            self._note_subject(toks)
            return [(claim, None)]
        first = found[0]
        doc = _SPOKE_IN.search(text) if "n a" in text else None
        if doc is not None:
            # "the inspector general said in a report": "the report" later is the inspector's
            self.memory.documents[doc.group(1).lower()] = first.source
        for f in found:
            self.memory.spoke(f.source)
            if f.source.kind is not SourceKind.UNNAMED:
                # "US Central Command said" (the US military): "the command" later is it
                for word in self.doc.text[f.mention_start : f.mention_end].lower().split():
                    if word in generic_words().heads:
                        self.memory.heads[word] = f.source
            if f.via:
                self.memory.relays.append(f.via)
        pieces = self._split(claim, found)
        if pieces is not None:
            return pieces
        return [(claim, first)]

    def _note_subject(self, toks: list[_Tok]) -> None:
        """A sentence without a cue that opens with a person ("Trump seized on the findings.")
        makes that person the one a following "he" or "she" means."""
        a = 0
        while a < len(toks) and toks[a].low in _SENTENCE_ADVERBS | {","}:
            a += 1
        b = a
        while b + 1 < len(toks) and toks[b + 1].is_cap:
            b += 1
        if a >= len(toks) or not toks[a].is_cap or b + 1 >= len(toks) or toks[b + 1].is_cap:
            return
        person = self._known(toks, a, b)
        if person is not None and person.is_person:
            self.memory.last_person = person

    def _split(self, claim: Claim, found: list[_Found]) -> list[tuple[Claim, _Found | None]] | None:
        """Clauses of a claim with two attributions, or an embedded one; None to keep it whole."""
        text = claim.text
        embedded = [f for f in found if f.clause_end is not None and f.split_at is not None]
        if embedded:
            f = embedded[0]
            assert f.split_at is not None and f.clause_end is not None
            cuts = [(0, f.split_at, None), (f.split_at, f.clause_end, f)]
            if f.clause_end < len(text.rstrip()):
                cuts.append((f.clause_end, len(text), None))
            main = [g for g in found if g is not f and g.split_at is None]
            return self._cut(claim, cuts, main[0] if main else None)
        second = [f for f in found[1:] if f.split_at is not None]
        if not second:
            return None
        f = second[0]
        assert f.split_at is not None
        head = found[0]
        return self._cut(claim, [(0, f.split_at, head), (f.split_at, len(text), f)], None)

    def _cut(
        self,
        claim: Claim,
        cuts: list[tuple[int, int, _Found | None]],
        outer: _Found | None,
    ) -> list[tuple[Claim, _Found | None]] | None:
        pieces: list[tuple[Claim, _Found | None]] = []
        for start, end, f in cuts:
            piece = claim.text[start:end]
            lead = len(piece) - len(piece.lstrip(" \t\n\u00a0,;–—-"))
            trail = len(piece) - len(piece.rstrip(" \t\n\u00a0,;–—-"))
            s, e = claim.start + start + lead, claim.start + end - trail
            if e <= s:
                continue
            sub = Claim(s, e, self.doc.text[s:e], claim.paragraph)
            g = f if f is not None else outer
            if g is not None:
                # re-base mention offsets on the piece: _attribution adds (piece start - split)
                g = replace(g, split_at=s - claim.start)
            pieces.append((sub, g))
        return pieces if len(pieces) > 1 else None

    # ---------------------------------------------------------------------------- finding

    def _find_all(self, claim: Claim, text: str, toks: list[_Tok]) -> list[_Found]:
        quoted = [
            (qs - claim.start, qe - claim.start)
            for qs, qe in self.quotes
            if qs < claim.end and qe > claim.start
        ]

        def in_quote(pos: int) -> bool:
            return any(qs < pos < qe for qs, qe in quoted)

        results: list[_Found] = []
        pos_of = {t.start: i for i, t in enumerate(toks)}
        # according to X
        for m in self.lex.according_re.finditer(text):
            if in_quote(m.start()):
                continue
            k = _index_after(toks, m.end())
            f = self._according(toks, k, m.group().lower(), m.start())
            if f is not None:
                results.append(f)
        # verbal cues
        for m in self.lex.cue_re.finditer(text):
            if in_quote(m.start()):
                continue
            i = pos_of.get(m.start())
            if i is None:
                continue
            f = self._verbal(toks, i, m, text)
            if f is not None:
                if f.via is None and f.rule != "relay-citing":
                    f = self._with_relay(toks, i, f, text)
                results.append(f)
        if not results:
            f = self._colon_or_headline(toks, text, claim) or self._in_the_poll(toks, text)
            return [f] if f is not None else []
        results.sort(key=lambda f: f.cue_start)
        return self._choose(results, toks, text)

    def _choose(self, results: list[_Found], toks: list[_Tok], text: str) -> list[_Found]:
        """The main attribution first, then any that opens a clause of its own."""
        embedded = [f for f in results if f.clause_end is not None]
        plain = [f for f in results if f.clause_end is None]
        if not plain:
            return embedded[:1]
        # a tail cue ("... 58 people the Observatory said") governs the sentence
        tails = [
            f
            for f in plain
            if f.rule in ("tail-cue", "inverted-cue")
            or (f.rule == "relay-quoted" and f.cue_start > len(text) // 2)
        ]
        according = [f for f in plain if f.rule == "according-to"]
        main = tails[-1] if tails and not according else plain[0]
        if according and main.cue in self.lex.belief:
            main = according[0]  # "X thinks he can win, according to two aides": the aides
        relayed = [f for f in plain if f.rule == "relay-quoted"]
        if main.cue in _AS_SAYING_VERBS and relayed and relayed[0].cue_start <= main.cue_start:
            # "The reporter quoted a source at Aleppo Police Command as saying": the source
            # speaks, the reporter relays it
            main = relayed[0]
        out = [replace(main, split_at=None)]
        for f in plain:
            if f is main or f.source.name == main.source.name:
                continue
            if f.split_at is not None and f.cue_start > main.cue_start:
                out.append(f)
                break
        out.extend(replace(f, split_at=f.split_at) for f in embedded[:1] if len(out) == 1)
        return out

    def _verbal(self, toks: list[_Tok], i: int, m: re.Match[str], text: str) -> _Found | None:
        cue = _SPACES.sub(" ", m.group().lower())
        prev = toks[i - 1] if i > 0 else None
        if (
            cue in _PASSIVE_BY_CUES
            and prev is not None
            and prev.low in ("was", "were", "been", "is", "are")
            and i + 2 < len(toks)
            and toks[i + 1].low == "by"
        ):
            return self._passive_agent(toks, i, cue, m.start(), text)
        if (
            prev is not None
            and prev.low in self.lex.passive_guards
            and not (cue in _AS_CUES and prev.low == "as")
        ):
            return None
        if (
            cue.endswith("ed")
            and cue not in _RELAY_BY | {"posted"}
            and i + 1 < len(toks)
            and toks[i + 1].low == "by"
            and prev is not None
            and prev.is_word
            and not prev.is_cap
            and prev.low not in _PRONOUNS
        ):
            return None  # "the Syrian regime accused by Washington of ...": a passive
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if (
            cue in ("said", "says")
            and nxt is not None
            and nxt.low == "to"
            and prev is not None
            and prev.low in ("is", "are", "was", "were")
        ):
            return None
        if prev is not None and prev.possessive:
            return None  # "Trump's claim that ...": a noun
        if prev is not None and prev.low in ("not", "n't", "never") and cue not in _AS_CUES:
            return None  # "He did not say whether", "has not said", "never confirmed"
        if (
            cue in ("reports", "reported", "reporting")
            and nxt is not None
            and nxt.low == "from"
            and i + 2 < len(toks)
            and toks[i + 2].is_cap
        ):
            return None  # "TRT World's Ahmed al Burai reports from Idlib": a dateline
        weak = cue in _ALWAYS_WEAK or cue in self.lex.weak
        if cue in self.lex.tail_only and not (
            prev is not None
            and _is_tail(toks, i)
            and (prev.low in _PRONOUNS or self._is_person(prev))
        ):
            return None  # "... he continued", "... Fabius went on"; not "the offensive continues"
        # "X was quoted as saying", "X quoted Y as saying"
        if cue in _AS_CUES and prev is not None and prev.low == "as":
            return self._quoted_as_saying(toks, i)
        if cue in _CLAUSE_CUES and prev is not None:
            f = self._participle_subject(toks, i, cue, m.start(), text)
            if f is not None:
                return f
        j = _skip_back(toks, i - 1, cue)
        # "Wird Furati head of press office at Fastaqim Kama Umirt told", "Abu Omar a commander
        # in Jabhat al-Nusra said": the person named before the role is the subject
        app = self._role_appositive(toks, j) if j >= 1 else None
        if app is not None:
            (a, b), src = app
            app_f = self._found(toks, (a, b), src, cue, m.start(), _rule_at(toks, i), i, text)
            return self._with_relay(toks, i, replace(app_f, rule="appositive-subject"), text)
        span = _np_before(toks, j) if j >= 0 else None
        rule = "subject-cue"
        if span is not None and span[0] >= 2 and toks[span[0] - 1].low == "and":
            # "the National Coalition for Syrian Revolution and Opposition Forces": one name
            k = span[0] - 2
            while k > 0 and (toks[k - 1].is_cap or toks[k - 1].low in _NAME_PARTICLES):
                k -= 1
            for x in range(k, span[0] - 1):
                if toks[x].is_cap and self._known(toks, x, span[1]) is not None:
                    span = (x, span[1])
                    break
        if span is not None and span[0] >= 2 and toks[span[0] - 1].low == "and":
            # "Assads regime and Russia have accused rebels", "Kaine and Clinton believe": the
            # first named leads
            left = _np_before(toks, span[0] - 2)
            right = self._known(toks, *span)
            two_names = (
                left is not None
                and left[1] - left[0] >= 1
                and span[1] - span[0] >= 1
                and all(t.is_cap for t in toks[left[0] : left[1] + 1])
                and all(t.is_cap for t in toks[span[0] : span[1] + 1])
            )  # "Senate Majority Leader Paul Crane and Minority Leader Ellen Vance said"
            if (
                left is not None
                and left[0] == 0
                and (
                    self._known(toks, *left) is not None
                    or (right is not None and right.is_person and toks[left[1]].is_cap)
                    or two_names
                )
            ):
                span = (left[0], left[1])
        if (
            span is not None
            and toks[span[1]].bare == "people"
            and _INFORMED.match(text, toks[span[1]].end) is None
        ):
            span = None  # "... killed 1102 people said the Observatory": the dead, not a source
        if span is not None:
            span = self._first_of_joint(toks, span)
        if (
            span is not None
            and span[0] == span[1]
            and toks[span[0]].low in ("it", "they")
            and cue in _DENIALS
        ):
            # "... pointed the finger at Assad's government for the attack though it denied any
            # responsibility": who denies is who was accused, not the last body that spoke
            accused = self._accused_before(toks, span[0], text)
            if accused is not None:
                return self._found(toks, span, accused, cue, m.start(), "pronoun-accused", i, text)
        if span is not None:
            f = self._from_span(toks, span, cue, m.start(), i, text, weak)
            if f is None:
                f = self._modified_subject(toks, span[0], cue, m.start(), i, text, weak)
            if f is None:
                f = self._document_subject(toks, i, cue, m.start(), text)
            return f
        doc = self._document_subject(toks, i, cue, m.start(), text)
        if doc is not None:
            return doc
        finite = cue in ("said", "says", "told", "tells") or cue.endswith("ed")
        if finite and j >= 2 and toks[j].is_word and not toks[j].is_cap:
            # "A police source in the city said", "Local sources in the town said": a plain
            # place noun after a preposition is no noun phrase of its own; the subject is before
            for k in range(j - 1, max(0, j - 4), -1):
                if toks[k].low in ("in", "at", "from", "inside", "within", "near"):
                    f = self._prep_object(toks, (k + 1, j), cue, m.start(), i, text, weak)
                    if f is not None:
                        return f
                    break
            f = self._modified_subject(toks, j + 1, cue, m.start(), i, text, weak)
            if f is not None:
                return f
        if j >= 0 and toks[j].text in ("-", "–", "—", ")"):
            # "The Observatory - which has a network of sources - also said"
            opener = "(" if toks[j].text == ")" else toks[j].text
            k = j - 1
            while k >= 0 and toks[k].text != opener:
                k -= 1
            if k > 0:
                inner = _np_before(toks, k - 1)
                if inner is not None:
                    f = self._from_span(toks, inner, cue, m.start(), i, text, weak)
                    if f is not None:
                        return f
        if j >= 0 and toks[j].low in _COORD:
            return self._coordinated(toks, j, cue, m.start(), i, weak)
        if j >= 0 and toks[j].text == ",":
            f = self._before_comma(toks, j, cue, m.start(), i, text, weak)
            if f is not None:
                return f
        if (j >= 0 and toks[j].text in ("”", '"', "’", ",")) or (
            j >= 0 and toks[j].is_word and not _is_head(toks[j]) and i > 0
        ):
            # inversion: "..., said Rami Abdel Rahman", "... killed said the Observatory"
            f = self._inverted(toks, i, cue, m.start())
            if f is not None:
                return f
        if j >= 0:
            f = self._relative_subject(toks, j, cue, m.start(), i, weak)
            if f is not None:
                return f
        del rule
        return None

    def _accused_before(self, toks: list[_Tok], k: int, text: str) -> Source | None:
        for n in range(k - 1, -1, -1):
            if toks[n].low in _ACCUSING:
                span = _np_after(toks, n + 1)
                if span is None or span[1] >= k:
                    return None
                after = toks[span[1] + 1] if span[1] + 1 < k else None
                if after is not None and after.low in _GOVERNS:
                    # "at President Bashar al-Assads government": the leader's government
                    name = text[toks[span[0]].start : toks[span[1]].end]
                    leader = self.registry.resolve(re.sub(r"(?:'s|’s|s)$", "", name))
                    gov = self._government_of(leader) if leader is not None else None
                    if gov is not None:
                        return gov
                return self._source_for(toks, span[0], span[1], text)
        return None

    def _passive_agent(
        self, toks: list[_Tok], i: int, cue: str, cue_start: int, text: str
    ) -> _Found | None:
        """ "The capture of Tel Hamis was announced by the Kurdish YPG militia", "The deaths were
        confirmed by the Syrian Observatory": the agent after "by" is the source."""
        span = _np_after(toks, i + 2)
        if span is None or not (toks[span[1]].is_cap or toks[span[1]].bare in _SOURCE_NOUNS):
            return None
        if span[0] == span[1] and toks[span[0]].low in descriptor_words().demonyms:
            return None  # "confirmed by Turkish health officials": not the whole phrase
        src = self._source_for(toks, span[0], span[1], text)
        if src is None:
            return None
        found = self._found(toks, span, src, cue, cue_start, "passive-by", i, text)
        return replace(found, split_at=None)

    def _modified_subject(
        self,
        toks: list[_Tok],
        a: int,
        cue: str,
        cue_start: int,
        i: int,
        text: str,
        weak: bool,
    ) -> _Found | None:
        """A source noun with a modifier between it and the cue: "European officials speaking
        on condition of anonymity said", "A U.S. official familiar with the assessments said",
        "Medics attending the victims said", "An activist who spoke to Reuters told"."""
        if cue.endswith("ing"):
            return None  # "..., adding new urgency": a participle's subject is the sentence's
        for k in range(a - 1, max(0, a - 12), -1):
            tok = toks[k]
            if not tok.is_word or k >= _skip_back(toks, i - 1, cue):
                # the cue's own relative clause ("authorities who have declared zones")
                if not tok.is_word:
                    return None
                continue
            if tok.low in _MODIFIER_OPENERS or (
                tok.low.endswith("ing") and _is_participle(tok) and tok.low not in ("including",)
            ):
                left = _np_before(toks, k - 1) if k >= 1 else None
                if left is None or not (
                    toks[left[1]].bare in _SOURCE_NOUNS
                    or _closes_name(toks, left[1])
                    or self._known(toks, *left) is not None
                ):
                    return None
                src = self._source_for(toks, left[0], left[1], text)
                if src is None or (weak and not self._speaking_subject(toks, left, src)):
                    return None
                return self._found(toks, left, src, cue, cue_start, "subject-cue", i, text)
        return None

    def _participle_subject(
        self, toks: list[_Tok], i: int, cue: str, cue_start: int, text: str
    ) -> _Found | None:
        """ "Trump later walked back the comment, saying he was joking", "The campaign released
        a statement saying ...": the subject of the sentence says it."""
        prev = toks[i - 1]
        statement = prev.bare in generic_words().documents and toks[i - 2].low in ("a", "an")
        if prev.text != "," and not statement:
            return None
        k = 0
        while k < i and (toks[k].low in _SENTENCE_ADVERBS or not toks[k].is_word):
            k += 1
        span = _np_after(toks, k)
        if span is not None and toks[span[1]].possessive and span[1] + 1 < i:
            owned = _np_after(toks, span[1] + 1)  # "Trump's campaign released ..."
            span = (span[0], owned[1]) if owned is not None else span
        if span is None or span[1] + 1 >= i:
            return None
        after = toks[span[1] + 1]
        if not after.is_word or after.is_cap or after.low in _PREPOSITIONS:
            return None
        src = self._source_for(toks, span[0], span[1], text)
        if src is None or not self._speaking_subject(toks, span, src):
            return None
        found = self._found(toks, span, src, cue, cue_start, "participle-subject", i, text)
        return replace(found, split_at=None)

    def _first_of_joint(self, toks: list[_Tok], span: tuple[int, int]) -> tuple[int, int]:
        """ "a monitor and rebels said" -> "a monitor": of two sources, the first named."""
        a, b = span
        for p in range(a + 1, b):
            if toks[p].low == "and":
                if self._known(toks, a, b) is not None or _np_before(toks, p - 1) != (a, p - 1):
                    return span
                if self._known(toks, a, p - 1) is None and (
                    toks[p - 1].is_cap or toks[p - 1].bare not in _SOURCE_NOUNS
                ):
                    return span  # "Immigration and Customs Enforcement": one name
                first = self._source_for(toks, a, p - 1, self._cur_text)
                if first is None or self.registry.get(first.name) is None:
                    return span  # "A rebel military source and witnesses": one unnamed party
                return (a, p - 1)
        return span

    def _document_subject(
        self, toks: list[_Tok], i: int, cue: str, cue_start: int, text: str
    ) -> _Found | None:
        """A poll, report or study with a participle or "of" phrase between it and the cue: "A
        separate CNN/ORC poll released Tuesday found", "A CNN/ORC snap poll of debate watchers
        found", "A Pew report published in May said"."""
        docs = generic_words().documents
        for k in range(i - 2, max(-1, i - 16), -1):
            t = toks[k]
            if not t.is_word or t.low in ("that", "which", "who"):
                return None
            if t.bare not in docs or k + 1 >= i:
                continue
            if t.bare in _FOOTAGE:
                return None  # "A video posted online by a protester shows ...": the reporter's

            after = toks[k + 1]
            if not (
                after.low == "of" or _is_participle(after) or after.low in _IRREGULAR_PARTICIPLES
            ):
                return None
            if after.low != "of" and toks[k + 2].low == "by" and k + 3 < i:
                # "The polling average compiled by RealClearPolitics shows": its compiler
                agent = _np_after(toks, k + 3)
                if agent is not None and agent[1] < i and toks[agent[1]].is_cap:
                    src = self._source_for(toks, agent[0], agent[1], text)
                    if src is not None:
                        return self._found(toks, agent, src, cue, cue_start, "report-by", i, text)
            span = _np_before(toks, k)
            if span is None or not (
                any(x.is_cap for x in toks[span[0] : k]) or toks[span[0]].low == "the"
            ):
                return None  # "A federal watchdog report released Tuesday": whose, not said
            src = self._source_for(toks, span[0], span[1], text)
            if src is None:
                return None
            return self._found(toks, span, src, cue, cue_start, "document-subject", i, text)
        return None

    def _is_person(self, tok: _Tok) -> bool:
        if not tok.is_cap:
            return False
        known = self._local(tok.text) or self.registry.resolve(tok.text)
        return known is not None and known.is_person

    def _role_appositive(self, toks: list[_Tok], j: int) -> tuple[tuple[int, int], Source] | None:
        """The person in "NAME [a] ROLE [of|in|at ORG] <cue>" (appositive without commas)."""
        d = descriptor_words()
        passed_prep = False
        lo = max(0, j - 14)
        k = j
        while k >= lo:
            t = toks[k]
            if not t.is_word:
                if t.text in ("(", ")", "-", "–"):
                    k -= 1
                    continue
                return None
            if t.bare in _APPOSITIVE_ROLES and not t.text[0].isupper():
                if not passed_prep and k != j and toks[j].bare not in _SOURCE_NOUNS:
                    return None  # "commander Abu Omar said": the name follows the role
                m = k - 1
                while m >= 0 and not toks[m].is_cap and toks[m].is_word and _is_mod(toks[m]):
                    m -= 1
                if m >= 0 and toks[m].low in ("a", "an", "the"):
                    m -= 1
                return self._appositive_name(toks, m, d.demonyms)
            if t.is_cap or t.low in _DETS or t.low in _NAME_PARTICLES:
                k -= 1
                continue
            if t.low in _PREPOSITIONS:
                passed_prep = True
                k -= 1
                continue
            if t.bare in _SOURCE_NOUNS or _is_mod(t):
                k -= 1
                continue
            return None
        return None

    def _appositive_name(
        self, toks: list[_Tok], m: int, demonyms: frozenset[str]
    ) -> tuple[tuple[int, int], Source] | None:
        if m < 0 or not toks[m].is_cap:
            return None
        n = m
        while n - 1 >= 0 and (
            toks[n - 1].is_cap
            or (toks[n - 1].low in _NAME_PARTICLES and n - 2 >= 0 and toks[n - 2].is_cap)
        ):
            n -= 1
        # "Igor Konashenkov Russian Defence Ministry spokesman": the name stops at a demonym
        for x in range(n + 1, m + 1):
            if toks[x].low in demonyms or _country_possessive(toks[x]):
                m = x - 1
                break
        if toks[n].low in _NAME_PARTICLES and not toks[n].text[0].isupper():
            n += 1
        if n > m or any(t.bare in _ORG_HEADS or t.low in demonyms for t in toks[n : m + 1]):
            return None
        if any(t.text.isupper() and len(t.text) > 1 for t in toks[n : m + 1]):
            return None  # "SANA", "AFP": acronyms are organisations
        name = " ".join(t.text for t in toks[n : m + 1])
        known = self._known(toks, n, m)
        if known is not None:
            return ((n, m), known) if known.is_person else None
        if m == n:
            return None
        src = Source(name=name, kind=SourceKind.OFFICIAL, is_person=True)
        self.memory.local.setdefault(normalise(name), src)
        self._remember_person(src, "")
        return (n, m), src

    def _from_span(
        self,
        toks: list[_Tok],
        span: tuple[int, int],
        cue: str,
        cue_start: int,
        i: int,
        text: str,
        weak: bool,
    ) -> _Found | None:
        a, b = span
        if toks[b].bare in _POLLED:
            # "Most respondents said", "56 percent of those polled said": the poll's finding
            poll = self._named_before("poll", toks, b, b)
            if poll is None:
                return None
            return self._found(toks, span, poll, cue, cue_start, "poll-respondents", i, text)
        before = toks[a - 1] if a > 0 else None
        # "A report by Syrian state news agency Sana said", "a source quoted by SANA said"
        if before is not None and before.low in ("by", "from", "of", "for") and a >= 2:
            k = a - 2
            while k >= 0 and (toks[k].bare in _MODIFIERS or toks[k].low in ("news", "new")):
                k -= 1
            owner = toks[k] if k >= 0 else None
            if owner is not None and owner.low in _RELAY_BY and before.low == "by":
                via_src = self._source_for(toks, a, b, text)
                inner = _np_before(toks, _skip_back(toks, k - 1, "said"))
                if inner is not None and via_src is not None:
                    src = self._source_for(toks, inner[0], inner[1], text)
                    if src is not None:
                        return self._found(
                            toks, inner, src, cue, cue_start, "relay-quoted-by", i, text,
                            via=via_src.name if via_src.kind in _OUTLET_KINDS else None,
                        )  # fmt: skip
                return None
            if owner is not None and owner.low in _GOVERNS and before.low == "of":
                # "The government of President Bashar al-Assad denied": his country's
                leader = self._source_for(toks, a, b, text)
                gov = self._government_of(leader) if leader is not None else None
                if gov is not None:
                    return self._found(toks, (k, b), gov, cue, cue_start, "subject-cue", i, text)
            if (
                toks[a - 2].bare in ("group", "coalition")
                and before.low == "of"
                and toks[b].bare.endswith("s")
                and toks[b].bare in _SOURCE_NOUNS
            ):
                # "A group of Republican former national security officials said" -> the
                # officials, and "the group" later means them
                src = self._source_for(toks, a, b, text)
                if src is None:
                    return None
                self.memory.groups.append(src)
                return self._found(toks, (a, b), src, cue, cue_start, "group-of", i, text)
            if owner is not None and owner.bare in _CANDIDATE_ROLES and before.low == "from":
                # "The senator from Virginia said": the senator named before, never the state
                person = self._person_by_role(toks, k, k)
                if person is None:
                    return None
                return self._found(toks, (k, b), person, cue, cue_start, "subject-cue", i, text)
            if owner is not None and (owner.bare in _DOC_NOUNS or owner.bare in _PERSON_ROLES):
                src = self._source_for(toks, a, b, text)
                if src is None:
                    return None
                return self._found(toks, (a, b), src, cue, cue_start, "report-by", i, text)
        if before is not None and before.low in _PREPOSITIONS:
            return self._prep_object(toks, span, cue, cue_start, i, text, weak)
        if before is not None and toks[b].is_cap and a >= 2:
            # "in eastern Aleppo", "in rebel-held eastern Aleppo": a place after a preposition
            # and its lower-case adjectives is no subject (places are not sources)
            k = a - 1
            while k > a - 4 and k >= 1 and (
                toks[k].low in generic_words().place_adjectives
                or (toks[k].is_word and not toks[k].is_cap and _MODIFIER_SUFFIX.match(toks[k].low))
            ):  # fmt: skip
                k -= 1
            if k < a - 1 and toks[k].low in ("in", "at", "from", "near", "inside", "outside"):
                return self._prep_object(toks, (k + 1, b), cue, cue_start, i, text, weak)
        if before is not None and before.low == "what":
            # "... is what the agency said" governs the sentence; "short of what residents say
            # is needed" is an aside in the reporter's voice
            if not _is_tail(toks, i):
                return None
            src = self._source_for(toks, a, b, text)
            if src is None:
                return None
            return replace(
                self._found(toks, span, src, cue, cue_start, "tail-cue", i, text), split_at=None
            )
        if before is not None and before.low in _RELATIVE:
            return self._embedded(toks, span, cue, cue_start, i, text)
        # apposition: "the monitoring group the Syrian Observatory for Human Rights said"
        span = self._apposition(toks, span, text)
        a, b = span
        src = self._source_for(toks, a, b, text)
        if src is None:
            return None
        if weak and not self._speaking_subject(toks, span, src):
            return None
        rule = _rule_at(toks, i)
        if toks[a].low in _PRONOUNS:
            rule = "pronoun-" + ("he" if toks[a].low in ("he", "she") else toks[a].low)
        f = self._found(toks, (a, b), src, cue, cue_start, rule, i, text)
        return self._with_relay(toks, i, f, text)

    def _prep_object(
        self,
        toks: list[_Tok],
        span: tuple[int, int],
        cue: str,
        cue_start: int,
        i: int,
        text: str,
        weak: bool,
    ) -> _Found | None:
        """The cue's noun phrase follows a preposition: find the real subject."""
        a, b = span
        prep = toks[a - 1]
        # "The bombardment began after Syrias armed forces said ...": an attribution inside a
        # time or reason clause of a reporter's sentence is background, not its source
        if prep.low in _SUBORDINATORS and a >= 3 and not _is_tail(toks, i):
            return None
        if _country_possessive(toks[a]):
            owned = self._stripped_possessive(toks, a, b, toks[b].bare)
            if owned is not None:
                return self._found(toks, span, owned, cue, cue_start, _rule_at(toks, i), i, text)
        # "killed in Turkey Anadolu reported": a known source at the end of the span
        for k in range(a + 1, b + 1):
            sub = self._known(toks, k, b)
            if sub is not None and (toks[k - 1].is_cap or toks[k - 1].low in _DETS):
                return self._found(toks, (k, b), sub, cue, cue_start, _rule_at(toks, i), i, text)
        # "a military media unit linked to the pro-regime Hezbollah group said"
        if a >= 3 and toks[a - 2].low in _LINKED:
            j = a - 3
            if j >= 1 and toks[j].low in ("is", "was", "are", "were") and toks[j - 1].low in (
                "that", "which", "who"
            ):  # fmt: skip
                j -= 2
            left = _np_before(toks, j) if j >= 0 else None
            if left is not None and toks[left[1]].is_cap:
                src = self._source_for(toks, left[0], left[1], text)
                if src is not None:
                    return self._found(toks, left, src, cue, cue_start, "subject-cue", i, text)
            src = self._source_for(toks, a, b, text)
            if src is not None:
                mention = (left[0], b) if left is not None else (a, b)
                return self._found(toks, mention, src, cue, cue_start, "subject-linked", i, text)
        # "Activists in Deir Ezzor said", "A source at Aleppo police command told"
        if prep.low in ("in", "at", "from", "within", "inside", "of", "with") and a >= 2:
            left = _np_before(toks, a - 2)
            if left is not None and left[0] > 0 and _is_participle(toks[left[0] - 1]):
                # "The Jaysh al-Islam group fighting government forces in Syria has admitted"
                return self._sentence_subject(toks, left[0] - 1, cue, cue_start, i)
            if (
                prep.low == "of"
                and left is not None
                and left[1] > left[0]
                and all(t.is_cap for t in toks[left[0] : left[1] + 1])
            ):
                # "Obeida al-Hamawi of the activist-run Hama Media Center said": the person
                person = self._source_for(toks, left[0], left[1], text)
                if person is not None and person.is_person:
                    return self._found(toks, left, person, cue, cue_start, _rule_at(toks, i), i,
                                       text)  # fmt: skip
            if left is not None and not toks[left[1]].is_cap and toks[left[1]].low not in _PRONOUNS:
                has_org = any(
                    x.bare in _ORG_HEADS for x in toks[a : b + 1]
                )  # fmt: skip
                whole = (left[0], b) if has_org else left
                src = self._source_for(toks, whole[0], whole[1], text)
                if src is not None and (not weak or self._speaking_subject(toks, whole, src)):
                    return self._found(toks, whole, src, cue, cue_start, _rule_at(toks, i), i,
                                       text)  # fmt: skip
        # "shelling of Syrias Aleppo local authorities told": the subject starts after the names
        if not toks[b].is_cap:
            k = a
            while k < b and (toks[k].is_cap or toks[k].low in _DETS):
                k += 1
            if k > a and k <= b:
                src = self._source_for(toks, k, b, text)
                if src is not None and (not weak or self._speaking_subject(toks, (k, b), src)):
                    return self._found(toks, (k, b), src, cue, cue_start, _rule_at(toks, i), i,
                                       text)  # fmt: skip
        f = self._inverted(toks, i, cue, cue_start)
        if f is not None:
            return f
        return self._relative_subject(toks, a - 1, cue, cue_start, i, weak)

    def _sentence_subject(
        self, toks: list[_Tok], limit: int, cue: str, cue_start: int, i: int
    ) -> _Found | None:
        """The noun phrase that opens the sentence, when a participle phrase follows it."""
        k = 0
        while k < limit and toks[k].low in _CAP_STOP and toks[k].low not in _DETS:
            k += 1
        span = _np_after(toks, k)
        if span is None or span[1] + 1 != limit:
            return None
        src = self._source_for(toks, span[0], span[1], self._cur_text)
        if src is None:
            return None
        return self._found(toks, span, src, cue, cue_start, "subject-cue", i, self._cur_text)

    def _speaking_subject(self, toks: list[_Tok], span: tuple[int, int], src: Source) -> bool:
        a, b = span
        if toks[a].low in _PRONOUNS:
            return True
        if src.is_person:
            return True
        if toks[b].bare in generic_words().documents and toks[b].bare not in _FOOTAGE:
            return True  # "Polls show", "Records show": documents speak for their makers
        if src.kind is SourceKind.UNNAMED:
            return False
        if self.registry.get(src.name) is not None or (
            normalise(src.name) in self.memory.local and toks[b].is_cap
        ):
            return True
        if toks[b].bare in _SPEAKING_BODIES and any(t.is_cap for t in toks[a:b]):
            return True  # "The Trump campaign called on ...", "the Republican Party urged"
        return toks[b].bare in generic_words().documents

    def _found(
        self,
        toks: list[_Tok],
        span: tuple[int, int],
        src: Source,
        cue: str,
        cue_start: int,
        rule: str,
        i: int,
        text: str,
        via: str | None = None,
        kind: AttributionKind = AttributionKind.INDIRECT,
    ) -> _Found:
        a, b = span
        split_at: int | None = None
        k = a - 1
        if k >= 0 and toks[k].low == ",":
            k -= 1
        if k > 0 and (
            toks[k].low in _SPLIT_MARKERS
            or (toks[k].low == "and" and toks[k - 1].text == ",")
            or (toks[k].low == "and" and k >= 2 and toks[k - 1].text in ('"', "”")
                and toks[k - 2].text == ",")
        ):  # fmt: skip
            split_at = toks[k].start
        elif k >= 0 and toks[k].text == ";":
            split_at = toks[k].end
        # The role that comes with a person's full name: "Turkish Foreign Minister Mevlut
        # Cavusoglu" -> "Turkish Foreign Minister". Nothing for "he", "Mr Lavrov", "Lavrov".
        descriptor = None
        mention = text[toks[a].start : toks[b].end]
        if src.is_person and src.name in mention:
            words = mention.replace(src.name, "").strip(" ,")
            if words and words.lower() not in ("mr", "mrs", "ms", "dr"):
                descriptor = words
        return _Found(
            source=src,
            mention_start=toks[a].start,
            mention_end=toks[b].end,
            cue=cue,
            rule=rule,
            cue_start=cue_start,
            kind=kind,
            via=via,
            descriptor=descriptor,
            split_at=split_at,
        )

    def _with_relay(self, toks: list[_Tok], i: int, f: _Found, text: str) -> _Found:
        """ "X told Reuters", "Sana reported, citing a military source", "carried by SANA"."""
        n = len(toks)
        k = i + 1
        # "told Reuters", "told state news agency SANA"
        if f.cue in ("told", "tells", "tell") and k < n:
            span = _np_after(toks, k)
            if span is not None:
                out = self._known(toks, *span)
                if out is not None and out.kind in _OUTLET_KINDS:
                    return replace(f, via=out.name, rule=f.rule + "+relay")
        # "citing a military source", "quoting activists"
        limit = min(n, i + 12)
        for k in range(i + 1, limit):
            if toks[k].low in self.lex.citing and toks[k].low in ("citing", "quoting"):
                span = _np_after(toks, k + 1)
                if span is not None:
                    src = self._source_for(toks, span[0], span[1], text)
                    if src is not None and src.name != f.source.name:
                        return replace(
                            f,
                            source=src,
                            via=f.source.name,
                            mention_start=toks[span[0]].start,
                            mention_end=toks[span[1]].end,
                            rule="relay-citing",
                            descriptor=None,
                        )
                break
            if toks[k].low in ("that", ".", ";", "“", '"'):
                break
        # "..., said in a statement carried by SANA", "speaking to Al Arabiya"
        for k in range(i + 1, min(n - 1, i + 10)):
            pair = (toks[k].low, toks[k + 1].low)
            if pair in (("carried", "by"), ("quoted", "by"), ("speaking", "to"), ("with", "")):
                span = _np_after(toks, k + 2)
                if span is not None:
                    out = self._known(toks, *span)
                    if out is not None and out.kind in _OUTLET_KINDS:
                        return replace(f, via=out.name)
            if toks[k].low == "that":
                break
        return f

    def _quoted_as_saying(self, toks: list[_Tok], i: int) -> _Found | None:
        """ "SANA quoted a military source as saying", "X was quoted by Y as saying",
        "X was quoted as saying by Reuters", "Reuters reported the White House as saying"."""
        text = self._cur_text
        k = i - 2
        while k >= 0 and toks[k].low not in _AS_SAYING_VERBS:
            k -= 1
        if k < 0:
            return None
        via: str | None = None
        span: tuple[int, int] | None = None
        passive = k >= 1 and toks[k - 1].low in ("was", "were", "is", "are", "been")
        if passive or (k + 1 < i - 1 and toks[k + 1].low == "by"):
            by = k + 2 if toks[k + 1].low == "by" else None
            if by is None and i + 2 < len(toks) and toks[i + 1].low == "by":
                by = i + 2  # "was quoted as saying by Reuters news agency"
            if by is not None:
                vspan = _np_after(toks, by)
                if vspan is not None:
                    out = self._known(toks, *vspan)
                    via = out.name if out is not None else None
            j = k - 1
            while j >= 0 and toks[j].low in ("was", "were", "is", "are", "been", "has", "have"):
                j -= 1
            span = _np_before(toks, j) if j >= 0 else None
        else:
            span = _np_after(toks, k + 1)
            sspan = _np_before(toks, _skip_back(toks, k - 1, "quoted"))
            if sspan is not None:
                out = self._source_for(toks, sspan[0], sspan[1], text)
                via = out.name if out is not None else None
        if span is None:
            return None
        src = self._source_for(toks, span[0], span[1], text)
        if src is None:
            return None
        f = self._found(toks, span, src, "quoted as saying", toks[k].start, "relay-quoted", i, text,
                        via=via)  # fmt: skip
        return replace(f, split_at=None)

    def _coordinated(
        self, toks: list[_Tok], j: int, cue: str, cue_start: int, i: int, weak: bool
    ) -> _Found | None:
        """ "Mr Cavusoglu later held talks with ... Sergey Lavrov ... and said" -> Cavusoglu."""
        k = 0
        while k < j and (toks[k].low in _CAP_STOP or not toks[k].is_word) and not toks[k].is_cap:
            if toks[k].low in _DETS or toks[k].low in _POSS_PRON:
                break
            k += 1
        span = _np_after(toks, k)
        if span is None or span[1] >= j - 1:
            return None
        after = toks[span[1] + 1]
        if not after.is_word or after.text[0].isupper() or after.low in _PREPOSITIONS:
            return None
        text = self._cur_text
        src = self._source_for(toks, span[0], span[1], text)
        if src is None:
            return None
        return self._found(toks, span, src, cue, cue_start, "coordinated-subject", i, text)

    def _relative_subject(
        self, toks: list[_Tok], j: int, cue: str, cue_start: int, i: int, weak: bool
    ) -> _Found | None:
        """ "Mr Erdogan, who was returning from a visit to Pakistan, said" -> Erdogan."""
        text = self._cur_text
        for k in range(j, -1, -1):
            if toks[k].low in _RELATIVE and k > 0:
                b = k - 1
                if toks[b].text == ",":
                    b -= 1
                span = _np_before(toks, b) if b >= 0 else None
                if span is None:
                    return None
                first = 0
                while first < len(toks) and not toks[first].is_word:
                    first += 1
                if span[0] > first + 1 and toks[span[0] - 1].text != ",":
                    return None
                src = self._source_for(toks, span[0], span[1], text)
                if src is None:
                    return None
                return self._found(toks, span, src, cue, cue_start, "relative-subject", i, text)
            if toks[k].text in ("”", '"', ";", ":") or toks[k].low in ("that",):
                return None
        return None

    def _before_comma(
        self, toks: list[_Tok], j: int, cue: str, cue_start: int, i: int, text: str, weak: bool
    ) -> _Found | None:
        """ "The Syrian Observatory for Human Rights, a UK-based war monitor, blamed" -> SOHR;
        "Morrow's spokesman, Brian Fallon, said" and "Kellyanne Conway, Trump's campaign
        manager, said" -> the person."""
        aside = self._before_aside(toks, j, cue, cue_start, i, text, weak)
        if aside is not None:
            return aside
        person = self._comma_person(toks, j)
        if person is not None:
            return self._found(toks, person[0], person[1], cue, cue_start, "appositive-subject", i,
                               text)  # fmt: skip
        inner = _np_before(toks, j - 1) if j >= 1 else None
        if inner is None:
            return None
        a = inner[0]
        k = a - 1
        while k >= max(0, a - 3) and toks[k].is_word and not toks[k].is_cap:
            if toks[k].low in _DETS:
                a = k  # "Taxpayers First, an advocacy group, urged": the name before the comma
                break
            k -= 1
        if a >= 2 and toks[a - 1].text == ",":
            outer = _np_before(toks, a - 2)
            if outer is not None:
                src = self._source_for(toks, outer[0], outer[1], text)
                if src is not None:
                    return self._found(toks, outer, src, cue, cue_start, "subject-cue", i, text)
        return None

    def _before_aside(
        self, toks: list[_Tok], j: int, cue: str, cue_start: int, i: int, text: str, weak: bool
    ) -> _Found | None:
        """The subject before an aside between commas: "Trump, speaking at a rally in Florida,
        said", "Obama, asked about the remarks, said", "Trump, 70, said"; "The report, released
        by the House Oversight Committee, found" -> the committee."""
        c = j - 1
        while c >= 0 and toks[c].text != ",":
            if toks[c].text in (";", ":", '"', "“", "”"):
                return None
            c -= 1
        if c < 1 or j - c < 2:
            return None
        first = toks[c + 1]
        if not (
            (first.low.endswith("ing") and _is_participle(first))
            or (_is_participle(first) and first.low.endswith("ed"))
            or (j - c == 2 and first.text.isdigit())
            or first.low in ("in", "during", "at")  # "Pence, in an interview with CNN, said"
        ):
            return None
        outer = _np_before(toks, c - 1)
        if outer is None:
            return None
        start = 0
        while start < outer[0] and toks[start].low in _SENTENCE_ADVERBS | {","}:
            start += 1
        if outer[0] != start:
            return None
        if toks[outer[1]].bare in generic_words().documents:
            for k in range(c + 1, j - 1):
                if toks[k].low == "by":
                    agent = _np_after(toks, k + 1)
                    if agent is not None and toks[agent[1]].is_cap:
                        src = self._source_for(toks, agent[0], agent[1], text)
                        if src is not None:
                            return self._found(toks, agent, src, cue, cue_start, "report-by", i,
                                               text)  # fmt: skip
        src = self._source_for(toks, outer[0], outer[1], text)
        if src is None or (weak and not self._speaking_subject(toks, outer, src)):
            return None
        return self._found(toks, outer, src, cue, cue_start, "subject-cue", i, text)

    def _comma_person(self, toks: list[_Tok], j: int) -> tuple[tuple[int, int], Source] | None:
        """The person of "ROLE, NAME, <cue>" or "NAME, [a|X's] ... ROLE ..., <cue>" (the
        comma before the cue is ``toks[j]``)."""
        c = j - 1
        while c >= 0 and toks[c].text != ",":
            if toks[c].text in (";", ":", '"', "“", "”") or toks[c].low in _RELATIVE:
                return None
            c -= 1
        if c < 1 or j - c < 2:
            return None
        titles = descriptor_words().person_titles
        inner = toks[c + 1 : j]
        if all(t.is_cap or t.low in _NAME_PARTICLES for t in inner) and len(inner) >= 2:
            # "Clinton's spokesman, Brian Fallon, said", "A spokesman for the campaign, Jason
            # Miller, said", "Trump's running mate, Indiana Gov. Mike Pence, said"
            for x in range(c + 1, j - 1):
                known = self._known(toks, x, j - 1)
                if known is not None and known.is_person:
                    return (x, j - 1), known
            if any(t.bare in titles and not t.is_cap for t in toks[max(0, c - 6) : c]):
                return self._person_span(toks, c + 1, j - 1)
            return None
        # "Kellyanne Conway, Trump's campaign manager, said": a name, then its role
        if not any(t.bare in titles and not t.is_cap for t in inner):
            return None
        a = c - 1
        while a - 1 >= 0 and (toks[a - 1].is_cap or toks[a - 1].low in _NAME_PARTICLES):
            a -= 1
        while a < c - 1 and toks[a].low in _NAME_PARTICLES:
            a += 1
        first = 0
        while first < a and toks[first].low in _SENTENCE_ADVERBS | {","}:
            first += 1
        if a != first or not toks[c - 1].is_cap:
            return None  # the name opens the sentence
        return self._person_span(toks, a, c - 1)

    def _person_span(
        self, toks: list[_Tok], a: int, b: int
    ) -> tuple[tuple[int, int], Source] | None:
        known = self._known(toks, a, b)
        if known is not None:
            return ((a, b), known) if known.is_person else None
        if b == a or any(t.bare in _ORG_HEADS or (t.text.isupper() and len(t.text) > 1)
                         for t in toks[a : b + 1]):  # fmt: skip
            return None
        if any(t.bare in descriptor_words().org_words for t in toks[a : b + 1]):
            return None
        name = " ".join(t.text for t in toks[a : b + 1])
        src = Source(name=name, kind=SourceKind.OFFICIAL, is_person=True)
        self.memory.local.setdefault(normalise(name), src)
        self._remember_person(src, "")
        return (a, b), src

    def _inverted(self, toks: list[_Tok], i: int, cue: str, cue_start: int) -> _Found | None:
        if i + 1 >= len(toks) or cue not in _INVERTIBLE:
            return None
        if i == 0:
            return None
        span = _np_after(toks, i + 1)
        if span is None:
            return None
        a, b = span
        if toks[a].low in _POSS_PRON and b + 1 < len(toks) and toks[b + 1].is_word:
            return None  # "... said his hospital received three victims": the clause reported
        if toks[a].low in _PRONOUNS:
            pass
        elif toks[a].low in ("a", "an") and toks[b].bare not in _SOURCE_NOUNS:
            return None
        after = toks[b + 1] if b + 1 < len(toks) else None
        if after is not None and after.is_word and after.low not in (
            "on", "in", "at", "who", "which", "late", "earlier", "later", "head", "director",
            "spokesman", "chief", "and", "citing", "adding", "during", "after", "while",
            "last", "this", "when", "told", "as", "from", "quoted", "via", "whose", "whom",
        ) and not (
            after.is_cap
            or after.low in _DAYS
            # "... said Silvia Dallatomasina a medical manager": a full name, then its role
            # "... said the Observatory a Britain-based group which ..."
            or (after.low in ("a", "an", "the") and toks[b].is_cap)
        ):  # fmt: skip
            return None
        text = self._cur_text
        src = self._source_for(toks, a, b, text)
        if src is None:
            return None
        rule = "inverted-cue"
        f = self._found(toks, span, src, cue, cue_start, rule, i, text)
        return replace(f, split_at=None)

    def _according(self, toks: list[_Tok], k: int, cue: str, cue_start: int) -> _Found | None:
        if k >= len(toks):
            return None
        span = _np_after(toks, k)
        if span is None:
            return None
        a, b = span
        text = self._cur_text
        # "according to a statement by the army", "according to figures from the UN"
        if toks[b].bare in _DOC_NOUNS and b + 2 < len(toks):
            n = b + 1
            while n < min(len(toks), b + 4) and toks[n].low not in ("by", "from", "of", "issued"):
                n += 1
            if n < len(toks) and toks[n].low in ("by", "from", "of"):
                inner = _np_after(toks, n + 1)
                if inner is not None:
                    src = self._source_for(toks, inner[0], inner[1], text)
                    if src is not None:
                        return self._found(toks, inner, src, cue, cue_start, "according-to", k,
                                           text, kind=AttributionKind.ACCORDING_TO)  # fmt: skip
        src = self._source_for(toks, a, b, text)
        if src is None:
            return None
        f = self._found(toks, span, src, cue, cue_start, "according-to", k, text,
                        kind=AttributionKind.ACCORDING_TO)  # fmt: skip
        return replace(f, split_at=None)

    def _embedded(
        self, toks: list[_Tok], span: tuple[int, int], cue: str, cue_start: int, i: int, text: str
    ) -> _Found | None:
        """ "Ankara's retaliation, which its military claimed had killed scores ..." -> military."""
        a, b = span
        src = self._source_for(toks, a, b, text)
        if src is None:
            return None
        rel = toks[a - 1]
        start = rel.start
        # the clause runs to the next comma (or the end of the sentence)
        end = len(text.rstrip())
        for t in toks[i + 1 :]:
            if t.text in (",", ";", "–", "—"):
                end = t.start
                break
        f = self._found(toks, span, src, cue, cue_start, "embedded-cue", i, text)
        return replace(f, split_at=start, clause_end=end)

    def _colon_or_headline(self, toks: list[_Tok], text: str, claim: Claim) -> _Found | None:
        # "Lavrov: HTS controls ..." (a speaker before a colon, at the start of the claim)
        for k, t in enumerate(toks[:8]):
            if t.text == ":" and k > 0:
                span = _np_before(toks, k - 1)
                if span is None or span[0] != 0 or toks[0].low in _COLON_STOP:
                    break
                if any(tok.text[0].isdigit() for tok in toks[:k]):
                    break
                src = self._known(toks, *span)
                if src is None and span[0] == span[1] and toks[0].bare in generic_words().documents:
                    src = self._named_before(toks[0].bare, toks, 0, 0)  # "Poll: X leads Y"
                if src is None:
                    name = text[toks[span[0]].start : toks[span[1]].end]
                    if (
                        len(span)
                        and span[1] - span[0] >= 1
                        and all(tok.is_cap for tok in toks[span[0] : span[1] + 1])
                    ):
                        src = self._new_source(name)
                if src is None and span[0] == span[1] and toks[span[0]].is_cap:
                    src = self._speaker(toks[span[0]].text)  # "Kessler: ..." -> Dan Kessler
                    if normalise(src.name) == toks[span[0]].low:
                        src = None  # a lone word the article names nowhere else
                if src is None:
                    return None
                return self._found(toks, span, src, ":", t.start, "colon-speaker", k, text)
        # headline-style tail without a cue: "Aleppo bomb blast kills six Syrian state TV"
        end = len(toks) - 1
        while end >= 0 and not toks[end].is_word:
            end -= 1
        if end < 2:
            return None
        span = _np_before(toks, end)
        if span is None or span[0] == 0:
            return None
        before = toks[span[0] - 1]
        if (
            before.low in _PREPOSITIONS or before.low in _DETS or not before.is_word
        ) and before.text not in ("-", "–", "—", ":"):
            return None
        if before.text == ":" and toks[span[1]].bare == "monitor":
            # "Bombs in Syrias Aleppo kill 13 pro-Assad fighters: monitor"
            monitor = self._article_monitor()
            if monitor is not None:
                return self._found(toks, span, monitor, "", toks[span[0]].start, "headline-tail",
                                   end, text)  # fmt: skip
        for k in range(span[0], span[1] + 1):
            src = self._known(toks, k, span[1])
            if src is not None and src.kind in _OUTLET_KINDS | {SourceKind.MONITOR}:
                if k > span[0] and toks[k - 1].low in _PREPOSITIONS:
                    return None
                return self._found(toks, (k, span[1]), src, "", toks[k].start, "headline-tail",
                                   end, text)  # fmt: skip
        return None

    def _in_the_poll(self, toks: list[_Tok], text: str) -> _Found | None:
        """ "Clinton leads Trump 46 percent to 42 percent in the poll": the poll's finding."""
        m = _IN_THE_POLL.search(text) if "poll" in text or "survey" in text else None
        if m is None:
            return None
        k = _index_after(toks, m.start(1))
        if k >= len(toks):
            return None
        b = _index_after(toks, m.end(1)) - 1
        src = self._source_for(toks, k, b, text)
        if src is None:
            return None
        return replace(
            self._found(toks, (k, b), src, "in", m.start(), "in-the-poll", k, text), split_at=None
        )

    def _apposition(self, toks: list[_Tok], span: tuple[int, int], text: str) -> tuple[int, int]:
        a, b = span
        # "The Local Coordination Committees another anti-government monitoring group says": the
        # name before the descriptor is the subject ("another" marks a different source)
        if a >= 2 and toks[a - 1].low == "another":
            prev = _np_before(toks, a - 2)
            if (
                prev is not None
                and toks[prev[1]].is_cap
                and not (prev[0] > 0 and toks[prev[0] - 1].low in _PREPOSITIONS)
            ):
                return prev
            return span
        if a < 2 or toks[a].low not in _DETS:
            return span
        prev = _np_before(toks, a - 1)
        if prev is None or (prev[0] > 0 and toks[prev[0] - 1].low in _PREPOSITIONS):
            return span
        near_known = self._known(toks, a, b) is not None or toks[b].is_cap
        if near_known or (self._source_for(toks, a, b, text) is not None and (
            toks[b].bare in _ROLE_KINDS or toks[b].bare in ("source", "sources")
        )):  # fmt: skip
            return span
        if not (self._known(toks, prev[0], prev[1]) or toks[prev[1]].is_cap):
            return span
        far = self._known(toks, prev[0], prev[1])
        if far is not None or toks[prev[1]].is_cap:
            return prev
        return span

    def _claim_text(self, toks: list[_Tok]) -> str:
        # tokens carry claim-relative offsets; rebuild a text with the same offsets
        if not toks:
            return ""
        chars = [" "] * toks[-1].end
        for t in toks:
            chars[t.start : t.end] = t.text
        return "".join(chars)

    # ---------------------------------------------------------------------------- sources

    def _known(self, toks: list[_Tok], a: int, b: int) -> Source | None:
        mention = " ".join(t.text for t in toks[a : b + 1])
        local = self._local(mention)
        return local if local is not None else self.registry.resolve(mention)

    def _local(self, mention: str) -> Source | None:
        key = normalise(mention)
        found = self.memory.local.get(key)
        if found is not None:
            return found
        words = key.split()
        if words and len(words) <= 2 and words[0] in ("mr", "mrs", "ms", "dr", "gen"):
            words = words[1:]
        if len(words) == 1:
            people = {
                p.source.name: p.source
                for p in self.memory.people
                if normalise(p.source.name).split()[-1:] == words
            }
            if len(people) == 1:
                return next(iter(people.values()))
            if not people and len(words[0]) >= 6:
                # "Jandalai said" after "Safwan Jandali": a typo, when only one name is close
                close = {
                    p.source.name: p.source
                    for p in self.memory.people
                    if len(normalise(p.source.name).split()) >= 2
                    and fuzz.ratio(normalise(p.source.name).split()[-1], words[0]) >= 85
                }
                if len(close) == 1:
                    return next(iter(close.values()))
        return None

    def _new_source(self, mention: str) -> Source | None:
        if generic_words().is_generic(mention):
            # a generic word names nobody: an unnamed source, with the words used ("unnamed
            # source", "unnamed media reports"); kept out of the article's memory of names
            words = [w for w in normalise(mention).split() if w not in _UNNAMED_DROP]
            if not words:
                return None
            return Source(name="unnamed " + " ".join(words), kind=SourceKind.UNNAMED)
        if " " not in mention.strip() and mention.strip().lower() in _SOURCE_NOUNS:
            mention = mention.strip().lower()  # "Opposition" in a headline: a common noun
        if normalise(mention) in ("opposition", "the opposition"):
            # "the opposition said": the opposition of the country the article is about
            own = self.registry.resolve(f"{self._article_country()} opposition")
            if own is not None:
                return own
        name, descriptor, kind = self.registry.canonicalise(_FROM_PLACE.sub(r"\1", mention))
        if not name:
            return None
        if normalise(name) != normalise(mention) and (
            generic_words().is_generic(name) or normalise(name) in ("forces", "state")
        ):
            # "Opposition Forces" was canonicalised to "Forces", "Jordanian state TV" to
            # "state": a generic word is no name; keep the words of the mention
            words = mention.split()
            while words and normalise(words[0]) in _DETS:
                words = words[1:]
            name, descriptor = " ".join(words), None
        words = name.split()
        if len(words) > 2 and words[0].endswith("s") and kind is SourceKind.OFFICIAL:
            owner = self.registry.resolve(words[0][:-1])
            if owner is not None and not owner.is_person:
                name = " ".join(words[1:])  # "Observatorys Rami Abdel Rahman" -> the person
        if normalise(name) in _place_names():
            # places are not sources ("Aleppo Hama and Idlib announced"); a body named after
            # one is ("the Idlib Media Center", "Aleppo Today"), by its whole name
            words = mention.split()
            while words and normalise(words[0]) in _DETS:
                words = words[1:]
            if len(words) < 2 or not all(w[:1].isupper() for w in words):
                return None
            name, descriptor, kind = " ".join(words), None, SourceKind.OTHER
        is_person = kind is SourceKind.OFFICIAL
        src = Source(
            name=name,
            kind=kind,
            aliases=(mention,) if mention != name else (),
            descriptors=(descriptor,) if descriptor else (),
            is_person=is_person,
        )
        known = self.registry.get(name)
        if known is not None:
            return known
        self.memory.local.setdefault(normalise(name), src)
        if is_person:
            self.memory.people.append(_Person(src, normalise(descriptor or "")))
        return src

    def _source_for(self, toks: list[_Tok], a: int, b: int, text: str) -> Source | None:
        """The source a noun phrase names, through coreference, the registry, or a new entry."""
        while a < b and toks[a].low in _SENTENCE_ADVERBS:
            a += 1  # "Meanwhile Human Rights Watch said"
        first = toks[a]
        mention = text[toks[a].start : toks[b].end]
        if mention[:1] != first.text[:1]:
            mention = first.text[:1] + mention[1:]  # "Activists" -> "activists"
        low = normalise(mention)
        if a == b and first.low in _PRONOUNS:
            return self._pronoun(first.low)
        if toks[b].bare in _FOOTAGE:
            return None  # "The video ... shows": what a camera recorded is the reporter's account
        if a == b and first.low.replace("’", "'").split("'")[0] in ("i", "we"):
            return None  # "I've said ...": the speaker quoted, found by the first-person pass
        head = toks[b].bare
        if head in ("people", "person", "sources", "source", "officials", "official"):
            informed = _INFORMED.match(text, toks[b].end)
            if informed is not None:
                # "people familiar with his plans", "sources close to the campaign": unnamed,
                # with the words that say who they are
                words = text[toks[a].start : informed.end()].split()
                while words and (
                    normalise(words[0]) in generic_words().qualifiers or words[0].isdigit()
                ):
                    words = words[1:]  # "Two people familiar with ..." -> "people familiar ..."
                words[:1] = [words[0].lower()] if words else []
                return Source(name=" ".join(words), kind=SourceKind.UNNAMED)
        if head in _OWNED_PARTIES and b > a and toks[b - 1].possessive:
            # "Clinton's campaign said" -> "Clinton campaign" (the campaign, not the candidate),
            # "Trump's lawyers argued" -> "Trump lawyers"
            candidate = _strip_possessive(toks[b - 1].text)
            if candidate[:1].isupper():
                return self._new_source(f"{candidate} {toks[b].text}")
        # "Mr Erdogan's office said" -> the presidency of his country
        if head in ("office", "presidency") and b > a and toks[b - 1].possessive:
            owner = self._known(toks, a, b - 1) or self._person_by_role(toks, a, b - 1)
            if owner is not None and owner.is_person:
                pres = self._presidency(owner)
                return pres if pres is not None else owner
        # "its military", "their commander"; but "Its spokesman John Kirby" is Kirby
        if first.low in _POSS_PRON and a < b:
            k = b
            while k > a + 1 and toks[k].is_cap:
                k -= 1
            if k < b - 1 and toks[k].bare in _APPOSITIVE_ROLES:
                person = self._source_for(toks, k + 1, b, text)
                if person is not None and person.is_person:
                    return person
            return self._possessive(toks, a, b, text)
        if toks[b].low == "coalition" and b - a <= 1:
            # "the Coalition added": the Syrian opposition's in an article about it, not the
            # US-led one (which the registry's "coalition" alias means)
            coalition = self._article_coalition()
            if coalition is not None:
                return coalition
        known = self._known(toks, a, b)
        if known is not None:
            self._note_org(known)
            return known
        state = self._state_media(low)
        if state is not None:
            return state
        owner_at = a + 1 if first.low in _DETS else a
        if owner_at < b and toks[owner_at].possessive and not toks[owner_at].is_cap:
            # "the department's inspector general" -> "State Department inspector general": the
            # body the article named with that noun
            noun = toks[owner_at].bare
            pattern = r"((?:[A-Z][\w.&-]*\s){1,4}" + re.escape(noun.capitalize()) + r")\b"
            named = [n for n in re.findall(pattern, self.doc.text) if n.split()[0] != "The"]
            named += [n.split(None, 1)[1] for n in re.findall(pattern, self.doc.text)
                      if n.split()[0] == "The" and len(n.split()) > 2]  # fmt: skip
            if named:
                rest = " ".join(t.text for t in toks[owner_at + 1 : b + 1])
                src = Source(name=f"{named[0].strip()} {rest}", kind=SourceKind.OFFICIAL)
                return self.memory.local.setdefault(normalise(src.name), src)
        owned = self._stripped_possessive(toks, a, b, head)
        if owned is not None:
            return owned
        # "according to an Observatory toll", "a UN report said": the document's owner
        if head in _DOCUMENTS and b > a and toks[b - 1].is_cap:
            k = a + 1 if first.low in _DETS else a
            owner = self._known(toks, k, b - 1) if k <= b - 1 else None
            if owner is not None:
                return owner
        another = a > 0 and toks[a - 1].low == "another"  # a different source, never the last
        # role nouns: "the presidency", "The Russian foreign minister", "the agency"
        if not another and (first.low == "the" or head == "monitor" or "monitoring" in low.split()):
            role = self._role(toks, a, b, head)
            if role is not None:
                return role
            if head in _CANDIDATE_ROLES:
                return None  # "the senator said" with no senator named: nobody we can name
        if toks[b].is_cap or toks[b].bare in _SOURCE_NOUNS or _closes_name(toks, b):
            if not any(_is_head(t) for t in toks[a : b + 1]):
                return None
            if first.low == "the" and low in _BACK_NOUNS:
                back = self._last_source(low)
                if back is not None:
                    return back
            if generic_words().is_generic(mention):
                return self._generic(toks, a, b, mention)
            return self._new_source(mention)
        return None

    def _generic(self, toks: list[_Tok], a: int, b: int, mention: str) -> Source | None:
        """A mention made only of generic words ("the group", "sources", "the poll", "the same
        source"): the source it points back to, else an unnamed source scoped to the claim's
        words ("unnamed source"); nobody after "no" ("No group has claimed")."""
        g = generic_words()
        if toks[a].low in g.negative or (a > 0 and toks[a - 1].low in g.negative):
            return None
        head = toks[b].bare
        # "the Daesh terrorist group", "the Islamic State [IS] group": the name before the head
        k = a - 1
        while k >= max(0, a - 3) and (
            toks[k].text in ("[", "]", "(", ")")
            or (toks[k].is_word and not toks[k].is_cap and toks[k].low not in _DETS
                and toks[k].low not in _PREPOSITIONS and toks[k].low not in _COORD
                and toks[k].bare not in _SOURCE_NOUNS and k < a - 0)
        ):  # fmt: skip
            k -= 1
        if 0 <= k < a - 1 and toks[k].is_cap and head in ("group", "groups", "organisation"):
            named = _np_before(toks, k)
            if named is not None and toks[named[1]].is_cap:
                src = self._known(toks, *named)
                if src is not None and not src.is_person:
                    return src
        found = self._named_words(toks, a, b)
        if found is not None:
            return found
        back = self._named_before(head, toks, a, b)
        if back is not None:
            return back
        return self._new_source(mention)

    def _named_words(self, toks: list[_Tok], a: int, b: int) -> Source | None:
        """ "The main Syrian opposition group" -> Syrian opposition: the words of a generic
        mention that name a known source by themselves."""
        g = generic_words()
        named = [
            t.text
            for t in toks[a : b + 1]
            if t.low not in g.heads and t.low not in g.qualifiers and t.low != "main"
        ]
        if not named or not any(w[:1].isupper() for w in named):
            return None
        return self.registry.resolve(" ".join(named))

    def _named_before(self, head: str, toks: list[_Tok], a: int, b: int) -> Source | None:
        """The source a generic head takes up: the poll or report named before (or, for a
        headline, anywhere in the article), the source that spoke before, the group named."""
        g = generic_words()
        definite = toks[a].low in ("the", "this", "that") or (a == b and not head.endswith("s"))
        if head in g.documents and definite:
            # "the poll found", "the survey showed", headline "poll finds"; not "reports say"
            family = g.synonyms.get(head, frozenset({head}))
            for noun in family:
                if noun in self.memory.documents:
                    return self.memory.documents[noun]
            for src in reversed(self.memory.speakers + self.memory.orgs):
                last = normalise(src.name).split()[-1:]
                if last and last[0] in family and not src.name.startswith("unnamed"):
                    return src
            doc = self._article_document(family)
            if doc is not None:
                return doc
        if head in ("source", "sources"):
            if toks[a].low in ("a", "an", "one", "another"):
                return None  # "a source said": a new unnamed source, not the one before
            return self._last_source("source")
        if head == "group" and definite and self.memory.groups:
            return self.memory.groups[-1]
        if head in _ROLE_KINDS or head in ("command", "tv", "forces"):
            return self._role(toks, a, b, head)
        return None

    def _article_document(self, family: frozenset[str]) -> Source | None:
        """ "poll finds" in a headline: the poll the article names ("a Quinnipiac University
        poll"), the first one in the text."""
        key = " ".join(sorted(family))
        if key not in self._documents:
            found: Source | None = None
            for m in _named_document(tuple(sorted(family))).finditer(self.doc.text):
                words = m.group(1).split()
                while words and normalise(words[0]) in generic_words().qualifiers:
                    words = words[1:]  # "A Quinnipiac poll" -> "Quinnipiac poll"
                if words:
                    found = self._new_source(" ".join([*words, m.group(2).lower()]))
                    break
            self._documents[key] = found
        return self._documents[key]

    def _stripped_possessive(self, toks: list[_Tok], a: int, b: int, head: str) -> Source | None:
        """Possessives whose apostrophe the corpus stripped: "Syrias armed forces" -> Syrian
        army, "SANAs correspondent" -> SANA, "Ban Ki-moons office" -> Ban Ki-moon."""
        for k in range(a, b):
            t = toks[k]
            if not (t.is_cap and t.text.endswith("s") and len(t.text) > 2) or t.possessive:
                continue
            stem = t.text[:-1]
            rest = " ".join(x.text for x in toks[k + 1 : b + 1])
            if stem in _COUNTRY_DEMONYM:
                return self.registry.resolve(f"{_COUNTRY_DEMONYM[stem]} {rest}")
            if head not in _OWNED_HEADS:
                return None
            owner_text = " ".join([*(x.text for x in toks[a:k] if x.low not in _DETS), stem])
            owner = self._local(owner_text) or self.registry.resolve(owner_text)
            if owner is None and k > a:
                owner = self._local(stem) or self.registry.resolve(stem)
            if owner is None:
                return None
            if owner.is_person and head in ("office", "presidency"):
                pres = self._presidency(owner)
                return pres if pres is not None else owner
            return owner
        return None

    def _last_source(self, noun: str) -> Source | None:
        """ "the source said" -> the last unnamed source; "the statement said" -> the last body;
        "the correspondent said" -> the last outlet."""
        if noun in self.memory.documents:
            return self.memory.documents[noun]  # "Comey said in a letter ... The letter said"
        for src in reversed(self.memory.speakers):
            if noun in ("correspondent", "reporter"):
                if src.kind in _OUTLET_KINDS:
                    return src
                continue
            if noun == "letter" and not src.is_person:
                return src
            if noun.startswith("source") and "source" in src.name.lower():
                return src
            if noun in ("statement", "report") and not src.is_person:
                return src
        if noun in ("correspondent", "reporter"):
            # "SANA's correspondent quoted a source ... The correspondent said": the outlet the
            # source spoke through, else the one that published the article
            for name in reversed(self.memory.relays):
                relay = self.registry.resolve(name)
                if relay is not None and relay.kind in _OUTLET_KINDS:
                    return relay
            if self.doc.outlet:
                own = self.registry.resolve(self.doc.outlet)
                if own is not None and own.kind in _OUTLET_KINDS:
                    return own
        return None

    def _pronoun(self, word: str) -> Source | None:
        if word in ("he", "she"):
            # "she" is not the last person when that one was "he" before: the last person
            # not known as the other ("Trump said ... Clinton said ... he added" -> Trump)
            last = self.memory.last_person
            if last is None:
                return None
            people = [p.source for p in reversed(self.memory.people)]
            for person in [last, *(x for x in self.memory.speakers[::-1] if x.is_person), *people]:
                if person is None:
                    continue
                known = self.memory.pronouns.get(person.name)
                if known is None or known == word:
                    self.memory.pronouns.setdefault(person.name, word)
                    return person
            return last
        if word == "it":
            # "a military source said ... It added": SANA's way with its unnamed sources
            return self.memory.last_org or self.memory.last_unnamed
        return self.memory.last_plural

    def _possessive(self, toks: list[_Tok], a: int, b: int, text: str) -> Source | None:
        noun = " ".join(t.text for t in toks[a + 1 : b + 1])
        if toks[a].low == "its":
            owner: Source | None = None
            for k in range(a - 1, -1, -1):
                if toks[k].is_cap:
                    cand = self.registry.resolve(toks[k].text)
                    if cand is not None and not cand.is_person and cand.country:
                        owner = cand
                        break
            if owner is None:
                owner = self.memory.last_org
            if owner is not None and owner.country in _COUNTRY_DEMONYM:
                found = self.registry.resolve(f"{_COUNTRY_DEMONYM[owner.country]} {noun}")
                if found is not None:
                    return found
            return owner
        if toks[a].low in ("his", "her") and self.memory.last_person is not None:
            want = "she" if toks[a].low == "her" else "he"
            person = None
            for k in range(a - 1, -1, -1):  # "Clinton will visit Ohio, her campaign said"
                near = self._known(toks, k, k) if toks[k].is_cap else None
                if near is not None and near.is_person:
                    if self.memory.pronouns.setdefault(near.name, want) == want:
                        person = near
                    break
            person = person or self._pronoun(want)
            if person is not None and person.is_person and toks[b].bare in _OWNED_PARTIES:
                # "her campaign said" -> "Clinton campaign"
                return self._new_source(f"{person.name.split()[-1]} {toks[b].text}")
            return person
        return None

    def _government_of(self, person: Source) -> Source | None:
        if person.is_person and person.country in _COUNTRY_DEMONYM:
            return self.registry.resolve(f"{_COUNTRY_DEMONYM[person.country]} government")
        return None

    def _presidency(self, person: Source) -> Source | None:
        if person.country in _COUNTRY_DEMONYM:
            return self.registry.resolve(f"{_COUNTRY_DEMONYM[person.country]} presidency")
        return None

    def _role(self, toks: list[_Tok], a: int, b: int, head: str) -> Source | None:
        words = [normalise(t.text) for t in toks[a + 1 : b + 1]]
        if head == "presidency":
            for src in reversed(self.memory.speakers):
                if src.country in _COUNTRY_DEMONYM:
                    pres = self.registry.resolve(f"{_COUNTRY_DEMONYM[src.country]} presidency")
                    if pres is not None:
                        return pres
            return None
        if head in _PERSON_ROLES:
            return self._person_by_role(toks, a, b)
        kinds = _ROLE_KINDS.get(head)
        if head == "group":
            named = self._named_words(toks, a, b)
            if named is not None:
                return named
        if head in ("army", "military") and not words[:-1]:
            # "the army" is a state's army, never the armed group that spoke last
            for src in reversed(self.memory.speakers + self.memory.orgs):
                name = normalise(src.name).split()
                if src.kind is SourceKind.MILITARY and name[0] in descriptor_words().demonyms:
                    return src  # "Syrian army", "Turkish military"
            return self.registry.resolve(f"{self._article_country()} army")
        if kinds is not None:
            if head in ("ministry", "command") and head in self.memory.heads and not words[:-1]:
                return self.memory.heads[head]
            for src in reversed(self.memory.speakers + self.memory.orgs):
                if src.kind in kinds and not src.is_person:
                    if head in ("ministry", "command") and head not in src.name.lower():
                        continue
                    return src
            if head == "ministry" and len(words) >= 2:
                return self._country_ministry(" ".join(words))
            if head in ("monitor", "observatory", "watchdog", "group") or "monitoring" in words:
                # "the group said" before any group spoke: the monitor the article names
                return self._article_monitor()
        return None

    def _country_ministry(self, ministry: str) -> Source | None:
        """ "The defence ministry (in Moscow) said": the ministry of the country the claim's
        capital names, else of the country named last before the claim."""
        text = self.doc.text
        at = text.find(self._cur_text)
        at = len(text) if at < 0 else at
        capital = _CAPITAL_IN.search(self._cur_text)
        if capital is not None:
            return self.registry.resolve(f"{_CAPITALS[capital.group(1)]} {ministry}")
        best: tuple[int, str] | None = None
        for name, demonym in (*_COUNTRY_DEMONYM.items(), *_CAPITALS.items()):
            for word in {name, demonym}:
                pos = text.rfind(word, 0, at)
                if (
                    pos >= 0
                    and (best is None or pos > best[0])
                    and self.registry.resolve(f"{demonym} {ministry}") is not None
                ):
                    best = (pos, demonym)
        return self.registry.resolve(f"{best[1]} {ministry}") if best is not None else None

    def _article_coalition(self) -> Source | None:
        text = self.doc.text
        if _SYRIAN_COALITION.search(text) and not _FOREIGN_COALITION.search(text):
            return self.registry.resolve("Syrian National Coalition")
        return None

    def _state_media(self, low: str) -> Source | None:
        """ "State TV", "earlier state television", "the official Syrian news agency": the state
        broadcaster or agency of the country named, or of the article's country."""
        m = _STATE_MEDIA.match(low)
        if m is None:
            return None
        demonym = m.group(1) or m.group(2)
        if demonym is not None and demonym not in descriptor_words().demonyms:
            return None
        country = (demonym or self._article_country()).capitalize()
        medium = _STATE_MEDIUM[m.group(3)]
        found = self.registry.resolve(f"{country} {medium}")
        if found is None and demonym is not None:
            # "Jordanian state TV": that state's broadcaster, by that name (not "state")
            kind = SourceKind.NEWS_AGENCY if "agency" in medium else SourceKind.BROADCASTER
            found = Source(name=f"{country} {medium}", kind=kind)
        return found

    def _article_country(self) -> str:
        """The demonym of the country an article is about: the most mentioned one."""
        text = self.doc.text
        best = max(_COUNTRY_DEMONYM, key=lambda c: text.count(c))
        return _COUNTRY_DEMONYM[best] if best in text else "Syrian"

    def _article_monitor(self) -> Source | None:
        """The monitor the article names anywhere ("a monitor said" ... "the Observatory")."""
        if self._monitor is None:
            found: Source | None = None
            for m in _MONITOR_NAMES.finditer(self.doc.text):
                found = self.registry.resolve(m.group())
                if found is not None:
                    break
            self._monitor = (found,)
        return self._monitor[0]

    def _person_by_role(self, toks: list[_Tok], a: int, b: int) -> Source | None:
        d = descriptor_words()
        words = [normalise(t.text) for t in toks[a : b + 1]]
        words = [w for w in words if w and w not in _DETS]
        demonyms = [w for w in words if w in d.demonyms]
        roles = [w for w in words if w not in d.demonyms]
        for person in reversed(self.memory.people):
            desc = " ".join([person.roles, *(normalise(x) for x in person.source.descriptors)])
            if all(r in desc.split() for r in roles) and all(x in desc.split() for x in demonyms):
                return person.source
        # "The Russian foreign minister made an offer" before "Foreign Minister Sergey Lavrov"
        for person in self._people_in_article():
            desc = " ".join([person.roles, *(normalise(x) for x in person.source.descriptors)])
            if (
                roles
                and all(r in desc.split() for r in roles)
                and all(x in desc.split() for x in demonyms)
            ):
                return person.source
        return None

    def _people_in_article(self) -> list[_Person]:
        """People named with a title anywhere in the article, in document order (computed once,
        on a scratch memory, so the running discourse memory is not disturbed)."""
        if self._all_people is None:
            saved = self.memory
            self.memory = _Memory()
            for claim in self._claims:
                self._note_mentions(_tokens(claim.text), claim.text)
            self._all_people = self.memory.people
            self.memory = saved
        return self._all_people

    def _note_org(self, src: Source) -> None:
        if src.is_person:
            self._remember_person(src, "")
        else:
            self.memory.orgs.append(src)

    def _remember_person(self, src: Source, roles: str) -> None:
        self.memory.people.append(_Person(src, roles))

    def _note_mentions(self, toks: list[_Tok], text: str) -> None:
        """Remember people named with a title anywhere: "his Russian counterpart Sergey Lavrov"."""
        d = descriptor_words()
        n = len(toks)
        k = 0
        while k < n:
            t = toks[k]
            if not (t.is_word and (t.is_cap or t.bare in d.titles)):
                k += 1
                continue
            e = k
            while e + 1 < n and toks[e + 1].is_word and (
                toks[e + 1].is_cap
                or toks[e + 1].bare in d.titles
                or (toks[e + 1].low in _NAME_PARTICLES and e + 2 < n and toks[e + 2].is_cap)
            ):  # fmt: skip
                e += 1
            if e > k or t.is_cap:
                span_text = text[toks[k].start : toks[e].end]
                if any(toks[x].is_cap for x in range(k, e + 1)):
                    self._note_person(span_text)
            k = e + 1

    def _note_person(self, mention: str) -> None:
        words = mention.split()
        if len(words) < 2:
            return
        name, descriptor, kind = self.registry.canonicalise(mention)
        if kind is not SourceKind.OFFICIAL or not name:
            return
        known = self.registry.resolve(name) or self._local(name)
        roles = normalise(descriptor or "")
        person_title = any(w in descriptor_words().person_titles for w in roles.split())
        if not person_title and not (known is not None and known.is_person):
            return  # "Deir Ezzor" is two capitalised words, not a person
        if "counterpart" in roles.split() and self.memory.people:
            # "his Russian counterpart Sergey Lavrov": the role of the person named before
            prior = self.memory.people[-1]
            d = descriptor_words()
            prior_role = " ".join(
                w for w in prior.roles.split() if w not in d.demonyms and w not in _POSS_PRON
            )
            roles = f"{roles} {prior_role}"
        if known is not None and known.is_person:
            self._remember_person(known, roles)
            return
        if known is not None:
            return
        src = Source(name=name, kind=kind, descriptors=(descriptor,) if descriptor else (),
                     is_person=True)  # fmt: skip
        self.memory.local.setdefault(normalise(name), src)
        self._remember_person(src, roles)

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

    def _speaker(self, label: str) -> Source:
        """The person a transcript's speaker label names: "POLLARD" -> Ray Pollard when the
        article names him, else the label in name case ("Wallace")."""
        words = label.split()
        titles = descriptor_words().titles
        while len(words) > 1 and words[0].lower() in titles:
            words = words[1:]  # "GOV. MIKE PENCE" -> "Mike Pence"
        name = " ".join(w.capitalize() for w in words)
        known = self._local(name) or self.registry.resolve(name)
        if known is None:
            people = {
                p.source.name: p.source
                for p in self._people_in_article()
                if normalise(p.source.name).split()[-1:] == normalise(name).split()[-1:]
            }
            known = next(iter(people.values())) if len(people) == 1 else None
        if known is not None:
            return known
        # "Governor Ray Pollard of Ohio" -> "Ray Pollard": a first name before the label
        titles = descriptor_words().titles
        for m in re.finditer(r"\b([A-Z][a-z][\w'’-]*) " + re.escape(name) + r"\b", self.doc.text):
            if normalise(m.group(1)) not in titles:
                full = m.group(0)
                return Source(name=full, kind=SourceKind.OFFICIAL, is_person=True)
        return Source(name=name, kind=SourceKind.OFFICIAL, is_person=True)

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
# who is not quoted in the first person: monitors, outlets and unnamed sources report, and a
# "we" next to them is a witness they quote ("We heard strikes this morning")
_NOT_FIRST_PERSON = frozenset(
    {SourceKind.MONITOR, SourceKind.NEWS_AGENCY, SourceKind.BROADCASTER, SourceKind.NEWSPAPER}
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


_SPACES = re.compile(r"\s+")
# the document a source spoke in: "said in a report released Wednesday"
_SPOKE_IN = re.compile(
    r"\b[Ii]n an? (?:new |written |\d+-page )?(report|study|letter|memo|survey)\b"
)
# a cue in a Title Case headline: "ISIL Claims Beheading of 18 Syrians", "Trump Says He Will ..."
_TITLE_CUE = re.compile(
    r" (?:Says|Said|Claims|Warns|Tells|Denies|Accuses|Blames|Confirms|Urges|Vows|Insists|"
    r"Thinks|Believes|Announces|Admits|Rejects|Slams|Predicts|Pledges|Promises)(?= )"
)


def _lower_title_cues(text: str) -> str:
    """A Title Case headline's cue in lower case (same length, so offsets hold): most of its
    words are capitalised, so the cue would otherwise read as part of a name."""
    if _TITLE_CUE.search(text) is None:
        return text
    words = [w for w in text.split() if w[:1].isalpha() and len(w) > 3]
    if len(text.split()) > 20 or len(words) < 3:
        return text  # a headline is short; a long capitalised line is a list of links
    if sum(w[0].isupper() for w in words) < 0.8 * len(words):
        return text
    return _TITLE_CUE.sub(lambda m: m.group().lower(), text)  # " Says" -> " says"


def _is_participle(tok: _Tok) -> bool:
    return (
        tok.is_word
        and not tok.text[0].isupper()
        and (tok.low.endswith("ing") or tok.low.endswith("ed"))
        and tok.low not in ("during", "including", "according", "regarding", "concerning")
    )


def _country_possessive(tok: _Tok) -> bool:
    """ "Syrias", "Turkeys": a country's possessive with its apostrophe stripped."""
    return tok.text.endswith("s") and tok.text[:-1] in _COUNTRY_DEMONYM


def _rule_at(toks: list[_Tok], i: int) -> str:
    return "tail-cue" if _is_tail(toks, i) else "subject-cue"


def _index_after(toks: list[_Tok], pos: int) -> int:
    for n, t in enumerate(toks):
        if t.start >= pos:
            return n
    return len(toks)


# bodies that speak through their own name ("The Clinton campaign called on ...")
_SPEAKING_BODIES = frozenset(
    {"campaign", "committee", "party", "council", "ministry", "administration", "department",
     "agency", "office", "commission", "foundation", "institute", "center", "centre"}
)  # fmt: skip
# what a camera recorded describes, it does not claim
_FOOTAGE = frozenset({"video", "videos", "footage", "photo", "photos", "image", "images"})
# what makes an unnamed source informed: "people familiar with the matter"
_INFORMED = re.compile(
    r" (?:familiar with|close to|briefed on|with knowledge of|knowledgeable about)"
    r"(?: (?!(?:said|says|told|have|has|had|is|are|was|were|say|believe|believes)\b)[\w'’-]+)"
    r"{1,4}?(?=[,.;]| (?:said|says|told|have|has|had|is|are|was|were|say|believe|believes)\b|$)"
)
# the people or body of a named person: "Clinton's campaign", "Trump's lawyers"
_OWNED_PARTIES = frozenset(
    {"campaign", "campaigns", "lawyers", "lawyer", "attorneys", "attorney", "aides", "advisers",
     "allies", "surrogates"}
)  # fmt: skip
# roles that only ever point back to a person named with them ("the Republican nominee")
_CANDIDATE_ROLES = frozenset({"nominee", "candidate", "senator"})
# participles whose subject is the sentence's: "..., saying he was joking"
_CLAUSE_CUES = frozenset(
    {"saying", "adding", "arguing", "insisting", "warning", "claiming", "noting", "explaining",
     "stressing", "stating", "telling", "vowing", "promising", "accusing", "calling", "urging"}
)  # fmt: skip
# the people a poll asked: what they "said" is the poll's finding
_POLLED = frozenset({"respondents", "polled", "surveyed", "interviewed"})
# past participles that do not end in -ed: "a poll taken last week found"
_IRREGULAR_PARTICIPLES = frozenset({"taken", "done", "shown", "made", "held", "run", "out"})
_GOVERNS = frozenset({"government", "regime", "administration"})
# reporting verbs whose passive names the source after "by" ("was announced by the militia");
# not "claimed by" (responsibility for an attack) nor "killed by"
_DENIALS = frozenset({"denied", "denies", "deny", "rejected", "rejects", "dismissed", "refuted"})
# what precedes the accused: "pointed the finger at X", "accused X", "blamed X"
_ACCUSING = frozenset({"at", "accused", "accusing", "blamed", "blaming", "against"})
_PASSIVE_BY_CUES = frozenset({"announced", "confirmed", "reported", "stated", "denied"})
_MODIFIER_OPENERS = frozenset({"who", "which", "familiar", "close", "briefed", "based", "involved"})
_SENTENCE_ADVERBS = frozenset(
    {"meanwhile", "however", "moreover", "separately", "elsewhere", "earlier", "later", "also"}
)
_SYRIAN_COALITION = re.compile(r"\b(?:Syrian|National) (?:National |Opposition )?Coalition\b")
_FOREIGN_COALITION = re.compile(
    r"\b(?:US|U\.S\.|American|international|Western|anti-IS|anti-ISIS)[- ]led coalition|"
    r"\b(?:international|Western|anti-IS|anti-ISIS|anti-jihadist) coalition",
    re.I,
)
_CREDIT_LINE = re.compile(r"^\s*(?:--|—|–)\s*[A-Z][\w .&/-]{1,40}$")
_STATE_MEDIA = re.compile(
    r"^(?:earlier |the |an? )*(?:([a-z]+) )?"  # "Jordanian state TV"
    r"(?:(?:state|state-run|state-owned|official|government)[ -]?)+"
    r"(?:([a-z]+) )?(television|tv|news agency|media|broadcaster)$"
)
_STATE_MEDIUM = {
    "television": "state television", "tv": "state television", "broadcaster": "state television",
    "news agency": "state news agency", "media": "state media",
}  # fmt: skip
_LY_NOUNS = frozenset(
    {"family", "assembly", "ally", "rally", "anomaly", "monopoly", "supply", "reply", "july"}
    | {"daily", "weekly", "monthly", "quarterly"}  # "the London-based daily said"
)


def _is_adverb(tok: _Tok) -> bool:
    return (
        tok.is_word
        and not tok.text[0].isupper()
        and len(tok.low) > 4
        and tok.low.endswith("ly")
        and tok.low not in _LY_NOUNS
    )


def _skip_back(toks: list[_Tok], j: int, cue: str) -> int:
    """Step back over adverbs, auxiliaries and "in a statement" between a subject and its cue."""
    while j >= 0:
        low = toks[j].low
        if low in _SKIP_BEFORE_CUE and not (low in ("also",) and j == 0):
            j -= 1
            continue
        if _is_adverb(toks[j]) and j > 0:
            j -= 1  # "The Syrian Coalition strongly condemned", "Moscow flatly denied"
            continue
        if low == "to" and cue in _BASE_FORMS:
            j -= 1
            continue
        if low in ("not", "n't") and j >= 1 and toks[j - 1].low in ("did", "does", "do"):
            j -= 2
            continue
        if low in _DAYS and j >= 1 and toks[j - 1].low in ("on", "late", "early", "last", "this"):
            j -= 2
            continue
        if low == "statement" and j >= 2 and toks[j - 1].low == "a" and toks[j - 2].low == "in":
            j -= 3
            continue
        if (
            low == ","
            and j >= 5
            and toks[j - 1].low == "statement"
            and toks[j - 3].low == "in"
            and toks[j - 4].text == ","
        ):
            j -= 5  # "The Trump campaign, in a statement, called on ..."
            continue
        break
    return j


# verbs of Title Case headlines that end up glued to the first sentence: never part of a name
_HEADLINE_VERBS = frozenset(
    {"killed", "kills", "kill", "wounded", "injured", "dead", "dies", "die", "hit", "hits",
     "leaves", "left", "targets", "targeted", "shells", "shelled", "bombs", "bombed"}
)  # fmt: skip
_NAME_CLOSERS = frozenset({"watch", "rights", "international", "today", "post", "times"})


def _closes_name(toks: list[_Tok], j: int) -> bool:
    """A capitalised common word (or "rights") closing a name: "Human Rights Watch", "Siege
    Watch", "Syrian Observatory for Human rights"."""
    t = toks[j]
    return t.low in _NAME_CLOSERS and j > 0 and toks[j - 1].is_cap


def _np_before(toks: list[_Tok], j: int) -> tuple[int, int] | None:
    """The noun phrase ending at token ``j`` (indices, inclusive), scanning right to left."""
    if j < 0 or j >= len(toks):
        return None
    t = toks[j]
    if t.low in _PRONOUNS:
        return (j, j)
    # a capitalised common word closing a name: "Human Rights Watch", "Airwars Monitor"
    closes_name = _closes_name(toks, j)
    if not _is_head(t) and not closes_name:
        return None

    i = j
    saw_cap = t.is_cap
    while i - 1 >= 0:
        p = toks[i - 1]
        if not p.is_word:
            break
        if p.low in _DETS or p.low in _POSS_PRON:
            i -= 1
            break
        if p.is_cap:
            if p.low in _HEADLINE_VERBS:
                break  # "... 30 Terrorist Killed Reports said": a headline run into the text
            if p.possessive and i - 2 >= 0 and toks[i - 2].is_cap and not toks[i - 2].possessive:
                i -= 1
                continue
            i -= 1
            saw_cap = True
            continue
        if p.bare in _SOURCE_NOUNS or _is_mod(p):
            if saw_cap and not toks[i].is_cap and p.bare not in _MODIFIERS:
                break
            i -= 1
            continue
        if p.low in _NAME_PARTICLES and i - 2 >= 0 and toks[i - 2].is_cap and toks[i].is_cap:
            if p.low == "and":
                break
            i -= 1
            continue
        if p.low == "and" and i - 2 >= 0:
            # "A rebel military source and witnesses"
            left = _np_before(toks, i - 2)
            if left is not None and not toks[i].is_cap and not toks[i - 2].is_cap:
                return (left[0], j)
            break
        break
    # "Tags Idlib Russia Syria Anti-government activists": drop the furniture word and the tag
    # list after it when the phrase ends in a common noun
    for k in range(j, i - 1, -1):
        if toks[k].is_word and toks[k].low in _FURNITURE and toks[k].text[0].isupper():
            i = k + 1
            if not toks[j].is_cap:
                while i < j and toks[i].is_cap and not _is_mod(toks[i]):
                    i += 1
            break
    if i > j:
        return None
    # all-modifier phrases ("the official") need a head noun or a name
    if all(not _is_head(x) for x in toks[i : j + 1]):
        return None
    return (i, j)


def _np_after(toks: list[_Tok], k: int) -> tuple[int, int] | None:
    """The noun phrase starting at token ``k``, scanning left to right."""
    n = len(toks)
    if k >= n:
        return None
    i = k
    t = toks[i]
    if t.low in _PRONOUNS:
        return (i, i)
    if t.low in _DETS or t.low in _POSS_PRON:
        i += 1
    start_cap = i < n and toks[i].is_cap and toks[k].low not in _DETS
    last: int | None = None
    while i < n:
        t = toks[i]
        if not t.is_word:
            break
        if t.is_cap:
            if (
                start_cap
                and last is not None
                and t.low in descriptor_words().demonyms
                and i + 1 < n
                and toks[i + 1].is_word
                and not toks[i + 1].is_cap
            ):
                break  # "According to Konashenkov Russian military intelligence ..."
            last = i
            i += 1
            continue
        if start_cap and last is not None:
            if t.low in _NAME_PARTICLES and t.low != "and" and i + 1 < n and toks[i + 1].is_cap:
                i += 1
                continue
            if (t.bare in _PERSON_ROLES or t.bare in _APPOSITIVE_ROLES) and i + 1 < n and toks[
                i + 1
            ].is_cap:  # fmt: skip
                i += 1
                continue
            break
        if t.bare in _SOURCE_NOUNS:
            last = i
            i += 1
            continue
        if _is_mod(t) and (last is None or (i + 1 < n and toks[i + 1].bare in _SOURCE_NOUNS)):
            i += 1
            continue
        if t.low in _NAME_PARTICLES and t.low != "and" and last is not None and i + 1 < n and (
            toks[i + 1].is_cap
        ):  # fmt: skip
            i += 1
            continue
        break
    if last is None:
        return None
    # "a source at Damascus Police Command", "officials in the Kurdish administration"
    if (
        toks[last].bare in ("source", "sources", "official", "officials")
        and last + 2 < n
        and toks[last + 1].low in ("at", "in", "within", "from")
        and toks[last + 2].is_word
    ):
        tail = _np_after(toks, last + 2)
        if tail is not None and any(t.bare in _ORG_HEADS for t in toks[tail[0] : tail[1] + 1]):
            return (k, tail[1])
    return (k, last)


def _is_tail(toks: list[_Tok], i: int) -> bool:
    """True when a cue ends its sentence but for adverbials: "... the Observatory said on Friday."""
    n = len(toks)
    k = i + 1
    while k < n:
        t = toks[k]
        if not t.is_word:
            if t.text in (".", "!", "?", '"', "”", ")"):
                k += 1
                continue
            return False
        if t.low in _DAYS or t.low in ("on", "late", "early", "last", "this", "in", "a",
                                        "statement", "earlier", "later", "after", "said",
                                        "told", "reporters", "afp", "reuters"):  # fmt: skip
            k += 1
            continue
        return False
    return True


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


# words dropped from the name of an unnamed source: "the same source" -> "unnamed source"
_UNNAMED_DROP = frozenset({"the", "a", "an", "same", "this", "that", "these", "those", "such"})


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Every spelling of every place in the gazetteer (``rules/gazetteer.toml``)."""
    return frozenset(normalise(s) for forms in gazetteer().spellings.values() for s in forms)


@lru_cache(maxsize=16)
def _named_document(family: tuple[str, ...]) -> re.Pattern[str]:
    """ "a Quinnipiac University poll", "the new Bloomberg Politics survey": capitalised words
    before a document noun."""
    heads = "|".join(re.escape(h) for h in family)
    return re.compile(r"\b((?:[A-Z][\w&.'’-]*\s){1,4}?)((?i:" + heads + r"))\b")


# a transcript's speaker label at the start of a paragraph: "WALLACE:", "SEN. HARRIS:"
# also "WALLACE (voice-over):", "CHRIS WALLACE, FOX NEWS ANCHOR:", "GOV. MIKE PENCE (R-IND.),
# VICE PRESIDENTIAL NOMINEE:", "STEVE INSKEEP, HOST:" (the name is the part before the comma)
_TURN = re.compile(
    r"^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})(?: ?\([^)\n]{1,40}\))?"
    r"(?:, ?[A-Z][A-Z .'’&/-]{1,60}(?: ?\([^)\n]{1,40}\))?)?:\s",
    re.MULTILINE,
)
# a finding "in the poll" / "in a new CNN/ORC poll" / "in the survey"
_IN_THE_POLL = re.compile(
    r"\bin (?:the|a|an|this|that) ((?:(?:new|latest|recent|national|separate)\s)?"
    r"(?:[A-Z][\w/.&-]*\s){0,4}(?:poll|survey))\b"
)
# "Senator Lindsey Graham of South Carolina": the state a titled person is from is no part of
# the name
_FROM_PLACE = re.compile(
    r"^((?:Sen|Senator|Rep|Representative|Gov|Governor|Mayor)\.? (?:[A-Z][\w'’-]+ ){1,3}?"
    r"[A-Z][\w'’-]+) of [A-Z][a-z]+(?: [A-Z][a-z]+)?$"
)
# the credit line of an embedded tweet, and its picture link
_TWEET_CREDIT = re.compile(r"^[—–-]{1,2} ?([^()\n]{2,60}?) \(@\w{1,30}\) \w+ \d{1,2}, \d{4}$")
_TWEET_LINK = re.compile(r"(?:https?://)?(?:pic\.)?twitter\.com/\S+|https?://t\.co/\S+")
_NAME_CASE_TURN = re.compile(r"^([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2}):\s", re.MULTILINE)
_INVERTED_CUE = re.compile(r" (?:said|says|told|added)\b")
_SENTENCE_STOP = re.compile(r"[.!?](?= +[A-Z\"“])")
