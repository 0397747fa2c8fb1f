"""Relays: "told Reuters", "quoted by SANA", "quoted X as saying" set ``via``."""

from __future__ import annotations

from dataclasses import replace

from claimtrack.attribute.lexicon import _AS_SAYING_VERBS, _OUTLET_KINDS
from claimtrack.attribute.resolve import _Resolver
from claimtrack.attribute.sites import _Found, _found
from claimtrack.attribute.tokens import _np_after, _np_before, _skip_back, _Tok


class _Relays(_Resolver):
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
            if toks[k].low in self.lex.citing:
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
            if pair in self.lex.relay_after:
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
        f = _found(toks, span, src, "quoted as saying", toks[k].start, "relay-quoted", i, text,
                        via=via)  # fmt: skip
        return replace(f, split_at=None)
