"""The attribution vocabulary: reporting cues from ``rules/cues.toml`` and the word lists the
rules consult (role nouns, modifiers, stop words ...)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from claimtrack.model import (
    SourceKind,
)
from claimtrack.sources import (
    generic_words,
)

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
_INVERTIBLE = frozenset(
    {"said", "says", "added", "reported", "wrote", "stated", "announced", "claimed", "insisted",
     "warned", "noted", "stressed", "explained", "confirmed"}
)  # fmt: skip
# who is not quoted in the first person: monitors, outlets and unnamed sources report, and a
# "we" next to them is a witness they quote ("We heard strikes this morning")
_NOT_FIRST_PERSON = frozenset(
    {SourceKind.MONITOR, SourceKind.NEWS_AGENCY, SourceKind.BROADCASTER, SourceKind.NEWSPAPER}
)


# bodies that speak through their own name ("The Clinton campaign called on ...")
_SPEAKING_BODIES = frozenset(
    {"campaign", "committee", "party", "council", "ministry", "administration", "department",
     "agency", "office", "commission", "foundation", "institute", "center", "centre"}
)  # fmt: skip
# what a camera recorded describes, it does not claim
_FOOTAGE = frozenset({"video", "videos", "footage", "photo", "photos", "image", "images"})
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
_STATE_MEDIUM = {
    "television": "state television", "tv": "state television", "broadcaster": "state television",
    "news agency": "state news agency", "media": "state media",
}  # fmt: skip
_LY_NOUNS = frozenset(
    {"family", "assembly", "ally", "rally", "anomaly", "monopoly", "supply", "reply", "july"}
    | {"daily", "weekly", "monthly", "quarterly"}  # "the London-based daily said"
)


# verbs of Title Case headlines that end up glued to the first sentence: never part of a name
_HEADLINE_VERBS = frozenset(
    {"killed", "kills", "kill", "wounded", "injured", "dead", "dies", "die", "hit", "hits",
     "leaves", "left", "targets", "targeted", "shells", "shelled", "bombs", "bombed"}
)  # fmt: skip
_NAME_CLOSERS = frozenset({"watch", "rights", "international", "today", "post", "times"})
