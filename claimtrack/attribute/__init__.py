"""Claims -> attributions: who made each claim, by which words, relayed by whom.

A pure stage. ``attribute(doc, claims)`` returns the claims of ``segment(doc)`` with their
``Attribution`` filled in, in document order; a sentence that carries two attributions ("The
Russian defence ministry said ..., prompting Turkish Defence Minister Hulusi Akar to say ...")
comes back as two clauses, each with exact offsets into ``doc.text``.

The package, one concern a module: ``lexicon`` (the vocabulary of ``rules/cues.toml`` and
``rules/attribution.toml``, validated), ``tokens`` (tokens and noun phrases), ``sites`` (what a
rule is given, ``CueSite``, and what it returns), ``resolve`` (memory, coreference, source
lookup), ``subjects`` (the subject rules, an ordered tuple of named functions), ``relays``,
``nonverbal``, ``quotes``, ``clauses``, and ``engine`` (the orchestration).

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

from claimtrack.attribute.engine import attribute
from claimtrack.attribute.lexicon import Lexicon, LexiconError, default_lexicon, load_lexicon

__all__ = ["Lexicon", "LexiconError", "attribute", "default_lexicon", "load_lexicon"]
