"""The gazetteer: known places, their spellings and the governorate each lies in.

Loaded once from ``claimtrack/rules/gazetteer.toml`` (data: add a town there, not here). Pure
lookups, used by ``frame`` (places named in a claim) and ``incidents`` (where an incident is, and
whether two places can be one incident's: a town and its governorate can, two governorates can't).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from claimtrack.errors import RulesError

__all__ = ["Gazetteer", "gazetteer", "parse_gazetteer"]


@dataclass(frozen=True)
class Gazetteer:
    spellings: dict[str, tuple[str, ...]]  # canonical place -> spellings read in text
    governorate_of: dict[str, str]  # town -> its governorate
    governorates: frozenset[str]
    region_of: dict[str, str]  # town -> the area it lies in ("douma" -> "ghouta")

    def governorate(self, place: str) -> str | None:
        """``"khan shaykhun"`` -> ``"idlib"``; a governorate is its own; unknown places None."""
        if place in self.governorates:
            return place
        return self.governorate_of.get(place)

    def is_governorate(self, place: str) -> bool:
        return place in self.governorates

    def within(self, town: str, area: str) -> bool:
        """``town`` lies in ``area`` (a region or a governorate): "douma" in "ghouta"."""
        return self.region_of.get(town) == area or self.governorate_of.get(town) == area


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer of ``claimtrack/rules/gazetteer.toml`` (read once)."""
    try:
        text = resources.files("claimtrack.rules").joinpath("gazetteer.toml").read_text("utf-8")
        return parse_gazetteer(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RulesError(f"rules/gazetteer.toml: cannot be read as TOML: {exc}") from None


def parse_gazetteer(text: str) -> Gazetteer:
    """A gazetteer from TOML text in the format of ``rules/gazetteer.toml`` (checked: lower-case
    spellings, known governorates and regions)."""
    raw = tomllib.loads(text)
    spellings: dict[str, tuple[str, ...]] = {}
    governorate_of: dict[str, str] = {}
    governorates: set[str] = set()
    region_of: dict[str, str] = {}
    for name, entry in raw.get("places", {}).items():
        forms = entry.get("spellings", [name])
        if not all(isinstance(f, str) and f == f.lower() for f in forms):
            raise ValueError(f"gazetteer.toml: place {name!r}: spellings are lower-case strings")
        spellings[name] = tuple(forms)
        if entry.get("kind") in ("governorate", "country"):
            governorates.add(name)  # a country abroad is a top-level place like a governorate
        elif entry.get("governorate"):
            governorate_of[name] = str(entry["governorate"])
        if entry.get("region"):
            region_of[name] = str(entry["region"])
    unknown = {g for g in governorate_of.values() if g not in governorates}
    if unknown:
        raise ValueError(f"gazetteer.toml: unknown governorates {sorted(unknown)}")
    missing = {r for r in region_of.values() if r not in spellings}
    if missing:
        raise ValueError(f"gazetteer.toml: unknown regions {sorted(missing)}")
    return Gazetteer(spellings, governorate_of, frozenset(governorates), region_of)
