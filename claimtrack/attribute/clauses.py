"""Clause splitting: one sentence that carries two attributions becomes two claims ("The
Russian defence ministry said ..., prompting Turkish Defence Minister Hulusi Akar to say ...")."""

from __future__ import annotations

from dataclasses import replace

from claimtrack.attribute.resolve import _Resolver
from claimtrack.attribute.sites import _Found
from claimtrack.model import (
    Claim,
)


class _Clauses(_Resolver):
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
